package io.lagrs.spark;

import io.lagrs.Arima;
import io.lagrs.AutoArima;
import io.lagrs.ModelSpec;
import io.lagrs.table.Defaults;
import io.lagrs.table.SeasonalSpec;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Dataset;

/**
 * What {@link LagrsSpark#forecast} fits and forecasts: one or several models, the horizon, the
 * prediction interval levels, the input column names and how work is batched. Immutable and
 * serializable (it travels to the executors); each {@code with}-style method returns a new
 * specification.
 *
 * <pre>{@code
 * ForecastSpec spec = ForecastSpec.arima(0, 1, 1).seasonal(0, 1, 1, 12)
 *         .columns("sku", "month", "sales")
 *         .horizon(12)
 *         .levels(0.8, 0.95);
 * ForecastSpec several = ForecastSpec.model("auto_arima[12]", "snaive[12]", "naive")
 *         .columns("sku", "month", "sales")
 *         .horizon(12);
 * }</pre>
 *
 * <p>Models are held as their spec texts ({@link ModelSpec#toString()}, read by
 * {@link ModelSpec#parse(String)}), in canonical form: a text travels to the executors as it
 * is, and the native batch call reads it there.
 *
 * <p>Defaults, whichever factory made the specification: columns {@code id, time, value}; the
 * library's horizon and levels ({@link Defaults}, the same as the command line's and
 * {@link io.lagrs.table.Forecaster}'s): twice each series' season (from its time grid; 10 steps
 * without one) and levels 0.8 and 0.95; batches of {@value #DEFAULT_BATCH_SIZE} series per native
 * call; as many partitions as {@code spark.sql.shuffle.partitions}.
 */
public final class ForecastSpec implements Serializable {
    private static final long serialVersionUID = 4L;

    /** Series per native call unless {@link #batchSize(int)} says otherwise. */
    public static final int DEFAULT_BATCH_SIZE = 2048;

    // Texts, not io.lagrs specs: those are not serializable, and a text is what the native call takes.
    private final String[] specs;
    private final String idColumn;
    private final String timeColumn;
    private final String valueColumn;
    private final int horizon;
    private final double[] levels;
    private final int batchSize;
    private final int partitions;
    private final int threads;
    /** {@link #PER_SEASON}, {@link #NON_NEGATIVE}. */
    private final int flags;
    private static final int PER_SEASON = 1;
    private static final int NON_NEGATIVE = 2;
    final String[] regressors; // read by XregForecast

    private ForecastSpec(String[] specs, String idColumn, String timeColumn, String valueColumn, int horizon,
            double[] levels, int batchSize, int partitions, int threads, int flags, String[] regressors) {
        this.specs = specs;
        this.idColumn = idColumn;
        this.timeColumn = timeColumn;
        this.valueColumn = valueColumn;
        this.horizon = horizon;
        this.levels = levels;
        this.batchSize = batchSize;
        this.partitions = partitions;
        this.threads = threads;
        this.flags = flags;
        this.regressors = regressors;
    }

    /**
     * The library's defaults ({@link Defaults}), the same as the command line's and
     * {@link io.lagrs.table.Forecaster}'s: the model {@value Defaults#MODEL} completed with each
     * series' season (from its time grid), twice the season as horizon (10 steps without one),
     * levels 0.8 and 0.95.
     *
     * @return the default specification, columns {@code id, time, value}
     */
    public static ForecastSpec defaults() {
        new SeasonalSpec(Defaults.MODEL); // read at once, on the driver
        return new ForecastSpec(new String[] {Defaults.MODEL}, "id", "time", "value", 0, Defaults.levels(),
                DEFAULT_BATCH_SIZE, 0, 0, PER_SEASON, new String[0]);
    }

    /**
     * Bounds forecasts and interval bounds at zero (demand that cannot be negative): values below
     * zero are clipped to 0 after forecasting; the models are unchanged.
     *
     * @param on whether to clip
     * @return a new specification
     */
    public ForecastSpec nonNegative(boolean on) {
        return new ForecastSpec(specs, idColumn, timeColumn, valueColumn, horizon, levels, batchSize, partitions,
                threads, on ? flags | NON_NEGATIVE : flags & ~NON_NEGATIVE, regressors);
    }

    /** @return whether forecasts are clipped at zero ({@link #nonNegative(boolean)}) */
    public boolean isNonNegative() {
        return (flags & NON_NEGATIVE) != 0;
    }

