#!/usr/bin/env bash
# Measures how long other threads wait to allocate while long lagrs calls run (the time a
# call holds the garbage collector off): io.lagrs.bench.GcStallBenchmark, with the GC log.
#
#   scripts/bench/gc-stall.sh                                  # 6 rolling medians of 5e7 values
#   scripts/bench/gc-stall.sh stat=mean window=50              # any GcStallBenchmark arguments
#   scripts/bench/gc-stall.sh stat=median input=direct         # direct DoubleBuffers
#
# Builds like run-jmh.sh (mvn -Pjmh package) when the benchmark classes are missing or
# LAGRS_BENCH_BUILD=1. Heap and collector: JAVA_HEAP (default -Xms1536m -Xmx1536m: the
# 5e7-value input and output take 800 MB, so the allocators fill the rest quickly) and JAVA_GC
# (default: the JVM's, G1). LAGRS_LIBRARY_DIR=DIR loads the native library from DIR instead
# (e.g. an older build, for a before/after comparison). The GC log goes to
# target/bench/gc-stall-gc.log; from it the script also prints how long GCs waited for JNI
# critical sections, the longest time to safepoint and the longest pause. The wall-clock
# stalls the program prints include the operating system's scheduling delays, so compare them
# with its "allocators alone" floor on a busy machine.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
case "$(uname -s)" in MINGW*|MSYS*|CYGWIN*) sep=";" ;; *) sep=":" ;; esac

# This machine's classifier folder, as run-jmh.sh finds it (os-maven-plugin naming).
host_natives() {
  local os arch
  case "$(uname -s)" in
    Linux*) os=linux ;; Darwin*) os=osx ;; MINGW*|MSYS*|CYGWIN*) os=windows ;; *) os=unknown ;;
  esac
  case "$(uname -m)" in
    x86_64|amd64) arch=x86_64 ;; aarch64|arm64) arch=aarch_64 ;; *) arch="$(uname -m)" ;;
  esac
  local dir="target/natives/$os-$arch"
  if find "$dir" -type f \( -name '*.so' -o -name '*.dylib' -o -name '*.dll' \) 2>/dev/null | grep -q .; then
    echo "$dir"
  fi
}

cp_file="target/bench/classpath.txt"
natives="$(host_natives)"
if [ "${LAGRS_BENCH_BUILD:-0}" = 1 ] || [ -z "$natives" ] \
   || [ ! -f target/test-classes/io/lagrs/bench/GcStallBenchmark.class ] || [ ! -s "$cp_file" ]; then
  echo "building: mvn -B -ntp -q -Pjmh package -DskipTests" >&2
  mvn -B -ntp -q -Pjmh package -DskipTests
  mkdir -p target/bench
  mvn -B -ntp -q -Pjmh dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
  natives="$(host_natives)"
  [ -n "$natives" ] || { echo "no native library staged under target/natives" >&2; exit 1; }
fi
mkdir -p target/bench
log="target/bench/gc-stall-gc.log"
classpath="target/test-classes${sep}target/classes${sep}${natives}${sep}$(cat "$cp_file")"
# shellcheck disable=SC2086
java ${JAVA_HEAP:--Xms1536m -Xmx1536m} ${JAVA_GC:-} ${LAGRS_LIBRARY_DIR:+-Dlagrs.library.path=$LAGRS_LIBRARY_DIR} "-Xlog:gc,gc+jni=debug,safepoint=info:file=$log:uptimenanos,tid" -cp "$classpath" \
  io.lagrs.bench.GcStallBenchmark "$@"
# From the JVM's own log: how long a GC that was due waited for threads to leave JNI critical
# sections (from "Setting _needs_gc" to "Performing GC after exiting critical section"), the
# longest time to reach a safepoint, and the longest GC pause.
awk '
  function ns(line) { match(line, /^\[[0-9]+ns\]/); return substr(line, 2, RLENGTH - 4) + 0 }
  /Setting _needs_gc/ { if (!waiting) { since = ns($0); waiting = 1 } }
  /Performing GC after exiting critical section/ {
    if (waiting) { w = ns($0) - since; waits++; if (w > maxwait) maxwait = w; waiting = 0 }
  }
  /Reaching safepoint:/ { match($0, /Reaching safepoint: [0-9]+/); t = substr($0, RSTART + 20, RLENGTH - 20) + 0; if (t > maxttsp) maxttsp = t }
  / Pause / { match($0, /[0-9.]+ms$/); p = substr($0, RSTART, RLENGTH - 2) + 0; pauses++; if (p > maxpause) maxpause = p; if (/GCLocker Initiated/) locker++ }
  END {
    printf "JVM log: %d GC pauses (%d initiated by GCLocker), longest %.2f ms\n", pauses, locker, maxpause
    printf "JVM log: %d GCs waited for JNI critical sections, longest wait %.2f ms\n", waits, maxwait / 1e6
    printf "JVM log: longest time to reach a safepoint %.2f ms\n", maxttsp / 1e6
  }' "$log"
echo "GC log: $log"
