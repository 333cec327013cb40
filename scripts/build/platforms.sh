# The platform table (platforms.tsv beside this file) as shell functions. Source it for the
# functions, or run it to print a GitHub Actions matrix:
#   bash scripts/build/platforms.sh matrix          every platform: {"include":[{classifier,runner,...}]}
#   bash scripts/build/platforms.sh matrix glibc-or-none   only platforms whose tests run on the bare runner
#   bash scripts/build/platforms.sh matrix musl     only the musl platforms
#   bash scripts/build/platforms.sh list            the classifiers, one per line
LAGRS_PLATFORMS_TSV="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/platforms.tsv"

lagrs_platform_rows() {
  grep -v '^#' "$LAGRS_PLATFORMS_TSV" | grep -v '^[[:space:]]*$'
}

LAGRS_CLASSIFIERS="$(lagrs_platform_rows | cut -f1 | tr '\n' ' ')"

# lagrs_platform_field CLASSIFIER COLUMN (2 loader folder, 3 library, 4 rust target, 5 runner, 6 libc)
lagrs_platform_field() {
  local value
  value="$(lagrs_platform_rows | awk -F'\t' -v c="$1" -v f="$2" '$1 == c { print $f }')"
  if [ -z "$value" ]; then
    echo "unsupported classifier: $1 (supported: $LAGRS_CLASSIFIERS)" >&2
    return 1
  fi
  echo "$value"
}
lagrs_loader_dir() { lagrs_platform_field "$1" 2; }
lagrs_library_file() { lagrs_platform_field "$1" 3; }
lagrs_rust_target() { lagrs_platform_field "$1" 4; }
lagrs_runner() { lagrs_platform_field "$1" 5; }
lagrs_libc() { lagrs_platform_field "$1" 6; }

# The classifier of this machine, telling musl from glibc the way the Java loader does.
lagrs_host_classifier() {
  local os arch
  case "$(uname -s)" in
    Linux*) os=linux ;; Darwin*) os=osx ;; MINGW*|MSYS*|CYGWIN*) os=windows ;; *) os="$(uname -s | tr 'A-Z' 'a-z')" ;;
  esac
  case "$(uname -m)" in
    x86_64|amd64) arch=x86_64 ;; aarch64|arm64) arch=aarch_64 ;; *) arch="$(uname -m)" ;;
  esac
  if [ "$os" = linux ] && { ls /lib/ld-musl-* >/dev/null 2>&1 || grep -q musl /proc/self/maps 2>/dev/null; }; then
    echo "$os-$arch-musl"
  else
    echo "$os-$arch"
  fi
}

lagrs_platform_matrix() {
  local want="${1:-all}"
  lagrs_platform_rows | awk -F'\t' -v want="$want" '
    want == "all" || (want == "musl" && $6 == "musl") || (want == "glibc-or-none" && $6 != "musl") {
      row = sprintf("{\"classifier\":\"%s\",\"runner\":\"%s\",\"rust_target\":\"%s\",\"libc\":\"%s\"}", $1, $5, $4, $6)
      rows = rows (rows == "" ? "" : ",") row
    }
    END { printf "{\"include\":[%s]}\n", rows }'
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  case "${1:-}" in
    matrix) lagrs_platform_matrix "${2:-all}" ;;
    list) lagrs_platform_rows | cut -f1 ;;
    host) lagrs_host_classifier ;;
    *) echo "usage: platforms.sh matrix [all|glibc-or-none|musl] | list | host" >&2; exit 2 ;;
  esac
fi
