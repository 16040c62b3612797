#!/bin/sh
# wasm-runtime @VERSION@: this shell prelude starts a Java 25+ runtime on the jar appended to this
# file. It takes the first Java home of version 25 or newer among: $JAVA_HOME, the java on PATH,
# /usr/lib/jvm/*. WASM_RUNTIME_JAVA_OPTS adds JVM options; WASM_RUNTIME_AOT_CACHE=off turns the
# start-up cache (below) off.

java_major() {
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null
}

java_home=
path_java=$(command -v java 2>/dev/null)
path_home=
if [ -n "$path_java" ]; then
  path_home=$(dirname "$(dirname "$(readlink -f "$path_java")")")
fi
for home in "$JAVA_HOME" "$path_home" /usr/lib/jvm/*; do
  [ -n "$home" ] && [ -x "$home/bin/java" ] || continue
  major=$(java_major "$home")
  if [ -n "$major" ] && [ "$major" -ge 25 ]; then
    java_home=$home
    break
  fi
done

if [ -z "$java_home" ]; then
  message="wasm-runtime needs a Java 25 (or newer) runtime: set JAVA_HOME to one or put its java on PATH"
  echo "$message" >&2
  # Protocol mode (no arguments) answers in JSON and exits 0, even here.
  if [ $# -eq 0 ]; then
    printf '{"retcode":4,"message":"%s"}\n' "$message"
    exit 0
  fi
  exit 1
fi
java_cmd=$java_home/bin/java

# Serial GC: each Sysinspect action is a fresh, short-lived JVM. C1 only, unless the compiler
# engine runs the guest: C2 spends more compiling the interpreter's big loop than it ever wins back,
# while compiled guests gain from it (RATIONALE.md, "Start-up", has the figures).
tiers=-XX:TieredStopAtLevel=1
previous=
for arg in "$@"; do
  if [ "$arg" = --engine=compiler ] || { [ "$previous" = --engine ] && [ "$arg" = compiler ]; }; then
    tiers=
  fi
  previous=$arg
done
# The protocol (no arguments) runs the compiler unless WASM_RUNTIME_ENGINE says otherwise.
[ $# -eq 0 ] && [ "${WASM_RUNTIME_ENGINE:-compiler}" = compiler ] && tiers=
# The JVM's own messages (log warnings, AOT cache notes) go to standard error, never into the
# protocol's standard output; AOT cache problems are not reported at all, since a cache that
# cannot be used only means a slower start.
jvm_opts="-XX:+UseSerialGC $tiers -XX:+DisplayVMOutputToStderr
  -Xlog:disable -Xlog:all=warning,aot*=off,cds*=off:stderr -Dslf4j.internal.verbosity=ERROR"

self=$(readlink -f "$0" 2>/dev/null)
[ -n "$self" ] || self=$0

# The AOT cache (JEP 483/514/515) lives in the per-user cache directory, named after this file's
# identity and the Java runtime's, since the JVM only accepts a cache made from the same jar and
# runtime. A protocol-mode run without one records a training configuration; a background job then
# assembles the cache. Whatever fails here (no home, read-only disk) only means no cache.
cache=
record_config=
case " $WASM_RUNTIME_JAVA_OPTS " in *" -Xshare:off "*) WASM_RUNTIME_AOT_CACHE=off ;; esac
if [ "$WASM_RUNTIME_AOT_CACHE" != off ]; then
  cache_root=${XDG_CACHE_HOME:-${HOME:+$HOME/.cache}}
  # Relative paths are invalid per XDG; blanks would split the JVM options below.
  case $cache_root in *[[:space:]]*) cache_root= ;; /*) ;; *) cache_root= ;; esac
  stamp=$(stat -L -c '%s.%Y.%i' "$self" 2>/dev/null || stat -L -f '%z.%m.%i' "$self" 2>/dev/null)
  if [ -n "$cache_root" ] && [ -n "$stamp" ]; then
    key=$({ printf '%s\n' "$self" "$stamp" "$java_home"; cat "$java_home/release"; } 2>/dev/null | cksum | cut -d ' ' -f 1)
    cache_dir=$cache_root/wasm-runtime/@VERSION@
    cache=$cache_dir/$key.aot
    if [ ! -f "$cache" ]; then
      lock=$cache.lock
      # What a killed run left (its lock, a half-written file) must not block recording for ever.
      find "$cache_dir" -maxdepth 1 \( -name '*.lock' -o -name '*.aot.*' \) -mmin +10 -exec rm -rf {} \; 2>/dev/null
      if [ $# -eq 0 ] && mkdir -p "$cache_dir" 2>/dev/null && mkdir "$lock" 2>/dev/null; then
        if : > "$cache.config.$$" 2>/dev/null; then
          record_config=$cache.config.$$
        else
          rmdir "$lock" 2>/dev/null
        fi
      fi
      cache=
    fi
  fi
fi

if [ -n "$record_config" ]; then
  # shellcheck disable=SC2086 # the option lists are meant to split into words
  "$java_cmd" $jvm_opts -XX:AOTMode=record -XX:AOTConfiguration="$record_config" $WASM_RUNTIME_JAVA_OPTS -jar "$self"
  status=$?
  # Assembling takes seconds; nobody should wait for it. The rename makes the cache appear whole.
  (
    partial=$cache_dir/$key.aot.$$
    # shellcheck disable=SC2086
    if [ -s "$record_config" ] && "$java_cmd" $jvm_opts -XX:AOTMode=create -XX:AOTConfiguration="$record_config" \
        -XX:AOTCache="$partial" -jar "$self"; then
      mv -f "$partial" "$cache_dir/$key.aot"
      # Caches of earlier builds in this version's directory, unused for a week.
      find "$cache_dir" -maxdepth 1 -name '*.aot' -atime +7 -exec rm -f {} \;
    fi
    rm -f "$record_config" "$partial"
    rmdir "$lock"
  ) </dev/null >/dev/null 2>&1 &
  exit $status
fi

if [ -n "$cache" ]; then
  # The runtime deletes a cache the JVM refused (corrupt, or made by another runtime), so the
  # next run records a fresh one.
  jvm_opts="$jvm_opts -XX:AOTCache=$cache -Dwasm-runtime.aot-cache=$cache"
fi
# shellcheck disable=SC2086
exec "$java_cmd" $jvm_opts $WASM_RUNTIME_JAVA_OPTS -jar "$self" "$@"
