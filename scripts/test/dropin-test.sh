#!/usr/bin/env bash
# The drop-in test: a tiny program, compiled and run outside Maven with only the API jar, the
# classifier jar and native-lib-loader (with the logging API it needs) on its classpath.
# It must print this platform's classifier. Usage: dropin-test.sh VERSION CLASSIFIER
set -euo pipefail
# Java on Windows separates classpath entries with ";".
case "$(uname -s)" in MINGW*|MSYS*|CYGWIN*) sep=";" ;; *) sep=":" ;; esac
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
version="$1"
classifier="$2"
target="$root/target"
work="$target/dropin"
mkdir -p "$work/classes"

loader_jars="$(ls "$work"/lib/native-lib-loader-*.jar "$work"/lib/slf4j-api-*.jar | tr '\n' "$sep")"
classpath="$target/lagrs-$version.jar${sep}$target/lagrs-$version-$classifier.jar${sep}$loader_jars"

javac -d "$work/classes" -cp "$classpath" "$root/scripts/test/dropin/DropIn.java"
printed="$(java -cp "$work/classes${sep}$classpath" DropIn | tr -d '\r')"
echo "drop-in program printed: $printed"
if [ "$printed" != "$classifier" ]; then
  echo "expected the drop-in program to print $classifier" >&2
  exit 1
fi
