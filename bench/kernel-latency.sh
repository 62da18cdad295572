#!/usr/bin/env bash
# Kernel latency benchmark (bench/README.md): launch -> kernel_info_reply, trivial cell round trip through a
# real Jupyter client, and raw in-process JShell.eval of the same snippet, with the ratio of the two; also the
# protocol layer's own round trip (instant engine, Java client).
#   bench/kernel-latency.sh [--launches N] [--cells N] [--warmup N] [--code SNIPPET]
# Both sides get the same warm-up (cells evaluated before timing starts).
# Uses the kernel jar of this checkout, installed into a temporary prefix (your own install is not touched).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
launches=5
cells=50
warmup=100
code="1 + 1"
while [ $# -gt 0 ]; do
    case "$1" in
        --launches) launches=$2; shift 2 ;;
        --cells) cells=$2; shift 2 ;;
        --warmup) warmup=$2; shift 2 ;;
        --code) code=$2; shift 2 ;;
        *) echo "usage: $0 [--launches N] [--cells N] [--warmup N] [--code SNIPPET]" >&2; exit 2 ;;
    esac
done

java_home=${JAVA_HOME:-}
if [ -z "$java_home" ] || ! "$java_home/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
    echo "kernel-latency: set JAVA_HOME to a JDK 21 or newer" >&2
    exit 2
fi
java="$java_home/bin/java"
python=${JCONCUR_VENV:-$root/.venv}/bin/python
if ! "$python" -c 'import jupyter_client' 2>/dev/null; then
    echo "kernel-latency: $python cannot import jupyter_client (dev/setup.sh --test installs the pinned Jupyter environment)" >&2
    exit 2
fi

kernel_jar="$root/kernel/target/jconcur-kernel.jar"
bench_classes="$root/bench/target/classes"
if [ ! -f "$kernel_jar" ] || [ ! -f "$bench_classes/jconcur/bench/InProcessJShellBench.class" ]; then
    (cd "$root" && JAVA_HOME="$java_home" ./mvnw -q -B -pl bench -am package -DskipTests)
fi

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
"$java" -jar "$kernel_jar" install --prefix "$scratch/prefix" >/dev/null
mkdir -p "$scratch/data" "$scratch/runtime"

echo "jconcur kernel latency, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $("$java" -version 2>&1 | head -1)"
"$java" -cp "$bench_classes" jconcur.bench.InProcessJShellBench --runs "$cells" --warmup "$warmup" --json "$code" > "$scratch/in-process.txt"
grep -v '^{' "$scratch/in-process.txt"
JUPYTER_PATH="$scratch/prefix/share/jupyter" JUPYTER_DATA_DIR="$scratch/data" JUPYTER_RUNTIME_DIR="$scratch/runtime" \
    "$python" "$root/bench/kernel_latency.py" --kernel jconcur --launches "$launches" --cells "$cells" --warmup "$warmup" --code "$code" --json \
    2> "$scratch/kernel.log" > "$scratch/kernel.txt" || { cat "$scratch/kernel.log" "$scratch/kernel.txt" >&2; exit 1; }
grep -v '^{' "$scratch/kernel.txt"

"$java" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$bench_classes:$kernel_jar" jconcur.bench.KernelLatencyBench 2>/dev/null

"$python" - "$scratch/in-process.txt" "$scratch/kernel.txt" <<'PY'
import json, sys
last_json = lambda path: json.loads([l for l in open(path) if l.startswith("{")][-1])
local, kernel = last_json(sys.argv[1]), last_json(sys.argv[2])
ratio = kernel["cell_round_trip_median_ms"] / local["in_process_median_ms"]
print(f"ratio kernel round trip / in-process eval: {ratio:.2f} (target <= 1.3); "
      f"kernel ready in {kernel['launch_to_kernel_info_median_ms']} ms (target < 1000)")
PY
