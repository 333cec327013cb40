package io.lagrs;

/**
 * The seasonal test with which {@link AutoArima} chooses the number of seasonal differences
 * {@code D}, as the {@code seasonal.test} argument of R's {@code forecast::auto.arima} (run by
 * {@code forecast::nsdiffs}). R's {@code "hegy"} test is not provided.
 */
public enum SeasonalTest {
    /**
     * Strength of seasonality of an STL decomposition above 0.64 ({@code "seas"}, R's
     * default); {@link AutoArima.Builder#seasonalTestAlpha(double)} does not apply.
     */
    SEASONAL_STRENGTH,
    /**
     * Osborn–Chui–Smith–Birchenhall test ({@code "ocsb"}) at the 5% level, the only level
     * forecast supports (with another level R warns and uses 5%; so does lagrs, silently).
     */
    OCSB,
    /**
     * Canova–Hansen test of seasonal stability ({@code "ch"}, trigonometric regressors) at
     * {@link AutoArima.Builder#seasonalTestAlpha(double)}. The statistic is R's; its p-value
     * is interpolated in Canova and Hansen's asymptotic critical values, whereas R (through
     * the uroot package) uses finite-sample response surfaces, so near the critical value,
     * mostly on short series, the decision can differ from R's. Periods above 13 have no
     * tabulated values: the test then never asks for a seasonal difference.
     */
    CANOVA_HANSEN;
}
