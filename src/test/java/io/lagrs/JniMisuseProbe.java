package io.lagrs;

/**
 * Run by scripts/test/check-jni.sh under -Xcheck:jni before the suite: it misuses JNI on purpose,
 * and the script requires the JVM's warning, proving the check would catch a real mistake.
 */
public final class JniMisuseProbe {
    private JniMisuseProbe() {
    }

    public static void main(String[] args) {
        NativeLibrary.load();
        System.out.println("length " + BridgeSelfTest.misuseCriticalSection0(new double[3]));
    }
}
