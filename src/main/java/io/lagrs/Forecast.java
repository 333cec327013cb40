package io.lagrs;

import java.util.Arrays;
import java.util.Objects;

/**
 * Point forecasts and prediction intervals for steps 1..h ahead, as R's
 * {@code forecast(fit, h, level)}: {@code mean[i]} is the forecast {@code i+1} steps ahead and
 * {@code [lower[i], upper[i]]} the central prediction interval with coverage {@code level}
 * (e.g. 0.95) under Gaussian errors.
 *
 * @param mean point forecasts
 * @param lower lower interval bounds
 * @param upper upper interval bounds
 * @param level interval coverage in (0, 1)
 */
public record Forecast(double[] mean, double[] lower, double[] upper, double level) {
    /** @throws IllegalArgumentException if the arrays differ in length */
    public Forecast {
        Objects.requireNonNull(mean, "mean must not be null");
        Objects.requireNonNull(lower, "lower must not be null");
        Objects.requireNonNull(upper, "upper must not be null");
        if (lower.length != mean.length || upper.length != mean.length) {
            throw new IllegalArgumentException("mean, lower and upper must have the same length");
        }
    }

    /** The forecast horizon h. */
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

    /** Splits the native layout {mean..., lower..., upper...} of length 3h. */
    static Forecast fromPacked(double[] packed, double level) {
        int h = packed.length / 3;
        return new Forecast(Arrays.copyOfRange(packed, 0, h), Arrays.copyOfRange(packed, h, 2 * h),
                Arrays.copyOfRange(packed, 2 * h, 3 * h), level);
    }
}
