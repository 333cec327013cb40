package io.lagrs;

/**
 * A model of any family fitted to one series: {@link ArimaModel}, or a model of another family
 * (the benchmark methods of {@link Baseline}) fitted from a {@link ModelSpec}. Its state lives in
 * the native library: close it (try-with-resources) to free it at once; a
 * {@link java.lang.ref.Cleaner} frees it if you forget. Every method is safe to call from many
 * threads at once; after {@link #close()} every method but {@link #isClosed()} throws
 * {@link IllegalStateException}.
 *
 * <p>Implemented by lagrs only: get instances from {@link ModelSpec#fit(double[])},
 * {@link ModelBatch#model(int)} or {@link #fromBytes(byte[])}.
 */
public interface FittedModel extends AutoCloseable {
    /**
     * The model as R prints it: {@code ARIMA(0,1,1)(0,1,1)[12]}, {@code Naive method},
     * {@code Seasonal naive method}, {@code Mean}, {@code Random walk with drift}. When a
     * spec's fallback was fitted, this is the fallback's name.
     *
     * @return R's name of the model
     */
    String label();

    /**
     * Forecasts {@code h} steps ahead with central prediction intervals of coverage
     * {@code level}, as R's {@code forecast(fit, h, level)}. Families without intervals
     * (window averages) give NaN bounds.
     *
     * @param h the horizon, 1 to {@value ArimaModel#MAX_HORIZON} steps
     * @param level the interval coverage, in (0, 1), e.g. 0.95
     * @return the forecasts, never null
     * @throws IllegalArgumentException if {@code h} is out of range or level is not in (0, 1)
     */
    Forecast forecast(int h, double level);

    /**
     * Forecasts {@code h} steps ahead with intervals at every level of {@code levels}, from one
     * computation (R's {@code forecast(fit, h, level = c(80, 95))}).
     *
     * @param h the horizon, 1 to {@value ArimaModel#MAX_HORIZON} steps
     * @param levels interval coverages, each in (0, 1); may be empty (point forecasts only)
     * @return the forecasts, never null
     * @throws NullPointerException if levels is null
     * @throws IllegalArgumentException if {@code h} is out of range or a level is not in (0, 1)
     */
    IntervalForecast forecast(int h, double[] levels);

    /**
     * Forecasts a model fitted with regressors ({@link ModelSpec#fit(double[], double[][])}), as
     * R's {@code forecast(fit, xreg = newxreg)}. Fourier terms of the spec text are built by the
     * model and are not given here.
     *
     * @param h the horizon, 1 to {@value ArimaModel#MAX_HORIZON} steps
     * @param level the interval coverage, in (0, 1)
     * @param futureXreg {@code futureXreg[j]}: the {@code h} future values of regressor j, in
     *     the order of {@link #regressorNames()}; empty for a model without regressors
     * @return the forecasts, never null
     * @throws NullPointerException if futureXreg or a column is null
     * @throws IllegalArgumentException if the column count differs from the model's regressors,
     *     a column has not {@code h} values or a non-finite one (the column named), or as
     *     {@link #forecast(int, double)}
     */
    Forecast forecast(int h, double level, double[][] futureXreg);

    /**
     * {@link #forecast(int, double, double[][])} at several levels from one computation.
     *
     * @param h the horizon, 1 to {@value ArimaModel#MAX_HORIZON} steps
     * @param levels interval coverages, each in (0, 1); may be empty
     * @param futureXreg the future values of the regressors, as in
     *     {@link #forecast(int, double, double[][])}
     * @return the forecasts, never null
     * @throws NullPointerException if an argument or a column is null
     * @throws IllegalArgumentException as {@link #forecast(int, double, double[][])}
     */
    IntervalForecast forecast(int h, double[] levels, double[][] futureXreg);

    /**
     * {@link #forecast(int, double, double[][])} with the future values matched to the model's
     * regressors by name (any order).
     *
     * @param h the horizon, 1 to {@value ArimaModel#MAX_HORIZON} steps
     * @param level the interval coverage, in (0, 1)
     * @param future every regressor of {@link #regressorNames()}, {@code h} values each
     * @return the forecasts, never null
     * @throws NullPointerException if future is null
     * @throws IllegalArgumentException if a regressor of the model is missing, a column is not
     *     one of the model's (both named), or as {@link #forecast(int, double, double[][])}
     */
    Forecast forecast(int h, double level, Regressors future);

