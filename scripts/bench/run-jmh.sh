#!/usr/bin/env bash
# Runs the JMH benchmarks in src/jmh/java/io/lagrs/bench against the locally built native library.
# They are compiled only by this script (Maven profile -Pjmh), never by an ordinary test build.
#
#   scripts/bench/run-jmh.sh                          # every benchmark (a few minutes)
#   scripts/bench/run-jmh.sh RollingMedian            # benchmarks matching a regex
#   scripts/bench/run-jmh.sh 'RollingMean.*lagrs' -rf json -rff mean.json
#   scripts/bench/run-jmh.sh -h                       # JMH's own options
#
# The first argument, if it does not start with "-", is the JMH include regex (default:
# io.lagrs.bench); everything else is passed to JMH unchanged. Builds with
# `mvn -Pjmh package -DskipTests` when the test classes, the native library or the classpath file
# are missing, or when LAGRS_BENCH_BUILD=1 (always rebuild). Extra JVM options for the
# runner JVM (not the forks): JAVA_OPTS. Fork JVM options: JMH's -jvmArgsAppend.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
# Java on Windows separates classpath entries with ";".
case "$(uname -s)" in MINGW*|MSYS*|CYGWIN*) sep=";" ;; *) sep=":" ;; esac

regex="io.lagrs.bench"
if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then
  regex="$1"
  shift
fi

# The classifier folder the native build staged this machine's library in. os-maven-plugin
# names it <os>-<arch> (linux-x86_64, osx-aarch_64, windows-x86_64, ...); if that folder holds
# no library, fall back to the first classifier folder that does.
host_classifier() {
  local os arch
  case "$(uname -s)" in
    Linux*) os=linux ;; Darwin*) os=osx ;; MINGW*|MSYS*|CYGWIN*) os=windows ;; *) os=unknown ;;
  esac
  case "$(uname -m)" in
    x86_64|amd64) arch=x86_64 ;; aarch64|arm64) arch=aarch_64 ;; *) arch="$(uname -m)" ;;
  esac
  echo "$os-$arch"
}
has_library() {
  find "$1" -type f \( -name '*.so' -o -name '*.dylib' -o -name '*.dll' \) 2>/dev/null | grep -q .
}
find_natives() {
  local dir="target/natives/$(host_classifier)"
  if [ -d "$dir" ] && has_library "$dir"; then
    echo "$dir"
    return 0
  fi
  for dir in target/natives/*/; do
    if has_library "$dir"; then
      echo "${dir%/}"
      return 0
    fi
  done
  return 1
}

cp_file="target/bench/classpath.txt"
natives="$(find_natives || true)"
if [ "${LAGRS_BENCH_BUILD:-0}" = 1 ] || [ -z "$natives" ] \
   || [ ! -f target/test-classes/META-INF/BenchmarkList ] || [ ! -s "$cp_file" ] \
   || [ pom.xml -nt "$cp_file" ]; then
  echo "building: mvn -B -ntp -q -Pjmh package -DskipTests" >&2
  mvn -B -ntp -q -Pjmh package -DskipTests
  mkdir -p target/bench
  mvn -B -ntp -q -Pjmh dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
  natives="$(find_natives)" || { echo "no native library staged under target/natives" >&2; exit 1; }
fi

classpath="target/test-classes${sep}target/classes${sep}${natives}${sep}$(cat "$cp_file")"
echo "natives: $natives" >&2
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} -cp "$classpath" org.openjdk.jmh.Main "$regex" "$@"
