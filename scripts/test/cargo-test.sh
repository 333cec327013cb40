#!/usr/bin/env bash
# `cargo test` for the whole workspace (core and bridge), run by `mvn test`. Quiet on success;
# on failure prints cargo's output (also kept in target/cargo-test.log).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
if ! command -v cargo >/dev/null 2>&1 && [ -x "$HOME/.cargo/bin/cargo" ]; then
  export PATH="$HOME/.cargo/bin:$PATH"
fi
if ! command -v cargo >/dev/null 2>&1; then
  echo "lagrs: the Rust tests need Rust: install it with rustup (https://rustup.rs), or skip them with -Dlagrs.skipCargoTests=true" >&2
  exit 1
fi
mkdir -p target
log=target/cargo-test.log
if ! cargo test --profile test-opt --workspace --locked >"$log" 2>&1; then
  cat "$log" >&2
  echo "cargo test failed (log: $log)" >&2
  exit 1
fi
