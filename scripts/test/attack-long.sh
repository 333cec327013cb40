#!/usr/bin/env bash
# Runs the standing attack suite far longer than CI does: the Rust property tests with
# PROPTEST_CASES cases each, then the Java property and stress tests with SCALE times CI's cases.
# Usage: scripts/test/attack-long.sh [PROPTEST_CASES (default 5000)] [SCALE (default 20)] [SEED]
# A failure prints the seed (Java: the case name; Rust: proptest's minimal case).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
cases="${1:-5000}"
scale="${2:-20}"
seed="${3:-20261124}"

PROPTEST_CASES="$cases" cargo test --profile test-opt -p lagrs-core --test attack_props
mvn -B -ntp -q test -Dlagrs.skipCargoTests=true -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtest='ApiPropertyTest,ConcurrencyStressTest,ArimaRobustnessTest' \
  -Dlagrs.attack.scale="$scale" -Dlagrs.attack.seed="$seed"
echo "attack suite: $cases Rust cases per property, $scale x the Java cases (seed $seed): all passed"
