#!/usr/bin/env bash
# Adds META-INF/LICENSE and META-INF/NOTICE to a jar that its plugin cannot add them to (the
# Javadoc jar), with the build's fixed timestamp so the jar stays reproducible.
# Usage: add-notices.sh JAR OUTPUT_TIMESTAMP
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
jar_file="$1"
timestamp="$2"
[ -f "$jar_file" ] || exit 0  # -Dmaven.javadoc.skip: no Javadoc jar
work="$(dirname "$jar_file")/notices"
rm -rf "$work"
mkdir -p "$work/META-INF"
cp "$root/LICENSE" "$root/NOTICE" "$work/META-INF/"
jar --update --file "$jar_file" --date "$timestamp" -C "$work" META-INF/LICENSE -C "$work" META-INF/NOTICE
