package io.lagrs;

/**
 * Lag and difference features over {@code double[]}, as pandas {@code shift}, {@code diff} and
 * {@code pct_change}. Results have the length of the input; the first {@code k} entries are
 * NaN. A null array throws {@link NullPointerException}; {@code k < 0} throws
 * {@link IllegalArgumentException}.
 */
public final class Lags {
    /** Codes shared with the native library; the order is part of the JNI contract. */
    private enum Kind { LAG, DIFF, PCT_CHANGE }

    private Lags() {
    }

    /** {@code out[i] = x[i-k]}, NaN for {@code i < k} (pandas {@code shift(k)}). */
    public static double[] lag(double[] x, int k) {
        return transform(Kind.LAG, x, k);
    }

    /** {@code out[i] = x[i] - x[i-k]}, NaN for {@code i < k} (pandas {@code diff(k)}). */
    public static double[] diff(double[] x, int k) {
        return transform(Kind.DIFF, x, k);
    }

    /**
     * {@code out[i] = x[i] / x[i-k] - 1}, NaN for {@code i < k}; division by zero gives
     * ±Infinity or NaN as in pandas {@code pct_change(k, fill_method=None)}.
     */
    public static double[] pctChange(double[] x, int k) {
        return transform(Kind.PCT_CHANGE, x, k);
    }

    private static double[] transform(Kind kind, double[] x, int k) {
        Checks.notNull(x, "x");
        Checks.nonNegative(k, "k");
        double[] out = new double[x.length];
        NativeLibrary.load();
        transform0(kind.ordinal(), x, k, out);
        return out;
    }

    private static native void transform0(int kind, double[] x, int k, double[] out);
}