    /**
     * {@link #forecast(int, double, Regressors)} at several levels from one computation.
     *
     * @param h the horizon, 1 to {@value ArimaModel#MAX_HORIZON} steps
     * @param levels interval coverages, each in (0, 1); may be empty
     * @param future every regressor of {@link #regressorNames()}, {@code h} values each
     * @return the forecasts, never null
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException as {@link #forecast(int, double, Regressors)}
     */
    IntervalForecast forecast(int h, double[] levels, Regressors future);

    /**
     * The regressors the model uses whose future values forecasts need, in the order of their
     * coefficients (every column it was fitted with: lagrs drops none). Empty for a model
     * without regressors and for the Fourier terms a spec text builds
     * ({@code auto_arima(fourier=[7:3])}), whose future values the model computes itself;
     * {@link ArimaModel#coefficientNames()} lists those too.
     *
     * @return a new array of names, possibly empty
     */
    String[] regressorNames();

    /**
     * In-sample one-step fitted values, one per observation; NaN where the family has none.
     *
     * @return a new array of the fitted values
     */
    double[] fitted();

    /**
     * In-sample residuals, one per observation (on the Box-Cox scale when the model was fitted
     * with a lambda, as in R); NaN where there is none.
     *
     * @return a new array of the residuals
     */
    double[] residuals();

    /**
     * The variance of the one-step errors as the family's R function reports it ({@code sigma2};
     * for {@code meanf} the variance of the data), NaN where the family defines none.
     *
     * @return the variance, or NaN
     */
    double sigma2();

    /**
     * The log-likelihood, NaN for families without a likelihood (the benchmark methods).
     *
     * @return the log-likelihood, or NaN
     */
    double logLikelihood();

    /**
     * Akaike's information criterion, NaN for families without a likelihood.
     *
     * @return the AIC, or NaN
     */
    double aic();

    /**
     * AIC with the small-sample correction, NaN for families without a likelihood.
     *
     * @return the AICc, or NaN
     */
    double aicc();

    /**
     * The Bayesian information criterion, NaN for families without a likelihood.
     *
     * @return the BIC, or NaN
     */
    double bic();

    /**
     * This model, its parameters held fixed, applied to the series {@code y} (typically the same
     * series observed longer, or another window of it): what cross-validation without refitting
     * forecasts from, and R's {@code Arima(y, model = fit)} and
     * {@code ets(y, model = fit, use.initial.values = TRUE)}. What each family keeps and what it
     * recomputes from {@code y} (states, residuals, variance, criteria) is the table "Which
     * families carry a fitted model forward" of the API guide. This model is unchanged.
     *
     * @param y the new series; the family's rules on values apply as in a fit
     * @return a new model, which holds native memory: close it when done
     * @throws NullPointerException if y is null
     * @throws IllegalArgumentException if the family cannot be carried forward (named: ADIDA,
     *     IMAPA, ARIMA with regressors) or y does not suit the model
     * @throws java.util.concurrent.CancellationException if the calling thread is interrupted
     */
    FittedModel forward(double[] y);

    /**
     * The model in the versioned binary format every family shares, for
     * {@link #fromBytes(byte[])}.
     *
     * @return a new array of the saved state
     */
    byte[] toBytes();

    /**
     * Whether {@link #close()} has been called.
     *
     * @return true once closed
     */
    boolean isClosed();

    /** Frees the native state. Calling it again does nothing. */
    @Override
    void close();

    /**
     * Restores a model of any family saved by {@link #toBytes()} (also the ARIMA-only format of
     * earlier versions); it forecasts exactly as the original. An ARIMA model comes back as an
     * {@link ArimaModel}.
     *
     * @param bytes the output of {@link #toBytes()}, unchanged
     * @return a new model, which holds native memory: close it when done
     * @throws NullPointerException if bytes is null
     * @throws IllegalArgumentException if the bytes are not a saved model, are corrupt, or come
     *     from a newer format
     */
    static FittedModel fromBytes(byte[] bytes) {
        Checks.notNull(bytes, "bytes");
        NativeLibrary.load();
        return NativeModels.wrap(NativeModels.fromBytes0(bytes));
    }
}
