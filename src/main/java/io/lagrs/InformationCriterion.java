package io.lagrs;

/**
 * The information criterion that ranks candidate models in {@link AutoArima}, as the
 * {@code ic} argument of R's {@code forecast::auto.arima}. With {@code k} estimated
 * coefficients (including a mean or drift), {@code npar = k + 1} and {@code n} observations
 * after differencing:
 */
public enum InformationCriterion {
    /** {@code AIC + 2 npar (npar + 1) / (n - npar - 1)}: R's default. */
    AICC,
    /** {@code -2 logLikelihood + 2 npar}. */
    AIC,
    /** {@code AIC + npar (log(n) - 2)}. */
    BIC;
}