    /** Whether the model texts are completed with each series' season ({@link #defaults()}). */
    boolean perSeason() {
        return (flags & PER_SEASON) != 0;
    }

    private static ForecastSpec ofTexts(String[] canonical) {
        // horizon 0: each series' own default, from its season (ForecastPartition)
        return new ForecastSpec(canonical, "id", "time", "value", 0, Defaults.levels(), DEFAULT_BATCH_SIZE, 0, 0, 0, new String[0]);
    }

    /**
     * Every series fitted and forecast with each of these models: the output has one row per
     * series, step and model, its {@code spec} column naming the model's text. A model may be of
     * any family ({@link Arima}, {@link AutoArima}, {@link io.lagrs.Baseline}, a fallback made
     * by {@link ModelSpec#withFallback}, or one read by {@link ModelSpec#parse(String)}).
     *
     * @throws NullPointerException if {@code specs} or one of them is null
     * @throws IllegalArgumentException if there are none, or two have the same text
     */
    public static ForecastSpec model(ModelSpec... specs) {
        Objects.requireNonNull(specs, "specs must not be null");
        String[] texts = new String[specs.length];
        for (int i = 0; i < specs.length; i++) {
            texts[i] = Objects.requireNonNull(specs[i], "specs[" + i + "] must not be null").toString();
        }
        return model(texts);
    }

    /**
     * {@link #model(ModelSpec...)} for spec texts such as {@code "auto_arima[12]"},
     * {@code "snaive[12]"}, {@code "arima(0,1,1)(0,1,1)[12]"} or
     * {@code "auto_arima[12]|snaive[12]"} (see {@link ModelSpec}); each is read at once, so a
     * text that is not a spec fails here, on the driver, and not in a task.
     *
     * @throws NullPointerException if {@code texts} or one of them is null
     * @throws IllegalArgumentException if there are none, a text is not a spec (the message
     *     quotes it, then the reader's reason), or two texts name the same spec
     */
    public static ForecastSpec model(String... texts) {
        return ofTexts(ModelTexts.canonical(texts));
    }

    /**
     * A fixed-order ARIMA(p, d, q) for every series, as {@link Arima#order(int, int, int)}
     * (R's {@code forecast::Arima(y, order = c(p, d, q))}); the text {@code arima(p,d,q)}.
     *
     * @throws IllegalArgumentException if an order is negative
     */
    public static ForecastSpec arima(int p, int d, int q) {
        return model(Arima.order(p, d, q)); // validates, with the library's own messages
    }

    /**
     * Automatic order selection for every series, as {@link AutoArima} with R's defaults and
     * this seasonal period (R's {@code forecast::auto.arima(ts(y, frequency = period))}; 1 for
     * non-seasonal data); the text {@code auto_arima[period]}. Each series gets its own model;
     * the output's {@code model} column says which.
     *
     * @throws IllegalArgumentException if {@code seasonalPeriod < 1}
     */
    public static ForecastSpec autoArima(int seasonalPeriod) {
        return model(AutoArima.builder().seasonalPeriod(seasonalPeriod).build());
    }

    /**
     * The recommended default: each series' family chosen from its demand pattern, the spec
     * text {@code auto[period]} ({@code auto} for period 1): intermittent series (Syntetos,
     * Boylan and Croston's ADI of at least 1.32, or no demand) get {@code croston_sba}, the
     * others auto-ARIMA with fallbacks (the rule of docs/API.md, "auto and auto[m]"). The
     * output's {@code model} column says which.
     *
     * @throws IllegalArgumentException if {@code seasonalPeriod < 1}
     */
    public static ForecastSpec auto(int seasonalPeriod) {
        return model(seasonalPeriod == 1 ? "auto" : "auto[" + seasonalPeriod + "]");
    }

    /**
     * Adds a seasonal part, as {@link Arima#seasonal(int, int, int, int)}.
     *
     * @throws IllegalArgumentException if an order is negative, or {@code period < 2} with a
     *     positive seasonal order
     * @throws IllegalStateException unless this specification is a single fixed-order ARIMA
     *     ({@link #toArima()})
     */
    public ForecastSpec seasonal(int seasonalP, int seasonalD, int seasonalQ, int period) {
        return withArima(arimaOf("seasonal").seasonal(seasonalP, seasonalD, seasonalQ, period));
    }

