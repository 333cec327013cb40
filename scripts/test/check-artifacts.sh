#!/usr/bin/env bash
# Checks what each packaged jar holds, as a user receives it: the API jar is the library alone
# (no command-line tool, sample data or test-only classes) named module io.lagrs; every jar carries
# LICENSE and NOTICE; each classifier jar holds one native library and its own module name; the
# all-jar has the tool, the bundled licences, no stray module descriptor, and Multi-Release in its
# manifest exactly when it keeps versioned classes. Quiet on success.
# Usage: check-artifacts.sh VERSION
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$root/scripts/build/platforms.sh"
version="$1"
target="$root/target"
fail() { echo "artifact check: $*" >&2; exit 1; }

entries() { jar tf "$1"; }
manifest() {
  local tmp
  tmp="$(mktemp -d)"
  (cd "$tmp" && jar xf "$1" META-INF/MANIFEST.MF && tr -d '\r' <META-INF/MANIFEST.MF)
  rm -rf "$tmp"
}
has() { grep -qx "$2" <<<"$1" || fail "$3 lacks $2"; }
lacks() { if grep -qE "$2" <<<"$1"; then fail "$3 must not contain $(grep -E "$2" <<<"$1" | head -n1)"; fi; }

api="$target/lagrs-$version.jar"
e="$(entries "$api")"
has "$e" META-INF/LICENSE "API jar"
has "$e" META-INF/NOTICE "API jar"
has "$e" io/lagrs/Rolling.class "API jar"
lacks "$e" '^io/lagrs/cli/|^io/lagrs/sample/|^natives/|BridgeSelfTest|NativeDiagnostics' "API jar"
grep -qx 'Automatic-Module-Name: io.lagrs' <<<"$(manifest "$api")" || fail "API jar is not module io.lagrs"

for kind in sources javadoc; do
  e="$(entries "$target/lagrs-$version-$kind.jar")"
  has "$e" META-INF/LICENSE "$kind jar"
  has "$e" META-INF/NOTICE "$kind jar"
  lacks "$e" '^io/lagrs/cli/|^io/lagrs/sample/' "$kind jar"
done

for c in $LAGRS_CLASSIFIERS; do
  jar_file="$target/lagrs-$version-$c.jar"
  [ -f "$jar_file" ] || continue
  e="$(entries "$jar_file")"
  has "$e" META-INF/LICENSE "$c jar"
  has "$e" META-INF/NOTICE "$c jar"
  has "$e" "natives/$(lagrs_loader_dir "$c")/$(lagrs_library_file "$c")" "$c jar"
  [ "$(grep -c '^natives/.*[^/]$' <<<"$e")" = 1 ] || fail "$c jar holds more than its one native library"
  module="io.lagrs.natives.$(tr -- '-' '_' <<<"$c")"
  grep -qx "Automatic-Module-Name: $module" <<<"$(manifest "$jar_file")" || fail "$c jar is not module $module"
done

all="$target/lagrs-$version-all.jar"
e="$(entries "$all")"
m="$(manifest "$all")"
has "$e" META-INF/LICENSE "all-jar"
has "$e" META-INF/NOTICE "all-jar"
has "$e" io/lagrs/cli/Main.class "all-jar"
grep -q '^META-INF/licenses/.*/LICENSE' <<<"$e" || fail "all-jar lacks the bundled dependencies' licences"
lacks "$e" '(^|/)module-info\.class$' "all-jar"
# Test classes end in "Test"; so do two public API enums, which are allowed.
lacks "$(grep -vE '^io/lagrs/(UnitRootTest|SeasonalTest)[.$]' <<<"$e")" '^org/junit/|^org/opentest4j/|^io/lagrs/[A-Za-z]*Test[.$]' "all-jar"
grep -qx 'Main-Class: io.lagrs.cli.Main' <<<"$m" || fail "all-jar has no Main-Class"
if grep -qE '^META-INF/versions/[0-9]+/.+\.class$' <<<"$e"; then
  grep -qx 'Multi-Release: true' <<<"$m" || fail "all-jar keeps versioned classes but is not Multi-Release"
else
  if grep -q '^Multi-Release:' <<<"$m"; then fail "all-jar says Multi-Release without versioned classes"; fi
fi
