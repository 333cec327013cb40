package io.lagrs;

/**
 * Forecasting methods for intermittent demand (series that are zero in most periods):
 * R's {@code forecast::croston} and statsforecast 2.1's methods, exactly as they compute them.
 *
 * <table>
 * <caption>The methods</caption>
 * <tr><th>factory</th><th>text</th><th>reference</th><th>forecast</th></tr>
 * <tr><td>{@link #croston()}</td><td>{@code croston}</td><td>R's {@code croston(y)} (alpha 0.1;
 *     statsforecast's {@code CrostonClassic} forecasts the same)</td>
 *     <td>smoothed demand size over smoothed interval</td></tr>
 * <tr><td>{@link #crostonOptimized()}</td><td>{@code croston_optimized}</td>
 *     <td>{@code CrostonOptimized()}</td><td>the same, each alpha chosen in [0.1, 0.3]</td></tr>
 * <tr><td>{@link #crostonSba()}</td><td>{@code croston_sba}</td><td>{@code CrostonSBA()}</td>
 *     <td>Croston times 0.95</td></tr>
 * <tr><td>{@link #tsb(double, double)}</td><td>{@code tsb(a_d,a_p)}</td>
 *     <td>{@code TSB(alpha_d, alpha_p)}</td><td>smoothed probability times smoothed size</td></tr>
 * <tr><td>{@link #adida()}</td><td>{@code adida}</td><td>{@code ADIDA()}</td>
 *     <td>SES over block sums of the mean interval, per period</td></tr>
 * <tr><td>{@link #imapa()}</td><td>{@code imapa}</td><td>{@code IMAPA()}</td>
 *     <td>ADIDA averaged over every block length up to it</td></tr>
 * </table>
 *
 * <p>None of these methods has a likelihood, so none has prediction intervals: every bound of
 * their forecasts is NaN. The forecast is the same for every future period. Values must be
 * present and at least 0 (a negative or missing value is an {@code IllegalArgumentException}
 * naming the method and the value); a series without demand forecasts 0. No Box-Cox option.
 * Immutable and thread-safe.
 */
public final class Intermittent extends SpecText {
    private Intermittent(String text) {
        super(ModelSpecs.canonical(text));
    }

    /**
     * R's {@code croston(y)}: Croston's method with alpha 0.1.
     *
     * @return the spec
     */
    public static Intermittent croston() {
        return new Intermittent("croston");
    }

    /**
     * R's {@code croston(y, alpha = alpha)}.
     *
     * @param alpha the smoothing parameter of sizes and intervals, in [0, 1]
     * @return the spec
     * @throws IllegalArgumentException if alpha is outside [0, 1]
     */
    public static Intermittent croston(double alpha) {
        return new Intermittent("croston(alpha=" + alpha + ")");
    }

    /**
     * statsforecast's {@code CrostonOptimized()}.
     *
     * @return the spec
     */
    public static Intermittent crostonOptimized() {
        return new Intermittent("croston_optimized");
    }

    /**
     * statsforecast's {@code CrostonSBA()}: Syntetos and Boylan's approximation.
     *
     * @return the spec
     */
    public static Intermittent crostonSba() {
        return new Intermittent("croston_sba");
    }

    /**
     * statsforecast's {@code TSB(alpha_d, alpha_p)}: Teunter, Syntetos and Babai's method.
     *
     * @param alphaDemand smoothing parameter of the demand sizes, in [0, 1]
     * @param alphaProbability smoothing parameter of the demand probability, in [0, 1]
     * @return the spec
     * @throws IllegalArgumentException if a parameter is outside [0, 1]
     */
    public static Intermittent tsb(double alphaDemand, double alphaProbability) {
        return new Intermittent("tsb(" + alphaDemand + "," + alphaProbability + ")");
    }

    /**
     * statsforecast's {@code ADIDA()}: aggregate-disaggregate intermittent demand approach.
     *
     * @return the spec
     */
    public static Intermittent adida() {
        return new Intermittent("adida");
    }

    /**
     * statsforecast's {@code IMAPA()}: intermittent multiple aggregation prediction algorithm.
     *
     * @return the spec
     */
    public static Intermittent imapa() {
        return new Intermittent("imapa");
    }
}
