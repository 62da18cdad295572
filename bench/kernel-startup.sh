#!/usr/bin/env bash
# Start-up and footprint of the jconcur kernel against in-process JShell (the floor), side by side in one run,
# with a real Jupyter client. See bench/README.md.
#   bench/kernel-startup.sh [--launches 3] [--notebook notebooks/01-....ipynb]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$root/dev/common.sh"
. "$root/dev/java-home.sh"

launches=3
notebook=$(ls "$root"/notebooks/01-*.ipynb | head -n 1)
while [ $# -gt 0 ]; do
    case $1 in
        --launches) launches=$2; shift 2 ;;
        --notebook) notebook=$2; shift 2 ;;
        *) echo "usage: $0 [--launches N] [--notebook FILE]" >&2; exit 2 ;;
    esac
done

python=$JCONCUR_VENV/bin/python
[ -x "$python" ] || die "no pinned Jupyter environment at $JCONCUR_VENV: run dev/setup.sh --test"
kernel_jar="$root/kernel/target/jconcur-kernel.jar"
bench_classes="$root/bench/target/classes"
if [ ! -f "$kernel_jar" ] || [ ! -f "$bench_classes/jconcur/bench/InProcessJShellFloor.class" ]; then
    (cd "$root" && ./mvnw -q -B -pl bench -am package -DskipTests)
fi

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
"$JAVA_HOME/bin/java" -jar "$kernel_jar" install --prefix "$scratch/prefix" >/dev/null
mkdir -p "$scratch/data" "$scratch/runtime"

echo "jconcur start-up and footprint, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)," \
     "$("$JAVA_HOME/bin/java" -version 2>&1 | grep -v '^Picked up' | head -n 1)"
JUPYTER_PATH="$scratch/prefix/share/jupyter" JUPYTER_DATA_DIR="$scratch/data" JUPYTER_RUNTIME_DIR="$scratch/runtime" \
    "$python" "$root/bench/kernel_startup.py" --kernel jconcur --launches "$launches" --notebook "$notebook" \
    --java "$JAVA_HOME/bin/java" --floor-classpath "$bench_classes:$kernel_jar"
