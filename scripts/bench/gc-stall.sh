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
# (default: G1 with 4 MB regions, so that the allocators' 1 MiB arrays are ordinary young
# objects; with the 1 MB regions G1 picks for this heap, each one would be a "humongous"
# allocation, which takes a slow path of its own and makes the floor several milliseconds
# worse). LAGRS_LIBRARY_DIR=DIR loads the native library from DIR instead (e.g. an older
# build, for a before/after comparison). The GC log goes to target/bench/gc-stall-gc.log;
# from it the script prints, per phase, how long GCs waited for JNI critical sections, the
# longest time to safepoint and the longest pause.
#
# The program runs three phases (see GcStallBenchmark): allocators alone, allocators beside
# busy Java threads taking as many cores as lagrs will (no JNI), allocators beside lagrs
# calls. The summary separates what lagrs controls, the time the GC waited for it (the
# longest GCLocker wait and the longest time to safepoint in the lagrs phase), from the
# wall-clock stall, which also holds the operating system's scheduling delays (compare it
# with the control phase: the same CPU contention without lagrs).
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
java ${JAVA_HEAP:--Xms1536m -Xmx1536m} ${JAVA_GC:--XX:+UseG1GC -XX:G1HeapRegionSize=4m} ${LAGRS_LIBRARY_DIR:+-Dlagrs.library.path=$LAGRS_LIBRARY_DIR} \
  "-Xlog:gc,gc+jni=debug,safepoint=info:file=$log:uptimenanos,tid" -cp "$classpath" \
  io.lagrs.bench.GcStallBenchmark "$@" | tee "$out"
# From the JVM's own log, per phase: how long GCs that were due waited for threads to leave
# JNI critical sections (from "Setting _needs_gc" to "Performing GC after exiting critical
# section"), the longest time to reach a safepoint, and the longest GC pause.
phases="$(grep '^PHASES' "$out")"
stalls="$(grep '^STALLS' "$out")"
awk -v phases="$phases" -v stalls="$stalls" '
  BEGIN { split(phases, p, " "); for (k = 1; k <= 3; k++) { name[k] = p[3 * k - 1]; a[k] = p[3 * k] * 1e6; b[k] = p[3 * k + 1] * 1e6 }
          split(stalls, s, " "); for (k = 1; k <= 3; k++) stall[k] = s[2 * k + 1] }
  function ns(line) { match(line, /^\[[0-9]+ns\]/); return substr(line, 2, RLENGTH - 4) + 0 }
  function phase(t) { for (j = 1; j <= 3; j++) if (t >= a[j] && t < b[j]) return j; return 0 }
  { t = ns($0); k = phase(t) }
  /Setting _needs_gc/ { if (!waiting) { since = t; waiting = 1 } }
  /Performing GC after exiting critical section/ {
    if (waiting) { w = t - since; waits[k]++; if (w > maxwait[k]) maxwait[k] = w; waiting = 0 }
  }
  /Reaching safepoint:/ {
    match($0, /Reaching safepoint: [0-9]+/); q = substr($0, RSTART + 20, RLENGTH - 20) + 0
    if (q > maxttsp[k]) maxttsp[k] = q
  }
  / Pause / {
    match($0, /[0-9.]+ms$/); q = substr($0, RSTART, RLENGTH - 2) + 0
    pauses[k]++; if (q > maxpause[k]) maxpause[k] = q
  }
  END {
    printf "%-10s %8s %9s %14s %14s %16s\n", "JVM log", "pauses", "longest", "GCLocker GCs", "longest wait", "longest to safepoint"
    for (k = 1; k <= 3; k++)
      printf "%-10s %8d %7.2f ms %14d %11.2f ms %17.2f ms\n", name[k], pauses[k], maxpause[k], waits[k] + 0, maxwait[k] / 1e6, maxttsp[k] / 1e6
    printf "\nGC waited for lagrs (lagrs phase): longest GCLocker wait %.2f ms, longest time to safepoint %.2f ms (control phase: %.2f ms)\n",
      maxwait[3] / 1e6, maxttsp[3] / 1e6, maxttsp[2] / 1e6
    printf "worst wall-clock allocation stall: %.2f ms with lagrs, %.2f ms under the same CPU load without lagrs, %.2f ms allocators alone\n",
      stall[3], stall[2], stall[1]
  }' "$log"
echo "GC log: $log"
