package io.lagrs;

/**
 * A fitted ARIMA model. Its state lives in the native library; this object holds only a handle
 * to it. Close it (try-with-resources) to free that state at once; a {@link java.lang.ref.Cleaner}
 * frees it if you forget. Every method is safe to call from many threads at once; after
 * {@link #close()} every method throws {@link IllegalStateException}.
 *
 * <p>Coefficients, likelihood and information criteria follow R's {@code stats::arima}
 * (method "CSS-ML": conditional sum of squares for starting values, then exact maximum
 * likelihood) and {@code forecast::Arima}: {@code aic = -2*logLikelihood + 2*(k+1)} with
 * {@code k} the number of estimated coefficients including the mean or drift.
 *
 * <p>A {@link FittedModel}: its {@link #label()} is R's name ({@code ARIMA(0,1,1)(0,1,1)[12]},
 * {@code ARIMA(1,0,0) with non-zero mean}), which {@link #toString()} also returns, and
 * {@link #toBytes()} writes the format every family shares.
 *
 * <p>{@link #sigma2()} is R's {@code sigma2} in the units of the series squared. The model keeps
 * it in the units it was fitted in, so forecasts, intervals and the likelihood are exact even
 * where that number is not representable: for innovations near 1e154 or larger (a series at
 * 1e160) {@code sigma2()} is {@code +Infinity}, near 1e-154 or smaller it loses precision or is
 * 0; {@link #sigma()} is representable in both cases. {@link #residuals()} are the standardized
 * one-step innovations (NaN where y is NaN), {@link #fitted()} {@code y - residuals}
 * (back-transformed with a Box-Cox lambda).
 *
 * <p>No method returns null: arrays are fresh copies (possibly empty), and {@link #mean()} and
 * {@link #drift()} are NaN when the model has no such term.
 */
public final class ArimaModel extends NativeFittedModel {
    /** The arrays a model hands out; codes shared with the native library (NativeContractTest). */
    enum Vector { AR, MA, SEASONAL_AR, SEASONAL_MA, STANDARD_ERRORS, COEFFICIENTS }

    /** The numbers a model hands out; codes shared with the native library (NativeContractTest). */
    enum Scalar { MEAN, DRIFT, LAMBDA, IC, SIGMA }

    /**
     * The positions in the order array {p, d, q, P, D, Q, period} that {@link #order()} returns
     * and that fitting sends to the native library (NativeContractTest).
     */
    enum OrderSlot { P, D, Q, SEASONAL_P, SEASONAL_D, SEASONAL_Q, PERIOD }

    /**
     * The largest forecast horizon {@link #forecast(int, double)} and
     * {@link ArimaBatch#forecast(int, double)} accept (the native core's limit, which words the
     * exception): a bound on the memory one call may take.
     */
    public static final int MAX_HORIZON = 1_000_000;

    ArimaModel(long handle) {
        super(handle, "ArimaModel");
    }

    /**
     * Restores a model saved by {@link #toBytes()}; it forecasts exactly as the original.
     *
     * @param bytes the output of {@link #toBytes()}, unchanged
     * @return a new model, which holds native memory: close it when done
     * @throws NullPointerException if bytes is null
     * @throws IllegalArgumentException if the bytes are not a saved model of a supported
     *     version, or a saved model of another family
     */
    public static ArimaModel fromBytes(byte[] bytes) {
        FittedModel model = FittedModel.fromBytes(bytes);
        if (model instanceof ArimaModel arima) {
            return arima;
        }
        String label = model.label();
        model.close();
        throw new IllegalArgumentException("bytes hold a saved " + label + " model, not an ARIMA model");
    }

    /**
     * Non-seasonal AR coefficients ar1..arp.
     *
     * @return the p coefficients; empty when p = 0
     */
    public double[] ar() {
        return call(h -> vector0(h, Vector.AR.ordinal()));
    }

    /**
     * Non-seasonal MA coefficients ma1..maq (R's sign: + ma1*e[t-1]).
     *
     * @return the q coefficients; empty when q = 0
     */
    public double[] ma() {
        return call(h -> vector0(h, Vector.MA.ordinal()));
    }

