package io.lagrs;

/**
 * The public setters of {@link AutoArima.Builder}, with their documentation: the builder's
 * own methods for every caller and in the generated documentation (which lists them as
 * {@code AutoArima.Builder}'s), kept in a file of their own so that {@code AutoArima.java}
 * stays short. Each checks its argument at once, in {@link AutoArimaSettings}.
 */
abstract sealed class AutoArimaSetters permits AutoArima.Builder {
    /** What the builder holds so far. */
    final AutoArimaSettings settings = new AutoArimaSettings();

    AutoArimaSetters() {
    }

    /** Applies one checked change; the only subclass is the builder, which the setters return. */
    private AutoArima.Builder set(Runnable change) {
        change.run();
        return (AutoArima.Builder) this;
    }

    /**
     * The seasonal period m (R's {@code frequency(x)}), e.g. 12 for monthly data; 1 (the
     * default) for a non-seasonal series.
     *
     * @param m observations per seasonal cycle, at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code m < 1}
     */
    public AutoArima.Builder seasonalPeriod(int m) {
        return set(() -> settings.seasonalPeriod(m));
    }

    /**
     * Fixes the number of first differences (R's {@code d}); by default KPSS tests choose it.
     *
     * @param d number of first differences, non-negative
     * @return this builder
     */
    public AutoArima.Builder d(int d) {
        return set(() -> settings.d(d));
    }

    /**
     * Fixes the number of seasonal differences (R's {@code D}); by default the seasonal
     * strength chooses it.
     *
     * @param seasonalD number of seasonal differences (lag m), non-negative
     * @return this builder
     */
    public AutoArima.Builder seasonalD(int seasonalD) {
        return set(() -> settings.seasonalD(seasonalD));
    }

    /**
     * Largest non-seasonal AR order (R's {@code max.p}, default 5).
     *
     * @param maxP largest non-seasonal AR order p, non-negative
     * @return this builder
     */
    public AutoArima.Builder maxP(int maxP) {
        return set(() -> settings.maxP(maxP));
    }

    /**
     * Largest non-seasonal MA order (R's {@code max.q}, default 5).
     *
     * @param maxQ largest non-seasonal MA order q, non-negative
     * @return this builder
     */
    public AutoArima.Builder maxQ(int maxQ) {
        return set(() -> settings.maxQ(maxQ));
    }

    /**
     * Largest seasonal AR order (R's {@code max.P}, default 2).
     *
     * @param maxSeasonalP largest seasonal AR order P, non-negative
     * @return this builder
     */
    public AutoArima.Builder maxSeasonalP(int maxSeasonalP) {
        return set(() -> settings.maxSeasonalP(maxSeasonalP));
    }

    /**
     * Largest seasonal MA order (R's {@code max.Q}, default 2).
     *
     * @param maxSeasonalQ largest seasonal MA order Q, non-negative
     * @return this builder
     */
    public AutoArima.Builder maxSeasonalQ(int maxSeasonalQ) {
        return set(() -> settings.maxSeasonalQ(maxSeasonalQ));
    }

    /**
     * Largest {@code p + q + P + Q} in the full search (R's {@code max.order}, default 5).
     *
     * @param maxOrder largest total order {@code p + q + P + Q}, non-negative
     * @return this builder
     */
    public AutoArima.Builder maxOrder(int maxOrder) {
        return set(() -> settings.maxOrder(maxOrder));
    }

    /**
     * Most first differences the KPSS tests may choose (R's {@code max.d}, default 2).
     *
     * @param maxD largest number of first differences, non-negative
     * @return this builder
     */
    public AutoArima.Builder maxD(int maxD) {
        return set(() -> settings.maxD(maxD));
    }

    /**
     * Most seasonal differences the seasonal test may choose (R's {@code max.D}, default 1).
     *
     * @param maxSeasonalD largest number of seasonal differences, non-negative
     * @return this builder
     */
    public AutoArima.Builder maxSeasonalD(int maxSeasonalD) {
        return set(() -> settings.maxSeasonalD(maxSeasonalD));
    }

