#!/usr/bin/env bash
# Lints every GitHub Actions workflow with actionlint (runner labels, expressions, matrices,
# shell scripts via shellcheck when present). actionlint is installed with `go install` from the
# Go module proxy at a pinned version, cached under target/tools/. Needs Go.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
version="v1.7.12"
bin_dir="$PWD/target/tools/actionlint-$version"
if [ ! -x "$bin_dir/actionlint" ]; then
  if ! command -v go >/dev/null 2>&1; then
    echo "scripts/ci/actionlint.sh: Go is needed to install actionlint $version (https://go.dev/dl/); the workflows were not linted" >&2
    exit 1
  fi
  GOBIN="$bin_dir" GOFLAGS=-mod=mod go install "github.com/rhysd/actionlint/cmd/actionlint@$version"
fi
"$bin_dir/actionlint" .github/workflows/*.yml
