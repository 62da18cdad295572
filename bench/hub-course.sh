#!/usr/bin/env bash
# A course on one machine: JupyterHub (hub/jupyterhub_config.py) with N students (default 10) who each start a
# jconcur kernel through the Hub and run the first cells of chapter 1 at the same time. Prints each student's
# time, responsiveness and memory, and the total. See bench/README.md.
#   bench/hub-course.sh [--students 10] [--cells 5]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$root/dev/common.sh"
. "$root/dev/java-home.sh"

python=$JCONCUR_VENV/bin/python
[ -x "$python" ] || die "no pinned Jupyter environment at $JCONCUR_VENV: run dev/setup.sh --test"
kernel_jar="$root/kernel/target/jconcur-kernel.jar"
[ -f "$kernel_jar" ] || die "$kernel_jar is missing: run dev/setup.sh"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
"$JAVA_HOME/bin/java" -jar "$kernel_jar" install --prefix "$scratch/prefix" >/dev/null

echo "jconcur course on one machine, $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GB," \
     "load average $(cut -d' ' -f1-3 /proc/loadavg)"
JUPYTER_PATH="$scratch/prefix/share/jupyter" "$python" "$root/kernel/src/test/python/hub_course.py" "$@"
