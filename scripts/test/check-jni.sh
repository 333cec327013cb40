#!/usr/bin/env bash
# Runs the whole JUnit suite once more under -Xcheck:jni and fails if the JVM prints any JNI
# warning or error. Run by `mvn verify` after packaging (it needs target/check-jni/ from the
# package phase). Runs against the test library (target/test-natives). Quiet on success.
# Usage: check-jni.sh CLASSIFIER
set -euo pipefail
# Java on Windows separates classpath entries with ";".
case "$(uname -s)" in MINGW*|MSYS*|CYGWIN*) sep=";" ;; *) sep=":" ;; esac
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
classifier="$1"
cd "$root/target"

# Everything on the JVM's own classpath (not the launcher's --class-path), as under surefire,
# so tests that start probe JVMs from java.class.path see the same classes.
classpath="test-classes${sep}classes${sep}test-natives${sep}$(cat check-jni/classpath.txt)${sep}check-jni/junit-console.jar"
log="check-jni/junit-xcheck-jni.log"

# HotSpot reports JNI misuse as "WARNING in native method: ...", "Warning: Calling other JNI
# functions in the scope of Get/ReleasePrimitiveArrayCritical...", "WARNING: JNI local refs: ..."
# or "FATAL ERROR in native method".
misuse='(WARNING|Warning).*(JNI|native method)|FATAL ERROR in native method'
jvm=(java -Xcheck:jni -cp "$classpath"
  -Dlagrs.test.classifier="$classifier" -Dlagrs.test.natives="$PWD/natives/$classifier"
  -Dlagrs.test.testNatives="$PWD/test-natives" -Dlagrs.test.mainClasses="$PWD/classes"
  -Dlagrs.test.testClasses="$PWD/test-classes" -Dlagrs.test.root="$root")

# First prove the check works: a probe that misuses JNI on purpose must be reported.
canary="check-jni/misuse-probe.log"
"${jvm[@]}" io.lagrs.JniMisuseProbe >"$canary" 2>&1 || true
if ! grep -qE "$misuse" "$canary"; then
  echo "-Xcheck:jni did not report a deliberate JNI misuse; the check below would prove nothing" >&2
  cat "$canary" >&2
  exit 1
fi

set +e
"${jvm[@]}" org.junit.platform.console.ConsoleLauncher execute --scan-class-path test-classes \
  --disable-banner --details=summary --fail-if-no-tests >"$log" 2>&1
status=$?
set -e

# A warning raised inside one of the JDK's own native methods (its font rasteriser, when the
# command-line tool draws a chart legend) is the JDK's, not lagrs': its next line is a frame of a
# JDK module ("at sun.font...(java.desktop@17/Native Method)"). Every other report counts: ours
# come from classpath classes, whose frames name no module, or carry no frame at all.
ours=$(awk -v pat="$misuse" '
  pending { if ($0 !~ /^[[:space:]]*at .*\((java|jdk)\.[a-z.]+@[^)]*\)/) print report; pending = 0 }
  $0 ~ pat { if ($0 ~ /FATAL/) print NR ": " $0; else { pending = 1; report = NR ": " $0 } }
  END { if (pending) print report }' "$log")
if [ -n "$ours" ]; then
  printf '%s\n' "$ours"
  echo "-Xcheck:jni reported JNI misuse (full log: target/$log)" >&2
  exit 1
fi
if [ "$status" -ne 0 ]; then
  tail -n 60 "$log" >&2
  echo "JUnit under -Xcheck:jni failed (exit $status; full log: target/$log)" >&2
  exit "$status"
fi
# Quiet on success (`mvn -q` prints nothing); the summary is in the log.