    /**
     * Whether to estimate an intercept, as {@link Arima#includeMean(boolean)}.
     *
     * @throws IllegalArgumentException if the order cannot have one (a mean with d + D > 0)
     * @throws IllegalStateException unless this specification is a single fixed-order ARIMA
     */
    public ForecastSpec includeMean(boolean include) {
        return withArima(arimaOf("includeMean").includeMean(include));
    }

    /**
     * Whether to estimate a drift, as {@link Arima#includeDrift(boolean)}.
     *
     * @throws IllegalArgumentException if the order cannot have one (d + D > 1)
     * @throws IllegalStateException unless this specification is a single fixed-order ARIMA
     */
    public ForecastSpec includeDrift(boolean include) {
        return withArima(arimaOf("includeDrift").includeDrift(include));
    }

    private ForecastSpec withArima(Arima arima) {
        return new ForecastSpec(new String[] {ModelTexts.canonical(arima.toString())}, idColumn, timeColumn, valueColumn,
                horizon, levels, batchSize, partitions, threads, flags, regressors);
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
        return new ForecastSpec(specs, id, time, value, horizon, levels, batchSize, partitions, threads, flags, regressors);
    }

    /**
     * The number of steps to forecast past each series' last time, the same for every series;
     * without it, each series gets the default, twice its season ({@link Defaults#horizon}).
     *
     * @throws IllegalArgumentException if {@code h < 1}
     */
    public ForecastSpec horizon(int h) {
        if (h < 1) {
            throw new IllegalArgumentException("horizon must be >= 1, got " + h);
        }
        return new ForecastSpec(specs, idColumn, timeColumn, valueColumn, h, levels, batchSize, partitions, threads, flags, regressors);
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
        return new ForecastSpec(specs, idColumn, timeColumn, valueColumn, horizon,
                levels.clone(), batchSize, partitions, threads, flags, regressors);
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
        return new ForecastSpec(specs, idColumn, timeColumn, valueColumn, horizon, levels, n, partitions, threads, flags, regressors);
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
        return new ForecastSpec(specs, idColumn, timeColumn, valueColumn, horizon, levels, batchSize, n, threads, flags, regressors);
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
        return new ForecastSpec(specs, idColumn, timeColumn, valueColumn, horizon, levels, batchSize, partitions, n, flags, regressors);
    }

    /** Regressor columns, future values from a second Dataset: {@link LagrsSpark#forecast(Dataset, Dataset, ForecastSpec)}. */
    public ForecastSpec regressors(String... names) {
        return new ForecastSpec(specs, idColumn, timeColumn, valueColumn, horizon, levels, batchSize, partitions,
                threads, flags, XregForecast.checkedNames(names));
    }

    /** Threads per native batch call; 0 = {@code spark.task.cpus}. */
    public int threads() {
        return threads;
    }

    /**
     * The models' spec texts, in canonical form and in the order given: what the output's
     * {@code spec} column holds.
     */
    public List<String> specs() {
        return List.of(specs);
    }

    /** The models, read back from their texts, in the order given. */
    public List<ModelSpec> models() {
        return Arrays.stream(specs).map(ModelSpec::parse).toList();
    }

    /**
     * The single-JVM specification every series is fitted with, when this specification is a
     * single fixed-order ARIMA ({@link #arima} or its text). (Not an {@code arima()} overload of
     * the static factory: Py4J, which PySpark uses, cannot call a static method that shares its
     * name with an instance method.)
     *
     * @throws IllegalStateException for several models or a model of another kind
     */
    public Arima toArima() {
        return arimaOf("toArima");
    }

    private Arima arimaOf(String method) {
        return ArimaText.read(specs, method);
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

    /**
     * The forecast horizon in steps; 0, unless {@link #horizon(int)} set it: each series' default,
     * twice its season.
     */
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

    @Override
    public String toString() {
        return "ForecastSpec[models=" + Arrays.toString(specs) + ", columns=(" + idColumn + ", " + timeColumn + ", "
                + valueColumn + "), horizon=" + horizon + ", levels=" + Arrays.toString(levels) + ", batchSize="
                + batchSize + ", partitions=" + partitions + ", threads=" + threads
                + (perSeason() ? ", per-season" : "") + (isNonNegative() ? ", non-negative" : "")
                + (regressors.length > 0 ? ", regressors=" + Arrays.toString(regressors) : "") + "]";
    }
}
