#!/usr/bin/env bash
# The drop-in test: tiny programs compiled and run outside Maven with only the API jar, the
# classifier jar and native-lib-loader (with the logging API it needs), as a user would.
#  1. on the classpath: must print this platform's classifier;
#  2. on the module path, as a named module requiring io.lagrs, with the classifier jar as its own
#     automatic module: must print "io.lagrs <classifier>" (two jars with one module name would
#     stop the JVM from starting).
# Quiet on success. Usage: dropin-test.sh VERSION CLASSIFIER
set -euo pipefail
# Java on Windows separates path entries with ";".
case "$(uname -s)" in MINGW*|MSYS*|CYGWIN*) sep=";" ;; *) sep=":" ;; esac
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
version="$1"
classifier="$2"
target="$root/target"
work="$target/dropin"
rm -rf "$work/classes" "$work/modular"
mkdir -p "$work/classes" "$work/modular"
log="$work/dropin.log"

loader_jars="$(ls "$work"/lib/native-lib-loader-*.jar "$work"/lib/slf4j-api-*.jar | tr '\n' "$sep")"
jars="$target/lagrs-$version.jar${sep}$target/lagrs-$version-$classifier.jar${sep}$loader_jars"

check() {
  local what="$1" expected="$2"
  shift 2
  local printed
  if ! printed="$("$@" 2>"$log" | tr -d '\r')"; then
    cat "$log" >&2
    echo "drop-in test ($what) failed" >&2
    exit 1
  fi
  if [ "$printed" != "$expected" ]; then
    cat "$log" >&2
    echo "drop-in test ($what): expected \"$expected\", the program printed \"$printed\"" >&2
    exit 1
  fi
}

javac -d "$work/classes" -cp "$jars" "$root/scripts/test/dropin/DropIn.java"
check classpath "$classifier" java -cp "$work/classes${sep}$jars" DropIn

native_module="io.lagrs.natives.$(echo "$classifier" | tr -- '-' '_')"
javac -d "$work/modular" --module-path "$jars" \
  "$root/scripts/test/modular/module-info.java" "$root/scripts/test/modular/lagrs/dropin/Main.java"
check "module path" "io.lagrs $classifier" java --module-path "$work/modular${sep}$jars" \
  --add-modules "$native_module" -m lagrs.dropin/lagrs.dropin.Main
