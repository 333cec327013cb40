package io.lagrs;

import java.util.Arrays;
import java.util.Objects;

/**
 * The forecasts of many series from {@link ModelSpec#forecastAll}: for each series its
 * forecast at every level, or the error that stopped it, and the label of the model that was
 * fitted (a fallback's where the first choice failed). Immutable; no native state.
 */
public final class BatchForecast {
    private final double[] packed;
    private final String[] errors;
    private final String[] labels;
    private final int h;
    private final double[] levels;

    BatchForecast(double[] packed, String[] errors, String[] labels, int h, double[] levels) {
        this.packed = packed;
        this.errors = errors;
        this.labels = labels;
        this.h = h;
        this.levels = levels;
    }

    /**
     * The number of series.
     *
     * @return the number of input series
     */
    public int size() {
        return errors.length;
    }

    /**
     * The horizon h of every forecast.
     *
     * @return the number of steps forecast
     */
    public int horizon() {
        return h;
    }

    /**
     * The interval levels, in the order asked for; a copy.
     *
     * @return a new copy of the levels
     */
    public double[] levels() {
        return levels.clone();
    }

    /**
     * Whether series i was fitted and forecast.
     *
     * @param i index of the series, in input order
     * @return true if it has a forecast
     * @throws IndexOutOfBoundsException unless {@code 0 <= i < size()}
     */
    public boolean succeeded(int i) {
        return error(i) == null;
    }

    /**
     * Why series i has no forecast, or null if it has one.
     *
     * @param i index of the series, in input order
     * @return the error message, or null
     * @throws IndexOutOfBoundsException unless {@code 0 <= i < size()}
     */
    public String error(int i) {
        return errors[Objects.checkIndex(i, errors.length)];
    }

    /**
     * The label of series i's model (R's name), or null if it has no forecast.
     *
     * @param i index of the series, in input order
     * @return the label, or null
     * @throws IndexOutOfBoundsException unless {@code 0 <= i < size()}
     */
    public String label(int i) {
        return labels[Objects.checkIndex(i, labels.length)];
    }

    /**
     * The forecast of series i, or null if it has none.
     *
     * @param i index of the series, in input order
     * @return the forecast at every level, or null
     * @throws IndexOutOfBoundsException unless {@code 0 <= i < size()}
     */
    public IntervalForecast forecast(int i) {
        if (!succeeded(i)) {
            return null;
        }
        return IntervalForecast.fromPacked(packed, i * stride(), h, levels);
    }

    /**
     * Point forecasts of every series in one array, series after series ({@code h} values each,
     * NaN for a series without a forecast): for writing out without an object per series.
     *
     * @return a new array of {@code size() * horizon()} values
     */
    public double[] means() {
        double[] means = new double[size() * h];
        for (int i = 0; i < size(); i++) {
            System.arraycopy(packed, i * stride(), means, i * h, h);
        }
        return means;
    }

    private int stride() {
        return h * (1 + 2 * levels.length);
    }

    @Override
    public String toString() {
        long failed = Arrays.stream(errors).filter(Objects::nonNull).count();
        return "BatchForecast[series=" + size() + ", h=" + h + ", levels=" + Arrays.toString(levels) + ", failed="
                + failed + "]";
    }
}
