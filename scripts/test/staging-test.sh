#!/usr/bin/env bash
# The staging step refuses what it must not package, and forgets what is gone: a 5-byte fake
# library dropped into platform-jars/ fails the build with a message naming it, and once it is
# removed, the next staging (without any clean) no longer holds it. Runs the real staging script
# on a scratch copy of the layout; builds nothing with cargo. Quiet on success.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$root/target/staging-test"
rm -rf "$work"
mkdir -p "$work/platform-jars/osx-aarch_64/natives/osx_arm64" "$work/target"
stage() {
  bash "$root/scripts/build/stage-natives.sh" linux-x86_64 "$work/platform-jars" "$work/target/natives" \
    "$work/target/natives-all" "$work/target/test-natives" true true false
}

printf 'abcde' >"$work/platform-jars/osx-aarch_64/natives/osx_arm64/liblagrs.dylib"
if stage 2>"$work/err.txt"; then
  echo "staging accepted a 5-byte fake liblagrs.dylib" >&2
  exit 1
fi
grep -q 'native check failed for osx-aarch_64' "$work/err.txt" || { cat "$work/err.txt" >&2; exit 1; }

# A stale staged copy and jar from an earlier build must not survive the fake's removal.
rm "$work/platform-jars/osx-aarch_64/natives/osx_arm64/liblagrs.dylib"
mkdir -p "$work/target/natives/osx-aarch_64/natives/osx_arm64"
printf 'stale' >"$work/target/natives/osx-aarch_64/natives/osx_arm64/liblagrs.dylib"
touch "$work/target/lagrs-0-osx-aarch_64.jar"
stage
if [ -n "$(find "$work/target/natives" "$work/target/natives-all" -type f)" ] || [ -e "$work/target/lagrs-0-osx-aarch_64.jar" ]; then
  echo "staging kept a native or jar from an earlier build: $(find "$work/target" -type f)" >&2
  exit 1
fi

# Anything but the one expected file in a platform folder fails too.
mkdir -p "$work/platform-jars/windows-x86_64/natives/windows_64"
printf 'x' >"$work/platform-jars/windows-x86_64/natives/windows_64/other.dll"
if stage 2>"$work/err.txt"; then
  echo "staging accepted platform-jars/windows-x86_64 holding an unexpected file" >&2
  exit 1
fi
grep -q 'must hold exactly natives/windows_64/lagrs.dll' "$work/err.txt" || { cat "$work/err.txt" >&2; exit 1; }
rm -rf "$work"
