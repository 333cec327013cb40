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
