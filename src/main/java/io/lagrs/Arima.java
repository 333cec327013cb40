package io.lagrs;

import java.util.Objects;

/**
 * An immutable ARIMA(p,d,q)(P,D,Q)s specification, as R's {@code stats::arima} /
 * {@code forecast::Arima}. Each {@code with}-style method returns a new specification.
 *
 * <pre>{@code
 * Arima spec = Arima.order(0, 1, 1).seasonal(0, 1, 1, 12);
 * try (ArimaModel m = spec.fit(y)) {
 *     Forecast f = m.forecast(12, 0.95);
 * }
 * }</pre>
 *
 * <p>Sign conventions are R's: {@code x[t] = mu + ar1*(x[t-1]-mu) + ... + e[t] + ma1*e[t-1] + ...}.
 * Fitting is exact Gaussian maximum likelihood (R's {@code method = "CSS-ML"}: conditional sum
 * of squares for starting values, then the exact likelihood by a Kalman filter).
 */
public final class Arima implements ModelSpec {
    private final int p, d, q;
    private final int seasonalP, seasonalD, seasonalQ, period;
    /** null: R's default (a mean exactly when d + D == 0). */
    private final Boolean includeMean;
    private final boolean includeDrift;

    private Arima(int p, int d, int q, int seasonalP, int seasonalD, int seasonalQ, int period,
            Boolean includeMean, boolean includeDrift) {
        this.p = p;
        this.d = d;
        this.q = q;
        this.seasonalP = seasonalP;
        this.seasonalD = seasonalD;
        this.seasonalQ = seasonalQ;
        this.period = period;
        this.includeMean = includeMean;
        this.includeDrift = includeDrift;
    }

    /**
     * A non-seasonal ARIMA(p, d, q).
     *
     * @param p autoregressive order, 0 to 20
     * @param d number of first differences, 0 to 2
     * @param q moving-average order, 0 to 20
     * @return the specification, without seasonal part and with R's default mean
     * @throws IllegalArgumentException if an order is negative or above its limit, with a
     *     message naming it (the rules on mean and drift are checked when fitting, once the
     *     whole specification is known)
     */
    public static Arima order(int p, int d, int q) {
        return new Arima(p, d, q, 0, 0, 0, 0, null, false).withCheckedOrders();
    }

    /**
     * Adds the seasonal part (P, D, Q) with the given period (e.g. 12 for monthly data).
     *
     * @param seasonalP seasonal autoregressive order P, 0 to 5
     * @param seasonalD number of seasonal differences D (lag {@code period}), 0 to 2
     * @param seasonalQ seasonal moving-average order Q, 0 to 5
     * @param period observations per seasonal cycle; at least 2 when a seasonal order is
     *     positive, at most 8784 (hourly data over a leap year)
     * @return a new specification with this seasonal part
     * @throws IllegalArgumentException if an order or the period is negative or above its
     *     limit, {@code period < 2} while a seasonal order is positive, or the expanded
     *     polynomials ({@code p + P * period}, {@code q + Q * period},
     *     {@code d + D * period}) exceed degree 400; the message names the argument
     */
    public Arima seasonal(int seasonalP, int seasonalD, int seasonalQ, int period) {
        return new Arima(p, d, q, seasonalP, seasonalD, seasonalQ, period, includeMean, includeDrift)
                .withCheckedOrders();
    }

    /**
     * This specification after the native core's rules on the orders alone, which it owns and
     * words (the bridge refuses negative values itself, as for every Java int it takes as a size).
     */
    private Arima withCheckedOrders() {
        NativeLibrary.load();
        checkOrders0(orderArray());
        return this;
    }

    private static native void checkOrders0(int[] order);

    /**
     * Whether to estimate an intercept (the process mean). Default, as R: true when
     * {@code d + D == 0}. A mean with {@code d + D > 0} is rejected when fitting.
     *
     * @param include true to estimate a mean, false to fix it at 0
     * @return a new specification with this choice
     */
    public Arima includeMean(boolean include) {
        return new Arima(p, d, q, seasonalP, seasonalD, seasonalQ, period, include, includeDrift);
    }

    /**
     * Whether to estimate a drift: a linear trend in time {@code t = 1..n}, as
     * {@code forecast::Arima}'s {@code include.drift} (regression with ARIMA errors). Allowed
     * when {@code d + D <= 1}; with {@code d + D == 0} and a mean it fits
     * {@code y[t] = intercept + drift * t + u[t]} with ARMA errors {@code u}. Default false.
     *
     * @param include true to estimate a drift
     * @return a new specification with this choice
     */
    public Arima includeDrift(boolean include) {
        return new Arima(p, d, q, seasonalP, seasonalD, seasonalQ, period, includeMean, include);
    }

    /**
     * Fits the model to {@code y} by exact maximum likelihood. NaN values are missing
     * observations, as in R. An interrupt of the calling thread stops the fit within a few
     * likelihood evaluations, as it stops {@link #fitAll(double[][], BatchOptions)}.
     *
     * @param y the series, oldest first; NaN values are missing observations
     * @return the fitted model, which holds native memory: close it when done
     * @throws NullPointerException if y is null
     * @throws IllegalArgumentException if y is too short for the order, holds ±Infinity, or the
     *     specification is invalid (a mean or drift with the wrong d + D)
     * @throws LagrsException if no valid model can be estimated from y
     * @throws java.util.concurrent.CancellationException if the calling thread is interrupted
     *     before or while fitting (its interrupt status stays set)
     */
    public ArimaModel fit(double[] y) {
        Checks.notNull(y, "y");
        long handle = InterruptibleCall.run("Arima.fit",
                cancel -> ArimaModel.fit0(orderArray(), meanFlag(), includeDrift, y, cancel));
        return new ArimaModel(handle);
    }

