package io.lagrs;

import java.util.Arrays;
import java.util.Objects;

/**
 * Point forecasts for steps 1..h with central prediction intervals at several levels, as R's
 * {@code forecast(fit, h, level = c(80, 95))}: {@code lower(k)[i]} and {@code upper(k)[i]} bound
 * the interval of coverage {@code levels()[k]}, {@code i + 1} steps ahead (NaN where the family
 * has no interval).
 *
 * <p>Immutable: every accessor returns a fresh copy.
 */
public final class IntervalForecast {
    private final double[] mean;
    private final double[] levels;
    private final double[][] lower;
    private final double[][] upper;

    IntervalForecast(double[] mean, double[] levels, double[][] lower, double[][] upper) {
        this.mean = mean;
        this.levels = levels;
        this.lower = lower;
        this.upper = upper;
    }

    /** Splits the native layout: the mean, then each level's lower and upper bounds, h each. */
    static IntervalForecast fromPacked(double[] packed, int offset, int h, double[] levels) {
        double[] mean = Arrays.copyOfRange(packed, offset, offset + h);
        double[][] lower = new double[levels.length][];
        double[][] upper = new double[levels.length][];
        for (int k = 0; k < levels.length; k++) {
            int at = offset + h * (1 + 2 * k);
            lower[k] = Arrays.copyOfRange(packed, at, at + h);
            upper[k] = Arrays.copyOfRange(packed, at + h, at + 2 * h);
        }
        return new IntervalForecast(mean, levels.clone(), lower, upper);
    }

    /**
     * The point forecasts, {@code mean[i]} for {@code i+1} steps ahead; a copy.
     *
     * @return a new copy of the point forecasts
     */
    public double[] mean() {
        return mean.clone();
    }

    /**
     * The interval coverages, in the order asked for; a copy.
     *
     * @return a new copy of the levels
     */
    public double[] levels() {
        return levels.clone();
    }

    /**
     * The lower bounds at {@code levels()[k]}; a copy.
     *
     * @param k index of the level
     * @return a new copy of the lower bounds
     * @throws IndexOutOfBoundsException unless {@code 0 <= k < levels().length}
     */
    public double[] lower(int k) {
        return lower[Objects.checkIndex(k, levels.length)].clone();
    }

    /**
     * The upper bounds at {@code levels()[k]}; a copy.
     *
     * @param k index of the level
     * @return a new copy of the upper bounds
     * @throws IndexOutOfBoundsException unless {@code 0 <= k < levels().length}
     */
    public double[] upper(int k) {
        return upper[Objects.checkIndex(k, levels.length)].clone();
    }

    /**
     * The forecast at level index {@code k} as a one-level {@link Forecast}.
     *
     * @param k index of the level
     * @return the point forecasts with the bounds of that level
     * @throws IndexOutOfBoundsException unless {@code 0 <= k < levels().length}
     */
    public Forecast at(int k) {
        Objects.checkIndex(k, levels.length);
        return new Forecast(mean, lower[k], upper[k], levels[k]);
    }

    /**
     * The forecast horizon h.
     *
     * @return the number of steps forecast
     */
    public int horizon() {
        return mean.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IntervalForecast f && Arrays.equals(mean, f.mean) && Arrays.equals(levels, f.levels)
                && Arrays.deepEquals(lower, f.lower) && Arrays.deepEquals(upper, f.upper);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(mean), Arrays.hashCode(levels), Arrays.deepHashCode(lower),
                Arrays.deepHashCode(upper));
    }

    @Override
    public String toString() {
        return "IntervalForecast[levels=" + Arrays.toString(levels) + ", mean=" + Arrays.toString(mean) + "]";
    }
}