    /**
     * Starting non-seasonal AR order of the stepwise search (R's {@code start.p}, default 2).
     *
     * @param startP initial non-seasonal AR order p, non-negative
     * @return this builder
     */
    public AutoArima.Builder startP(int startP) {
        return set(() -> settings.startP(startP));
    }

    /**
     * Starting non-seasonal MA order of the stepwise search (R's {@code start.q}, default 2).
     *
     * @param startQ initial non-seasonal MA order q, non-negative
     * @return this builder
     */
    public AutoArima.Builder startQ(int startQ) {
        return set(() -> settings.startQ(startQ));
    }

    /**
     * Starting seasonal AR order of the stepwise search (R's {@code start.P}, default 1).
     *
     * @param startSeasonalP initial seasonal AR order P, non-negative
     * @return this builder
     */
    public AutoArima.Builder startSeasonalP(int startSeasonalP) {
        return set(() -> settings.startSeasonalP(startSeasonalP));
    }

    /**
     * Starting seasonal MA order of the stepwise search (R's {@code start.Q}, default 1).
     *
     * @param startSeasonalQ initial seasonal MA order Q, non-negative
     * @return this builder
     */
    public AutoArima.Builder startSeasonalQ(int startSeasonalQ) {
        return set(() -> settings.startSeasonalQ(startSeasonalQ));
    }

    /**
     * Only stationary models: no differencing (R's {@code stationary}, default false).
     *
     * @param stationary true to search only models without differencing (d = D = 0)
     * @return this builder
     */
    public AutoArima.Builder stationary(boolean stationary) {
        return set(() -> settings.stationary(stationary));
    }

    /**
     * Whether seasonal models are considered (R's {@code seasonal}, default true).
     *
     * @param seasonal false to search only non-seasonal models (P = D = Q = 0)
     * @return this builder
     */
    public AutoArima.Builder seasonal(boolean seasonal) {
        return set(() -> settings.seasonal(seasonal));
    }

    /**
     * The criterion that ranks candidates (R's {@code ic}, default AICc; AIC when the
     * series has at most 3 observations, as R).
     *
     * @param ic the criterion whose smallest value wins
     * @return this builder
     * @throws NullPointerException if ic is null
     */
    public AutoArima.Builder ic(InformationCriterion ic) {
        return set(() -> settings.ic(ic));
    }

    /**
     * Stepwise search (default, R's {@code stepwise = TRUE}) or the full search over every
     * model with {@code p + q + P + Q <= maxOrder}, fitted in parallel.
     *
     * @param stepwise true for the stepwise search, false for the full search
     * @return this builder
     */
    public AutoArima.Builder stepwise(boolean stepwise) {
        return set(() -> settings.stepwise(stepwise));
    }

    /**
     * Most models the stepwise search fits (R's {@code nmodels}, default 94).
     *
     * @param nmodels most models the stepwise search may fit, at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code nmodels < 1}
     */
    public AutoArima.Builder nmodels(int nmodels) {
        return set(() -> settings.nmodels(nmodels));
    }

    /**
     * Whether candidates are ranked by the conditional-sum-of-squares approximation, the
     * best then refitted exactly (R's {@code approximation}). Without this call, R's
     * default applies: approximate when the series is longer than 150 or the period above 12.
     *
     * @param approximation true to rank by the approximation, false to rank by exact fits
     * @return this builder
     */
    public AutoArima.Builder approximation(boolean approximation) {
        return set(() -> settings.approximation(approximation));
    }

    /**
     * The unit-root test that chooses d when it is not fixed (R's {@code test}, default
     * {@link UnitRootTest#KPSS}).
     *
     * @param test KPSS, ADF or PP
     * @return this builder
     * @throws NullPointerException if test is null
     */
    public AutoArima.Builder unitRootTest(UnitRootTest test) {
        return set(() -> settings.unitRootTest(test));
    }

    /**
     * Significance level of the unit-root test that chooses d (R's
     * {@code test.args = list(alpha = ...)}, passed to {@code ndiffs}; default 0.05).
     * Values outside [0.01, 0.1] are clamped to it, as {@code ndiffs} does (R warns).
     *
     * @param alpha significance level, in (0, 1)
     * @return this builder
     * @throws IllegalArgumentException if alpha is NaN or not in (0, 1)
     */
    public AutoArima.Builder unitRootAlpha(double alpha) {
        return set(() -> settings.unitRootAlpha(alpha));
    }