    /**
     * Fits the model to every series, in parallel over all cores: {@link #fitAll(double[][],
     * BatchOptions)} with {@link BatchOptions#defaults()}.
     *
     * @param series one array per series, oldest value first; NaN values are missing observations
     * @return the per-series models and errors, in the order of the input series
     * @throws NullPointerException if {@code series} is null (a null series fails only itself)
     * @throws java.util.concurrent.CancellationException if the calling thread is interrupted
     *     (see {@link BatchOptions})
     */
    public ArimaBatch fitAll(double[][] series) {
        return fitAll(series, BatchOptions.defaults());
    }

    /**
     * Fits the model to every series, in parallel as {@code options} say (threads, progress,
     * cancellation). A series that cannot be fitted (too short, ±Infinity, null, no valid model)
     * is reported by {@link ArimaBatch#succeeded(int)} and {@link ArimaBatch#error(int)} and
     * never fails or stops the others. Series are copied out of the arrays a chunk at a time,
     * so the call holds no lock on the Java heap while fitting.
     *
     * @param series one array per series, oldest value first; NaN values are missing observations
     * @param options thread count, progress listener and cancellation token for the call
     * @return the per-series models and errors, in the order of the input series
     * @throws NullPointerException if {@code series} or {@code options} is null (a null series
     *     fails only itself)
     * @throws IllegalArgumentException if the specification is invalid (orders too large, mean
     *     or drift with the wrong d + D)
     * @throws java.util.concurrent.CancellationException if the call was cancelled by its
     *     token or by an interrupt of the calling thread (whose interrupt status stays set); no
     *     result is kept
     */
    public ArimaBatch fitAll(double[][] series, BatchOptions options) {
        return ModelSpecs.fitRows("Arima.fitAll", this, series, options, ArimaBatch::new);
    }

    /**
     * Fits the model to every series of a flat layout, in parallel over all cores:
     * {@link #fitAll(double[], int[], BatchOptions)} with {@link BatchOptions#defaults()}.
     *
     * @param values all series, concatenated; NaN values are missing observations
     * @param offsets start of each series in {@code values}, plus {@code values.length} at the end
     * @return the per-series models and errors, in the order of the input series
     */
    public ArimaBatch fitAll(double[] values, int[] offsets) {
        return fitAll(values, offsets, BatchOptions.defaults());
    }

    /**
     * Fits the model to every series of a flat layout (Arrow list arrays, as
     * {@link Rolling#applyMany}): series {@code j} is {@code values[offsets[j] .. offsets[j+1])},
     * so there are {@code offsets.length - 1} series and batch index {@code j} is series
     * {@code j}. No per-series arrays are needed, which suits millions of short series. Otherwise
     * as {@link #fitAll(double[][], BatchOptions)}.
     *
     * @param values all series, concatenated; NaN values are missing observations
     * @param offsets start of each series in {@code values}, plus {@code values.length} at the end
     * @param options thread count, progress listener and cancellation token for the call
     * @return the per-series models and errors, in the order of the input series
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if offsets do not start at 0, decrease, or do not end at
     *     {@code values.length}; or if the specification is invalid
     * @throws java.util.concurrent.CancellationException if the call was cancelled (see
     *     {@link BatchOptions})
     */
    public ArimaBatch fitAll(double[] values, int[] offsets, BatchOptions options) {
        return ModelSpecs.fitFlat("Arima.fitAll", this, values, offsets, options, ArimaBatch::new);
    }

    /** {p, d, q, P, D, Q, period}. */
    int[] orderArray() {
        return new int[] {p, d, q, seasonalP, seasonalD, seasonalQ, period};
    }

    boolean includeDriftFlag() {
        return includeDrift;
    }

    /** Whether a mean is estimated: the explicit choice, or R's default. */
    boolean meanFlag() {
        return includeMean != null ? includeMean : d + seasonalD == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Arima a && p == a.p && d == a.d && q == a.q && seasonalP == a.seasonalP
                && seasonalD == a.seasonalD && seasonalQ == a.seasonalQ && period == a.period
                && meanFlag() == a.meanFlag() && includeDrift == a.includeDrift;
    }

    @Override
    public int hashCode() {
        return Objects.hash(p, d, q, seasonalP, seasonalD, seasonalQ, period, meanFlag(), includeDrift);
    }

    /**
     * The spec text, R's notation: {@code arima(0,1,1)(0,1,1)[12]}, with {@code mean=} where it
     * differs from R's default (a mean exactly when d + D = 0) and {@code drift=true}; what
     * {@link ModelSpec#parse(String)} reads back to an equal spec.
     */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("arima(").append(p).append(',').append(d).append(',').append(q);
        if (meanFlag() != (d + seasonalD == 0)) {
            s.append(",mean=").append(meanFlag());
        }
        if (includeDrift) {
            s.append(",drift=true");
        }
        s.append(')');
        if (period > 0) {
            s.append('(').append(seasonalP).append(',').append(seasonalD).append(',').append(seasonalQ).append(")[")
                    .append(period).append(']');
        }
        return s.toString();
    }
}
