#!/usr/bin/env bash
# Regenerates the differential-fuzzing seeds in src/test/resources/fuzz: random modules made by
# binaryen's translate-to-fuzz mode (wasm-opt -ttf) from deterministic random input, restricted to
# the features both engines run (binaryen 108 writes pre-standard typed references, so reference types stay off). Run from anywhere; needs wasm-opt and python3. The outputs are
# committed, so the tests need neither.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../resources/fuzz"
count="${1:-30}"
mkdir -p "$out"
rm -f "$out"/seed-*.wasm
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# Seeds 1..count: the numeric and memory core; count+1..2*count add legacy exceptions, tail calls and SIMD.
for seed in $(seq 1 $((2 * count))); do
  python3 -c "import random,sys; random.seed($seed); sys.stdout.buffer.write(bytes(random.getrandbits(8) for _ in range(3000)))" > "$tmp/in.dat"
  extra=()
  [ "$seed" -gt "$count" ] && extra=(--enable-exception-handling --enable-tail-call --enable-simd)
  wasm-opt -ttf "$tmp/in.dat" --mvp-features --enable-bulk-memory --enable-sign-ext \
    --enable-nontrapping-float-to-int --enable-multivalue "${extra[@]}" \
    -o "$out/seed-$(printf %03d "$seed").wasm" 2>/dev/null
done
ls "$out" | wc -l
