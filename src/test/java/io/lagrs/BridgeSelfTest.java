package io.lagrs;

/**
 * Native entry points that fail on purpose, so tests can prove every kind of native failure
 * reaches Java as the right exception instead of crashing the JVM. Not part of the public API.
 */
final class BridgeSelfTest {
    static {
        NativeLibrary.load();
    }

    static final int PANIC = 0;
    static final int INVALID_ARGUMENT = 1;
    static final int ILLEGAL_STATE = 2;
    static final int INTERNAL = 3;
    static final int NULL_ARGUMENT = 4;

    private BridgeSelfTest() {
    }

    /** Fails as {@code mode} says, with {@code message}; any other mode is returned unchanged. */
    static native int fail0(int mode, String message);

    /**
     * Calls a JNI function inside a critical section on purpose, so the build can check that
     * its -Xcheck:jni run reports such misuse. Returns the array's length.
     */
    static native int misuseCriticalSection0(double[] array);
}
