package io.lagrs;

import java.util.Objects;

/**
 * Forecast accuracy measures on a test set (the held-back end of a series), as the M
 * competitions and R's {@code forecast::accuracy} define them. Pure Java, no native code.
 *
 * <p>Missing values (NaN) in the actuals or the forecasts drop that time point from the mean,
 * as {@code accuracy}'s {@code na.rm = TRUE}; a measure with no usable point is NaN.
 *
 * <pre>{@code
 * double mase = Accuracy.mase(train, actual, forecast.mean(), 12);
 * double smape = Accuracy.smape(actual, forecast.mean());
 * double cover = Accuracy.coverage(actual, forecast.lower(), forecast.upper());
 * }</pre>
 */
public final class Accuracy {
    private Accuracy() {
    }

    /**
     * Mean absolute scaled error (Hyndman and Koehler 2006), as {@code forecast::accuracy(f, x)}
     * on the test set: the mean of {@code |actual - forecast|} divided by the in-sample mean
     * absolute error of the seasonal naive forecast on {@code train}, i.e. the mean of
     * {@code |train[t] - train[t - m]|} with {@code m = period} when {@code period > 1}, and of
     * the first differences ({@code m = 1}) otherwise. Values below 1 beat the (seasonal) naive
     * method on the training data. The M4 competition uses the same scaling.
     *
     * @param train the data the forecast was made from (NaN allowed: pairs with a NaN are skipped)
     * @param actual the held-back values
     * @param forecast the point forecasts of the held-back values, same length as {@code actual}
     * @param period the seasonal period (1 or less: non-seasonal)
     * @return the MASE; +Infinity when the training data do not change over the lag (scale 0,
     *     nonzero errors) and NaN when there is nothing to measure, as R
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if {@code actual} and {@code forecast} differ in length
     */
    public static double mase(double[] train, double[] actual, double[] forecast, int period) {
        Objects.requireNonNull(train, "train must not be null");
        sameLength(actual, "actual", forecast, "forecast");
        double scale = naiveScale(train, period);
        double sum = 0;
        int n = 0;
        for (int i = 0; i < actual.length; i++) {
            double e = Math.abs(actual[i] - forecast[i]) / scale;
            if (!Double.isNaN(e)) {
                sum += e;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /**
     * The MASE scale: the in-sample mean absolute error of the seasonal naive forecast
     * ({@code m = period} when {@code period > 1}, else the naive forecast, {@code m = 1}),
     * {@code mean(abs(diff(train, lag = m)), na.rm = TRUE)} in R.
     *
     * @param train the in-sample series the forecasts were made from, oldest first; a difference
     *     involving NaN is skipped
     * @param period the seasonal period; values up to 1 mean the non-seasonal naive forecast
     * @return the scale; NaN when {@code train} has no pair {@code m} apart without NaN
     * @throws NullPointerException if train is null
     */
    public static double naiveScale(double[] train, int period) {
        Objects.requireNonNull(train, "train must not be null");
        int lag = Math.max(1, period);
        double sum = 0;
        int n = 0;
        for (int t = lag; t < train.length; t++) {
            double d = Math.abs(train[t] - train[t - lag]);
            if (!Double.isNaN(d)) {
                sum += d;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /**
     * Symmetric mean absolute percentage error, in percent (0 to 200), as the M3 and M4
     * competitions define it: the mean of {@code 200 * |actual - forecast| / (|actual| +
     * |forecast|)}. A point where actual and forecast are both 0 counts as a perfect forecast
     * (0), as in Nixtla's {@code utilsforecast.losses.smape}; R's {@code forecast::accuracy}
     * does not report sMAPE.
     *
     * @param actual the observed values; a point where any argument is NaN is skipped
     * @param forecast the point forecasts, as long as {@code actual}
     * @return the sMAPE in percent, NaN when no point is left
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public static double smape(double[] actual, double[] forecast) {
        sameLength(actual, "actual", forecast, "forecast");
        double sum = 0;
        int n = 0;
        for (int i = 0; i < actual.length; i++) {
            double a = actual[i];
            double f = forecast[i];
            if (Double.isNaN(a) || Double.isNaN(f)) {
                continue;
            }
            double denominator = Math.abs(a) + Math.abs(f);
            sum += denominator == 0 ? 0 : 200 * Math.abs(a - f) / denominator;
            n++;
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /**
     * The share (0 to 1) of actual values inside their prediction interval
     * {@code [lower, upper]} (bounds included): the empirical coverage that the M4
     * competition compares with the nominal level (its "ACD" is
     * {@code |coverage - level|}).
     *
     * @param actual the observed values; a point where any argument is NaN is skipped
     * @param lower the lower interval bounds, as long as {@code actual}
     * @param upper the upper interval bounds, as long as {@code actual}
     * @return the fraction of points inside, NaN when no point is left
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public static double coverage(double[] actual, double[] lower, double[] upper) {
        sameLength(actual, "actual", lower, "lower");
        sameLength(actual, "actual", upper, "upper");
        int inside = 0;
        int n = 0;
        for (int i = 0; i < actual.length; i++) {
            if (Double.isNaN(actual[i]) || Double.isNaN(lower[i]) || Double.isNaN(upper[i])) {
                continue;
            }
            n++;
            if (actual[i] >= lower[i] && actual[i] <= upper[i]) {
                inside++;
            }
        }
        return n == 0 ? Double.NaN : (double) inside / n;
    }

    /**
     * Mean scaled interval score (Gneiting and Raftery 2007; the M4 competition's MSIS) of the
     * central interval {@code [lower, upper]} with nominal coverage {@code level}: the mean of
     * {@code (upper - lower) + 2/alpha * (lower - actual) * [actual < lower] + 2/alpha *
     * (actual - upper) * [actual > upper]}, {@code alpha = 1 - level}, divided by
     * {@link #naiveScale(double[], int)}. Lower is better.
     *
     * @param train the in-sample series the forecasts were made from, oldest first; a difference
     *     involving NaN is skipped
     * @param actual the observed values; a point where actual, lower or upper is NaN is skipped
     * @param lower the lower interval bounds, as long as {@code actual}
     * @param upper the upper interval bounds, as long as {@code actual}
     * @param level the nominal coverage of the intervals, in (0, 1), e.g. 0.95
     * @param period the seasonal period; values up to 1 mean the non-seasonal naive forecast
     * @return the MSIS; NaN when no point is left or the scale is NaN
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if the arrays differ in length or level is not in (0, 1)
     */
    public static double msis(double[] train, double[] actual, double[] lower, double[] upper,
            double level, int period) {
        Objects.requireNonNull(train, "train must not be null");
        sameLength(actual, "actual", lower, "lower");
        sameLength(actual, "actual", upper, "upper");
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        }
        double alpha = 1 - level;
        double scale = naiveScale(train, period);
        double sum = 0;
        int n = 0;
        for (int i = 0; i < actual.length; i++) {
            double a = actual[i];
            double score = upper[i] - lower[i]
                    + (a < lower[i] ? 2 / alpha * (lower[i] - a) : 0)
                    + (a > upper[i] ? 2 / alpha * (a - upper[i]) : 0);
            if (!Double.isNaN(score) && !Double.isNaN(a)) {
                sum += score / scale;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private static void sameLength(double[] a, String aName, double[] b, String bName) {
        Objects.requireNonNull(a, aName + " must not be null");
        Objects.requireNonNull(b, bName + " must not be null");
        if (a.length != b.length) {
            throw new IllegalArgumentException(aName + " and " + bName + " must have the same length, got "
                    + a.length + " and " + b.length);
        }
    }
}
