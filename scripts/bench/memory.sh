#!/usr/bin/env bash
# Resident memory of forgotten vs closed models, and of Arima.fitAll on many short series in the
# flat layout (docs/BENCHMARKS.md, "Memory"). Linux only (reads /proc/self/status).
# Usage: scripts/bench/memory.sh [CYCLES (default 500000)] [SERIES (default 1000000)] [LENGTH (default 60)]
# Needs a build first: mvn -B -ntp -q -DskipTests package (or any test run).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
cycles="${1:-500000}"
series="${2:-1000000}"
length="${3:-60}"
case "$(uname -m)" in x86_64|amd64) arch=x86_64 ;; aarch64|arm64) arch=aarch_64 ;; *) arch="$(uname -m)" ;; esac
classifier="linux-$arch"
deps="target/bench-classpath.txt"
mvn -B -ntp -q dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$deps" >/dev/null
cp="target/classes:target/test-classes:target/natives/$classifier:$(cat "$deps")"

for mode in close forget; do
  java -Xmx64m -cp "$cp" io.lagrs.bench.MemoryBench cycles "$mode" "$cycles" | grep RESULT
done
# The flat input alone is 8 * SERIES * LENGTH bytes of Java heap (480 MB for 1e6 x 60).
java -Xmx1g -cp "$cp" io.lagrs.bench.MemoryBench fitall "$series" "$length" | grep -E "input|RESULT"
