package io.lagrs;

import java.nio.DoubleBuffer;

/**
 * Rolling-window statistics over {@code double[]} with pandas semantics.
 *
 * <p>The window ending at index {@code i} covers {@code x[i-window+1 .. i]} (clipped at 0).
 * NaN inputs are skipped; the result is NaN where fewer than {@code minPeriods} non-NaN values
 * are in the window (default {@code minPeriods = window}). Results have the length of the input;
 * empty input gives empty output. Each method matches the pandas
 * {@code Series.rolling(window, min_periods).<statistic>()} of the same name to 1e-12 relative,
 * with one deliberate difference: where a window's sum overflows (values near
 * {@link Double#MAX_VALUE}), pandas' mean is {@code inf} and ours is the window's mean, which is
 * always representable (the sum is {@code ±Infinity} in both).
 *
 * <p>Long inputs are split into chunks computed in parallel. A call never holds the garbage
 * collector off for long: sum and mean pin the arrays for one chunk of well under a
 * millisecond of work at a time, every other statistic (and {@link #ewmMean(double[], double)},
 * whose state is carried from chunk to chunk) copies chunks in and out, so other threads of the
 * service keep allocating while a long call runs. {@link DoubleBuffer} overloads take direct
 * buffers (off-heap data: Arrow, memory-mapped files), which are never pinned at all.
 *
 * <p>Bad arguments: a null array or buffer throws {@link NullPointerException};
 * {@code window < 1}, {@code minPeriods} outside {@code [0, window]}, {@code q} outside
 * [0, 1], {@code alpha} outside (0, 1] or an {@code out} of the wrong length throws
 * {@link IllegalArgumentException}. These rules are checked by the native core, before any
 * value is read or written.
 */
public final class Rolling {
    private Rolling() { } // static methods only

    /**
     * Rolling mean, {@code minPeriods = window}.
     *
     * @param x the series; NaN values are skipped
     * @param window number of observations in each window, at least 1
     * @return a new array of the length of {@code x}, NaN where a window is not yet full of non-NaN values
     */
    public static double[] mean(double[] x, int window) {
        return apply(RollingStatistic.MEAN, x, window, window);
    }

    /**
     * Rolling mean.
     *
     * @param x the series; NaN values are skipped
     * @param window number of observations in each window, at least 1
     * @param minPeriods fewest non-NaN values a window needs for a non-NaN result, in {@code [0, window]}
     * @return a new array of the length of {@code x}, NaN where a window holds fewer than
     *     {@code minPeriods} non-NaN values
     */
    public static double[] mean(double[] x, int window, int minPeriods) {
        return apply(RollingStatistic.MEAN, x, window, minPeriods);
    }

    /**
     * Rolling mean written into {@code out} (same length as {@code x}); allocates nothing.
     *
     * @param x the series; NaN values are skipped
     * @param window number of observations in each window, at least 1
     * @param minPeriods fewest non-NaN values a window needs for a non-NaN result, in {@code [0, window]}
     * @param out receives the result; must have the length of {@code x} and may be {@code x} itself
     */
    public static void mean(double[] x, int window, int minPeriods, double[] out) {
        apply(RollingStatistic.MEAN, x, window, minPeriods, out);
    }

    /**
     * Rolling sum, {@code minPeriods = window}.
     *
     * @param x the series; NaN values are skipped
     * @param window number of observations in each window, at least 1
     * @return a new array of the length of {@code x}, NaN where a window is not yet full of non-NaN values
     */
    public static double[] sum(double[] x, int window) {
        return apply(RollingStatistic.SUM, x, window, window);
    }

    /**
     * Rolling sum.
     *
     * @param x the series; NaN values are skipped
     * @param window number of observations in each window, at least 1
     * @param minPeriods fewest non-NaN values a window needs for a non-NaN result, in {@code [0, window]}
     * @return a new array of the length of {@code x}, NaN where a window holds fewer than
     *     {@code minPeriods} non-NaN values
     */
    public static double[] sum(double[] x, int window, int minPeriods) {
        return apply(RollingStatistic.SUM, x, window, minPeriods);
    }

    /**
     * Rolling sample variance (ddof = 1), {@code minPeriods = window}.
     *
     * @param x the series; NaN values are skipped
     * @param window number of observations in each window, at least 1
     * @return a new array of the length of {@code x}, NaN where a window is not yet full of non-NaN values
     */
    public static double[] var(double[] x, int window) {
        return apply(RollingStatistic.VAR, x, window, window);
    }

