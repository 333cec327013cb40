#!/usr/bin/env bash
# Checks one native library before it is packaged: its file format and CPU match the classifier
# (ELF e_machine, Mach-O cputype, PE machine), it is a shared library, a Linux glibc build needs
# nothing newer than GLIBC_2.17 (objdump -T) and a musl build does not link glibc, and the shipped
# library exports no test-only entry point. Prints nothing when the library is fine.
# Usage: verify-native.sh CLASSIFIER FILE [--test-hooks]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/platforms.sh"
classifier="$1"
file="$2"
test_hooks="${3:-}"
# The oldest glibc we support: RHEL/CentOS 7, Amazon Linux 2 and most Spark/EMR images have it.
max_glibc="2.17"

fail() { echo "native check failed for $classifier ($file): $*" >&2; exit 1; }
[ -f "$file" ] || fail "no such file"
size="$(wc -c <"$file" | tr -d ' ')"
[ "$size" -ge 1024 ] || fail "only $size bytes: not a native library"

# Little-endian unsigned integer of WIDTH bytes at OFFSET.
le() {
  local bytes value=0 i
  read -r -a bytes <<<"$(od -An -tx1 -v -j "$1" -N "$2" "$file")"
  [ "${#bytes[@]}" -eq "$2" ] || fail "truncated header"
  for ((i = ${#bytes[@]} - 1; i >= 0; i--)); do value=$(( (value << 8) | 16#${bytes[i]} )); done
  echo "$value"
}
hex() { printf '0x%x' "$1"; }

case "$classifier" in
  *-x86_64*) arch=x86_64 ;;
  *-aarch_64*) arch=aarch_64 ;;
  *) fail "no CPU known for this classifier" ;;
esac
magic="$(od -An -tx1 -N4 "$file" | tr -d ' \n')"

case "$classifier" in
  linux-*)
    [ "$magic" = 7f454c46 ] || fail "not an ELF file (magic $magic)"
    [ "$(le 4 1)" = 2 ] || fail "not a 64-bit ELF file"
    [ "$(le 5 1)" = 1 ] || fail "not a little-endian ELF file"
    [ "$(le 16 2)" = 3 ] || fail "ELF type $(le 16 2) is not a shared object (3)"
    machine="$(le 18 2)"
    case "$arch" in x86_64) want=62 ;; aarch_64) want=183 ;; esac  # EM_X86_64, EM_AARCH64
    [ "$machine" = "$want" ] || fail "ELF machine $machine, expected $want for $arch"
    if ! command -v objdump >/dev/null 2>&1; then
      fail "objdump (GNU binutils) is needed to check the C library the native links against"
    fi
    needed="$(objdump -p "$file" | awk '$1 == "NEEDED" { print $2 }')"
    if [ "$(lagrs_libc "$classifier")" = musl ]; then
      if grep -qx 'libc.so.6' <<<"$needed"; then fail "a musl build must not link glibc (NEEDED libc.so.6)"; fi
      grep -qx 'libc.so' <<<"$needed" || fail "a musl build links musl's libc.so (NEEDED: $(echo $needed))"
    else
      grep -qx 'libc.so.6' <<<"$needed" || fail "a glibc build links libc.so.6 (NEEDED: $(echo $needed))"
      newest="$(objdump -T "$file" | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -n1)"
      if [ -n "$newest" ] && [ "$(printf '%s\n%s\n' "$max_glibc" "$newest" | sort -V | tail -n1)" != "$max_glibc" ]; then
        fail "needs GLIBC_$newest, newer than $max_glibc: $(objdump -T "$file" | awk -v v="GLIBC_$newest" 'index($0, v) { print $NF }' | head -n3 | tr '\n' ' ')(build it with scripts/build/build-native.sh, which targets glibc $max_glibc)"
      fi
    fi
    ;;
  osx-*)
    [ "$magic" = cffaedfe ] || fail "not a 64-bit little-endian Mach-O file (magic $magic; universal binaries are not packaged)"
    cputype="$(le 4 4)"
    case "$arch" in x86_64) want=$((0x01000007)) ;; aarch_64) want=$((0x0100000c)) ;; esac  # CPU_TYPE_X86_64, CPU_TYPE_ARM64
    [ "$cputype" = "$want" ] || fail "Mach-O cputype $(hex "$cputype"), expected $(hex "$want") for $arch"
    [ "$(le 12 4)" = 6 ] || fail "Mach-O filetype $(le 12 4) is not a dynamic library (MH_DYLIB = 6)"
    ;;
  windows-*)
    [ "${magic:0:4}" = 4d5a ] || fail "not a PE file (no MZ header)"
    pe="$(le 60 4)"
    [ "$(od -An -tx1 -j "$pe" -N4 "$file" | tr -d ' \n')" = 50450000 ] || fail "no PE signature at $pe"
    machine="$(le $((pe + 4)) 2)"
    case "$arch" in x86_64) want=$((0x8664)) ;; aarch_64) want=$((0xaa64)) ;; esac  # IMAGE_FILE_MACHINE_*
    [ "$machine" = "$want" ] || fail "PE machine $(hex "$machine"), expected $(hex "$want") for $arch"
    (( ($(le $((pe + 22)) 2) & 0x2000) != 0 )) || fail "PE file is not a DLL (IMAGE_FILE_DLL not set)"
    ;;
  *) fail "no file format known for this classifier" ;;
esac

# Test-only entry points belong to the test library alone. Checked where a symbol lister exists
# (always on Linux and macOS, where CI assembles and tests); JniSymbolsTest compares the full list.
symbols=""
case "$classifier" in
  linux-*) command -v nm >/dev/null 2>&1 && symbols="$(nm -D --defined-only "$file" 2>/dev/null || true)" ;;
  osx-*) [ "$(uname -s)" = Darwin ] && symbols="$(nm -gU "$file" 2>/dev/null || true)" ;;
esac
if [ -n "$symbols" ]; then
  hooks="$(grep -cE 'Java_io_lagrs_(BridgeSelfTest|NativeDiagnostics)_' <<<"$symbols" || true)"
  if [ "$test_hooks" = --test-hooks ]; then
    [ "$hooks" -gt 0 ] || fail "the test library lacks the test-only entry points"
  else
    [ "$hooks" -eq 0 ] || fail "exports $hooks test-only entry points (BridgeSelfTest/NativeDiagnostics); build it without the test-hooks feature"
  fi
fi
