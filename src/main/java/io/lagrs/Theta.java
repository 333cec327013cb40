package io.lagrs;

/**
 * The Theta method: R's {@code forecast::thetaf} ({@link #thetaf(int)}, text {@code theta[m]}),
 * and, as statsforecast 2.1 fits it (Fiorucci et al. 2016), the standard,
 * optimised, dynamic and dynamic optimised state-space Theta models, and AutoTheta, which fits
 * the four and keeps the one of least in-sample objective (statsforecast's {@code mse}: the sum
 * of squared one-step errors after the third, over the mean absolute value of the series).
 *
 * <table>
 * <caption>The models</caption>
 * <tr><th>factory</th><th>text</th><th>statsforecast</th></tr>
 * <tr><td>{@link #thetaf(int)}</td><td>{@code theta[m]}</td><td>R's {@code thetaf(y)} (forecast 8.20)</td></tr>
 * <tr><td>{@link #standard(int)}</td><td>{@code theta_standard[m]}</td><td>{@code Theta(season_length=m)}</td></tr>
 * <tr><td>{@link #optimized(int)}</td><td>{@code theta_optimized[m]}</td><td>{@code OptimizedTheta}</td></tr>
 * <tr><td>{@link #dynamic(int)}</td><td>{@code theta_dynamic[m]}</td><td>{@code DynamicTheta}</td></tr>
 * <tr><td>{@link #dynamicOptimized(int)}</td><td>{@code theta_dynamic_optimized[m]}</td>
 *     <td>{@code DynamicOptimizedTheta}</td></tr>
 * <tr><td>{@link #auto(int)}</td><td>{@code auto_theta[m]}</td><td>{@code AutoTheta}</td></tr>
 * </table>
 *
 * <p>A series with m at least 4 and two full seasons whose autocorrelation at lag m passes
 * statsforecast's 90% test is seasonally adjusted by classical decomposition (multiplicative,
 * additive when a value is not positive or an index falls below 0.01) and re-seasonalised.
 * {@code label()} is {@code Theta(OTM)} or {@code AutoTheta(DOTM)}. statsforecast's intervals
 * are Monte Carlo quantiles of numpy draws, which lagrs does not reproduce: every bound is
 * NaN. Fewer than 4 values, or a missing value, is an {@code IllegalArgumentException}.
 *
 * <p>{@link #thetaf(int)} is R's {@code thetaf}: its own seasonality test (lag m at 90%, more
 * than two seasons, non-constant), R's multiplicative {@code decompose}, SES fitted as
 * {@code ets(x, "ANN", opt.crit = "mse")} with R's Nelder-Mead, half the OLS slope as drift,
 * and R's normal intervals ({@code label()} {@code "Theta"}). Series of 2 to 6 values take
 * ets' own fallback as R does (forecast's {@code HoltWintersZZ}: level from the first value,
 * alpha by L-BFGS-B in [0, 1]). It needs at least 2 values (R's {@code thetaf} stops on one)
 * and no missing value.
 * Immutable and thread-safe.
 */
public final class Theta extends SpecText {
    private Theta(String name, int period) {
        super(ModelSpecs.canonical(name + "[" + period + "]"));
    }

    /**
     * R's {@code thetaf(ts(y, frequency = period))}.
     *
     * @param period the seasonal period m (1 for none)
     * @return the spec
     * @throws IllegalArgumentException if period is below 1
     */
    public static Theta thetaf(int period) {
        return new Theta("theta", period);
    }

    /**
     * statsforecast's {@code Theta}: the standard Theta model (theta 2).
     *
     * @param period the seasonal period m (1 for none)
     * @return the spec
     * @throws IllegalArgumentException if period is below 1
     */
    public static Theta standard(int period) {
        return new Theta("theta_standard", period);
    }

    /**
     * statsforecast's {@code OptimizedTheta}: theta estimated.
     *
     * @param period the seasonal period m (1 for none)
     * @return the spec
     * @throws IllegalArgumentException if period is below 1
     */
    public static Theta optimized(int period) {
        return new Theta("theta_optimized", period);
    }

    /**
     * statsforecast's {@code DynamicTheta}: the trend line updated at every step (theta 2).
     *
     * @param period the seasonal period m (1 for none)
     * @return the spec
     * @throws IllegalArgumentException if period is below 1
     */
    public static Theta dynamic(int period) {
        return new Theta("theta_dynamic", period);
    }

    /**
     * statsforecast's {@code DynamicOptimizedTheta}.
     *
     * @param period the seasonal period m (1 for none)
     * @return the spec
     * @throws IllegalArgumentException if period is below 1
     */
    public static Theta dynamicOptimized(int period) {
        return new Theta("theta_dynamic_optimized", period);
    }

    /**
     * statsforecast's {@code AutoTheta}: the four models, the one of least objective kept.
     *
     * @param period the seasonal period m (1 for none)
     * @return the spec
     * @throws IllegalArgumentException if period is below 1
     */
    public static Theta auto(int period) {
        return new Theta("auto_theta", period);
    }
}
