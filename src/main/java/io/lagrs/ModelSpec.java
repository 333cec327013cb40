package io.lagrs;

/**
 * A model specification of any of lagrs' families: {@link Arima}, {@link AutoArima},
 * {@link Baseline}, or one read from its text by {@link #parse(String)}. Immutable and
 * thread-safe. Every spec has a text form, R's notation where R has one, which
 * {@code toString()} writes and {@link #parse(String)} reads back to an equal spec:
 *
 * <pre>
 * arima(0,1,1)(0,1,1)[12]      auto_arima[12]       auto_arima(stepwise=false,ic=bic)[12]
 * naive    snaive[12]    mean    drift    window_average(3)    seasonal_window_average(2)[12]
 * naive(lambda=0)    snaive(lambda=auto,biasadj=true)[12]       (Box-Cox, as R's lambda/biasadj)
 * auto_arima[12]|snaive[12]    (a fallback: fitted to the series the first cannot fit)
 * croston  croston_optimized  croston_sba  tsb(0.1,0.1)  adida  imapa   ({@link Intermittent})
 * auto[12]     (intermittent series: croston_sba; the others: auto_arima[12]|naive)
 * </pre>
 *
 * <p>{@code [m]} is the seasonal period. Options go in the first parentheses, by name.
 */
public sealed interface ModelSpec permits Arima, AutoArima, SpecText {
    /**
     * Reads a spec text (see the class description). The core reads it, so the rules and the
     * messages are the same wherever a spec comes from.
     *
     * @param text a spec text such as {@code "auto_arima[12]|snaive[12]"}
     * @return the spec; its {@code toString()} is the canonical form of {@code text}
     * @throws NullPointerException if text is null
     * @throws IllegalArgumentException if the text is not a spec: the message names the position
     *     and lists the accepted forms; or an option the family does not take, named
     */
    static ModelSpec parse(String text) {
        return new SpecText(ModelSpecs.canonical(text));
    }

    /**
     * Fits this spec to one series. NaN values are missing observations, handled as the
     * family's R function does.
     *
     * @param y the series, oldest first
     * @return the fitted model: close it when done
     * @throws NullPointerException if y is null
     * @throws IllegalArgumentException if y cannot be fitted by this family (too short, all
     *     missing, infinite values, a Box-Cox lambda that cannot transform a value)
     * @throws LagrsException if the fit fails on valid input
     * @throws java.util.concurrent.CancellationException if the calling thread is interrupted
     */
    default FittedModel fit(double[] y) {
        return ModelSpecs.fit(this, y);
    }

    /**
     * Fits this spec with regressors (R's {@code Arima(y, xreg = )} and
     * {@code auto.arima(y, xreg = )}: a regression with ARIMA errors), the columns named as
     * {@link Regressors#unnamed(double[][])} names them.
     *
     * @param y the series, oldest first (NaN: missing)
     * @param xreg {@code xreg[j]} is regressor j over the {@code y.length} observations
     * @return the fitted model: close it when done; forecasts need the regressors' future values
     * @throws NullPointerException if y, xreg or a column is null
     * @throws IllegalArgumentException as {@link #fit(double[], Regressors)}
     * @throws LagrsException if the fit fails on valid input
     */
    default FittedModel fit(double[] y, double[][] xreg) {
        return fit(y, Regressors.unnamed(xreg));
    }

    /**
     * Fits this spec with named regressors. Only {@code arima(...)} and {@code auto_arima(...)}
     * (and fallback chains of them) take regressors; no column is dropped: a column that is
     * constant beside a mean, constant under differencing, or a linear combination of others is
     * an error naming it, as R's {@code Arima} fails on it ({@code auto.arima}: every candidate
     * fails, or the rank check stops the search). {@link FittedModel#regressorNames()} lists the
     * columns the model uses.
     *
     * @param y the series, oldest first (NaN: missing)
     * @param xreg one column per regressor, {@code y.length} values each
     * @return the fitted model: close it when done; forecasts need the regressors' future values
     * @throws NullPointerException if y or xreg is null
     * @throws IllegalArgumentException if the family takes no regressors (named), a column's
     *     length differs from {@code y.length}, a column has a non-finite value, a name is
     *     {@code intercept} or {@code drift}, or a column is not identifiable (all named)
     * @throws LagrsException if the fit fails on valid input
     * @throws java.util.concurrent.CancellationException if the calling thread is interrupted
     */
    default FittedModel fit(double[] y, Regressors xreg) {
        return ModelSpecs.fitXreg(this, y, xreg);
    }