    /**
     * The same as {@link #unitRootAlpha(double)} (the name this option had first).
     *
     * @param alpha significance level of the unit-root test, in (0, 1)
     * @return this builder
     * @throws IllegalArgumentException if alpha is NaN or not in (0, 1)
     */
    public AutoArima.Builder alpha(double alpha) {
        return unitRootAlpha(alpha);
    }

    /**
     * The seasonal test that chooses D when it is not fixed (R's {@code seasonal.test},
     * default {@link SeasonalTest#SEASONAL_STRENGTH}). R's {@code "hegy"} is not provided.
     *
     * @param test SEASONAL_STRENGTH, OCSB or CANOVA_HANSEN
     * @return this builder
     * @throws NullPointerException if test is null
     */
    public AutoArima.Builder seasonalTest(SeasonalTest test) {
        return set(() -> settings.seasonalTest(test));
    }

    /**
     * Significance level of the seasonal test (R's
     * {@code seasonal.test.args = list(alpha = ...)}, passed to {@code nsdiffs}; default
     * 0.05), clamped to [0.01, 0.1] as {@code nsdiffs} does. Only
     * {@link SeasonalTest#CANOVA_HANSEN} uses it: the seasonal strength has a fixed
     * threshold and OCSB is always run at 5%, as in R.
     *
     * @param alpha significance level, in (0, 1)
     * @return this builder
     * @throws IllegalArgumentException if alpha is NaN or not in (0, 1)
     */
    public AutoArima.Builder seasonalTestAlpha(double alpha) {
        return set(() -> settings.seasonalTestAlpha(alpha));
    }

    /**
     * Whether a drift may be included when {@code d + D == 1} (R's {@code allowdrift}, default true).
     *
     * @param allowDrift false to never include a drift term
     * @return this builder
     */
    public AutoArima.Builder allowDrift(boolean allowDrift) {
        return set(() -> settings.allowDrift(allowDrift));
    }

    /**
     * Whether a mean may be included when {@code d + D == 0} (R's {@code allowmean}, default true).
     *
     * @param allowMean false to never include a mean term
     * @return this builder
     */
    public AutoArima.Builder allowMean(boolean allowMean) {
        return set(() -> settings.allowMean(allowMean));
    }

    /**
     * Box-Cox transforms the series with this lambda before the search (R's {@code lambda};
     * 0 is the log); forecasts and fitted values are back-transformed. With a negative
     * lambda, negative values become missing, as R. |lambda| below 1e-12 is the log (the
     * model's {@link ArimaModel#lambda()} is 0); the fit refuses with an
     * {@link IllegalArgumentException} naming lambda a |lambda| above 10, a value the transform
     * makes infinite, and a model whose numbers are not finite.
     *
     * @param lambda the Box-Cox parameter, finite; replaces any earlier {@link #lambdaAuto()}
     * @return this builder
     * @throws IllegalArgumentException if lambda is not finite
     */
    public AutoArima.Builder lambda(double lambda) {
        return set(() -> settings.lambda(lambda));
    }

    /**
     * Box-Cox transforms the series with the lambda of Guerrero's method on [-0.9, 2] (R's
     * {@code lambda = "auto"}, {@code forecast::BoxCox.lambda}); {@link ArimaModel#lambda()}
     * tells which.
     *
     * @return this builder
     */
    public AutoArima.Builder lambdaAuto() {
        return set(() -> settings.lambdaAuto());
    }

    /**
     * No Box-Cox transform (the default).
     *
     * @return this builder
     */
    public AutoArima.Builder noLambda() {
        return set(() -> settings.noLambda());
    }

    /**
     * With a Box-Cox lambda: back-transform point forecasts to the mean rather than the
     * median of the forecast distribution (R's {@code biasadj}, default false). Without a
     * lambda it has no effect, and the spec text leaves it out.
     *
     * @param biasAdjust true for mean forecasts, false for median forecasts
     * @return this builder
     */
    public AutoArima.Builder biasAdjust(boolean biasAdjust) {
        return set(() -> settings.biasAdjust(biasAdjust));
    }
}
