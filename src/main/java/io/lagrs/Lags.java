package io.lagrs;

import java.nio.DoubleBuffer;

/**
 * Lag and difference features over {@code double[]}, as pandas {@code shift}, {@code diff} and
 * {@code pct_change}. Results have the length of the input; the first {@code k} entries are
 * NaN. A null array throws {@link NullPointerException}; {@code k < 0} throws
 * {@link IllegalArgumentException}. Long arrays are processed in chunks of well under a
 * millisecond of work (pinned one at a time, or copied in and out for lags reaching far back),
 * so a call never holds the garbage collector off for long. Overloads with an {@code out} array
 * allocate nothing; {@link DoubleBuffer} overloads read and write direct buffers in place.
 */
public final class Lags {
    /** Codes shared with the native library (checked by NativeContractTest). */
    enum Kind { LAG, DIFF, PCT_CHANGE }

    private Lags() {
    }

    /**
     * {@code out[i] = x[i-k]}, NaN for {@code i < k} (pandas {@code shift(k)}).
     *
     * @param x the series; NaN values propagate to the results that use them
     * @param k the number of steps back, non-negative
     * @return a new array of the length of {@code x}
     */
    public static double[] lag(double[] x, int k) {
        return transform(Kind.LAG, x, k);
    }

    /**
     * {@code out[i] = x[i] - x[i-k]}, NaN for {@code i < k} (pandas {@code diff(k)}).
     *
     * @param x the series; NaN values propagate to the results that use them
     * @param k the number of steps back, non-negative
     * @return a new array of the length of {@code x}
     */
    public static double[] diff(double[] x, int k) {
        return transform(Kind.DIFF, x, k);
    }

    /**
     * {@code out[i] = x[i] / x[i-k] - 1}, NaN for {@code i < k}; division by zero gives
     * ±Infinity or NaN as in pandas {@code pct_change(k, fill_method=None)}.
     *
     * @param x the series; NaN values propagate to the results that use them
     * @param k the number of steps back, non-negative
     * @return a new array of the length of {@code x}
     */
    public static double[] pctChange(double[] x, int k) {
        return transform(Kind.PCT_CHANGE, x, k);
    }

    /**
     * {@link #lag(double[], int)} written into {@code out}; allocates nothing unless {@code out}
     * is {@code x} itself (the input is then copied first).
     *
     * @param x the series; NaN values propagate to the results that use them
     * @param k the number of steps back, non-negative
     * @param out receives the result; must have the length of {@code x} and may be {@code x} itself
     * @throws NullPointerException if {@code x} or {@code out} is null
     * @throws IllegalArgumentException if {@code k < 0} or {@code out} has another length
     */
    public static void lag(double[] x, int k, double[] out) {
        transform(Kind.LAG, x, k, out);
    }

    /**
     * {@link #diff(double[], int)} written into {@code out}, as {@link #lag(double[], int, double[])}.
     *
     * @param x the series; NaN values propagate to the results that use them
     * @param k the number of steps back, non-negative
     * @param out receives the result; must have the length of {@code x} and may be {@code x} itself
     */
    public static void diff(double[] x, int k, double[] out) {
        transform(Kind.DIFF, x, k, out);
    }

    /**
     * {@link #pctChange(double[], int)} written into {@code out}, as {@link #lag(double[], int, double[])}.
     *
     * @param x the series; NaN values propagate to the results that use them
     * @param k the number of steps back, non-negative
     * @param out receives the result; must have the length of {@code x} and may be {@code x} itself
     */
    public static void pctChange(double[] x, int k, double[] out) {
        transform(Kind.PCT_CHANGE, x, k, out);
    }

    /**
     * {@link #lag(double[], int)} from a direct buffer into another: reads {@code x.remaining()}
     * values from {@code x.position()} and writes as many into {@code out} from
     * {@code out.position()}; positions and limits are left unchanged.
     *
     * @param x direct buffer holding the series from its position to its limit
     * @param k the number of steps back, non-negative
     * @param out direct, writable buffer receiving {@code x.remaining()} results from its position
     * @throws NullPointerException if a buffer is null
     * @throws IllegalArgumentException if a buffer is not direct or not in native byte order,
     *     {@code out} is read-only, overlaps {@code x} or has a different number of remaining
     *     values, or {@code k < 0}
     */
    public static void lag(DoubleBuffer x, int k, DoubleBuffer out) {
        transform(Kind.LAG, x, k, out);
    }

    /**
     * {@link #diff(double[], int)} between direct buffers, as {@link #lag(DoubleBuffer, int, DoubleBuffer)}.
     *
     * @param x direct buffer holding the series from its position to its limit
     * @param k the number of steps back, non-negative
     * @param out direct, writable buffer receiving {@code x.remaining()} results from its position
     */
    public static void diff(DoubleBuffer x, int k, DoubleBuffer out) {
        transform(Kind.DIFF, x, k, out);
    }

    /**
     * {@link #pctChange(double[], int)} between direct buffers, as {@link #lag(DoubleBuffer, int, DoubleBuffer)}.
     *
     * @param x direct buffer holding the series from its position to its limit
     * @param k the number of steps back, non-negative
     * @param out direct, writable buffer receiving {@code x.remaining()} results from its position
     */
    public static void pctChange(DoubleBuffer x, int k, DoubleBuffer out) {
        transform(Kind.PCT_CHANGE, x, k, out);
    }

    private static void transform(Kind kind, DoubleBuffer x, int k, DoubleBuffer out) {
        Checks.directInput(x, "x");
        Checks.directOutput(out, "out");
        NativeLibrary.load();
        transformDirect0(kind.ordinal(), x, x.position(), x.remaining(), k, out, out.position(), out.remaining());
    }

    private static double[] transform(Kind kind, double[] x, int k) {
        Checks.notNull(x, "x");
        double[] out = new double[x.length];
        transform(kind, x, k, out);
        return out;
    }

    private static void transform(Kind kind, double[] x, int k, double[] out) {
        Checks.notNull(x, "x");
        Checks.notNull(out, "out");
        // Long inputs go in chunks that read values behind the ones they write: in place, a
        // chunk would read results of the one before.
        double[] input = out == x ? x.clone() : x;
        NativeLibrary.load();
        transform0(kind.ordinal(), input, k, out);
    }

    private static native void transform0(int kind, double[] x, int k, double[] out);

    private static native void transformDirect0(int kind, DoubleBuffer x, int xPosition, int xLength, int k,
            DoubleBuffer out, int outPosition, int outLength);
}