    /**
     * {@link #fitAll(double[][], BatchOptions)} with {@link BatchOptions#defaults()}.
     *
     * @param series one array per series; a null element fails only that series
     * @return the per-series models and errors, in input order
     * @throws NullPointerException if series is null
     */
    default ModelBatch fitAll(double[][] series) {
        return fitAll(series, BatchOptions.defaults());
    }

    /**
     * Fits every series, in parallel with the thread count, progress and cancellation of
     * {@code options}, keeping the models. A series that cannot be fitted never fails the others.
     *
     * @param series one array per series; a null element fails only that series
     * @param options threads, progress listener and cancellation token
     * @return the per-series models and errors, in input order
     * @throws NullPointerException if series or options is null
     * @throws java.util.concurrent.CancellationException if the call was cancelled
     */
    default ModelBatch fitAll(double[][] series, BatchOptions options) {
        return ModelSpecs.fitRows("ModelSpec.fitAll", this, series, options, GenericBatch::new);
    }

    /**
     * {@link #fitAll(double[], int[], BatchOptions)} with {@link BatchOptions#defaults()}.
     *
     * @param values all series, concatenated
     * @param offsets start of each series in values, plus {@code values.length} at the end
     * @return the per-series models and errors, in input order
     * @throws NullPointerException if values or offsets is null
     * @throws IllegalArgumentException if the offsets do not describe the values
     */
    default ModelBatch fitAll(double[] values, int[] offsets) {
        return fitAll(values, offsets, BatchOptions.defaults());
    }

    /**
     * Fits every series of the flat (Arrow list) layout: series {@code j} is
     * {@code values[offsets[j] .. offsets[j+1])}; otherwise as
     * {@link #fitAll(double[][], BatchOptions)}.
     *
     * @param values all series, concatenated
     * @param offsets start of each series in values, plus {@code values.length} at the end
     * @param options threads, progress listener and cancellation token
     * @return the per-series models and errors, in input order
     * @throws NullPointerException if values, offsets or options is null
     * @throws IllegalArgumentException if the offsets do not start at 0, decrease, or do not
     *     end at {@code values.length}
     * @throws java.util.concurrent.CancellationException if the call was cancelled
     */
    default ModelBatch fitAll(double[] values, int[] offsets, BatchOptions options) {
        return ModelSpecs.fitFlat("ModelSpec.fitAll", this, values, offsets, options, GenericBatch::new);
    }

    /**
     * Fits and forecasts every series of the flat layout and keeps no model: the path for
     * millions of series (memory: the copies of one chunk of input and the forecasts).
     *
     * @param values all series, concatenated
     * @param offsets start of each series in values, plus {@code values.length} at the end
     * @param h the horizon, 1 to {@value ArimaModel#MAX_HORIZON} steps
     * @param levels interval coverages, each in (0, 1), e.g. {@code {0.8, 0.95}}
     * @param options threads, progress listener and cancellation token
     * @return every series' forecast (or error) and model label
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the offsets do not describe the values, h is out of
     *     range, or a level is not in (0, 1)
     * @throws java.util.concurrent.CancellationException if the call was cancelled
     */
    default BatchForecast forecastAll(double[] values, int[] offsets, int h, double[] levels, BatchOptions options) {
        return ModelSpecs.forecastFlat(this, values, offsets, h, levels, options);
    }

