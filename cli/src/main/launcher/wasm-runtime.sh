#!/bin/sh
# wasm-runtime: this shell prelude starts the Java 25 runtime on the jar appended to this file.
# JAVA_HOME wins over PATH; WASM_RUNTIME_JAVA_OPTS adds JVM options.
if [ -n "$JAVA_HOME" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  java_cmd="$JAVA_HOME/bin/java"
else
  java_cmd=java
fi
# Serial GC: each Sysinspect action is a fresh, short-lived JVM.
exec "$java_cmd" -XX:+UseSerialGC -Dslf4j.internal.verbosity=ERROR \
  $WASM_RUNTIME_JAVA_OPTS -jar "$0" "$@"
