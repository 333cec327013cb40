#!/usr/bin/env bash
# Builds the JNI library for one classifier with cargo and stages it where its jar is made from:
#   OUT_DIR/natives/<loader folder>/<library>
# then verifies it (scripts/build/verify-native.sh). Linux natives are linked against glibc 2.17
# (or musl) with cargo-zigbuild and zig, installed from PyPI into target/tools when missing.
# With --test-hooks it builds the test library instead (test-only entry points included, own
# cargo profile so the shipped library is never overwritten). Prints nothing on success.
# Usage: build-native.sh CLASSIFIER OUT_DIR [--test-hooks]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
source "$here/platforms.sh"

classifier="$1"
out_dir="$2"
test_hooks="${3:-}"

if ! command -v cargo >/dev/null 2>&1 && [ -x "$HOME/.cargo/bin/cargo" ]; then
  export PATH="$HOME/.cargo/bin:$PATH"
fi
if ! command -v cargo >/dev/null 2>&1; then
  echo "lagrs: building the native library needs Rust: install it with rustup (https://rustup.rs), or build only the Java side with -Dlagrs.skipNative=true and natives in platform-jars/ (README.md, \"Building without Rust\")" >&2
  exit 1
fi

loader_dir="$(lagrs_loader_dir "$classifier")"
library="$(lagrs_library_file "$classifier")"
rust_target="$(lagrs_rust_target "$classifier")"
libc="$(lagrs_libc "$classifier")"

profile=release
features=()
if [ "$test_hooks" = --test-hooks ]; then
  profile=test-hooks
  features=(--features test-hooks)
fi

# cargo-zigbuild and zig from PyPI, into target/tools/zig (no system-wide install needed).
ensure_zigbuild() {
  local tools="$root/target/tools/zig"
  export PATH="$tools/bin:$PATH" PYTHONPATH="$tools${PYTHONPATH:+:$PYTHONPATH}"
  if command -v cargo-zigbuild >/dev/null 2>&1 && python3 -c 'import ziglang' >/dev/null 2>&1; then
    return 0
  fi
  if ! command -v python3 >/dev/null 2>&1 || ! python3 -m pip --version >/dev/null 2>&1; then
    echo "lagrs: building the Linux native for glibc 2.17 needs cargo-zigbuild and zig (pip install ziglang cargo-zigbuild); python3 with pip was not found to install them" >&2
    exit 1
  fi
  python3 -m pip install --quiet --disable-pip-version-check --no-warn-script-location \
    --target "$tools" "ziglang==0.17.1" "cargo-zigbuild==0.24.1" >&2
}

cd "$root"
case "$classifier" in
  linux-*)
    ensure_zigbuild
    if [ "$libc" = musl ]; then
      zig_target="$rust_target"
      # musl targets link the C runtime statically by default, which rules out a cdylib;
      # the JVM on Alpine provides musl as a shared library.
      export RUSTFLAGS="${RUSTFLAGS:-} -C target-feature=-crt-static"
    else
      zig_target="$rust_target.2.17"
    fi
    if ! rustup target list --installed 2>/dev/null | grep -qx "$rust_target"; then
      rustup target add "$rust_target" >&2
    fi
    cargo zigbuild --quiet --locked -p lagrs-jni --profile "$profile" "${features[@]}" --target "$zig_target"
    ;;
  *)
    if command -v rustup >/dev/null 2>&1 && ! rustup target list --installed | grep -qx "$rust_target"; then
      rustup target add "$rust_target" >&2
    fi
    cargo build --quiet --locked -p lagrs-jni --profile "$profile" "${features[@]}" --target "$rust_target"
    ;;
esac
built="target/cargo/$rust_target/$profile/$library"

bash "$here/verify-native.sh" "$classifier" "$built" $test_hooks
mkdir -p "$out_dir/natives/$loader_dir"
cp "$built" "$out_dir/natives/$loader_dir/$library"
