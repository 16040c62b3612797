#!/usr/bin/env bash
# Times whole processes: one Sysinspect module call of the bundled `hello` example (the JSON
# protocol, as Sysinspect runs it), then `wasm-runtime run` of each workload (interpreter, and
# compiler with its .cwasm cache warm) next to node running the same module through node:wasi,
# several runs each, and prints the medians and the ratios to node. Startup, module loading and the run itself are all counted,
# which is what a user of the command sees.
#
# usage: benchmarks/process-times.sh [--runs N] [--scale S] [--tsv FILE] [WORKLOAD...]
#   --runs  runs per workload and runner (default 5)
#   --scale the workloads' argv[1] (default 1, as WorkloadBenchmark)
#   --tsv   also write the medians as TSV (read by benchmarks/run.sh's report)
# WASM_RUNTIME overrides the executable (default: cli/target/wasm-runtime).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
runs=5
scale=1
tsv=
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) runs=$2; shift 2 ;;
        --scale) scale=$2; shift 2 ;;
        --tsv) tsv=$2; shift 2 ;;
        -*) echo "unknown option $1" >&2; exit 2 ;;
        *) break ;;
    esac
done
workloads=("$@")
[ ${#workloads[@]} -gt 0 ] || workloads=(lz77 sha256 sort_search nbody matmul recursion state_machine wordcount json regex)
runtime=${WASM_RUNTIME:-$root/cli/target/wasm-runtime}
[ -x "$runtime" ] || { echo "no executable $runtime (build cli, or set WASM_RUNTIME)" >&2; exit 2; }
command -v node >/dev/null || { echo "node not found" >&2; exit 2; }

# A scratch copy, so the compiler's .cwasm cache entries never land in the repository.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cp "$here"/workloads/wasm/*.wasm "$scratch"/

# Prints the median wall time in ms of `runs` executions of the given command.
median_ms() {
    local times=() i start end status crashes=0
    for ((i = 0; i < runs; i++)); do
        start=$(date +%s%N)
        status=0
        "$@" > /dev/null 2>&1 || status=$?
        end=$(date +%s%N)
        # node 20 now and then dies with SIGSEGV (139) on its way out; that run is repeated.
        if [ "$status" -eq 139 ] && [ $((crashes += 1)) -le 3 ]; then
            i=$((i - 1))
            continue
        fi
        [ "$status" -eq 0 ] || { echo "failed with status $status: $*" >&2; exit 1; }
        times+=($(( (end - start) / 1000 )))
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{ t[NR] = $1 } END {
        m = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2; printf "%.1f", m / 1000 }'
}

[ -z "$tsv" ] || printf 'workload\tscale\trunner\tmedian_ms\truns\n' > "$tsv"

# One module call through the protocol, with the example sharelib copied so its cache stays out of the repository.
cp -r "$root/examples/sharelib" "$scratch/sharelib"
request='{"arguments":{"rt.mod":"hello"},"config":{"path.sharelib":"'"$scratch/sharelib"'"}}'
call() { printf '%s' "$request" | WASM_RUNTIME_ENGINE=interpreter "$runtime"; }
call_compiled() { printf '%s' "$request" | WASM_RUNTIME_ENGINE=compiler "$runtime"; }
call > /dev/null; call_compiled > /dev/null   # start-up caches and the .cwasm entry, as a second call finds them
protocol_interpreter=$(median_ms call)
protocol_compiler=$(median_ms call_compiled)
printf 'module call (hello, protocol): interpreter %s ms, compiler %s ms (median of %s)\n\n' \
    "$protocol_interpreter" "$protocol_compiler" "$runs"
if [ -n "$tsv" ]; then
    printf 'protocol-hello\t-\tinterpreter\t%s\t%s\nprotocol-hello\t-\tcompiler\t%s\t%s\n' \
        "$protocol_interpreter" "$runs" "$protocol_compiler" "$runs" >> "$tsv"
fi

printf '%-12s %12s %12s %12s %10s %10s\n' workload "interp ms" "compiler ms" "node ms" "interp/node" "comp/node"
for name in "${workloads[@]}"; do
    module=$scratch/$name.wasm
    interpreter=$(median_ms "$runtime" run "$module" "$scale")
    "$runtime" run --engine compiler "$module" "$scale" > /dev/null   # writes the cache entry
    compiler=$(median_ms "$runtime" run --engine compiler "$module" "$scale")
    node=$(median_ms node --no-warnings "$root/guests/run-node.mjs" "$module" -- "$scale")
    awk -v n="$name" -v i="$interpreter" -v c="$compiler" -v d="$node" \
        'BEGIN { printf "%-12s %12.1f %12.1f %12.1f %10.2f %10.2f\n", n, i, c, d, i / d, c / d }'
    if [ -n "$tsv" ]; then
        printf '%s\t%s\tinterpreter\t%s\t%s\n%s\t%s\tcompiler\t%s\t%s\n%s\t%s\tnode\t%s\t%s\n' \
            "$name" "$scale" "$interpreter" "$runs" "$name" "$scale" "$compiler" "$runs" "$name" "$scale" "$node" "$runs" >> "$tsv"
    fi
done
