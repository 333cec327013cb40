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
out="target/bench/gc-stall-out.txt"
# shellcheck disable=SC2086
java ${JAVA_HEAP:--Xms1536m -Xmx1536m} ${JAVA_GC:-} ${LAGRS_LIBRARY_DIR:+-Dlagrs.library.path=$LAGRS_LIBRARY_DIR} \
  "-Xlog:gc,gc+jni=debug,safepoint=info:file=$log:uptimenanos,tid" -cp "$classpath" \
  io.lagrs.bench.GcStallBenchmark "$@" | tee "$out"
# From the JVM's own log, per phase: how long GCs that were due waited for threads to leave
# JNI critical sections (from "Setting _needs_gc" to "Performing GC after exiting critical
# section"), the longest time to reach a safepoint, and the longest GC pause.
phases="$(grep '^PHASES' "$out")"
awk -v phases="$phases" '
  BEGIN { split(phases, p, " "); name[1] = p[2]; a[1] = p[3] * 1e6; b[1] = p[4] * 1e6
          name[2] = p[5]; a[2] = p[6] * 1e6; b[2] = p[7] * 1e6 }
  function ns(line) { match(line, /^\[[0-9]+ns\]/); return substr(line, 2, RLENGTH - 4) + 0 }
  function phase(t) { return t >= a[1] && t < b[1] ? 1 : (t >= a[2] && t < b[2] ? 2 : 0) }
  { t = ns($0); k = phase(t) }
  /Setting _needs_gc/ { if (!waiting) { since = t; waiting = 1 } }
  /Performing GC after exiting critical section/ {
    if (waiting) { w = t - since; waits[k]++; if (w > maxwait[k]) maxwait[k] = w; waiting = 0 }
  }
  /Reaching safepoint:/ {
    match($0, /Reaching safepoint: [0-9]+/); s = substr($0, RSTART + 20, RLENGTH - 20) + 0
    if (s > maxttsp[k]) maxttsp[k] = s
  }
  / Pause / {
    match($0, /[0-9.]+ms$/); q = substr($0, RSTART, RLENGTH - 2) + 0
    pauses[k]++; if (q > maxpause[k]) maxpause[k] = q; if (/GCLocker Initiated/) locker[k]++
  }
  END {
    printf "%-10s %8s %9s %14s %14s %16s\n", "JVM log", "pauses", "longest", "GCLocker GCs", "longest wait", "longest to safepoint"
    for (k = 1; k <= 2; k++)
      printf "%-10s %8d %7.2f ms %14d %11.2f ms %17.2f ms\n", name[k], pauses[k], maxpause[k], waits[k] + 0, maxwait[k] / 1e6, maxttsp[k] / 1e6
  }' "$log"
echo "GC log: $log"
