#!/usr/bin/env bash
# Builds everything and runs every test: cargo test (Rust core and bridge), the JUnit suite,
# the JUnit suite again under -Xcheck:jni, and the drop-in jar test (all inside `mvn verify`).
# Maven fetches the jars and cargo the crates it needs; Rust itself comes from rustup.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if ! command -v cargo >/dev/null 2>&1 && [ -x "$HOME/.cargo/bin/cargo" ]; then
  export PATH="$HOME/.cargo/bin:$PATH"
fi
for tool in cargo java javac mvn; do
  command -v "$tool" >/dev/null 2>&1 || { echo "$tool is required (see README.md, Building)" >&2; exit 1; }
done

mvn -B -ntp verify "$@"