    /**
     * Rolling sample variance (ddof = 1); NaN where fewer than 2 values are in the window.
     *
     * @param x the series; NaN values are skipped
     * @param window number of observations in each window, at least 1
     * @param minPeriods fewest non-NaN values a window needs for a non-NaN result, in {@code [0, window]}
     * @return a new array of the length of {@code x}, NaN where a window holds fewer than
     *     {@code minPeriods} non-NaN values
     */
    public static double[] var(double[] x, int window, int minPeriods) {
        return apply(RollingStatistic.VAR, x, window, minPeriods);
    }

    /**
     * Rolling sample standard deviation (ddof = 1), {@code minPeriods = window}.
     *
     * @param x the series; NaN values are skipped
     * @param window number of observations in each window, at least 1
     * @return a new array of the length of {@code x}, NaN where a window is not yet full of non-NaN values
     */
    public static double[] std(double[] x, int window) {
        return apply(RollingStatistic.STD, x, window, window);
    }

    /**
     * Rolling sample standard deviation (ddof = 1).
     *
     * @param x the series; NaN values are skipped
     * @param window number of observations in each window, at least 1
     * @param minPeriods fewest non-NaN values a window needs for a non-NaN result, in {@code [0, window]}
     * @return a new array of the length of {@code x}, NaN where a window holds fewer than
     *     {@code minPeriods} non-NaN values
     */
    public static double[] std(double[] x, int window, int minPeriods) {
        return apply(RollingStatistic.STD, x, window, minPeriods);
    }

    /**
     * Rolling minimum, {@code minPeriods = window}.
     *
     * @param x the series; NaN values are skipped
     * @param window number of observations in each window, at least 1
     * @return a new array of the length of {@code x}, NaN where a window is not yet full of non-NaN values
     */
    public static double[] min(double[] x, int window) {
        return apply(RollingStatistic.MIN, x, window, window);
    }

    /**
     * Rolling minimum.
     *
     * @param x the series; NaN values are skipped
     * @param window number of observations in each window, at least 1
     * @param minPeriods fewest non-NaN values a window needs for a non-NaN result, in {@code [0, window]}
     * @return a new array of the length of {@code x}, NaN where a window holds fewer than
     *     {@code minPeriods} non-NaN values
     */
    public static double[] min(double[] x, int window, int minPeriods) {
        return apply(RollingStatistic.MIN, x, window, minPeriods);
    }

    /**
     * Rolling maximum, {@code minPeriods = window}.
     *
     * @param x the series; NaN values are skipped
     * @param window number of observations in each window, at least 1
     * @return a new array of the length of {@code x}, NaN where a window is not yet full of non-NaN values
     */
    public static double[] max(double[] x, int window) {
        return apply(RollingStatistic.MAX, x, window, window);
    }

    /**
     * Rolling maximum.
     *
     * @param x the series; NaN values are skipped
     * @param window number of observations in each window, at least 1
     * @param minPeriods fewest non-NaN values a window needs for a non-NaN result, in {@code [0, window]}
     * @return a new array of the length of {@code x}, NaN where a window holds fewer than
     *     {@code minPeriods} non-NaN values
     */
    public static double[] max(double[] x, int window, int minPeriods) {
        return apply(RollingStatistic.MAX, x, window, minPeriods);
    }

    /**
     * Rolling median, {@code minPeriods = window}.
     *
     * @param x the series; NaN values are skipped
     * @param window number of observations in each window, at least 1
     * @return a new array of the length of {@code x}, NaN where a window is not yet full of non-NaN values
     */
    public static double[] median(double[] x, int window) {
        return apply(RollingStatistic.MEDIAN, x, window, window);
    }

    /**
     * Rolling median.
     *
     * @param x the series; NaN values are skipped
     * @param window number of observations in each window, at least 1
     * @param minPeriods fewest non-NaN values a window needs for a non-NaN result, in {@code [0, window]}
     * @return a new array of the length of {@code x}, NaN where a window holds fewer than
     *     {@code minPeriods} non-NaN values
     */
    public static double[] median(double[] x, int window, int minPeriods) {
        return apply(RollingStatistic.MEDIAN, x, window, minPeriods);
    }

