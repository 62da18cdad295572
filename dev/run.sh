#!/usr/bin/env bash
# README command 1: set up (packages, build, kernelspec), then open the notebooks in Jupyter.
# Uses JupyterLab when the Jupyter found has it, else the classic Notebook (Debian 12 packages no JupyterLab).
#   dev/run.sh [setup options, see dev/setup.sh --help] [-- extra arguments for jupyter]
set -euo pipefail

. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

setup_args=()
while [ $# -gt 0 ]; do
  case $1 in
    --) shift; break ;;
    --prefix) setup_args+=("$1" "${2:-}"); shift ;;
    -h | --help)
      echo "Usage: dev/run.sh [dev/setup.sh options] [-- jupyter arguments]"
      echo "Sets up jconcur, then runs 'jupyter lab' (or 'jupyter notebook') on notebooks/."
      exit 0 ;;
    *) setup_args+=("$1") ;;
  esac
  shift
done

"$JCONCUR_ROOT/dev/setup.sh" "${setup_args[@]}"

jupyter=$(find_jupyter) || die "no working Jupyter found (tried 'jupyter' on PATH and /usr/bin/jupyter).
On Debian/Ubuntu: sudo apt-get install jupyter-notebook; elsewhere: pip install jupyterlab (or conda install jupyterlab)"

notebook_dir=$JCONCUR_ROOT/notebooks
[ -d "$notebook_dir" ] || notebook_dir=$JCONCUR_ROOT

if "$jupyter" lab --version >/dev/null 2>&1; then
  app=lab
elif "$jupyter" notebook --version >/dev/null 2>&1; then
  app=notebook
else
  die "$jupyter has neither 'lab' nor 'notebook': install JupyterLab or the classic Notebook"
fi

# Jupyter refuses to run as root without --allow-root (containers, CI machines): say it, then allow it.
if [ "$(id -u)" -eq 0 ]; then
  note "running as root: passing --allow-root to Jupyter"
  set -- --allow-root "$@"
fi

note "starting $jupyter $app in $notebook_dir (kernel: Java (jconcur)); stop it with Ctrl-C"
exec "$jupyter" "$app" --notebook-dir="$notebook_dir" "$@"
