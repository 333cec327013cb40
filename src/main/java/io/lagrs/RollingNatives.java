package io.lagrs;

import java.nio.DoubleBuffer;

/** The native entry points behind {@link Rolling} (jni/src/rolling.rs); arguments are checked there first. */
final class RollingNatives {
    private RollingNatives() {
    }

    static native void rolling0(int statistic, double q, double[] x, int window,
            int minPeriods, double[] out);

    static native void rollingMany0(int statistic, double q, double[] values,
            int[] offsets, int window, int minPeriods, double[] out);

    static native void ewmMean0(double[] x, double alpha, double[] out);

    static native void rollingDirect0(int statistic, double q, DoubleBuffer x, int xPosition,
            int xLength, int window, int minPeriods, DoubleBuffer out, int outPosition, int outLength);

    static native void ewmMeanDirect0(DoubleBuffer x, int xPosition, int xLength, double alpha,
            DoubleBuffer out, int outPosition, int outLength);
}
