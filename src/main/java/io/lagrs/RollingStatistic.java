package io.lagrs;

/**
 * A statistic computed over a rolling window: the pandas {@code Series.rolling(...)} method of
 * the same name. Used with {@link Rolling#apply} and {@link Rolling#applyMany}; the named
 * methods of {@link Rolling} are shortcuts for the common ones.
 */
public final class RollingStatistic {
    /** Arithmetic mean (pandas {@code rolling().mean()}). */
    public static final RollingStatistic MEAN = new RollingStatistic(Kind.MEAN, Double.NaN);
    /** Sum (pandas {@code rolling().sum()}). */
    public static final RollingStatistic SUM = new RollingStatistic(Kind.SUM, Double.NaN);
    /** Sample variance, ddof = 1 (pandas {@code rolling().var()}). */
    public static final RollingStatistic VAR = new RollingStatistic(Kind.VAR, Double.NaN);
    /** Sample standard deviation, ddof = 1 (pandas {@code rolling().std()}). */
    public static final RollingStatistic STD = new RollingStatistic(Kind.STD, Double.NaN);
    /** Minimum (pandas {@code rolling().min()}). */
    public static final RollingStatistic MIN = new RollingStatistic(Kind.MIN, Double.NaN);
    /** Maximum (pandas {@code rolling().max()}). */
    public static final RollingStatistic MAX = new RollingStatistic(Kind.MAX, Double.NaN);
    /** Median (pandas {@code rolling().median()}). */
    public static final RollingStatistic MEDIAN = new RollingStatistic(Kind.MEDIAN, Double.NaN);

    /** Codes shared with the native library (checked by NativeContractTest). */
    enum Kind { MEAN, SUM, VAR, STD, MIN, MAX, MEDIAN, QUANTILE }

    private final Kind kind;
    private final double q;

    private RollingStatistic(Kind kind, double q) {
        this.kind = kind;
        this.q = q;
    }

    /**
     * The q-quantile with linear interpolation (pandas {@code rolling().quantile(q)}).
     *
     * @param q the quantile, in [0, 1]; 0.5 is the median
     * @return the statistic for {@link Rolling#apply(RollingStatistic, double[], int, int)} and the
     *     other {@code apply} methods
     * @throws IllegalArgumentException if q is not in [0, 1]
     */
    public static RollingStatistic quantile(double q) {
        if (!(q >= 0.0 && q <= 1.0)) {
            throw new IllegalArgumentException("q must be in [0, 1], got " + q);
        }
        return new RollingStatistic(Kind.QUANTILE, q);
    }

    int code() {
        return kind.ordinal();
    }

    /** The quantile level, NaN for statistics other than a quantile. */
    double q() {
        return q;
    }

    @Override
    public String toString() {
        return kind == Kind.QUANTILE ? "quantile(" + q + ")" : kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
