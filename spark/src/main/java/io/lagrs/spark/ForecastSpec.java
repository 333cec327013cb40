package io.lagrs.spark;

import io.lagrs.Arima;
import io.lagrs.AutoArima;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * What {@link LagrsSpark#forecast} fits and forecasts: the model, the horizon, the prediction
 * interval levels, the input column names and how work is batched. Immutable and serializable
 * (it travels to the executors); each {@code with}-style method returns a new specification.
 *
 * <pre>{@code
 * ForecastSpec spec = ForecastSpec.arima(0, 1, 1).seasonal(0, 1, 1, 12)
 *         .columns("sku", "month", "sales")
 *         .horizon(12)
 *         .levels(0.8, 0.95);
 * }</pre>
 *
 * <p>Defaults: columns {@code id, time, value}; horizon 1; one level, 0.95; batches of
 * {@value #DEFAULT_BATCH_SIZE} series per native call; as many partitions as
 * {@code spark.sql.shuffle.partitions}.
 */
public final class ForecastSpec implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Series per native {@code fitAll} call unless {@link #batchSize(int)} says otherwise. */
    public static final int DEFAULT_BATCH_SIZE = 2048;

    // The model is kept as plain numbers: io.lagrs.Arima and AutoArima are not serializable.
    private final int[] order; // p, d, q, P, D, Q, period
    /** 0: the fixed order above; >= 1: automatic order selection with this seasonal period. */
    private final int autoPeriod;
    private final Boolean includeMean;
    private final boolean includeDrift;
    private final String idColumn;
    private final String timeColumn;
    private final String valueColumn;
    private final int horizon;
    private final double[] levels;
    private final int batchSize;
    private final int partitions;
    private final int threads;

    private ForecastSpec(int[] order, int autoPeriod, Boolean includeMean, boolean includeDrift, String idColumn,
            String timeColumn, String valueColumn, int horizon, double[] levels, int batchSize, int partitions,
            int threads) {
        this.threads = threads;
        this.order = order;
        this.autoPeriod = autoPeriod;
        this.includeMean = includeMean;
        this.includeDrift = includeDrift;
        this.idColumn = idColumn;
        this.timeColumn = timeColumn;
        this.valueColumn = valueColumn;
        this.horizon = horizon;
        this.levels = levels;
        this.batchSize = batchSize;
        this.partitions = partitions;
    }

    /**
     * A fixed-order ARIMA(p, d, q) for every series, as {@link Arima#order(int, int, int)}
     * (R's {@code forecast::Arima(y, order = c(p, d, q))}).
     *
     * @throws IllegalArgumentException if an order is negative
     */
    public static ForecastSpec arima(int p, int d, int q) {
        Arima.order(p, d, q); // validates, with the library's own messages
        return new ForecastSpec(new int[] {p, d, q, 0, 0, 0, 0}, 0, null, false, "id", "time", "value", 1,
                new double[] {0.95}, DEFAULT_BATCH_SIZE, 0, 0);
    }

    /**
     * Automatic order selection for every series, as {@link AutoArima} with R's defaults and
     * this seasonal period (R's {@code forecast::auto.arima(ts(y, frequency = period))}; 1 for
     * non-seasonal data). Each series gets its own model; the output's {@code model} column
     * says which.
     *
     * @throws IllegalArgumentException if {@code seasonalPeriod < 1}
     */
    public static ForecastSpec autoArima(int seasonalPeriod) {
        AutoArima.builder().seasonalPeriod(seasonalPeriod); // validates, with the library's own message
        return new ForecastSpec(new int[7], seasonalPeriod, null, false, "id", "time", "value", 1,
                new double[] {0.95}, DEFAULT_BATCH_SIZE, 0, 0);
    }

    /**
     * Adds a seasonal part, as {@link Arima#seasonal(int, int, int, int)}.
     *
     * @throws IllegalArgumentException if an order is negative, or {@code period < 2} with a
     *     positive seasonal order
     * @throws IllegalStateException on an {@link #autoArima} specification
     */
    public ForecastSpec seasonal(int seasonalP, int seasonalD, int seasonalQ, int period) {
        requireFixed("seasonal");
        toArima().seasonal(seasonalP, seasonalD, seasonalQ, period);
        int[] o = {order[0], order[1], order[2], seasonalP, seasonalD, seasonalQ, period};
        return new ForecastSpec(o, 0, includeMean, includeDrift, idColumn, timeColumn, valueColumn, horizon, levels,
                batchSize, partitions, threads);
    }

    /**
     * Whether to estimate an intercept, as {@link Arima#includeMean(boolean)}.
     *
     * @throws IllegalStateException on an {@link #autoArima} specification
     */
    public ForecastSpec includeMean(boolean include) {
        requireFixed("includeMean");
        return new ForecastSpec(order, autoPeriod, include, includeDrift, idColumn, timeColumn, valueColumn, horizon, levels,
                batchSize, partitions, threads);
    }

    /**
     * Whether to estimate a drift, as {@link Arima#includeDrift(boolean)}.
     *
     * @throws IllegalStateException on an {@link #autoArima} specification
     */
    public ForecastSpec includeDrift(boolean include) {
        requireFixed("includeDrift");
        return new ForecastSpec(order, autoPeriod, includeMean, include, idColumn, timeColumn, valueColumn, horizon, levels,
                batchSize, partitions, threads);
    }

    /**
     * The input columns: the series key (any orderable type; it is copied to the output as is),
     * the time (int, bigint, date, timestamp or timestamp_ntz) and the value (any numeric type; null is a
     * missing value).
     *
     * @throws NullPointerException if a name is null
     */
    public ForecastSpec columns(String id, String time, String value) {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(time, "time must not be null");
        Objects.requireNonNull(value, "value must not be null");
        return new ForecastSpec(order, autoPeriod, includeMean, includeDrift, id, time, value, horizon, levels, batchSize,
                partitions, threads);
    }

    /**
     * The number of steps to forecast past each series' last time.
     *
     * @throws IllegalArgumentException if {@code h < 1}
     */
    public ForecastSpec horizon(int h) {
        if (h < 1) {
            throw new IllegalArgumentException("horizon must be >= 1, got " + h);
        }
        return new ForecastSpec(order, autoPeriod, includeMean, includeDrift, idColumn, timeColumn, valueColumn, h, levels,
                batchSize, partitions, threads);
    }

    /**
     * The prediction interval levels, e.g. {@code 0.8, 0.95}; the output's {@code lower} and
     * {@code upper} arrays list the bounds in this order. No levels: empty arrays.
     *
     * @throws NullPointerException if {@code levels} is null
     * @throws IllegalArgumentException if a level is not in (0, 1)
     */
    public ForecastSpec levels(double... levels) {
        Objects.requireNonNull(levels, "levels must not be null");
        for (double level : levels) {
            if (!(level > 0.0 && level < 1.0)) {
                throw new IllegalArgumentException("levels must be in (0, 1), got " + level);
            }
        }
        return new ForecastSpec(order, autoPeriod, includeMean, includeDrift, idColumn, timeColumn, valueColumn, horizon,
                levels.clone(), batchSize, partitions, threads);
    }

    /**
     * The number of series fitted by one native call (in parallel over the executor's cores).
     * Larger batches amortise the call; smaller ones hold less data at once.
     *
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public ForecastSpec batchSize(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + n);
        }
        return new ForecastSpec(order, autoPeriod, includeMean, includeDrift, idColumn, timeColumn, valueColumn, horizon, levels,
                n, partitions, threads);
    }

    /**
     * The number of partitions the series are spread over; 0 (the default) uses
     * {@code spark.sql.shuffle.partitions}. The forecast runs on exactly that many partitions:
     * adaptive query execution does not merge them (the shuffle is small, one row per series
     * when the input is stored series by series, but fitting it is not).
     *
     * @throws IllegalArgumentException if {@code n < 0}
     */
    public ForecastSpec partitions(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("partitions must be >= 0, got " + n);
        }
        return new ForecastSpec(order, autoPeriod, includeMean, includeDrift, idColumn, timeColumn, valueColumn, horizon, levels,
                batchSize, n, threads);
    }

    /**
     * Threads per native batch call ({@link io.lagrs.BatchOptions#threads}); 0 (the default)
     * uses the cores Spark gives each task, {@code spark.task.cpus} (itself 1 by default). Spark
     * runs as many tasks at once on an executor as it has cores divided by
     * {@code spark.task.cpus}, each making its own native calls: a call asking for every core
     * would put one thread per core per running task on the machine, and the calls would slow
     * each other down. Set it higher only when the executor runs fewer tasks than it has cores.
     *
     * @throws IllegalArgumentException if {@code n < 0} or above {@code BatchOptions.MAX_THREADS}
     */
    public ForecastSpec threads(int n) {
        if (n < 0 || n > io.lagrs.BatchOptions.MAX_THREADS) {
            throw new IllegalArgumentException("threads must be in [0, " + io.lagrs.BatchOptions.MAX_THREADS
                    + "], got " + n);
        }
        return new ForecastSpec(order, autoPeriod, includeMean, includeDrift, idColumn, timeColumn, valueColumn,
                horizon, levels, batchSize, partitions, n);
    }

    /** Threads per native batch call; 0 = {@code spark.task.cpus}. */
    public int threads() {
        return threads;
    }

    /**
     * The single-JVM specification every series is fitted with. (Not an {@code arima()}
     * overload of the static factory: Py4J, which PySpark uses, cannot call a static method that
     * shares its name with an instance method.)
     *
     * @throws IllegalStateException on an {@link #autoArima} specification
     */
    public Arima toArima() {
        requireFixed("toArima");
        Arima a = Arima.order(order[0], order[1], order[2]);
        if (order[3] + order[4] + order[5] > 0 || order[6] > 0) {
            a = a.seasonal(order[3], order[4], order[5], order[6]);
        }
        if (includeMean != null) {
            a = a.includeMean(includeMean);
        }
        return a.includeDrift(includeDrift);
    }

    /** Whether each series' order is chosen automatically ({@link #autoArima}). */
    public boolean isAuto() {
        return autoPeriod > 0;
    }

    /**
     * The single-JVM automatic specification every series is fitted with.
     *
     * @throws IllegalStateException on a fixed-order specification
     */
    public AutoArima toAutoArima() {
        if (!isAuto()) {
            throw new IllegalStateException("toAutoArima: this is a fixed-order specification, " + modelName());
        }
        return AutoArima.builder().seasonalPeriod(autoPeriod).build();
    }

    private void requireFixed(String method) {
        if (isAuto()) {
            throw new IllegalStateException(method + " applies to a fixed-order specification, not to autoArima("
                    + autoPeriod + ")");
        }
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

    /** The forecast horizon in steps. */
    public int horizon() {
        return horizon;
    }

    /** The prediction interval levels (a copy). */
    public double[] levels() {
        return levels.clone();
    }

    /** Series per native call. */
    public int batchSize() {
        return batchSize;
    }

    /** Partitions to spread the series over; 0 = {@code spark.sql.shuffle.partitions}. */
    public int partitions() {
        return partitions;
    }

    /**
     * The model as it appears in the output's {@code model} column, e.g.
     * {@code ARIMA(0,1,1)(0,1,1)[12]}; for {@link #autoArima} specifications
     * {@code auto.arima(period=12)} (in error rows; forecast rows name the model chosen).
     */
    public String modelName() {
        return isAuto() ? "auto.arima(period=" + autoPeriod + ")" : toArima().toString();
    }

    @Override
    public String toString() {
        return "ForecastSpec[" + modelName() + ", columns=(" + idColumn + ", " + timeColumn + ", " + valueColumn
                + "), horizon=" + horizon + ", levels=" + Arrays.toString(levels) + ", batchSize=" + batchSize
                + ", partitions=" + partitions + ", threads=" + threads + "]";
    }
}
