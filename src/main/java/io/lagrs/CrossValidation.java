package io.lagrs;

import java.util.ArrayList;
import java.util.List;

/**
 * Rolling-origin cross-validation (a backtest) of several model specs over many series, with
 * the windows of statsforecast's {@code cross_validation(h, step_size, n_windows, refit,
 * input_size)}: the last window's test period ends with each series, and each earlier window's
 * origin is {@link #stepSize()} observations before the next one's. Window {@code w} of
 * {@code W} on a series of {@code n} values trains on the values before its end
 * {@code e = n - h - stepSize * (W - 1 - w)} (the last {@link #inputSize()} of them, when it is
 * set) and forecasts values {@code e .. e + h - 1}. The windows are offsets into the caller's
 * series: no series is copied per window.
 *
 * <p>Models are fitted anew every window ({@code refitEvery(1)}, the default), every k-th
 * window, or only at the first ({@link Builder#noRefit()}); a window that does not refit
 * carries the last fitted model over its training data with the parameters fixed
 * ({@link FittedModel}'s families: ARIMA and auto-ARIMA filter the new data with their
 * coefficients and keep their innovation variance, as R's {@code Arima(y, model = fit)}; the
 * baselines apply their method to the new data; a Box-Cox transform keeps its lambda). A
 * family that cannot do so fails those windows alone, with a message saying so.
 *
 * <p>A series too short for its windows fails alone (its message names the sizes); a window
 * whose model fails, or a model that fails on a series, fails only that window of that model.
 *
 * <pre>{@code
 * CrossValidation cv = CrossValidation.builder().horizon(12).stepSize(12).windows(3)
 *         .levels(0.8, 0.95).period(12).build();
 * CrossValidationResult r = cv.run(List.of(ModelSpec.parse("auto_arima[12]"),
 *         ModelSpec.parse("snaive[12]")), values, offsets);
 * double[] arimaMean = r.mean(0);
 * double mase = r.overall(0, CrossValidationResult.Measure.MASE);
 * }</pre>
 */
public final class CrossValidation {
    private final int horizon;
    private final int stepSize;
    private final int windows;
    private final int inputSize;
    private final int refitEvery;
    private final double[] levels;
    private final int period;

    private CrossValidation(Builder b) {
        this.horizon = b.horizon;
        this.stepSize = b.stepSize;
        this.windows = b.windows;
        this.inputSize = b.inputSize;
        this.refitEvery = b.refitEvery;
        this.levels = b.levels.clone();
        this.period = b.period;
    }

    /**
     * A builder with statsforecast's defaults: step size 1, one window, an expanding window,
     * a refit at every window, no intervals, non-seasonal scaling; the horizon must be set.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the steps forecast from each origin */
    public int horizon() {
        return horizon;
    }

    /** @return the observations between consecutive origins */
    public int stepSize() {
        return stepSize;
    }

    /** @return the windows (origins) per series */
    public int windows() {
        return windows;
    }

    /** @return how many observations each window trains on at most; 0: all before its origin */
    public int inputSize() {
        return inputSize;
    }

    /** @return k when models are refitted every k windows; 0 when only at the first window */
    public int refitEvery() {
        return refitEvery;
    }

    /** @return the interval levels, a copy */
    public double[] levels() {
        return levels.clone();
    }

    /** @return the seasonal lag of the MASE, RMSSE and MSIS scales */
    public int period() {
        return period;
    }

    /**
     * {@link #run(List, double[], int[], BatchOptions)} with {@link BatchOptions#defaults()}.
     *
     * @param models the specs to evaluate, in the order of the result's models
     * @param values all series, concatenated
     * @param offsets start of each series in values, plus {@code values.length} at the end
     * @return the forecasts of every window and their accuracy
     * @throws NullPointerException if an argument or a model is null
     * @throws IllegalArgumentException if models is empty or the offsets do not describe the values
     */
    public CrossValidationResult run(List<? extends ModelSpec> models, double[] values, int[] offsets) {
        return run(models, values, offsets, BatchOptions.defaults());
    }

    /**
     * Cross-validates every model on every series of the flat (Arrow list) layout: series
     * {@code j} is {@code values[offsets[j] .. offsets[j+1])}. Series run in parallel with the
     * threads, progress and cancellation of {@code options}; progress counts series.
     *
     * @param models the specs to evaluate, in the order of the result's models
     * @param values all series, concatenated (NaN: missing, as each family allows)
     * @param offsets start of each series in values, plus {@code values.length} at the end
     * @param options threads, progress listener and cancellation token
     * @return the forecasts of every window and their accuracy
     * @throws NullPointerException if an argument or a model is null
     * @throws IllegalArgumentException if models is empty or the offsets do not describe the values
     * @throws java.util.concurrent.CancellationException if the call was cancelled
     */
    public CrossValidationResult run(List<? extends ModelSpec> models, double[] values, int[] offsets,
            BatchOptions options) {
        Checks.notNull(models, "models");
        Checks.notNull(values, "values");
        Checks.notNull(offsets, "offsets");
        Checks.notNull(options, "options");
        if (models.isEmpty()) {
            throw new IllegalArgumentException("models must not be empty");
        }
        List<String> texts = new ArrayList<>(models.size());
        for (int i = 0; i < models.size(); i++) {
            texts.add(Checks.notNull(models.get(i), "models[" + i + "]").toString());
        }
        String[] specs = texts.toArray(new String[0]);
        int n = Math.max(0, offsets.length - 1);
        Object[][] out = new Object[1][];
        BatchRun.run("CrossValidation.run", n, options, run -> {
            out[0] = run0(specs, values, offsets, horizon, stepSize, windows, inputSize, refitEvery, levels, period,
                    run);
            return 0L;
        }, none -> { });
        return new CrossValidationResult(List.copyOf(texts), horizon, levels, out[0]);
    }

