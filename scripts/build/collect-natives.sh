#!/usr/bin/env bash
# Moves the CI matrix's native artifacts (DOWNLOADED/natives-<classifier>/natives/...) into
# platform-jars/<classifier>/natives/..., where `mvn package` picks them up.
# Usage: collect-natives.sh DOWNLOADED_DIR PLATFORM_JARS_DIR
set -euo pipefail
downloaded="$1"
platform_jars="$2"
for artifact in "$downloaded"/natives-*; do
  classifier="${artifact##*/natives-}"
  mkdir -p "$platform_jars/$classifier"
  cp -R "$artifact/." "$platform_jars/$classifier/"
  echo "collected $classifier"
done