    /**
     * Rolling q-quantile with linear interpolation, as pandas; {@code minPeriods = window}.
     *
     * @param x the series; NaN values are skipped
     * @param window number of observations in each window, at least 1
     * @param q the quantile, in [0, 1]; 0.5 is the median
     * @return a new array of the length of {@code x}, NaN where a window is not yet full of non-NaN values
     */
    public static double[] quantile(double[] x, int window, double q) {
        return apply(RollingStatistic.quantile(q), x, window, window);
    }

    /**
     * Rolling q-quantile with linear interpolation, as pandas.
     *
     * @param x the series; NaN values are skipped
     * @param window number of observations in each window, at least 1
     * @param minPeriods fewest non-NaN values a window needs for a non-NaN result, in {@code [0, window]}
     * @param q the quantile, in [0, 1]; 0.5 is the median
     * @return a new array of the length of {@code x}, NaN where a window holds fewer than
     *     {@code minPeriods} non-NaN values
     */
    public static double[] quantile(double[] x, int window, int minPeriods, double q) {
        return apply(RollingStatistic.quantile(q), x, window, minPeriods);
    }

    /**
     * Exponentially weighted mean, pandas {@code Series.ewm(alpha=alpha, adjust=True).mean()}:
     * weights {@code (1-alpha)^k} by position, NaN inputs skipped but still aging the weights
     * ({@code ignore_na=False}); NaN until the first non-NaN value.
     *
     * @param x the series; NaN values are skipped but still age the weights
     * @param alpha smoothing factor, in (0, 1]; larger values weight recent observations more
     * @return a new array of the length of {@code x}
     * @throws IllegalArgumentException if alpha is not in (0, 1]
     */
    public static double[] ewmMean(double[] x, double alpha) {
        Checks.notNull(x, "x");
        double[] out = new double[x.length];
        ewmMean(x, alpha, out);
        return out;
    }

    /**
     * {@link #ewmMean(double[], double)} written into {@code out}, which must have the length of
     * {@code x}; no allocation. {@code out} may be {@code x} itself (the input is then copied
     * first).
     *
     * @param x the series; NaN values are skipped but still age the weights
     * @param alpha smoothing factor, in (0, 1]; larger values weight recent observations more
     * @param out receives the result; must have the length of {@code x} and may be {@code x} itself
     * @throws NullPointerException if {@code x} or {@code out} is null
     * @throws IllegalArgumentException if alpha is not in (0, 1] or {@code out} has another length
     */
    public static void ewmMean(double[] x, double alpha, double[] out) {
        Checks.notNull(x, "x");
        Checks.notNull(out, "out");
        // The native code reads x while writing out; in place, it would read what it just wrote.
        double[] input = out == x ? x.clone() : x;
        NativeLibrary.load();
        RollingNatives.ewmMean0(input, alpha, out);
    }

    /**
     * Any rolling statistic into a new array.
     *
     * @param statistic the statistic to compute in each window
     * @param x the series; NaN values are skipped
     * @param window number of observations in each window, at least 1
     * @param minPeriods fewest non-NaN values a window needs for a non-NaN result, in {@code [0, window]}
     * @return a new array of the length of {@code x}, NaN where a window holds fewer than
     *     {@code minPeriods} non-NaN values
     */
    public static double[] apply(RollingStatistic statistic, double[] x, int window, int minPeriods) {
        Checks.notNull(x, "x");
        double[] out = new double[x.length];
        apply(statistic, x, window, minPeriods, out);
        return out;
    }

    /**
     * Any rolling statistic written into {@code out}, which must have the length of {@code x}.
     * {@code out} may be {@code x} itself (the input is then copied first).
     *
     * @param statistic the statistic to compute in each window
     * @param x the series; NaN values are skipped
     * @param window number of observations in each window, at least 1
     * @param minPeriods fewest non-NaN values a window needs for a non-NaN result, in {@code [0, window]}
     * @param out receives the result; must have the length of {@code x} and may be {@code x} itself
     */
    public static void apply(RollingStatistic statistic, double[] x, int window, int minPeriods,
            double[] out) {
        Checks.notNull(statistic, "statistic");
        Checks.notNull(x, "x");
        Checks.notNull(out, "out");
        // The native code reads x while writing out; in place, it would read what it just wrote.
        double[] input = out == x ? x.clone() : x;
        NativeLibrary.load();
        RollingNatives.rolling0(statistic.code(), statistic.q(), input, window, minPeriods, out);
    }

