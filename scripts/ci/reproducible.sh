#!/usr/bin/env bash
# Builds the artifacts twice and compares the SHA-256 of every one of them: the API, sources,
# Javadoc, classifier and all jars and the POM-derived files Maven puts in them.
# Between the two builds every Maven output is deleted, and the bridge crate (lagrs-jni, which
# becomes the native library) is cleaned so cargo compiles and links it again; the other crates'
# compiled libraries (lagrs-core, jni, rayon, ...) are reused, which keeps the check cheap.
# So this checks: Java compilation, resources, Javadoc, every jar's packaging, and the native
# library's final compile and link. Not checked: a rebuild of the dependency crates from scratch
# or a build in another directory or on another machine.
# Usage: reproducible.sh [--reuse] [extra Maven arguments]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
source scripts/build/platforms.sh
if ! command -v cargo >/dev/null 2>&1 && [ -x "$HOME/.cargo/bin/cargo" ]; then
  export PATH="$HOME/.cargo/bin:$PATH"
fi
classifier="$(lagrs_host_classifier)"
rust_target="$(lagrs_rust_target "$classifier")"
out="target/reproducible"

rm -rf "$out"
mkdir -p "$out"
runs="first second"
# --reuse: the jars already in target/ (from the build that just ran the tests, e.g. in .ci/run)
# are the first build, so only the second one is made here.
if [ "${1:-}" = --reuse ]; then
  shift
  if ls target/lagrs-*.jar >/dev/null 2>&1; then
    (cd target && sha256sum lagrs-*.jar) >"$out/first.sha256"
    mkdir -p "$out/first"
    cp target/lagrs-*.jar "$out/first/"
    runs="second"
  fi
fi
for run in $runs; do
  find target -mindepth 1 -maxdepth 1 ! -name cargo ! -name tools ! -name reproducible -exec rm -rf {} +
  cargo clean --quiet --release -p lagrs-jni --target "$rust_target"
  ./mvnw -B -ntp -q package -DskipTests "$@"
  (cd target && sha256sum lagrs-*.jar) >"$out/$run.sha256"
  mkdir -p "$out/$run"
  cp target/lagrs-*.jar "$out/$run/"
done

count="$(wc -l <"$out/first.sha256" | tr -d ' ')"
if ! diff -u "$out/first.sha256" "$out/second.sha256" >&2; then
  echo "two builds of the same sources gave different artifacts (both sets kept in $out/first and $out/second)" >&2
  exit 1
fi
[ "$count" -ge 5 ] || { echo "expected at least 5 artifacts, built $count" >&2; exit 1; }
echo "reproducible: $count artifacts identical in two builds (SHA-256 in $out/first.sha256)"
