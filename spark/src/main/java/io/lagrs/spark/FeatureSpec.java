package io.lagrs.spark;

import io.lagrs.RollingStatistic;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Which per-series features {@link LagrsSpark#features} computes: lags, differences, percent
 * changes, rolling-window statistics and exponentially weighted means, each a new column named
 * after what it is ({@code lag_12}, {@code rolling_mean_12}, {@code rolling_q90_12},
 * {@code ewm_mean_0_3}, ...). Immutable and serializable; each method returns a new
 * specification with one more feature.
 *
 * <pre>{@code
 * FeatureSpec spec = FeatureSpec.columns("sku", "month", "sales")
 *         .lag(1).lag(12).diff(12)
 *         .rolling(RollingStatistic.MEAN, 12)
 *         .rolling(RollingStatistic.quantile(0.9), 12, 6);
 * }</pre>
 *
 * <p>Every feature is computed within one series over its rows in time order, with the
 * semantics of {@link io.lagrs.Lags} and {@link io.lagrs.Rolling} (pandas'
 * {@code groupby(id).shift(k)}, {@code .diff(k)}, {@code .pct_change(k)},
 * {@code .rolling(w, min_periods).stat()}, {@code .ewm(alpha).mean()}): a lag of {@code k} is
 * the value {@code k} rows earlier, whatever the times; windows never reach into another series.
 */
public final class FeatureSpec implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Series per native call unless {@link #batchSize(int)} says otherwise. */
    public static final int DEFAULT_BATCH_SIZE = 2048;

    /** One feature: kind, its parameters, its column name. */
    record Feature(Kind kind, int k, String statistic, int minPeriods, double alpha, String name)
            implements Serializable {
    }

    enum Kind { LAG, DIFF, PCT_CHANGE, ROLLING, EWM_MEAN }

    private final String idColumn;
    private final String timeColumn;
    private final String valueColumn;
    private final List<Feature> features;
    private final int batchSize;
    private final int partitions;

    private FeatureSpec(String idColumn, String timeColumn, String valueColumn, List<Feature> features, int batchSize,
            int partitions) {
        this.idColumn = idColumn;
        this.timeColumn = timeColumn;
        this.valueColumn = valueColumn;
        this.features = features;
        this.batchSize = batchSize;
        this.partitions = partitions;
    }

    /**
     * A specification with no features yet, reading series key {@code id} (any orderable type),
     * {@code time} (any orderable type; it only orders the rows) and {@code value} (numeric; null
     * is a missing value).
     *
     * @throws NullPointerException if a name is null
     */
    public static FeatureSpec columns(String id, String time, String value) {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(time, "time must not be null");
        Objects.requireNonNull(value, "value must not be null");
        return new FeatureSpec(id, time, value, List.of(), DEFAULT_BATCH_SIZE, 0);
    }

    /**
     * Adds {@code lag_k}: the value {@code k} rows earlier in the series, NaN for the first
     * {@code k} rows ({@link io.lagrs.Lags#lag}).
     *
     * @throws IllegalArgumentException if {@code k < 0} or the column name is already taken
     */
    public FeatureSpec lag(int k) {
        return with(new Feature(Kind.LAG, nonNegative(k), null, 0, Double.NaN, "lag_" + k));
    }

    /**
     * Adds {@code diff_k}: the value minus the value {@code k} rows earlier ({@link io.lagrs.Lags#diff}).
     *
     * @throws IllegalArgumentException if {@code k < 0} or the column name is already taken
     */
    public FeatureSpec diff(int k) {
        return with(new Feature(Kind.DIFF, nonNegative(k), null, 0, Double.NaN, "diff_" + k));
    }

    /**
     * Adds {@code pct_change_k}: the value over the value {@code k} rows earlier, minus one
     * ({@link io.lagrs.Lags#pctChange}).
     *
     * @throws IllegalArgumentException if {@code k < 0} or the column name is already taken
     */
    public FeatureSpec pctChange(int k) {
        return with(new Feature(Kind.PCT_CHANGE, nonNegative(k), null, 0, Double.NaN, "pct_change_" + k));
    }

    /**
     * Adds {@code rolling_<statistic>_<window>} over windows of {@code window} rows ending at each
     * row, NaN until {@code window} values are present.
     *
     * @throws NullPointerException if {@code statistic} is null
     * @throws IllegalArgumentException if {@code window < 1} or the column name is already taken
     */
    public FeatureSpec rolling(RollingStatistic statistic, int window) {
        return rolling(statistic, window, window);
    }

    /**
     * Adds {@code rolling_<statistic>_<window>} ({@link io.lagrs.Rolling#applyMany}): NaN where
     * the window holds fewer than {@code minPeriods} non-NaN values. Quantiles are named by
     * percent: {@code quantile(0.9)} over 12 rows is {@code rolling_q90_12}.
     *
     * @throws NullPointerException if {@code statistic} is null
     * @throws IllegalArgumentException if {@code window < 1}, {@code minPeriods} is not in
     *     {@code [0, window]}, or the column name is already taken
     */
    public FeatureSpec rolling(RollingStatistic statistic, int window, int minPeriods) {
        Objects.requireNonNull(statistic, "statistic must not be null");
        if (window < 1) {
            throw new IllegalArgumentException("window must be >= 1, got " + window);
        }
        if (minPeriods < 0 || minPeriods > window) {
            throw new IllegalArgumentException("minPeriods must be in [0, window=" + window + "], got " + minPeriods);
        }
        String stat = statistic.toString();
        parseStatistic(stat); // the executors rebuild it from this text: make sure they can
        return with(new Feature(Kind.ROLLING, window, stat, minPeriods, Double.NaN,
                "rolling_" + statisticName(stat) + "_" + window));
    }

    /**
     * Adds {@code ewm_mean_<alpha>} (dots as underscores, e.g. {@code ewm_mean_0_3}): the
     * exponentially weighted mean with smoothing {@code alpha} ({@link io.lagrs.Rolling#ewmMean},
     * pandas {@code ewm(alpha=alpha, adjust=True).mean()}).
     *
     * @throws IllegalArgumentException if {@code alpha} is not in (0, 1] or the name is taken
     */
    public FeatureSpec ewmMean(double alpha) {
        if (!(alpha > 0.0 && alpha <= 1.0)) {
            throw new IllegalArgumentException("alpha must be in (0, 1], got " + alpha);
        }
        return with(new Feature(Kind.EWM_MEAN, 0, null, 0, alpha, "ewm_mean_" + plain(alpha)));
    }

    /**
     * Series per native call.
     *
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public FeatureSpec batchSize(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + n);
        }
        return new FeatureSpec(idColumn, timeColumn, valueColumn, features, n, partitions);
    }

    /**
     * Partitions to spread the series over; 0 (the default) uses {@code spark.sql.shuffle.partitions}.
     *
     * @throws IllegalArgumentException if {@code n < 0}
     */
    public FeatureSpec partitions(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("partitions must be >= 0, got " + n);
        }
        return new FeatureSpec(idColumn, timeColumn, valueColumn, features, batchSize, n);
    }

    /** The series key column. */
    public String idColumn() {
        return idColumn;
    }

    /** The time column. */
    public String timeColumn() {
        return timeColumn;
    }

    /** The value column. */
    public String valueColumn() {
        return valueColumn;
    }

    /** The feature columns' names, in output order. */
    public List<String> featureNames() {
        List<String> names = new ArrayList<>();
        for (Feature f : features) {
            names.add(f.name());
        }
        return names;
    }

    /** Series per native call. */
    public int batchSize() {
        return batchSize;
    }

    /** Partitions to spread the series over; 0 = {@code spark.sql.shuffle.partitions}. */
    public int partitions() {
        return partitions;
    }

    List<Feature> features() {
        return features;
    }

    @Override
    public String toString() {
        return "FeatureSpec[columns=(" + idColumn + ", " + timeColumn + ", " + valueColumn + "), features="
                + featureNames() + "]";
    }

    private FeatureSpec with(Feature feature) {
        if (featureNames().contains(feature.name())) {
            throw new IllegalArgumentException("feature column '" + feature.name() + "' is already in the specification");
        }
        List<Feature> more = new ArrayList<>(features);
        more.add(feature);
        return new FeatureSpec(idColumn, timeColumn, valueColumn, Collections.unmodifiableList(more), batchSize,
                partitions);
    }

    private static int nonNegative(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("k must be >= 0, got " + k);
        }
        return k;
    }

    /** {@link RollingStatistic#toString()} back to the statistic ("mean", "quantile(0.9)", ...). */
    static RollingStatistic parseStatistic(String text) {
        switch (text) {
            case "mean": return RollingStatistic.MEAN;
            case "sum": return RollingStatistic.SUM;
            case "var": return RollingStatistic.VAR;
            case "std": return RollingStatistic.STD;
            case "min": return RollingStatistic.MIN;
            case "max": return RollingStatistic.MAX;
            case "median": return RollingStatistic.MEDIAN;
            default:
                if (text.startsWith("quantile(") && text.endsWith(")")) {
                    return RollingStatistic.quantile(Double.parseDouble(text.substring(9, text.length() - 1)));
                }
                throw new IllegalArgumentException("unknown rolling statistic " + text);
        }
    }

    private static String statisticName(String text) {
        if (text.startsWith("quantile(")) {
            BigDecimal percent = new BigDecimal(text.substring(9, text.length() - 1)).movePointRight(2);
            return "q" + percent.stripTrailingZeros().toPlainString().replace('.', '_');
        }
        return text;
    }

    private static String plain(double x) {
        return new BigDecimal(Double.toString(x)).stripTrailingZeros().toPlainString().replace('.', '_');
    }
}
