package io.lagrs;

/**
 * The unit-root test with which {@link AutoArima} chooses the number of first differences
 * {@code d}, as the {@code test} argument of R's {@code forecast::auto.arima} (run by
 * {@code forecast::ndiffs} with its default {@code type = "level"}: an intercept, no trend).
 * The series is differenced while the test asks for it, up to {@code maxD} times, at the
 * significance level {@link AutoArima.Builder#unitRootAlpha(double)}. P-values are read off
 * urca's critical-value tables by linear interpolation, as {@code ndiffs} does, so levels
 * outside [0.01, 0.1] act as the nearest end.
 */
public enum UnitRootTest {
    /**
     * KPSS level-stationarity test ({@code urca::ur.kpss(type = "mu")}, lag
     * {@code trunc(3 sqrt(n) / 13)}): difference while stationarity is rejected. R's default.
     */
    KPSS,
    /**
     * Augmented Dickey–Fuller test ({@code urca::ur.df(type = "drift", lags = 1)}): difference
     * while a unit root is not rejected.
     */
    ADF,
    /**
     * Phillips–Perron Z-tau test ({@code urca::ur.pp(type = "Z-tau", model = "constant",
     * lags = "short")}): difference while a unit root is not rejected.
     */
    PP;
}
