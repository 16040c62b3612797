#!/usr/bin/env bash
# Rebuilds every guest module and its reference files in guests/wasm/:
#   <name>.wasm           the module (C: clang-14 wasm32-wasi -O2; Rust: rustc 1.63 wasm32-wasi -O,
#                         symbols stripped to keep modules small)
#   <name>.sections.txt   `wasm-objdump -h` of the module
#   <name>.stdout.txt     what the module prints under node 20's WASI (run-node.mjs)
#   <name>.exit.txt       the exit code it returned there
# Guests in c/ and rust/ run with argv = [<name>], an empty environment, no preopens, empty stdin.
# Guests in wasi/ run with argv = [<name>, "alpha", "beta gamma"], environment WASI_TEST=1 and
# GREETING=hello world, stdin from wasi/stdin.txt, and a fresh copy of wasi/sandbox-template
# preopened as /sandbox (make_sandbox adds the symlinks, since git keeps them poorly; the Java
# tests build the same tree). Node's WASI is no sandbox: it follows escaping symlinks, so the
# copy sits two levels deep in a scratch directory. Where node departs from the WASI semantics
# our runtime implements, wasi/expected/<name>.stdout.txt holds the transcript to compare with
# (see wasi/README.md).
# Needs clang-14, rustc with the wasm32-wasi target, wabt and node 20 -- only to regenerate;
# the Java tests read the committed outputs.
set -eu
cd "$(dirname "$0")"
out=wasm
mkdir -p "$out"

compile() {
    local src=$1 name=$2
    case "$src" in
        *.c)  clang-14 --target=wasm32-wasi -O2 -fuse-ld=lld "$src" -lm -o "$out/$name.wasm" ;;
        *.rs) /usr/bin/rustc --target wasm32-wasi -O -C strip=symbols "$src" -o "$out/$name.wasm" ;;
    esac
    wasm-objdump -h "$out/$name.wasm" | sed "s|$out/||" > "$out/$name.sections.txt"
}

record() {
    local name=$1; shift
    # Through a pipe: node's poll_oneoff fails with EPERM when stdout is a regular file.
    node --no-warnings run-node.mjs "$out/$name.wasm" "$@" | cat > "$out/$name.stdout.txt"
    echo "${PIPESTATUS[0]}" > "$out/$name.exit.txt"
}

make_sandbox() {
    local dir=$1
    rm -rf "$dir"
    cp -r wasi/sandbox-template "$dir"
    ln -s /etc/passwd "$dir/abs-link"
    ln -s ../.. "$dir/escape-link"
    ln -s loop-b "$dir/loop-a"
    ln -s loop-a "$dir/loop-b"
    ln -s data.txt "$dir/data-link"
    ln -s sub "$dir/sub-link"
    ln -s missing "$dir/dangling-link"
    ln -s ../outside-created.txt "$dir/create-link"
}

for src in c/*.c rust/*.rs; do
    name=$(basename "${src%.*}")
    compile "$src" "$name"
    record "$name" < /dev/null
done

for src in wasi/*.c wasi/*.rs; do
    [ -e "$src" ] || continue
    name=$(basename "${src%.*}")
    compile "$src" "$name"
    scratch=$(mktemp -d)
    sandbox=$scratch/outer/sandbox
    mkdir -p "$scratch/outer"
    make_sandbox "$sandbox"
    record "$name" --preopen "/sandbox=$sandbox" --env WASI_TEST=1 --env "GREETING=hello world" \
        -- alpha "beta gamma" < wasi/stdin.txt
    rm -rf "$scratch"
done
ls -l "$out"/*.wasm
