#!/usr/bin/env bash
# Builds everything and runs every test: cargo test (Rust core and bridge), the JUnit suite,
# the JUnit suite again under -Xcheck:jni, and the drop-in jar tests (all inside `mvn verify`),
# then the Spark integration's tests (local Spark, and executors in separate JVMs).
# ./mvnw fetches the pinned Maven, Maven the jars and cargo the crates it needs; Rust itself comes
# from rustup. Prints Maven's log (errors and the steps run); the test steps are quiet on success.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if ! command -v cargo >/dev/null 2>&1 && [ -x "$HOME/.cargo/bin/cargo" ]; then
  export PATH="$HOME/.cargo/bin:$PATH"
fi
for tool in cargo java javac; do
  command -v "$tool" >/dev/null 2>&1 || { echo "lagrs: $tool is required: Rust from rustup (https://rustup.rs), a JDK 17+ (README.md, section Building)" >&2; exit 1; }
done

# install, not just verify: the Spark integration (spark/, a project of its own) builds against
# the installed io.lagrs:lagrs jars, and its tests run a local Spark with them.
./mvnw -B -ntp install "$@"
./mvnw -B -ntp -f spark/pom.xml verify
