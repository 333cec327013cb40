package io.lagrs;

import java.util.Arrays;
import java.util.Objects;

/**
 * Point forecasts and prediction intervals for steps 1..h ahead, as R's
 * {@code forecast(fit, h, level)}: {@code mean[i]} is the forecast {@code i+1} steps ahead and
 * {@code [lower[i], upper[i]]} the central prediction interval with coverage {@code level}
 * (e.g. 0.95) under Gaussian errors.
 *
 * <p>Immutable: the constructor copies the arrays it is given and every accessor returns a
 * fresh copy, so changing a returned array never changes the forecast. No component is null.
 *
 * @param mean point forecasts
 * @param lower lower interval bounds
 * @param upper upper interval bounds
 * @param level interval coverage in (0, 1)
 */
public record Forecast(double[] mean, double[] lower, double[] upper, double level) {
    /**
     * @param mean point forecasts, {@code mean[i]} for {@code i+1} steps ahead
     * @param lower lower interval bounds, as long as {@code mean}
     * @param upper upper interval bounds, as long as {@code mean}
     * @param level interval coverage, e.g. 0.95
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public Forecast {
        Objects.requireNonNull(mean, "mean must not be null");
        Objects.requireNonNull(lower, "lower must not be null");
        Objects.requireNonNull(upper, "upper must not be null");
        if (lower.length != mean.length || upper.length != mean.length) {
            throw new IllegalArgumentException("mean, lower and upper must have the same length");
        }
        mean = mean.clone();
        lower = lower.clone();
        upper = upper.clone();
    }

    /**
     * The point forecasts, {@code mean[i]} for {@code i+1} steps ahead; a copy.
     *
     * @return a new copy of the point forecasts
     */
    @Override
    public double[] mean() {
        return mean.clone();
    }

    /**
     * The lower interval bounds; a copy.
     *
     * @return a new copy of the lower bounds
     */
    @Override
    public double[] lower() {
        return lower.clone();
    }

    /**
     * The upper interval bounds; a copy.
     *
     * @return a new copy of the upper bounds
     */
    @Override
    public double[] upper() {
        return upper.clone();
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
        return o instanceof Forecast f && level == f.level && Arrays.equals(mean, f.mean)
                && Arrays.equals(lower, f.lower) && Arrays.equals(upper, f.upper);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(mean), Arrays.hashCode(lower), Arrays.hashCode(upper), level);
    }

    @Override
    public String toString() {
        return "Forecast[level=" + level + ", mean=" + Arrays.toString(mean) + ", lower="
                + Arrays.toString(lower) + ", upper=" + Arrays.toString(upper) + "]";
    }
}
