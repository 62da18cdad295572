#!/usr/bin/env bash
# README command 1: set up (packages, the pinned Jupyter environment, build, kernelspec), then open the
# notebooks in JupyterLab 4, or in Notebook 7 with --notebook.
#   dev/run.sh [--notebook] [setup options, see dev/setup.sh --help] [-- extra arguments for jupyter]
set -euo pipefail

. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

app=lab
setup_args=()
while [ $# -gt 0 ]; do
  case $1 in
    --) shift; break ;;
    --notebook) app=notebook ;;
    --prefix) setup_args+=("$1" "${2:-}"); shift ;;
    -h | --help)
      echo "Usage: dev/run.sh [--notebook] [dev/setup.sh options] [-- jupyter arguments]"
      echo "Sets up jconcur, then runs 'jupyter lab' (JupyterLab 4) on notebooks/;"
      echo "with --notebook, 'jupyter notebook' (Notebook 7) instead."
      exit 0 ;;
    *) setup_args+=("$1") ;;
  esac
  shift
done

"$JCONCUR_ROOT/dev/setup.sh" "${setup_args[@]}"

jupyter=$(find_jupyter) || die "no JupyterLab 4 found (tried 'jupyter' on PATH and $JCONCUR_VENV/bin/jupyter);
dev/setup.sh installs it into $JCONCUR_VENV unless --no-build/--no-apt stopped it early: run dev/setup.sh"
if [ "$app" = notebook ] && ! "$jupyter" notebook --version 2>/dev/null | grep -q '^7\.'; then
  die "$jupyter has no Notebook 7: pip install -r requirements.txt into its environment, or drop --notebook"
fi

notebook_dir=$JCONCUR_ROOT/notebooks

# Jupyter refuses to run as root without --allow-root (containers, CI machines): say it, then allow it.
if [ "$(id -u)" -eq 0 ]; then
  note "running as root: passing --allow-root to Jupyter"
  set -- --allow-root "$@"
fi

note "starting $jupyter $app in $notebook_dir (kernel: Java (jconcur)); stop it with Ctrl-C"
exec "$jupyter" "$app" --notebook-dir="$notebook_dir" "$@"
