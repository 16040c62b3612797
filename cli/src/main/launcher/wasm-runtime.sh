#!/bin/sh
# wasm-runtime: this shell prelude starts a Java 25+ runtime on the jar appended to this file.
# It takes the first Java home of version 25 or newer among: $JAVA_HOME, the java on PATH,
# /usr/lib/jvm/*. WASM_RUNTIME_JAVA_OPTS adds JVM options.

java_major() {
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null
}

java_cmd=
path_java=$(command -v java 2>/dev/null)
path_home=
if [ -n "$path_java" ]; then
  path_home=$(dirname "$(dirname "$(readlink -f "$path_java")")")
fi
for home in "$JAVA_HOME" "$path_home" /usr/lib/jvm/*; do
  [ -n "$home" ] && [ -x "$home/bin/java" ] || continue
  major=$(java_major "$home")
  if [ -n "$major" ] && [ "$major" -ge 25 ]; then
    java_cmd="$home/bin/java"
    break
  fi
done

if [ -z "$java_cmd" ]; then
  message="wasm-runtime needs a Java 25 (or newer) runtime: set JAVA_HOME to one or put its java on PATH"
  echo "$message" >&2
  # Protocol mode (no arguments) answers in JSON and exits 0, even here.
  if [ $# -eq 0 ]; then
    printf '{"retcode":4,"message":"%s"}\n' "$message"
    exit 0
  fi
  exit 1
fi

# Serial GC: each Sysinspect action is a fresh, short-lived JVM.
exec "$java_cmd" -XX:+UseSerialGC -Dslf4j.internal.verbosity=ERROR $WASM_RUNTIME_JAVA_OPTS -jar "$0" "$@"
