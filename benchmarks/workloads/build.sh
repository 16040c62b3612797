#!/usr/bin/env bash
# Rebuilds the benchmark workloads into wasm/ and records their reference output under node 20:
#   wasm/<name>.wasm                 C: clang-14 wasm32-wasi -O2; Rust: rustc 1.63 wasm32-wasi -O
#   wasm/<name>.scale-<n>.stdout.txt what `<name> <n>` prints under node's WASI, for the smoke
#                                    scale 1, the JMH default scale 4 and the program's own default
#                                    (no argument: "full")
# Every workload checks its own result and exits non-zero on a mismatch, so a build that records
# a failing run stops here. Needs clang-14, rustc with wasm32-wasi and node 20 -- only to
# regenerate; the Java side reads the committed files.
#
# usage: build.sh [name...]   only the named workloads (e.g. state_machine); all without names
set -euo pipefail
cd "$(dirname "$0")"
runner=../../guests/run-node.mjs
mkdir -p wasm

compile() {
    local src=$1 name=$2
    case "$src" in
        *.c)  clang-14 --target=wasm32-wasi -O2 -fuse-ld=lld "$src" -lm -o "wasm/$name.wasm" ;;
        *.rs) /usr/bin/rustc --target wasm32-wasi -O -C strip=symbols "$src" -o "wasm/$name.wasm" ;;
    esac
}

record() {
    local name=$1 label=$2; shift 2
    local status attempt
    # node 20 now and then dies with SIGSEGV (139) after the guest finished; run it again then.
    for attempt in 1 2 3; do
        # Through a pipe: node's WASI refuses some calls when stdout is a regular file.
        node --no-warnings "$runner" "wasm/$name.wasm" -- "$@" | cat > "wasm/$name.scale-$label.stdout.txt"
        status=${PIPESTATUS[0]}
        [ "$status" -eq 139 ] || break
    done
    if [ "$status" -ne 0 ]; then
        echo "$name $label: exit status $status" >&2
        exit 1
    fi
}

for src in c/*.c rust/*.rs; do
    name=$(basename "${src%.*}")
    [ $# -eq 0 ] || [[ " $* " == *" $name "* ]] || continue
    echo "building $name"
    compile "$src" "$name"
    record "$name" 1 1
    record "$name" 4 4
    record "$name" full
done
