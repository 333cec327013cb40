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
 * seasonality of an STL decomposition (difference when above 0.64) and the differences d by
 * KPSS tests at level {@code alpha}, unless fixed; a series constant after differencing gets
 * a pure differencing model (with its drift fixed at the mean difference); otherwise the
 * orders are searched stepwise from {@code (startP, startQ)(startSeasonalP, startSeasonalQ)},
 * or over every model up to {@code maxOrder} when {@code stepwise(false)} (fitted in
 * parallel). Candidates whose AR or MA roots lie within 1.01 of the unit circle are rejected.
 * With {@code approximation} (default when the series is longer than 150 or the period above
 * 12) candidates are ranked by an approximate criterion, then the best are refitted exactly.
 *
 * <p>Instances are immutable and thread-safe; build them with {@link #builder()}.
 */
public final class AutoArima {
    // Codes shared with the native library (jni/src/auto_arima.rs).
    private static final int CHOSEN = -1;
    private static final int TRACE_WIDTH = 10;

    private final Builder b;

    private AutoArima(Builder b) {
        this.b = b.copy();
    }

    /** A builder with R's defaults (a non-seasonal series: {@code seasonalPeriod(1)}). */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Chooses and fits a model for {@code y}. NaN values are missing observations, as in R.
     *
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
     * @throws NullPointerException if y is null
     * @throws IllegalArgumentException as {@link #fit(double[])}
     * @throws LagrsException as {@link #fit(double[])}
     */
    public AutoArimaSearch search(double[] y) {
        Checks.notNull(y, "y");
        NativeLibrary.load();
        long[] handle = new long[1];
        double[] packed = fit0(intOptions(), doubleOptions(), y, handle);
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
     * Chooses and fits a model for every series, in parallel over all cores. A series that
     * cannot be fitted (all missing, too short, or a null element) is reported by
     * {@link ArimaBatch#succeeded(int)} and {@link ArimaBatch#error(int)} and never fails the
     * others.
     *
     * @throws NullPointerException if {@code series} is null
     */
    public ArimaBatch fitAll(double[][] series) {
        Checks.notNull(series, "series");
        NativeLibrary.load();
        return new ArimaBatch(fitAll0(intOptions(), doubleOptions(), series), series.length);
    }

    private int[] intOptions() {
        return new int[] {b.seasonalPeriod, b.d, b.seasonalD, b.maxP, b.maxQ, b.maxSeasonalP, b.maxSeasonalQ,
            b.maxOrder, b.maxD, b.maxSeasonalD, b.startP, b.startQ, b.startSeasonalP, b.startSeasonalQ,
            flag(b.stationary), flag(b.seasonal), b.ic.ordinal(), flag(b.stepwise), b.nmodels,
            b.approximation == null ? CHOSEN : flag(b.approximation), flag(b.allowDrift), flag(b.allowMean)};
    }

    private double[] doubleOptions() {
        return new double[] {b.alpha};
    }

    private static int flag(boolean v) {
        return v ? 1 : 0;
    }

    @Override
    public String toString() {
        return "AutoArima[" + b + "]";
    }

    private static native double[] fit0(int[] intOptions, double[] doubleOptions, double[] y, long[] handleOut);

    private static native long fitAll0(int[] intOptions, double[] doubleOptions, double[][] series);

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
        private double alpha = 0.05;
        private boolean allowDrift = true, allowMean = true;

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
            c.alpha = alpha;
            c.allowDrift = allowDrift;
            c.allowMean = allowMean;
            return c;
        }

        /**
         * The seasonal period m (R's {@code frequency(x)}), e.g. 12 for monthly data; 1 (the
         * default) for a non-seasonal series.
         *
         * @throws IllegalArgumentException if {@code m < 1}
         */
        public Builder seasonalPeriod(int m) {
            if (m < 1) {
                throw new IllegalArgumentException("seasonalPeriod must be >= 1, got " + m);
            }
            seasonalPeriod = m;
            return this;
        }

        /** Fixes the number of first differences (R's {@code d}); by default KPSS tests choose it. */
        public Builder d(int d) {
            Checks.nonNegative(d, "d");
            this.d = d;
            return this;
        }

        /**
         * Fixes the number of seasonal differences (R's {@code D}); by default the seasonal
         * strength chooses it.
         */
        public Builder seasonalD(int seasonalD) {
            Checks.nonNegative(seasonalD, "seasonalD");
            this.seasonalD = seasonalD;
            return this;
        }

        /** Largest non-seasonal AR order (R's {@code max.p}, default 5). */
        public Builder maxP(int maxP) {
            Checks.nonNegative(maxP, "maxP");
            this.maxP = maxP;
            return this;
        }

        /** Largest non-seasonal MA order (R's {@code max.q}, default 5). */
        public Builder maxQ(int maxQ) {
            Checks.nonNegative(maxQ, "maxQ");
            this.maxQ = maxQ;
            return this;
        }

        /** Largest seasonal AR order (R's {@code max.P}, default 2). */
        public Builder maxSeasonalP(int maxSeasonalP) {
            Checks.nonNegative(maxSeasonalP, "maxSeasonalP");
            this.maxSeasonalP = maxSeasonalP;
            return this;
        }

        /** Largest seasonal MA order (R's {@code max.Q}, default 2). */
        public Builder maxSeasonalQ(int maxSeasonalQ) {
            Checks.nonNegative(maxSeasonalQ, "maxSeasonalQ");
            this.maxSeasonalQ = maxSeasonalQ;
            return this;
        }

        /** Largest {@code p + q + P + Q} in the full search (R's {@code max.order}, default 5). */
        public Builder maxOrder(int maxOrder) {
            Checks.nonNegative(maxOrder, "maxOrder");
            this.maxOrder = maxOrder;
            return this;
        }

        /** Most first differences the KPSS tests may choose (R's {@code max.d}, default 2). */
        public Builder maxD(int maxD) {
            Checks.nonNegative(maxD, "maxD");
            this.maxD = maxD;
            return this;
        }

        /** Most seasonal differences the seasonal test may choose (R's {@code max.D}, default 1). */
        public Builder maxSeasonalD(int maxSeasonalD) {
            Checks.nonNegative(maxSeasonalD, "maxSeasonalD");
            this.maxSeasonalD = maxSeasonalD;
            return this;
        }

        /** Starting non-seasonal AR order of the stepwise search (R's {@code start.p}, default 2). */
        public Builder startP(int startP) {
            Checks.nonNegative(startP, "startP");
            this.startP = startP;
            return this;
        }

        /** Starting non-seasonal MA order of the stepwise search (R's {@code start.q}, default 2). */
        public Builder startQ(int startQ) {
            Checks.nonNegative(startQ, "startQ");
            this.startQ = startQ;
            return this;
        }

        /** Starting seasonal AR order of the stepwise search (R's {@code start.P}, default 1). */
        public Builder startSeasonalP(int startSeasonalP) {
            Checks.nonNegative(startSeasonalP, "startSeasonalP");
            this.startSeasonalP = startSeasonalP;
            return this;
        }

        /** Starting seasonal MA order of the stepwise search (R's {@code start.Q}, default 1). */
        public Builder startSeasonalQ(int startSeasonalQ) {
            Checks.nonNegative(startSeasonalQ, "startSeasonalQ");
            this.startSeasonalQ = startSeasonalQ;
            return this;
        }

        /** Only stationary models: no differencing (R's {@code stationary}, default false). */
        public Builder stationary(boolean stationary) {
            this.stationary = stationary;
            return this;
        }

        /** Whether seasonal models are considered (R's {@code seasonal}, default true). */
        public Builder seasonal(boolean seasonal) {
            this.seasonal = seasonal;
            return this;
        }

        /**
         * The criterion that ranks candidates (R's {@code ic}, default AICc; AIC when the
         * series has at most 3 observations, as R).
         *
         * @throws NullPointerException if ic is null
         */
        public Builder ic(InformationCriterion ic) {
            this.ic = Checks.notNull(ic, "ic");
            return this;
        }

        /**
         * Stepwise search (default, R's {@code stepwise = TRUE}) or the full search over every
         * model with {@code p + q + P + Q <= maxOrder}, fitted in parallel.
         */
        public Builder stepwise(boolean stepwise) {
            this.stepwise = stepwise;
            return this;
        }

        /**
         * Most models the stepwise search fits (R's {@code nmodels}, default 94).
         *
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
         */
        public Builder approximation(boolean approximation) {
            this.approximation = approximation;
            return this;
        }

        /**
         * Significance level of the KPSS tests that choose d (R's {@code ndiffs(alpha)},
         * default 0.05; values outside [0.01, 0.1] are clamped to it, as R).
         *
         * @throws IllegalArgumentException if alpha is not in (0, 1)
         */
        public Builder alpha(double alpha) {
            if (!(alpha > 0.0 && alpha < 1.0)) {
                throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
            }
            this.alpha = alpha;
            return this;
        }

        /** Whether a drift may be included when {@code d + D == 1} (R's {@code allowdrift}, default true). */
        public Builder allowDrift(boolean allowDrift) {
            this.allowDrift = allowDrift;
            return this;
        }

        /** Whether a mean may be included when {@code d + D == 0} (R's {@code allowmean}, default true). */
        public Builder allowMean(boolean allowMean) {
            this.allowMean = allowMean;
            return this;
        }

        /** The immutable {@link AutoArima}; later changes to this builder do not affect it. */
        public AutoArima build() {
            return new AutoArima(this);
        }

        @Override
        public String toString() {
            return "seasonalPeriod=" + seasonalPeriod + ", d=" + (d == CHOSEN ? "auto" : d) + ", seasonalD="
                    + (seasonalD == CHOSEN ? "auto" : seasonalD) + ", ic=" + ic + ", stepwise=" + stepwise
                    + ", approximation=" + (approximation == null ? "auto" : approximation);
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
        key.add(b.alpha);
        return key;
    }
}