    /**
     * As {@link #forecastAll(double[], int[], int, double[], BatchOptions)}, streamed: the
     * forecasts go to {@code sink} a chunk at a time (at most 2^21 input and 2^21 output values a
     * chunk), on the calling thread in series order, and none is kept, so the output need not fit
     * in memory. The chunks' arrays, concatenated, equal the all-at-once call's to the bit.
     *
     * @param values all series, concatenated
     * @param offsets start of each series in values, plus {@code values.length} at the end
     * @param h the horizon, 1 to {@value ArimaModel#MAX_HORIZON} steps
     * @param levels interval coverages, each in (0, 1)
     * @param options threads, progress listener and cancellation token
     * @param sink takes each chunk's forecasts (see {@link BatchForecastSink})
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the offsets do not describe the values, h is out of
     *     range, or a level is not in (0, 1)
     * @throws java.util.concurrent.CancellationException if the call was cancelled, or the sink
     *     threw (its exception is the cause); chunks already taken stay taken
     */
    default void forecastAll(double[] values, int[] offsets, int h, double[] levels, BatchOptions options,
            BatchForecastSink sink) {
        ForecastStream.forecast(this, values, offsets, h, levels, options, sink);
    }

    /**
     * Fits every series of the flat layout with its rows of the regressor columns (each series
     * as {@link #fit(double[], Regressors)} fits it, to the same bits); otherwise as
     * {@link #fitAll(double[], int[], BatchOptions)}. A series whose regressors cannot be used
     * (a non-finite value, a column constant or collinear over its rows) fails alone, its
     * error as the single fit's.
     *
     * @param values all series, concatenated
     * @param offsets start of each series in values, plus {@code values.length} at the end
     * @param xreg the regressor columns, each of {@code values.length} values cut by the offsets
     * @param options threads, progress listener and cancellation token
     * @return the per-series models and errors, in input order
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the offsets do not describe the values, a column
     *     has not {@code values.length} values (named), or a name is {@code intercept} or
     *     {@code drift}
     * @throws java.util.concurrent.CancellationException if the call was cancelled
     */
    default ModelBatch fitAll(double[] values, int[] offsets, BatchRegressors xreg, BatchOptions options) {
        return ModelSpecs.fitFlatXreg(this, values, offsets, xreg, options);
    }

    /**
     * Fits and forecasts every series of the flat layout with its regressors and their future
     * values, keeping no model (each series' forecast equal to the bit to
     * {@link FittedModel#forecast(int, double[], Regressors)} of its single fit); otherwise as
     * {@link #forecastAll(double[], int[], int, double[], BatchOptions)}. A series whose
     * regressors or future values cannot be used fails alone.
     *
     * @param values all series, concatenated
     * @param offsets start of each series in values, plus {@code values.length} at the end
     * @param xreg the regressor columns, each of {@code values.length} values cut by the offsets
     * @param futureXreg the same columns (by name, any order), {@code h} values per series,
     *     series after series: {@code h * (offsets.length - 1)} values each
     * @param h the horizon, 1 to {@value ArimaModel#MAX_HORIZON} steps
     * @param levels interval coverages, each in (0, 1)
     * @param options threads, progress listener and cancellation token
     * @return every series' forecast (or error) and model label
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException as {@link #fitAll(double[], int[], BatchRegressors,
     *     BatchOptions)}, if futureXreg lacks a column of xreg or has another (named), a
     *     future column has not {@code h} values per series, h is out of range, or a level
     *     is not in (0, 1)
     * @throws java.util.concurrent.CancellationException if the call was cancelled
     */
    default BatchForecast forecastAll(double[] values, int[] offsets, BatchRegressors xreg, BatchRegressors futureXreg,
            int h, double[] levels, BatchOptions options) {
        return ModelSpecs.forecastFlatXreg(this, values, offsets, xreg, futureXreg, h, levels, options);
    }

    /**
     * This spec with {@code fallback} fitted to the series it cannot fit (statsforecast's
     * {@code fallback_model}); the fitted model's {@link FittedModel#label()} says which one
     * was used. Text: {@code this|fallback}.
     *
     * @param fallback the spec to fit where this one fails
     * @return a new spec
     * @throws NullPointerException if fallback is null
     */
    default ModelSpec withFallback(ModelSpec fallback) {
        Checks.notNull(fallback, "fallback");
        return parse(this + "|" + fallback);
    }
}
