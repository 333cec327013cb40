package io.lagrs;

/**
 * Exponential smoothing state-space models exactly as R's {@code forecast::ets} (8.20):
 * {@link #auto()} is {@code ets(y)} with its defaults (model {@code "ZZZ"}, damped tried both
 * ways, AICc, {@code restrict = TRUE}, no multiplicative trend), {@link #model(String)} fixes
 * the form ({@code "MAdM"}, or with {@code Z} letters left to the search). The other methods are
 * R's arguments of the same names. Texts: {@code auto_ets[12]}, {@code ets(M,Ad,M)[12]}.
 *
 * <p>As R: missing values keep the longest contiguous stretch ({@code na.contiguous}); a
 * frequency over 24 drops the season; data with zeros or negatives get no multiplicative
 * component (a fixed multiplicative form is an {@link IllegalArgumentException}); a series too
 * short for R's own fit ({@code n <= npars + 4}) gets R's {@code HoltWintersZZ} fallback (R's
 * method as label, NaN likelihood and criteria; see docs/API.md). Forecasts use R's
 * analytic variances; the forms R forecasts by simulation (a multiplicative trend, or an
 * additive error with a multiplicative season) get point forecasts with NaN bounds.
 * Immutable and thread-safe.
 */
public final class Ets extends SpecText {
    private static final String[] PARAMETERS = {"alpha", "beta", "gamma", "phi"};

    private Ets(String text) {
        super(ModelSpecs.canonical(text));
    }

    /**
     * R's {@code ets(y)}: every allowed form fitted, the smallest AICc kept.
     *
     * @return the spec (no season until {@link #period(int)} gives one)
     */
    public static Ets auto() {
        return new Ets("auto_ets");
    }

    /**
     * R's {@code ets(y, model = code)}: error, trend and season letters ({@code N}, {@code A},
     * {@code M}, or {@code Z} to choose), {@code d} after the trend for a damped trend.
     *
     * @param code three letters such as {@code "ANN"} or {@code "MAM"}, or four such as {@code "MAdM"}
     * @return the spec
     * @throws NullPointerException if code is null
     * @throws IllegalArgumentException if code is not such a model, naming the component
     */
    public static Ets model(String code) {
        Checks.notNull(code, "code");
        return new Ets("ets(" + code + ")");
    }

    /**
     * The seasonal period (R's {@code frequency(y)}).
     *
     * @param m at least 1
     * @return a new spec
     * @throws IllegalArgumentException if m is below 1, or a seasonal form asks for m = 1
     */
    public Ets period(int m) {
        String text = toString();
        return new Ets(text.substring(0, periodStart(text)) + "[" + m + "]");
    }

    /**
     * R's {@code damped}: only damped (true) or only undamped (false) trends.
     *
     * @param damped the choice
     * @return a new spec
     */
    public Ets damped(boolean damped) {
        return withOption("damped=" + damped);
    }

    /**
     * R's {@code alpha}, fixed instead of estimated.
     *
     * @param alpha the value
     * @return a new spec
     */
    public Ets alpha(double alpha) {
        return withOption("alpha=" + alpha);
    }

    /**
     * R's {@code beta}, fixed.
     *
     * @param beta the value
     * @return a new spec
     */
    public Ets beta(double beta) {
        return withOption("beta=" + beta);
    }

    /**
     * R's {@code gamma}, fixed.
     *
     * @param gamma the value
     * @return a new spec
     */
    public Ets gamma(double gamma) {
        return withOption("gamma=" + gamma);
    }

    /**
     * R's {@code phi}, fixed; needs a damped trend.
     *
     * @param phi the value
     * @return a new spec
     */
    public Ets phi(double phi) {
        return withOption("phi=" + phi);
    }

    /**
     * R's {@code lower}: the lower bounds of the estimated parameters (R's default
     * {@code 0.0001, 0.0001, 0.0001, 0.8}). With R's default {@code bounds = "both"} a fixed
     * parameter must lie within them too.
     *
     * @param alpha the lower bound of alpha
     * @param beta the lower bound of beta
     * @param gamma the lower bound of gamma
     * @param phi the lower bound of phi
     * @return a new spec
     * @throws IllegalArgumentException if a bound is not finite, naming {@code lower}, or lies
     *     above its upper bound, naming {@code lower/upper}
     */
    public Ets lower(double alpha, double beta, double gamma, double phi) {
        return withOption(bounds("lower", alpha, beta, gamma, phi));
    }

