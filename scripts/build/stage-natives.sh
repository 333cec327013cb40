#!/usr/bin/env bash
# Stages every native library the build packages, from scratch on every build:
#   NATIVES_DIR/<classifier>/natives/<folder>/<library>   one folder per classifier jar
#   ALL_DIR/natives/<folder>/<library>                    all of them, for the all-jar
#   TEST_NATIVES_DIR/natives/<folder>/<library>           the test library (test-only entry points)
# This machine's native is built with cargo (unless SKIP_NATIVE=true); natives built elsewhere are
# taken from PLATFORM_JARS/<classifier>/natives/<folder>/<library> (the one built here wins).
# Every staged library is verified first (scripts/build/verify-native.sh); anything else found
# under platform-jars/<classifier>/ fails the build. Prints nothing on success.
# With REQUIRE_ALL=true (releases) a platform without a native fails the build.
# Usage: stage-natives.sh CLASSIFIER PLATFORM_JARS NATIVES_DIR ALL_DIR TEST_NATIVES_DIR SKIP_NATIVE SKIP_TEST_NATIVE [REQUIRE_ALL]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/platforms.sh"
host="$1"
platform_jars="$2"
natives_dir="$3"
all_dir="$4"
test_natives_dir="$5"
skip_native="$6"
skip_test_native="$7"
require_all="${8:-false}"

rm -rf "$natives_dir" "$all_dir" "$test_natives_dir"
# Without Rust, leave a marker and stop: the enforcer step after this one fails the build with a
# one-line message instead of a stack trace (the same message build-native.sh prints).
rust_missing="$(dirname "$natives_dir")/rust-missing.txt"
rm -f "$rust_missing"
if [ "$skip_native" != true ] || [ "$skip_test_native" != true ]; then
  if ! command -v cargo >/dev/null 2>&1 && [ ! -x "$HOME/.cargo/bin/cargo" ]; then
    mkdir -p "$(dirname "$rust_missing")"
    echo "cargo not found" >"$rust_missing"
    exit 0
  fi
fi
# A classifier jar left by an earlier build must not outlive the native it was made from.
for c in $LAGRS_CLASSIFIERS; do rm -f "$(dirname "$natives_dir")"/*-"$c".jar; done
# Every classifier folder exists, so the JAR plugin can skip the empty ones.
for c in $LAGRS_CLASSIFIERS; do mkdir -p "$natives_dir/$c"; done
mkdir -p "$all_dir"

built_here=""
if [ "$skip_native" != true ]; then
  bash "$here/build-native.sh" "$host" "$natives_dir/$host"
  built_here="$host"
fi

for c in $LAGRS_CLASSIFIERS; do
  dropped="$platform_jars/$c"
  [ -d "$dropped" ] || continue
  expected="natives/$(lagrs_loader_dir "$c")/$(lagrs_library_file "$c")"
  found="$(cd "$dropped" && find . -type f | sed 's|^\./||' | sort)"
  [ -n "$found" ] || continue
  if [ "$found" != "$expected" ]; then
    echo "platform-jars/$c must hold exactly $expected; found: $(echo $found)" >&2
    exit 1
  fi
  [ "$c" = "$built_here" ] && continue
  bash "$here/verify-native.sh" "$c" "$dropped/$expected"
  mkdir -p "$natives_dir/$c/$(dirname "$expected")"
  cp "$dropped/$expected" "$natives_dir/$c/$expected"
done

if [ "$require_all" = true ]; then
  for c in $LAGRS_CLASSIFIERS; do
    [ -d "$natives_dir/$c/natives" ] || { echo "no native library for $c (platform-jars/$c/ is empty) and every platform is required" >&2; exit 1; }
  done
fi

# Each classifier jar carries the licence and notice.
root="$(cd "$here/../.." && pwd)"
for c in $LAGRS_CLASSIFIERS; do
  [ -d "$natives_dir/$c/natives" ] || continue
  cp -R "$natives_dir/$c/natives" "$all_dir/"
  mkdir -p "$natives_dir/$c/META-INF"
  cp "$root/LICENSE" "$root/NOTICE" "$natives_dir/$c/META-INF/"
done

if [ "$skip_test_native" != true ]; then
  bash "$here/build-native.sh" "$host" "$test_natives_dir" --test-hooks
fi
