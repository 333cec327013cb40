package io.lagrs;

import java.util.ArrayList;
import java.util.List;

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
    /** Values per candidate in the native search's trace (jni/src/auto_arima.rs). */
    private static final int TRACE_WIDTH = 10;

    /** The canonical spec text: what crosses the bridge, and what equality compares. */
    private final String text;

    private AutoArima(AutoArimaSettings settings) {
        this.text = settings.text();
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
                cancel -> fit0(text, y, handle, cancel));
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
        return ModelSpecs.fitRows("AutoArima.fitAll", this, series, options, ArimaBatch::new);
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
        return ModelSpecs.fitFlat("AutoArima.fitAll", this, values, offsets, options, ArimaBatch::new);
    }

    /**
     * The spec text: {@code auto_arima[12]}, with every setting that differs from R's defaults
     * by name ({@code auto_arima(stepwise=false,ic=bic)[12]}); what
     * {@link ModelSpec#parse(String)} reads back to an equal spec.
     */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AutoArima a && text.equals(a.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    // The spec crosses as its text, which the core reads by name (jni/src/auto_arima.rs).
    private static native double[] fit0(String spec, double[] y, long[] handleOut, long cancel);



    /**
     * Settings of {@link AutoArima}, each defaulting to R's {@code auto.arima} argument of the
     * same meaning. Every setter checks its argument at once: a negative count throws
     * {@link IllegalArgumentException} naming it. Limits above what the fitter supports
     * (e.g. {@code maxP > 20}) are reported by {@link #build()}'s first use as
     * {@link IllegalArgumentException}.
     */
    public static final class Builder extends AutoArimaSetters {
        private Builder() {
        }

        /**
         * The immutable {@link AutoArima}; later changes to this builder do not affect it.
         *
         * @return a new instance holding this builder's current settings
         */
        public AutoArima build() {
            return new AutoArima(settings);
        }

        @Override
        public String toString() {
            return settings.describe();
        }
    }
}
