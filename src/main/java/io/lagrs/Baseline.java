package io.lagrs;

/**
 * R's benchmark forecasting methods, exactly as the forecast package computes them, and
 * statsforecast's window averages:
 *
 * <table>
 * <caption>The methods</caption>
 * <tr><th>factory</th><th>text</th><th>R / statsforecast</th><th>forecast</th></tr>
 * <tr><td>{@link #naive()}</td><td>{@code naive}</td><td>{@code naive(y)}</td><td>the last value</td></tr>
 * <tr><td>{@link #seasonalNaive(int)}</td><td>{@code snaive[m]}</td><td>{@code snaive(y)}</td>
 *     <td>the last value of the same season</td></tr>
 * <tr><td>{@link #mean()}</td><td>{@code mean}</td><td>{@code meanf(y)}</td>
 *     <td>the mean (Student t intervals)</td></tr>
 * <tr><td>{@link #drift()}</td><td>{@code drift}</td><td>{@code rwf(y, drift = TRUE)}</td>
 *     <td>the last value plus the mean step</td></tr>
 * <tr><td>{@link #windowAverage(int)}</td><td>{@code window_average(k)}</td>
 *     <td>{@code WindowAverage(k)}</td><td>mean of the last k values (no intervals: NaN bounds)</td></tr>
 * <tr><td>{@link #seasonalWindowAverage(int, int)}</td><td>{@code seasonal_window_average(k)[m]}</td>
 *     <td>{@code SeasonalWindowAverage(m, k)}</td>
 *     <td>mean of the last k values of the season (no intervals)</td></tr>
 * </table>
 *
 * <p>Missing values (NaN) are handled as R does: the lag walks fill a missing value from one lag
 * before, {@code meanf} skips them (its n still counts them, as R's {@code length(x)}); the
 * window averages refuse them. {@link #lambda(double)} and {@link #biasAdjust(boolean)} are R's
 * {@code lambda} and {@code biasadj}. Immutable and thread-safe.
 */
public final class Baseline extends SpecText {
    private Baseline(String text) {
        super(ModelSpecs.canonical(text));
    }

    /**
     * R's {@code naive(y)}: forecasts the last observation, intervals of a random walk.
     *
     * @return the spec
     */
    public static Baseline naive() {
        return new Baseline("naive");
    }

    /**
     * R's {@code snaive(y)}: forecasts the last observation of the same season.
     *
     * @param period the seasonal period m, at least 1
     * @return the spec
     * @throws IllegalArgumentException if period is below 1
     */
    public static Baseline seasonalNaive(int period) {
        return new Baseline("snaive[" + period + "]");
    }

    /**
     * R's {@code meanf(y)}: forecasts the mean, with Student t intervals.
     *
     * @return the spec
     */
    public static Baseline mean() {
        return new Baseline("mean");
    }

    /**
     * R's {@code rwf(y, drift = TRUE)}: a random walk with drift.
     *
     * @return the spec
     */
    public static Baseline drift() {
        return new Baseline("drift");
    }

    /**
     * statsforecast's {@code WindowAverage(window_size = k)}.
     *
     * @param k the window, at least 1
     * @return the spec
     * @throws IllegalArgumentException if k is below 1
     */
    public static Baseline windowAverage(int k) {
        return new Baseline("window_average(" + k + ")");
    }

    /**
     * statsforecast's {@code SeasonalWindowAverage(season_length = period, window_size = k)}.
     *
     * @param k the window in seasons, at least 1
     * @param period the seasonal period m, at least 1
     * @return the spec
     * @throws IllegalArgumentException if k or period is below 1
     */
    public static Baseline seasonalWindowAverage(int k, int period) {
        return new Baseline("seasonal_window_average(" + k + ")[" + period + "]");
    }

    /**
     * This method on Box-Cox transformed data (R's {@code lambda}); forecasts and bounds are
     * transformed back. |lambda| below 1e-12 is the log.
     *
     * @param lambda the Box-Cox parameter, in [-10, 10]
     * @return a new spec
     * @throws IllegalArgumentException if lambda is not finite or outside [-10, 10]
     */
    public Baseline lambda(double lambda) {
        return withOption("lambda=" + lambda);
    }

    /**
     * This method on Box-Cox transformed data with lambda chosen per series by Guerrero's
     * method (R's {@code lambda = "auto"}).
     *
     * @return a new spec
     */
    public Baseline lambdaAuto() {
        return withOption("lambda=auto");
    }

    /**
     * Bias-adjusted back-transform of the point forecasts (R's {@code biasadj}); needs a lambda.
     *
     * @param adjust whether to adjust
     * @return a new spec
     * @throws IllegalArgumentException if no lambda was set
     */
    public Baseline biasAdjust(boolean adjust) {
        return withOption("biasadj=" + adjust);
    }

    private Baseline withOption(String option) {
        return new Baseline(withOption(toString(), option));
    }
}
