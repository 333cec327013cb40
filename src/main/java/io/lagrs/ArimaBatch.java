package io.lagrs;

/**
 * The models of many series fitted at once by {@link Arima#fitAll(double[][])}. One series that cannot be fitted never fails the
 * others: {@link #succeeded(int)} tells which did, {@link #error(int)} why one did not.
 * Holds native state: close it; a {@link java.lang.ref.Cleaner} frees it if you forget.
 */
public final class ArimaBatch extends NativeHandle {
    private final int size;

    ArimaBatch(long handle, int size) {
        super(handle, ArimaBatch::free0, "ArimaBatch");
        this.size = size;
    }

    /** The number of series, fitted or not. */
    public int size() {
        return size;
    }

    /** Whether series {@code i} was fitted. @throws IndexOutOfBoundsException for a bad i */
    public boolean succeeded(int i) {
        return error(i) == null;
    }

    /** Why series {@code i} could not be fitted, or null if it was. */
    public String error(int i) {
        java.util.Objects.checkIndex(i, size);
        return call(h -> error0(h, i));
    }

    /**
     * Forecasts for every series, computed in parallel; null exactly where that series was not
     * fitted ({@code succeeded(i)} is false). The arguments follow
     * {@link ArimaModel#forecast(int, double)}.
     *
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
     * @throws IllegalStateException if series i could not be fitted (see {@link #error(int)})
     */
    public ArimaModel model(int i) {
        java.util.Objects.checkIndex(i, size);
        return new ArimaModel(call(h -> model0(h, i)));
    }

    static native long fitAll0(int[] order, boolean includeMean, boolean includeDrift, double[][] series);

    static native void free0(long handle);

    private static native String error0(long handle, int i);

    private static native double[][] forecast0(long handle, int h, double level);

    private static native long model0(long handle, int i);
}