    /**
     * As {@link #run(List, double[], int[], BatchOptions)} for one array per series (concatenated
     * once, before the run).
     *
     * @param models the specs to evaluate
     * @param series one array per series
     * @param options threads, progress listener and cancellation token
     * @return the forecasts of every window and their accuracy
     * @throws NullPointerException if an argument, a model or a series is null
     * @throws IllegalArgumentException if models is empty or the series hold more than
     *     {@code Integer.MAX_VALUE} values in all
     */
    public CrossValidationResult run(List<? extends ModelSpec> models, double[][] series, BatchOptions options) {
        Checks.notNull(series, "series");
        long total = 0;
        int[] offsets = new int[series.length + 1];
        for (int j = 0; j < series.length; j++) {
            total += Checks.notNull(series[j], "series[" + j + "]").length;
            if (total > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("series hold more than " + (Integer.MAX_VALUE - 8) + " values");
            }
            offsets[j + 1] = (int) total;
        }
        double[] values = new double[(int) total];
        for (int j = 0; j < series.length; j++) {
            System.arraycopy(series[j], 0, values, offsets[j], series[j].length);
        }
        return run(models, values, offsets, options);
    }

    /** Settings of a {@link CrossValidation}; each setter checks its argument at once. */
    public static final class Builder {
        private int horizon;
        private int stepSize = 1;
        private int windows = 1;
        private int inputSize;
        private int refitEvery = 1;
        private double[] levels = new double[0];
        private int period = 1;

        private Builder() {
        }

        /**
         * @param h the steps forecast from each origin, at least 1
         * @return this builder
         * @throws IllegalArgumentException if h is less than 1
         */
        public Builder horizon(int h) {
            this.horizon = atLeastOne(h, "h");
            return this;
        }

        /**
         * @param stepSize the observations between consecutive origins, at least 1
         * @return this builder
         * @throws IllegalArgumentException if stepSize is less than 1
         */
        public Builder stepSize(int stepSize) {
            this.stepSize = atLeastOne(stepSize, "stepSize");
            return this;
        }

        /**
         * @param windows the windows (origins) per series, at least 1
         * @return this builder
         * @throws IllegalArgumentException if windows is less than 1
         */
        public Builder windows(int windows) {
            this.windows = atLeastOne(windows, "windows");
            return this;
        }

        /**
         * Each window trains on at most the last {@code inputSize} observations before its origin.
         *
         * @param inputSize the most observations a window trains on, at least 1
         * @return this builder
         * @throws IllegalArgumentException if inputSize is less than 1
         */
        public Builder inputSize(int inputSize) {
            this.inputSize = atLeastOne(inputSize, "inputSize");
            return this;
        }

        /**
         * Each window trains on everything before its origin (the default).
         *
         * @return this builder
         */
        public Builder expanding() {
            this.inputSize = 0;
            return this;
        }

        /**
         * Fits the models at the first window and every k-th after it; the windows between carry
         * the last fitted model forward. 1 (the default) refits every window.
         *
         * @param k the windows between fits, at least 1
         * @return this builder
         * @throws IllegalArgumentException if k is less than 1
         */
        public Builder refitEvery(int k) {
            this.refitEvery = atLeastOne(k, "refitEvery");
            return this;
        }

        /**
         * Fits the models at the first window only; every later window carries them forward.
         *
         * @return this builder
         */
        public Builder noRefit() {
            this.refitEvery = 0;
            return this;
        }

        /**
         * @param levels interval levels, each in (0, 1); none (the default): no intervals
         * @return this builder
         * @throws NullPointerException if levels is null
         * @throws IllegalArgumentException if a level is not in (0, 1)
         */
        public Builder levels(double... levels) {
            Checks.notNull(levels, "levels");
            for (double level : levels) {
                if (!(level > 0 && level < 1)) {
                    throw new IllegalArgumentException("level must be in (0, 1), got " + level);
                }
            }
            this.levels = levels.clone();
            return this;
        }

        /**
         * @param period the seasonal lag of the naive scale of MASE, RMSSE and MSIS (1, the
         *     default: first differences)
         * @return this builder
         * @throws IllegalArgumentException if period is less than 1
         */
        public Builder period(int period) {
            this.period = atLeastOne(period, "period");
            return this;
        }

        /**
         * @return the cross-validation
         * @throws IllegalStateException if the horizon was not set
         */
        public CrossValidation build() {
            if (horizon == 0) {
                throw new IllegalStateException("the horizon must be set: builder().horizon(h)");
            }
            return new CrossValidation(this);
        }

        private static int atLeastOne(int value, String name) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be >= 1, got " + value);
            }
            return value;
        }
    }

    private static native Object[] run0(String[] specs, double[] values, int[] offsets, int h, int stepSize,
            int windows, int inputSize, int refitEvery, double[] levels, int period, long run);
}
