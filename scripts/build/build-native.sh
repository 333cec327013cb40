#!/usr/bin/env bash
# Builds the JNI library with cargo (release) and stages it where the classifier jar is made from:
#   NATIVES_DIR/<classifier>/natives/<os_arch>/<library>
# Usage: build-native.sh CLASSIFIER NATIVES_DIR [RUST_TARGET_TRIPLE]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
source "$here/platforms.sh"

classifier="$1"
natives_dir="$2"
rust_target="${3:-}"

loader_dir="$(lagrs_loader_dir "$classifier")"
library="$(lagrs_library_file "$classifier")"

cd "$root"
if [ -n "$rust_target" ]; then
  cargo build --release --locked -p lagrs-jni --target "$rust_target"
  built="target/cargo/$rust_target/release/$library"
else
  cargo build --release --locked -p lagrs-jni
  built="target/cargo/release/$library"
fi

# Every classifier folder exists so the packaging steps can treat absent platforms as empty.
for c in $LAGRS_CLASSIFIERS; do mkdir -p "$natives_dir/$c"; done
mkdir -p "$natives_dir/$classifier/natives/$loader_dir"
cp "$built" "$natives_dir/$classifier/natives/$loader_dir/$library"
echo "staged $classifier native: $natives_dir/$classifier/natives/$loader_dir/$library"
