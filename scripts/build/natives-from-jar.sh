#!/usr/bin/env bash
# Unpacks the natives of one assembled classifier jar into platform-jars/<classifier>/, so the
# tests of this OS run against exactly the library that was shipped.
# Usage: natives-from-jar.sh JARS_DIR CLASSIFIER PLATFORM_JARS_DIR
set -euo pipefail
jars="$1"
classifier="$2"
platform_jars="$3"
jar_file="$(ls "$jars"/lagrs-*-"$classifier".jar)"
mkdir -p "$platform_jars/$classifier"
# `jar` comes with every JDK, on every runner; unzip does not.
jar_path="$(cd "$(dirname "$jar_file")" && pwd)/$(basename "$jar_file")"
(cd "$platform_jars/$classifier" && jar xf "$jar_path" natives)
