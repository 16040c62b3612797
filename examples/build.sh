#!/bin/sh
# Rebuilds the example modules into sharelib/lib/runtime/wasm/. The built .wasm files are
# committed, so running the examples needs only the runtime. Needs Debian's clang-14, lld-14,
# wasi-libc and libclang-rt-14-dev-wasm32 (C), and rustc with the wasm32-wasi standard library
# (package libstd-rust-dev-wasm32) (Rust).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out="$here/sharelib/lib/runtime/wasm"
mkdir -p "$out"

clang-14 --target=wasm32-wasi --sysroot=/usr -O2 -Wall -Wextra -Werror \
  -Wl,--strip-debug -o "$out/hello.wasm" "$here/src/hello-c/hello.c"

/usr/bin/rustc --target wasm32-wasi -C opt-level=s -C strip=symbols --edition 2021 \
  -o "$out/reader.wasm" "$here/src/reader-rust/reader.rs"

ls -l "$out"
