package io.lagrs;

import java.util.Objects;

/**
 * What every batch answers through the shared native entry points ({@link NativeBatches}), and
 * the one way a "fit all" call runs: null checks, then the native fit under a {@link BatchRun}.
 */
abstract class NativeModelBatch extends NativeHandle implements ModelBatch {
    private final int size;

    NativeModelBatch(long handle, int size, String kind) {
        super(handle, NativeBatches::free0, kind);
        this.size = size;
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

    /** Wraps the results' handle of a finished fit of {@code size} series. */
    @FunctionalInterface
    interface Wrap<B> {
        B wrap(long handle, int size);
    }

    /**
     * Runs a "fit all" call over rows.
     *
     * @param what the public call, for messages ("Arima.fitAll")
     */
    static <B> B fitRows(String what, double[][] series, BatchOptions options, RowsFit fit, Wrap<B> wrap) {
        Checks.notNull(series, "series");
        Checks.notNull(options, "options");
        long handle = BatchRun.run(what, series.length, options, run -> fit.fit(series, run), NativeBatches::free0);
        return wrap.wrap(handle, series.length);
    }

    /**
     * As {@link #fitRows} for the flat layout: series {@code j} is
     * {@code values[offsets[j] .. offsets[j+1])} (the native side checks the offsets).
     */
    static <B> B fitFlat(String what, double[] values, int[] offsets, BatchOptions options, FlatFit fit, Wrap<B> wrap) {
        Checks.notNull(values, "values");
        Checks.notNull(offsets, "offsets");
        Checks.notNull(options, "options");
        int n = Math.max(0, offsets.length - 1);
        long handle = BatchRun.run(what, n, options, run -> fit.fit(values, offsets, run), NativeBatches::free0);
        return wrap.wrap(handle, n);
    }

    @Override
    public final int size() {
        return size;
    }

    @Override
    public final boolean succeeded(int i) {
        return error(i) == null;
    }

    @Override
    public final String error(int i) {
        Objects.checkIndex(i, size);
        return call(h -> NativeBatches.error0(h, i));
    }

    @Override
    public final String[] labels() {
        return call(NativeBatches::labels0);
    }

    @Override
    public final Forecast[] forecast(int h, double level) {
        IntervalForecast[] all = forecast(h, new double[] {level});
        Forecast[] forecasts = new Forecast[all.length];
        for (int i = 0; i < all.length; i++) {
            forecasts[i] = all[i] == null ? null : all[i].at(0);
        }
        return forecasts;
    }

    @Override
    public final IntervalForecast[] forecast(int h, double[] levels) {
        Checks.notNull(levels, "levels");
        double[] asked = levels.clone();
        double[][] packed = call(handle -> NativeBatches.forecast0(handle, h, asked));
        IntervalForecast[] forecasts = new IntervalForecast[packed.length];
        for (int i = 0; i < packed.length; i++) {
            forecasts[i] = packed[i] == null ? null : IntervalForecast.fromPacked(packed[i], 0, h, asked);
        }
        return forecasts;
    }

    @Override
    public final IntervalForecast[] forecast(int h, double[] levels, BatchRegressors futureXreg) {
        Checks.notNull(levels, "levels");
        Checks.notNull(futureXreg, "futureXreg");
        double[] asked = levels.clone();
        double[][] future = futureXreg.futureFor(this, h);
        double[][] packed = call(handle -> NativeBatches.forecastXreg0(handle, h, asked, future));
        IntervalForecast[] forecasts = new IntervalForecast[packed.length];
        for (int i = 0; i < packed.length; i++) {
            forecasts[i] = packed[i] == null ? null : IntervalForecast.fromPacked(packed[i], 0, h, asked);
        }
        return forecasts;
    }

    /** The handle of series i's model, shared with this batch's copy. */
    final long modelHandle(int i) {
        Objects.checkIndex(i, size);
        return call(h -> NativeBatches.model0(h, i));
    }
}