    /**
     * R's {@code upper}: the upper bounds of the estimated parameters (R's default
     * {@code 0.9999, 0.9999, 0.9999, 0.98}).
     *
     * @param alpha the upper bound of alpha
     * @param beta the upper bound of beta
     * @param gamma the upper bound of gamma
     * @param phi the upper bound of phi
     * @return a new spec
     * @throws IllegalArgumentException if a bound is not finite, naming {@code upper}, or lies
     *     below its lower bound, naming {@code lower/upper}
     */
    public Ets upper(double alpha, double beta, double gamma, double phi) {
        return withOption(bounds("upper", alpha, beta, gamma, phi));
    }

    private static String bounds(String name, double... values) {
        StringBuilder list = new StringBuilder(name).append("=[");
        for (int k = 0; k < values.length; k++) {
            // The engine would refuse "NaN" too, but only as text; this names the parameter.
            if (!Double.isFinite(values[k])) {
                throw new IllegalArgumentException(
                        name + ": the bound of " + PARAMETERS[k] + " must be finite, got " + values[k]);
            }
            list.append(k > 0 ? "," : "").append(values[k]);
        }
        return list.append(']').toString();
    }

    /**
     * R's {@code opt.crit}.
     *
     * @param criterion one of {@code lik} (default), {@code amse}, {@code mse}, {@code sigma}, {@code mae}
     * @return a new spec
     * @throws IllegalArgumentException if criterion is none of these
     */
    public Ets optCrit(String criterion) {
        Checks.notNull(criterion, "criterion");
        return withOption("opt_crit=" + criterion);
    }

    /**
     * R's {@code nmse} (1 to 30), the horizons {@code amse} averages.
     *
     * @param nmse the count
     * @return a new spec
     */
    public Ets nmse(int nmse) {
        return withOption("nmse=" + nmse);
    }

    /**
     * R's {@code bounds}.
     *
     * @param bounds one of {@code both} (default), {@code usual}, {@code admissible}
     * @return a new spec
     * @throws IllegalArgumentException if bounds is none of these
     */
    public Ets bounds(String bounds) {
        Checks.notNull(bounds, "bounds");
        return withOption("bounds=" + bounds);
    }

    /**
     * R's {@code ic}.
     *
     * @param ic the criterion that chooses the model
     * @return a new spec
     */
    public Ets ic(InformationCriterion ic) {
        Checks.notNull(ic, "ic");
        return withOption("ic=" + ic.name().toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * R's {@code restrict}: false also allows the forms of infinite variance.
     *
     * @param restrict the choice
     * @return a new spec
     */
    public Ets restrict(boolean restrict) {
        return withOption("restrict=" + restrict);
    }

    /**
     * R's {@code allow.multiplicative.trend}.
     *
     * @param allow the choice
     * @return a new spec
     */
    public Ets allowMultiplicativeTrend(boolean allow) {
        return withOption("allow_multiplicative_trend=" + allow);
    }

    /**
     * R's {@code additive.only}.
     *
     * @param additiveOnly the choice
     * @return a new spec
     */
    public Ets additiveOnly(boolean additiveOnly) {
        return withOption("additive_only=" + additiveOnly);
    }

    /**
     * R's {@code lambda}: the model fitted to Box-Cox transformed data (additive forms only, as
     * R), forecasts and bounds transformed back.
     *
     * @param lambda the Box-Cox parameter, in [-10, 10]
     * @return a new spec
     * @throws IllegalArgumentException if lambda is not finite or outside [-10, 10]
     */
    public Ets lambda(double lambda) {
        return withOption("lambda=" + lambda);
    }

    /**
     * R's {@code lambda = "auto"} (Guerrero).
     *
     * @return a new spec
     */
    public Ets lambdaAuto() {
        return withOption("lambda=auto");
    }

    /**
     * R's {@code biasadj}; needs a lambda.
     *
     * @param adjust whether to adjust
     * @return a new spec
     */
    public Ets biasAdjust(boolean adjust) {
        return withOption("biasadj=" + adjust);
    }

    private Ets withOption(String option) {
        return new Ets(withOption(toString(), option));
    }
}
