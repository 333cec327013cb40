package io.lagrs;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Automatic ARIMA order selection: the Hyndman–Khandakar algorithm of R's
 * {@code forecast::auto.arima} (forecast 8.20), with its arguments and defaults.
 *
 * <pre>{@code
 * AutoArima auto = AutoArima.builder().seasonalPeriod(12).build();
 * try (ArimaModel m = auto.fit(y)) {
 *     int[] order = m.order();             // {p, d, q, P, D, Q, period}
 *     Forecast f = m.forecast(24, 0.95);
 * }
 * }</pre>
 *
 * <p>The procedure, as R: leading missing values are dropped; a constant series gives
 * ARIMA(0,0,0) with that mean; the seasonal differences D are chosen by the strength of
 * seasonality of an STL decomposition (difference when above 0.64; or another
 * {@link SeasonalTest}) and the differences d by KPSS tests at level {@code unitRootAlpha} (or
 * another {@link UnitRootTest}), unless fixed; a series constant after differencing gets
 * a pure differencing model (with its drift fixed at the mean difference); otherwise the
 * orders are searched stepwise from {@code (startP, startQ)(startSeasonalP, startSeasonalQ)},
 * or over every model up to {@code maxOrder} when {@code stepwise(false)} (fitted in
 * parallel). Candidates whose AR or MA roots lie within 1.01 of the unit circle are rejected.
 * With {@code approximation} (default when the series is longer than 150 or the period above
 * 12) candidates are ranked by an approximate criterion, then the best are refitted exactly.
 * With a Box–Cox {@code lambda} the search runs on the transformed series and the model's
 * forecasts are back-transformed ({@link ArimaModel#lambda()}, {@link ArimaModel#ic()}).
 *
 * <p>Instances are immutable and thread-safe; build them with {@link #builder()}.
 */
public final class AutoArima implements ModelSpec {
    // Codes shared with the native library (jni/src/auto_arima.rs).
    private static final int CHOSEN = -1;
    private static final int TRACE_WIDTH = 10;

    private final Builder b;

    private AutoArima(Builder b) {
        this.b = b.copy();
    }

    /**
     * A builder with R's defaults (a non-seasonal series: {@code seasonalPeriod(1)}).
     *
     * @return a new builder; each call returns an independent one
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Chooses and fits a model for {@code y}. NaN values are missing observations, as in R.
     *
     * @param y the series, oldest first; NaN values are missing observations, ±Infinity is rejected
     * @return the chosen model; {@link ArimaModel#order()} tells what was chosen
     * @throws NullPointerException if y is null
     * @throws IllegalArgumentException if y is empty, all missing, holds ±Infinity, or is too
     *     short to difference as chosen, or an option exceeds what the fitter supports
     * @throws LagrsException if no candidate model could be fitted (R's "No suitable ARIMA
     *     model found")
     */
    public ArimaModel fit(double[] y) {
        return search(y).model();
    }

    /**
     * As {@link #fit(double[])}, also returning every candidate tried with its criterion (R's
     * {@code trace = TRUE}).
     *
     * @param y the series, oldest first; NaN values are missing observations, ±Infinity is rejected
     * @return the chosen model with every candidate tried, in the order they were fitted
     * @throws NullPointerException if y is null
     * @throws IllegalArgumentException as {@link #fit(double[])}
     * @throws LagrsException as {@link #fit(double[])}
     */
    public AutoArimaSearch search(double[] y) {
        Checks.notNull(y, "y");
        long[] handle = new long[1];
        double[] packed = InterruptibleCall.run("AutoArima.fit",
                cancel -> fit0(intOptions(), doubleOptions(), y, handle, cancel));
        ArimaModel model = new ArimaModel(handle[0]);
        List<AutoArimaCandidate> candidates = new ArrayList<>(packed.length / TRACE_WIDTH);
        for (int i = 0; i + TRACE_WIDTH <= packed.length; i += TRACE_WIDTH) {
            candidates.add(new AutoArimaCandidate((int) packed[i], (int) packed[i + 1], (int) packed[i + 2],
                    (int) packed[i + 3], (int) packed[i + 4], (int) packed[i + 5], (int) packed[i + 6],
                    packed[i + 7] != 0, packed[i + 8], packed[i + 9] != 0));
        }
        return new AutoArimaSearch(model, candidates);
    }

    /**
     * Chooses and fits a model for every series, in parallel over all cores:
     * {@link #fitAll(double[][], BatchOptions)} with {@link BatchOptions#defaults()}.
     *
     * @param series one array per series, each as for {@link #fit(double[])}; a null element fails only
     *     that series
     * @return the per-series models and errors, in the order of the input series
     * @throws NullPointerException if {@code series} is null (a null series fails only itself)
     */
    public ArimaBatch fitAll(double[][] series) {
        return fitAll(series, BatchOptions.defaults());
    }

    /**
     * Chooses and fits a model for every series with the thread count, progress reporting and
     * cancellation of {@code options}. A series that cannot be fitted (all missing, too short,
     * or a null element) is reported by {@link ArimaBatch#succeeded(int)} and
     * {@link ArimaBatch#error(int)} and never fails the others.
     *
     * @param series one array per series, each as for {@link #fit(double[])}; a null element fails only
     *     that series
     * @param options thread count, progress listener and cancellation token for the call
     * @return the per-series models and errors, in the order of the input series
     * @throws NullPointerException if {@code series} or {@code options} is null
     * @throws java.util.concurrent.CancellationException if the call was cancelled (see
     *     {@link BatchOptions})
     */
    public ArimaBatch fitAll(double[][] series, BatchOptions options) {
        int[] ints = intOptions();
        double[] doubles = doubleOptions();
        return ArimaBatch.fitRows("AutoArima.fitAll", series, options, (rows, run) -> fitRows0(ints, doubles, rows, run),
                ArimaBatch::new);
    }

    /**
     * {@link #fitAll(double[], int[], BatchOptions)} with {@link BatchOptions#defaults()}.
     *
     * @param values all series, concatenated; NaN values are missing observations
     * @param offsets start of each series in {@code values}, plus {@code values.length} at the end
     * @return the per-series models and errors, in the order of the input series
     * @throws NullPointerException if values or offsets is null
     * @throws IllegalArgumentException if the offsets do not describe the values
     */
    public ArimaBatch fitAll(double[] values, int[] offsets) {
        return fitAll(values, offsets, BatchOptions.defaults());
    }

    /**
     * Chooses and fits a model for every series of the flat (Arrow list) layout: series
     * {@code j} is {@code values[offsets[j] .. offsets[j+1])}; otherwise as
     * {@link #fitAll(double[][], BatchOptions)}.
     *
     * @param values all series, concatenated; NaN values are missing observations
     * @param offsets start of each series in {@code values}, plus {@code values.length} at the end
     * @param options thread count, progress listener and cancellation token for the call
     * @return the per-series models and errors, in the order of the input series
     * @throws NullPointerException if values, offsets or options is null
     * @throws IllegalArgumentException if the offsets do not start at 0, decrease, or do not
     *     end at {@code values.length}
     * @throws java.util.concurrent.CancellationException if the call was cancelled
     */
    public ArimaBatch fitAll(double[] values, int[] offsets, BatchOptions options) {
        int[] ints = intOptions();
        double[] doubles = doubleOptions();
        return ArimaBatch.fitFlat("AutoArima.fitAll", values, offsets, options,
                (v, o, run) -> fitFlat0(ints, doubles, v, o, run), ArimaBatch::new);
    }

    private int[] intOptions() {
        return new int[] {b.seasonalPeriod, b.d, b.seasonalD, b.maxP, b.maxQ, b.maxSeasonalP, b.maxSeasonalQ,
            b.maxOrder, b.maxD, b.maxSeasonalD, b.startP, b.startQ, b.startSeasonalP, b.startSeasonalQ,
            flag(b.stationary), flag(b.seasonal), b.ic.ordinal(), flag(b.stepwise), b.nmodels,
            b.approximation == null ? CHOSEN : flag(b.approximation), flag(b.allowDrift), flag(b.allowMean),
            b.lambdaMode, flag(b.biasAdjust), b.unitRootTest.ordinal(), b.seasonalTest.ordinal()};
    }

    private double[] doubleOptions() {
        return new double[] {b.alpha, b.lambda, b.seasonalAlpha};
    }

    private static int flag(boolean v) {
        return v ? 1 : 0;
    }

    /**
     * The spec text: {@code auto_arima[12]}, with every setting that differs from R's defaults
     * by name ({@code auto_arima(stepwise=false,ic=bic)[12]}); what
     * {@link ModelSpec#parse(String)} reads back to an equal spec.
     */
    @Override
    public String toString() {
        return text0(intOptions(), doubleOptions());
    }

    private static native String text0(int[] intOptions, double[] doubleOptions);

    private static native double[] fit0(int[] intOptions, double[] doubleOptions, double[] y, long[] handleOut,
            long cancel);

    private static native long fitRows0(int[] intOptions, double[] doubleOptions, double[][] series, long run);

    private static native long fitFlat0(int[] intOptions, double[] doubleOptions, double[] values, int[] offsets,
            long run);

    /**
     * Settings of {@link AutoArima}, each defaulting to R's {@code auto.arima} argument of the
     * same meaning. Every setter checks its argument at once: a negative count throws
     * {@link IllegalArgumentException} naming it. Limits above what the fitter supports
     * (e.g. {@code maxP > 20}) are reported by {@link #build()}'s first use as
     * {@link IllegalArgumentException}.
     */
    public static final class Builder {
        private int seasonalPeriod = 1;
        private int d = CHOSEN;
        private int seasonalD = CHOSEN;
        private int maxP = 5, maxQ = 5, maxSeasonalP = 2, maxSeasonalQ = 2, maxOrder = 5;
        private int maxD = 2, maxSeasonalD = 1;
        private int startP = 2, startQ = 2, startSeasonalP = 1, startSeasonalQ = 1;
        private boolean stationary = false, seasonal = true, stepwise = true;
        private InformationCriterion ic = InformationCriterion.AICC;
        private int nmodels = 94;
        private Boolean approximation = null;
        private UnitRootTest unitRootTest = UnitRootTest.KPSS;
        private double alpha = 0.05;
        private SeasonalTest seasonalTest = SeasonalTest.SEASONAL_STRENGTH;
        private double seasonalAlpha = 0.05;
        private boolean allowDrift = true, allowMean = true;
        /** 0: no Box-Cox transform, 1: fixed {@link #lambda}, 2: Guerrero's lambda. */
        private int lambdaMode = 0;
        private double lambda = Double.NaN;
        private boolean biasAdjust = false;

        private Builder() {
        }

        private Builder copy() {
            Builder c = new Builder();
            c.seasonalPeriod = seasonalPeriod;
            c.d = d;
            c.seasonalD = seasonalD;
            c.maxP = maxP;
            c.maxQ = maxQ;
            c.maxSeasonalP = maxSeasonalP;
            c.maxSeasonalQ = maxSeasonalQ;
            c.maxOrder = maxOrder;
            c.maxD = maxD;
            c.maxSeasonalD = maxSeasonalD;
            c.startP = startP;
            c.startQ = startQ;
            c.startSeasonalP = startSeasonalP;
            c.startSeasonalQ = startSeasonalQ;
            c.stationary = stationary;
            c.seasonal = seasonal;
            c.stepwise = stepwise;
            c.ic = ic;
            c.nmodels = nmodels;
            c.approximation = approximation;
            c.unitRootTest = unitRootTest;
            c.alpha = alpha;
            c.seasonalTest = seasonalTest;
            c.seasonalAlpha = seasonalAlpha;
            c.allowDrift = allowDrift;
            c.allowMean = allowMean;
            c.lambdaMode = lambdaMode;
            c.lambda = lambda;
            c.biasAdjust = biasAdjust;
            return c;
        }

        /**
         * The seasonal period m (R's {@code frequency(x)}), e.g. 12 for monthly data; 1 (the
         * default) for a non-seasonal series.
         *
         * @param m observations per seasonal cycle, at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code m < 1}
         */
        public Builder seasonalPeriod(int m) {
            if (m < 1) {
                throw new IllegalArgumentException("seasonalPeriod must be >= 1, got " + m);
            }
            seasonalPeriod = m;
            return this;
        }

        /**
         * Fixes the number of first differences (R's {@code d}); by default KPSS tests choose it.
         *
         * @param d number of first differences, non-negative
         * @return this builder
         */
        public Builder d(int d) {
            Checks.nonNegative(d, "d");
            this.d = d;
            return this;
        }

        /**
         * Fixes the number of seasonal differences (R's {@code D}); by default the seasonal
         * strength chooses it.
         *
         * @param seasonalD number of seasonal differences (lag m), non-negative
         * @return this builder
         */
        public Builder seasonalD(int seasonalD) {
            Checks.nonNegative(seasonalD, "seasonalD");
            this.seasonalD = seasonalD;
            return this;
        }

        /**
         * Largest non-seasonal AR order (R's {@code max.p}, default 5).
         *
         * @param maxP largest non-seasonal AR order p, non-negative
         * @return this builder
         */
        public Builder maxP(int maxP) {
            Checks.nonNegative(maxP, "maxP");
            this.maxP = maxP;
            return this;
        }

        /**
         * Largest non-seasonal MA order (R's {@code max.q}, default 5).
         *
         * @param maxQ largest non-seasonal MA order q, non-negative
         * @return this builder
         */
        public Builder maxQ(int maxQ) {
            Checks.nonNegative(maxQ, "maxQ");
            this.maxQ = maxQ;
            return this;
        }

        /**
         * Largest seasonal AR order (R's {@code max.P}, default 2).
         *
         * @param maxSeasonalP largest seasonal AR order P, non-negative
         * @return this builder
         */
        public Builder maxSeasonalP(int maxSeasonalP) {
            Checks.nonNegative(maxSeasonalP, "maxSeasonalP");
            this.maxSeasonalP = maxSeasonalP;
            return this;
        }

        /**
         * Largest seasonal MA order (R's {@code max.Q}, default 2).
         *
         * @param maxSeasonalQ largest seasonal MA order Q, non-negative
         * @return this builder
         */
        public Builder maxSeasonalQ(int maxSeasonalQ) {
            Checks.nonNegative(maxSeasonalQ, "maxSeasonalQ");
            this.maxSeasonalQ = maxSeasonalQ;
            return this;
        }

        /**
         * Largest {@code p + q + P + Q} in the full search (R's {@code max.order}, default 5).
         *
         * @param maxOrder largest total order {@code p + q + P + Q}, non-negative
         * @return this builder
         */
        public Builder maxOrder(int maxOrder) {
            Checks.nonNegative(maxOrder, "maxOrder");
            this.maxOrder = maxOrder;
            return this;
        }

        /**
         * Most first differences the KPSS tests may choose (R's {@code max.d}, default 2).
         *
         * @param maxD largest number of first differences, non-negative
         * @return this builder
         */
        public Builder maxD(int maxD) {
            Checks.nonNegative(maxD, "maxD");
            this.maxD = maxD;
            return this;
        }

        /**
         * Most seasonal differences the seasonal test may choose (R's {@code max.D}, default 1).
         *
         * @param maxSeasonalD largest number of seasonal differences, non-negative
         * @return this builder
         */
        public Builder maxSeasonalD(int maxSeasonalD) {
            Checks.nonNegative(maxSeasonalD, "maxSeasonalD");
            this.maxSeasonalD = maxSeasonalD;
            return this;
        }

        /**
         * Starting non-seasonal AR order of the stepwise search (R's {@code start.p}, default 2).
         *
         * @param startP initial non-seasonal AR order p, non-negative
         * @return this builder
         */
        public Builder startP(int startP) {
            Checks.nonNegative(startP, "startP");
            this.startP = startP;
            return this;
        }

        /**
         * Starting non-seasonal MA order of the stepwise search (R's {@code start.q}, default 2).
         *
         * @param startQ initial non-seasonal MA order q, non-negative
         * @return this builder
         */
        public Builder startQ(int startQ) {
            Checks.nonNegative(startQ, "startQ");
            this.startQ = startQ;
            return this;
        }

        /**
         * Starting seasonal AR order of the stepwise search (R's {@code start.P}, default 1).
         *
         * @param startSeasonalP initial seasonal AR order P, non-negative
         * @return this builder
         */
        public Builder startSeasonalP(int startSeasonalP) {
            Checks.nonNegative(startSeasonalP, "startSeasonalP");
            this.startSeasonalP = startSeasonalP;
            return this;
        }

        /**
         * Starting seasonal MA order of the stepwise search (R's {@code start.Q}, default 1).
         *
         * @param startSeasonalQ initial seasonal MA order Q, non-negative
         * @return this builder
         */
        public Builder startSeasonalQ(int startSeasonalQ) {
            Checks.nonNegative(startSeasonalQ, "startSeasonalQ");
            this.startSeasonalQ = startSeasonalQ;
            return this;
        }

        /**
         * Only stationary models: no differencing (R's {@code stationary}, default false).
         *
         * @param stationary true to search only models without differencing (d = D = 0)
         * @return this builder
         */
        public Builder stationary(boolean stationary) {
            this.stationary = stationary;
            return this;
        }

        /**
         * Whether seasonal models are considered (R's {@code seasonal}, default true).
         *
         * @param seasonal false to search only non-seasonal models (P = D = Q = 0)
         * @return this builder
         */
        public Builder seasonal(boolean seasonal) {
            this.seasonal = seasonal;
            return this;
        }

        /**
         * The criterion that ranks candidates (R's {@code ic}, default AICc; AIC when the
         * series has at most 3 observations, as R).
         *
         * @param ic the criterion whose smallest value wins
         * @return this builder
         * @throws NullPointerException if ic is null
         */
        public Builder ic(InformationCriterion ic) {
            this.ic = Checks.notNull(ic, "ic");
            return this;
        }

        /**
         * Stepwise search (default, R's {@code stepwise = TRUE}) or the full search over every
         * model with {@code p + q + P + Q <= maxOrder}, fitted in parallel.
         *
         * @param stepwise true for the stepwise search, false for the full search
         * @return this builder
         */
        public Builder stepwise(boolean stepwise) {
            this.stepwise = stepwise;
            return this;
        }

        /**
         * Most models the stepwise search fits (R's {@code nmodels}, default 94).
         *
         * @param nmodels most models the stepwise search may fit, at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code nmodels < 1}
         */
        public Builder nmodels(int nmodels) {
            if (nmodels < 1) {
                throw new IllegalArgumentException("nmodels must be >= 1, got " + nmodels);
            }
            this.nmodels = nmodels;
            return this;
        }

        /**
         * Whether candidates are ranked by the conditional-sum-of-squares approximation, the
         * best then refitted exactly (R's {@code approximation}). Without this call, R's
         * default applies: approximate when the series is longer than 150 or the period above 12.
         *
         * @param approximation true to rank by the approximation, false to rank by exact fits
         * @return this builder
         */
        public Builder approximation(boolean approximation) {
            this.approximation = approximation;
            return this;
        }

        /**
         * The unit-root test that chooses d when it is not fixed (R's {@code test}, default
         * {@link UnitRootTest#KPSS}).
         *
         * @param test KPSS, ADF or PP
         * @return this builder
         * @throws NullPointerException if test is null
         */
        public Builder unitRootTest(UnitRootTest test) {
            this.unitRootTest = Checks.notNull(test, "unitRootTest");
            return this;
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
        public Builder unitRootAlpha(double alpha) {
            if (!(alpha > 0.0 && alpha < 1.0)) {
                throw new IllegalArgumentException("unitRootAlpha must be in (0, 1), got " + alpha);
            }
            this.alpha = alpha;
            return this;
        }

        /**
         * The same as {@link #unitRootAlpha(double)} (the name this option had first).
         *
         * @param alpha significance level of the unit-root test, in (0, 1)
         * @return this builder
         * @throws IllegalArgumentException if alpha is NaN or not in (0, 1)
         */
        public Builder alpha(double alpha) {
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
        public Builder seasonalTest(SeasonalTest test) {
            this.seasonalTest = Checks.notNull(test, "seasonalTest");
            return this;
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
        public Builder seasonalTestAlpha(double alpha) {
            if (!(alpha > 0.0 && alpha < 1.0)) {
                throw new IllegalArgumentException("seasonalTestAlpha must be in (0, 1), got " + alpha);
            }
            this.seasonalAlpha = alpha;
            return this;
        }

        /**
         * Whether a drift may be included when {@code d + D == 1} (R's {@code allowdrift}, default true).
         *
         * @param allowDrift false to never include a drift term
         * @return this builder
         */
        public Builder allowDrift(boolean allowDrift) {
            this.allowDrift = allowDrift;
            return this;
        }

        /**
         * Whether a mean may be included when {@code d + D == 0} (R's {@code allowmean}, default true).
         *
         * @param allowMean false to never include a mean term
         * @return this builder
         */
        public Builder allowMean(boolean allowMean) {
            this.allowMean = allowMean;
            return this;
        }

        /**
         * Box-Cox transforms the series with this lambda before the search (R's {@code lambda};
         * 0 is the log); forecasts and fitted values are back-transformed. With a negative
         * lambda, negative values become missing, as R.
         *
         * @param lambda the Box-Cox parameter, finite; replaces any earlier {@link #lambdaAuto()}
         * @return this builder
         * @throws IllegalArgumentException if lambda is not finite
         */
        public Builder lambda(double lambda) {
            if (!Double.isFinite(lambda)) {
                throw new IllegalArgumentException("lambda must be finite, got " + lambda);
            }
            this.lambdaMode = 1;
            this.lambda = lambda;
            return this;
        }

        /**
         * Box-Cox transforms the series with the lambda of Guerrero's method on [-0.9, 2] (R's
         * {@code lambda = "auto"}, {@code forecast::BoxCox.lambda}); {@link ArimaModel#lambda()}
         * tells which.
         *
         * @return this builder
         */
        public Builder lambdaAuto() {
            this.lambdaMode = 2;
            this.lambda = Double.NaN;
            return this;
        }

        /**
         * No Box-Cox transform (the default).
         *
         * @return this builder
         */
        public Builder noLambda() {
            this.lambdaMode = 0;
            this.lambda = Double.NaN;
            return this;
        }

        /**
         * With a Box-Cox lambda: back-transform point forecasts to the mean rather than the
         * median of the forecast distribution (R's {@code biasadj}, default false).
         *
         * @param biasAdjust true for mean forecasts, false for median forecasts
         * @return this builder
         */
        public Builder biasAdjust(boolean biasAdjust) {
            this.biasAdjust = biasAdjust;
            return this;
        }

        /**
         * The immutable {@link AutoArima}; later changes to this builder do not affect it.
         *
         * @return a new instance holding this builder's current settings
         */
        public AutoArima build() {
            return new AutoArima(this);
        }

        @Override
        public String toString() {
            return "seasonalPeriod=" + seasonalPeriod + ", d=" + (d == CHOSEN ? "auto" : d) + ", seasonalD="
                    + (seasonalD == CHOSEN ? "auto" : seasonalD) + ", ic=" + ic + ", stepwise=" + stepwise
                    + ", approximation=" + (approximation == null ? "auto" : approximation) + ", unitRootTest="
                    + unitRootTest + ", seasonalTest=" + seasonalTest + ", lambda="
                    + (lambdaMode == 0 ? "none" : lambdaMode == 2 ? "auto" : Double.toString(lambda));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AutoArima a && Objects.equals(toKey(), a.toKey());
    }

    @Override
    public int hashCode() {
        return toKey().hashCode();
    }

    private List<Object> toKey() {
        List<Object> key = new ArrayList<>();
        for (int v : intOptions()) {
            key.add(v);
        }
        for (double v : doubleOptions()) {
            key.add(v);
        }
        return key;
    }
}
