package io.lagrs;

/**
 * The models of many series fitted at once by {@link Arima#fitAll(double[][], BatchOptions)}
 * (or its flat {@code values + offsets} form). One series that cannot be fitted never fails the
 * others: {@link #succeeded(int)} tells which did, {@link #error(int)} why one did not.
 * Holds native state: close it; a {@link java.lang.ref.Cleaner} frees it if you forget.
 * Every method is safe to call from many threads at once; after {@link #close()} every method
 * but {@link #size()} and {@link #isClosed()} throws {@link IllegalStateException}.
 */
public final class ArimaBatch extends NativeHandle {
    private final int size;

    ArimaBatch(long handle, int size) {
        super(handle, ArimaBatch::free0, "ArimaBatch");
        this.size = size;
    }

    /**
     * The number of series, fitted or not.
     *
     * @return the number of input series
     */
    public int size() {
        return size;
    }

    /**
     * Whether series {@code i} was fitted.
     *
     * @param i index of the series, in input order
     * @return true if a model was fitted
     * @throws IndexOutOfBoundsException unless {@code 0 <= i < size()}
     */
    public boolean succeeded(int i) {
        return error(i) == null;
    }

    /**
     * Why series {@code i} could not be fitted, or {@code null} if it was fitted (so
     * {@code error(i) == null} exactly when {@link #succeeded(int)} is true). A null series in
     * a {@code double[][]} input fails with "series[i] is null".
     *
     * @param i index of the series, in input order
     * @return the error message, or null if the series was fitted
     * @throws IndexOutOfBoundsException unless {@code 0 <= i < size()}
     */
    public String error(int i) {
        java.util.Objects.checkIndex(i, size);
        return call(h -> error0(h, i));
    }

    /**
     * Forecasts for every series, computed in parallel; null exactly where that series was not
     * fitted ({@code succeeded(i)} is false). The arguments follow
     * {@link ArimaModel#forecast(int, double)}.
     *
     * @param h the horizon, 1 to {@value ArimaModel#MAX_HORIZON} steps
     * @param level the interval coverage, in (0, 1), e.g. 0.95
     * @return one forecast per series, in input order; null for a series not fitted
     * @throws IllegalArgumentException if {@code h < 1}, {@code h > ArimaModel.MAX_HORIZON} or
     *     level is not in (0, 1), as {@link ArimaModel#forecast(int, double)}
     */
    public Forecast[] forecast(int h, double level) {
        double[][] packed = call(handle -> forecast0(handle, h, level));
        Forecast[] forecasts = new Forecast[packed.length];
        for (int i = 0; i < packed.length; i++) {
            forecasts[i] = packed[i] == null ? null : Forecast.fromPacked(packed[i], level);
        }
        return forecasts;
    }

    /**
     * The model of series {@code i}, as an {@link ArimaModel} of its own that stays valid after
     * this batch is closed; close it too.
     *
     * @param i index of the series, in input order
     * @return a new model, independent of this batch
     * @throws IllegalStateException if series i could not be fitted (see {@link #error(int)})
     */
    public ArimaModel model(int i) {
        java.util.Objects.checkIndex(i, size);
        return new ArimaModel(call(h -> model0(h, i)));
    }

    /** A native batch fit over rows: given the rows and the run's handle, returns the results' handle. */
    @FunctionalInterface
    interface RowsFit {
        long fit(double[][] series, long run);
    }

    /** A native batch fit over the flat layout, as {@link RowsFit}. */
    @FunctionalInterface
    interface FlatFit {
        long fit(double[] values, int[] offsets, long run);
    }

    /**
     * The one way a "fit all" call over rows runs ({@code Arima.fitAll}, {@code AutoArima.fitAll}):
     * null checks, then {@code fit} under a {@link BatchRun} with the options' controls.
     *
     * @param what the public call, for messages ("Arima.fitAll")
     */
    static ArimaBatch fitRows(String what, double[][] series, BatchOptions options, RowsFit fit) {
        Checks.notNull(series, "series");
        Checks.notNull(options, "options");
        long handle = BatchRun.run(what, series.length, options, run -> fit.fit(series, run), ArimaBatch::free0);
        return new ArimaBatch(handle, series.length);
    }

    /**
     * As {@link #fitRows(String, double[][], BatchOptions, RowsFit)} for the flat layout: series
     * {@code j} is {@code values[offsets[j] .. offsets[j+1])} (the native side checks the offsets).
     */
    static ArimaBatch fitFlat(String what, double[] values, int[] offsets, BatchOptions options, FlatFit fit) {
        Checks.notNull(values, "values");
        Checks.notNull(offsets, "offsets");
        Checks.notNull(options, "options");
        int n = Math.max(0, offsets.length - 1);
        long handle = BatchRun.run(what, n, options, run -> fit.fit(values, offsets, run), ArimaBatch::free0);
        return new ArimaBatch(handle, n);
    }

    /** Fits every row of {@code series}; see {@link Arima#fitAll(double[][], BatchOptions)}. */
    static ArimaBatch fitRows(Arima spec, double[][] series, BatchOptions options) {
        return fitRows("Arima.fitAll", series, options,
                (rows, run) -> fitRows0(spec.orderArray(), spec.meanFlag(), spec.includeDriftFlag(), rows, run));
    }

    /** Fits every series of the flat layout; see {@link Arima#fitAll(double[], int[], BatchOptions)}. */
    static ArimaBatch fitFlat(Arima spec, double[] values, int[] offsets, BatchOptions options) {
        return fitFlat("Arima.fitAll", values, offsets, options, (v, o, run) ->
                fitFlat0(spec.orderArray(), spec.meanFlag(), spec.includeDriftFlag(), v, o, run));
    }

    /** The plain all-cores batch fit without controls (kept for the handle-validation tests). */
    static native long fitAll0(int[] order, boolean includeMean, boolean includeDrift, double[][] series);

    private static native long fitRows0(int[] order, boolean includeMean, boolean includeDrift,
            double[][] series, long run);

    private static native long fitFlat0(int[] order, boolean includeMean, boolean includeDrift,
            double[] values, int[] offsets, long run);

    static native void free0(long handle);

    private static native String error0(long handle, int i);

    private static native double[][] forecast0(long handle, int h, double level);

    private static native long model0(long handle, int i);
}
