#!/usr/bin/env bash
# Stages natives built elsewhere (dropped into platform-jars/<classifier>/natives/<os_arch>/)
# beside the one built here, so each gets its classifier jar and a place in the all-jar.
# A native built on this machine is never overwritten by a dropped-in one.
# Usage: stage-platform-natives.sh PLATFORM_JARS_DIR NATIVES_DIR
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/platforms.sh"
platform_jars="$1"
natives_dir="$2"

for c in $LAGRS_CLASSIFIERS; do
  mkdir -p "$natives_dir/$c"
  src="$platform_jars/$c/natives"
  [ -d "$src" ] || continue
  expected="$src/$(lagrs_loader_dir "$c")/$(lagrs_library_file "$c")"
  if [ ! -f "$expected" ]; then
    echo "platform-jars/$c has no $(lagrs_loader_dir "$c")/$(lagrs_library_file "$c"); skipping it" >&2
    continue
  fi
  mkdir -p "$natives_dir/$c/natives"
  cp -Rn "$src/." "$natives_dir/$c/natives/"
  echo "staged $c native from $platform_jars"
done