    /**
     * A rolling statistic over many series in one call. The series are laid out flat, as Arrow
     * list arrays are: series {@code j} is {@code values[offsets[j] .. offsets[j+1])}, so
     * {@code offsets} has one more entry than there are series, starts at 0, never decreases
     * and ends at {@code values.length}. Windows never cross from one series into the next.
     * Series are computed in parallel.
     *
     * @param statistic the statistic to compute in each window
     * @param values all series, concatenated; NaN values are skipped
     * @param offsets start of each series in {@code values}, plus {@code values.length} at the end
     * @param window number of observations in each window, at least 1
     * @param minPeriods fewest non-NaN values a window needs for a non-NaN result, in {@code [0, window]}
     * @return a new array of the length of {@code values}, laid out as {@code values} is
     * @throws IllegalArgumentException if offsets do not describe {@code values} as above
     */
    public static double[] applyMany(RollingStatistic statistic, double[] values, int[] offsets,
            int window, int minPeriods) {
        Checks.notNull(values, "values");
        double[] out = new double[values.length];
        applyMany(statistic, values, offsets, window, minPeriods, out);
        return out;
    }

    /**
     * {@link #applyMany(RollingStatistic, double[], int[], int, int)} written into {@code out}.
     *
     * @param statistic the statistic to compute in each window
     * @param values all series, concatenated; NaN values are skipped
     * @param offsets start of each series in {@code values}, plus {@code values.length} at the end
     * @param window number of observations in each window, at least 1
     * @param minPeriods fewest non-NaN values a window needs for a non-NaN result, in {@code [0, window]}
     * @param out receives the results laid out as {@code values}; must have its length and may be
     *     {@code values} itself
     */
    public static void applyMany(RollingStatistic statistic, double[] values, int[] offsets,
            int window, int minPeriods, double[] out) {
        Checks.notNull(statistic, "statistic");
        Checks.notNull(values, "values");
        Checks.notNull(offsets, "offsets");
        Checks.notNull(out, "out");
        double[] input = out == values ? values.clone() : values;
        NativeLibrary.load();
        RollingNatives.rollingMany0(statistic.code(), statistic.q(), input, offsets, window, minPeriods, out);
    }

    /**
     * Any rolling statistic over a direct buffer, written into another: reads
     * {@code x.remaining()} values from {@code x.position()} and writes as many into
     * {@code out} from {@code out.position()}; positions and limits are left unchanged. Direct
     * buffers are never pinned, so this holds nothing up in the JVM however long it runs.
     *
     * @param statistic the statistic to compute in each window
     * @param x direct buffer holding the series from its position to its limit; NaN values are skipped
     * @param window number of observations in each window, at least 1
     * @param minPeriods fewest non-NaN values a window needs for a non-NaN result, in {@code [0, window]}
     * @param out direct, writable buffer receiving {@code x.remaining()} results from its position
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if a buffer is not direct or not in
     *     {@link java.nio.ByteOrder#nativeOrder() native byte order}, {@code out} is read-only,
     *     overlaps {@code x} or has a different number of remaining values, or window,
     *     minPeriods or q are out of range as for the array methods
     */
    public static void apply(RollingStatistic statistic, DoubleBuffer x, int window, int minPeriods,
            DoubleBuffer out) {
        Checks.notNull(statistic, "statistic");
        Checks.directInput(x, "x");
        Checks.directOutput(out, "out");
        NativeLibrary.load();
        RollingNatives.rollingDirect0(statistic.code(), statistic.q(), x, x.position(), x.remaining(), window, minPeriods,
                out, out.position(), out.remaining());
    }

    /**
     * {@link #ewmMean(double[], double)} over a direct buffer, written into another, with the
     * conventions and exceptions of {@link #apply(RollingStatistic, DoubleBuffer, int, int, DoubleBuffer)}.
     *
     * @param x direct buffer holding the series from its position to its limit
     * @param alpha smoothing factor, in (0, 1]
     * @param out direct, writable buffer receiving {@code x.remaining()} results from its position
     */
    public static void ewmMean(DoubleBuffer x, double alpha, DoubleBuffer out) {
        Checks.directInput(x, "x");
        Checks.directOutput(out, "out");
        NativeLibrary.load();
        RollingNatives.ewmMeanDirect0(x, x.position(), x.remaining(), alpha, out, out.position(), out.remaining());
    }
}