    /**
     * Seasonal AR coefficients sar1..sarP.
     *
     * @return the P coefficients; empty when P = 0
     */
    public double[] seasonalAr() {
        return call(h -> vector0(h, Vector.SEASONAL_AR.ordinal()));
    }

    /**
     * Seasonal MA coefficients sma1..smaQ.
     *
     * @return the Q coefficients; empty when Q = 0
     */
    public double[] seasonalMa() {
        return call(h -> vector0(h, Vector.SEASONAL_MA.ordinal()));
    }

    /**
     * All estimated coefficients in R's order: ar, ma, sar, sma, intercept, drift, regressors
     * (named by {@link #coefficientNames()}).
     *
     * @return a new array of every estimated coefficient
     */
    public double[] coefficients() {
        return call(h -> vector0(h, Vector.COEFFICIENTS.ordinal()));
    }

    /**
     * R's names of {@link #coefficients()}, in the same order: {@code ar1..}, {@code ma1..},
     * {@code sar1..}, {@code sma1..}, {@code intercept}, {@code drift}, then the regressors'
     * names (the caller's, then the Fourier terms' {@code S1-7}, {@code C1-7}, ...).
     *
     * @return a new array, one name per coefficient
     */
    public String[] coefficientNames() {
        return call(ArimaModel::coefficientNames0);
    }

    /**
     * The intercept, NaN when not included: the process mean, or with a drift the level of
     * the trend at {@code t = 0}.
     *
     * @return the intercept, or NaN
     */
    public double mean() {
        return callDouble(h -> scalar0(h, Scalar.MEAN.ordinal()));
    }

    /**
     * The drift (slope per time step, {@code t = 1..n}), NaN when not included.
     *
     * @return the drift per time step, or NaN
     */
    public double drift() {
        return callDouble(h -> scalar0(h, Scalar.DRIFT.ordinal()));
    }

    /**
     * The innovations standard deviation, {@code sqrt(sigma2())}, in the units of the series
     * (R's {@code sqrt(fit$sigma2)}). Finite for every fitted model, also where
     * {@link #sigma2()} overflows.
     *
     * @return the estimated innovations standard deviation
     */
    public double sigma() {
        return callDouble(h -> scalar0(h, Scalar.SIGMA.ordinal()));
    }

    /**
     * The Box-Cox lambda the series was transformed with before fitting (R's {@code lambda}),
     * NaN when it was not transformed. With a lambda, {@link #forecast(int, double)} and
     * {@link #fitted()} are back-transformed to the scale of the data, while coefficients,
     * residuals, likelihood and criteria are on the transformed scale, as in R.
     *
     * @return the lambda, or NaN without a transform
     */
    public double lambda() {
        return callDouble(h -> scalar0(h, Scalar.LAMBDA.ordinal()));
    }

    /**
     * The value of the information criterion that chose this model in an {@link AutoArima}
     * search (see {@link AutoArima.Builder#ic(InformationCriterion)}), NaN for a model not
     * chosen by a search (a fixed-order fit, or R's special cases of a series that is constant
     * or constant after differencing).
     *
     * @return the criterion value, or NaN
     */
    public double ic() {
        return callDouble(h -> scalar0(h, Scalar.IC.ordinal()));
    }

    /**
     * Standard errors of {@link #coefficients()}, in the same order, from the inverse Hessian
     * of the log-likelihood; NaN where the Hessian cannot be inverted.
     *
     * @return a new array of standard errors, one per coefficient
     */
    public double[] standardErrors() {
        return call(h -> vector0(h, Vector.STANDARD_ERRORS.ordinal()));
    }

    /**
     * {p, d, q, P, D, Q, period}.
     *
     * @return a new seven-element array {@code {p, d, q, P, D, Q, period}}
     */
    public int[] order() {
        return call(ArimaModel::order0);
    }

    static native long fit0(int[] order, boolean includeMean, boolean includeDrift, double[] y, long cancel);

    private static native double[] vector0(long handle, int which);

    private static native String[] coefficientNames0(long handle);

    private static native double scalar0(long handle, int which);

    private static native int[] order0(long handle);


}
