#!/usr/bin/env bash
# Runs the benchmarks and writes benchmarks/results/: jmh.json (JMH's own output),
# node-times.tsv, process-times.tsv (when wasm-runtime is built), summary.md and ratios.svg.
#
# usage: benchmarks/run.sh [--quick] [--no-build] [--no-process] [-- JMH-OPTION...]
#   --quick       smoke pass: three warm-up and two measured iterations, one module for the
#                 phases; the default full pass stays under 15 minutes on two idle cores
#   --no-build    use the jar already built
#   --no-process  skip the whole-process timings (process-times.sh)
# BUILD_FOLDER picks Maven's output folder (default target), as -Dbuild.folder does;
# RESULTS_NOTE adds a sentence to the summary (e.g. what else loaded the machine).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
quick=false build=true process=true
while [ $# -gt 0 ]; do
    case "$1" in
        --quick) quick=true; shift ;;
        --no-build) build=false; shift ;;
        --no-process) process=false; shift ;;
        --) shift; break ;;
        *) echo "unknown option $1 (see the usage at the top of $0)" >&2; exit 2 ;;
    esac
done
folder=${BUILD_FOLDER:-target}
java_home=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
java=$java_home/bin/java
jar=$here/$folder/benchmarks.jar
results=$here/results
scale=1   # WorkloadBenchmark's default; node and the processes run the same work

if $build; then
    (cd "$root" && JAVA_HOME=$java_home mvn -q -Dbuild.folder="$folder" -pl benchmarks -am -DskipTests package)
fi
mkdir -p "$results"

jmh_options=(-rf json -rff "$results/jmh.json")
if $quick; then
    jmh_options+=(-wi 3 -i 2 -w 300ms -r 300ms -p module=lz77)
    runs=3
else
    runs=5
fi
(cd "$root" && "$java" -jar "$jar" "WorkloadBenchmark|ModulePhasesBenchmark" "${jmh_options[@]}" "$@")

workloads=(lz77 sha256 sort_search nbody matmul recursion state_machine wordcount json regex)
# node 20 now and then dies with SIGSEGV (139) on its way out; such a run is repeated.
for attempt in 1 2 3; do
    status=0
    node --no-warnings "$here/node-times.mjs" "$here/workloads/wasm" "$scale" 21 "${workloads[@]}" \
        > "$results/node-times.tsv" || status=$?
    [ "$status" -eq 139 ] || break
done
[ "$status" -eq 0 ] || { echo "node-times.mjs failed with status $status" >&2; exit 1; }

process_file=
if $process; then
    if [ -x "${WASM_RUNTIME:-$root/cli/target/wasm-runtime}" ]; then
        "$here/process-times.sh" --runs "$runs" --scale "$scale" --tsv "$results/process-times.tsv"
        process_file=$results/process-times.tsv
    else
        echo "skipping whole-process times: build cli (cli/target/wasm-runtime) or set WASM_RUNTIME" >&2
    fi
fi

mode=$($quick && echo "Quick smoke pass" || echo "Full pass")
"$java" -cp "$jar" dev.wasmrt.benchmarks.report.ResultsReport \
    --jmh "$results/jmh.json" --node "$results/node-times.tsv" ${process_file:+--process "$process_file"} \
    --note "$mode, $(date -u +%Y-%m-%d). ${RESULTS_NOTE:-}" --out "$results"
