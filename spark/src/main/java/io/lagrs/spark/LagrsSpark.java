package io.lagrs.spark;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * lagrs on Spark: forecasts and features for every series of a long-format DataFrame (one row
 * per series, time and value), computed by the native library on the executors.
 *
 * <p>How the work is spread: for forecasts, runs of consecutive rows of one key are first cut
 * into chunk rows (one per series when the input is stored series by series), the chunks are
 * repartitioned by series key and sorted within each partition by key, and each partition is
 * streamed once: the chunks of one key form a series, series are gathered into batches of
 * {@link ForecastSpec#batchSize()} and each batch goes to one native call per model that fits
 * and forecasts all its series in parallel. One shuffle, one sort, no per-series Spark overhead; a partition holds one
 * batch at a time. An input that is a plain scan of a columnar source (a Parquet file as read) is
 * cut into chunks straight from its column batches ({@link ColumnarChunks}). Features shuffle and
 * sort the rows themselves (one output row per input row).
 *
 * <p>The executors need the lagrs jar and the native jar of their platform on their classpath
 * (for example {@code spark-submit --jars lagrs.jar,lagrs-linux-x86_64.jar,...}); see
 * {@code docs/SPARK.md}.
 */
public final class LagrsSpark {
    /** The output columns of {@link #forecast} after the id and time columns. */
    static final List<String> FORECAST_COLUMNS = List.of("step", "mean", "lower", "upper", "model", "error", "spec");

    private LagrsSpark() {
    }

    /**
     * Fits each model of {@code spec} to every series of {@code df} and forecasts
     * {@link ForecastSpec#horizon()} steps past each series' last time.
     *
     * <p>The result has one row per series, step and model, with columns
     * <ul>
     * <li>the id column, under its own name and type;</li>
     * <li>the time column, under its own name and type: the future time of this step, one
     *     inferred time step after another (see below);</li>
     * <li>{@code step} (int, 1 to horizon);</li>
     * <li>{@code mean} (double): the point forecast;</li>
     * <li>{@code lower}, {@code upper} (array&lt;double&gt;): the prediction interval bounds, one
     *     per level of {@link ForecastSpec#levels()}, in that order;</li>
     * <li>{@code model} (string): the model fitted, as R names it, e.g.
     *     {@code ARIMA(0,1,1)(0,1,1)[12]} or {@code Seasonal naive method} (with
     *     {@link ForecastSpec#autoArima}, the model chosen for this series; with a fallback, the
     *     one that was fitted);</li>
     * <li>{@code error} (string): null;</li>
     * <li>{@code spec} (string): the text of the spec that produced the row, one of
     *     {@link ForecastSpec#specs()}.</li>
     * </ul>
     * A series that a model cannot forecast gives exactly one row for that model instead, with
     * its id, the reason in {@code error}, the spec text in {@code model} and {@code spec}, and
     * nulls elsewhere; it never fails the job. Every input series is in the output, under every
     * model.
     *
     * <p>Times: within a series, the time step is inferred from the times (calendar months when
     * every time is on the same day of the month or every one on the last day of its month;
     * otherwise whole days for dates, or the raw difference); see docs/SPARK.md. Missing steps
     * are filled with missing values (NaN), as R's {@code arima} accepts them; a series whose
     * times are not on one regular grid, repeat, are null, or are fewer than two, gets an error
     * row. Null values are missing values. Timestamps use the session time zone for calendar
     * arithmetic; timestamp_ntz values are wall-clock times and need none.
     *
     * <p>Each series gets from each model exactly what {@code model.fit(series)} followed by
     * {@code forecast(horizon, levels)} gives it in one JVM: the same fit, the same forecast.
     *
     * @throws NullPointerException if {@code df} or {@code spec} is null
     * @throws IllegalArgumentException if a column is missing, the time column is not int,
     *     bigint, date, timestamp or timestamp_ntz, the value column is not numeric, or the id column is named
     *     like an output column
     */
    public static Dataset<Row> forecast(Dataset<Row> df, ForecastSpec spec) {
        return forecast(df, spec, null);
    }

    /**
     * {@link #forecast(Dataset, ForecastSpec)}, counting series, failures and the time spent in
     * native calls into {@code metrics} as the job runs (null: no counting).
     */
    public static Dataset<Row> forecast(Dataset<Row> df, ForecastSpec spec, ForecastMetrics metrics) {
        Objects.requireNonNull(df, "df must not be null");
        Objects.requireNonNull(spec, "spec must not be null");
        SeriesColumns columns = SeriesColumns.of(df.schema(), spec.idColumn(), spec.timeColumn(), spec.valueColumn(),
                FORECAST_COLUMNS);
        StructField idField = columns.id(), timeField = columns.time(), valueField = columns.value();
        TimeKind kind = columns.kind();
        if (spec.regressors.length > 0) {
            throw new IllegalArgumentException("spec has the regressors " + List.of(spec.regressors)
                    + ": their future values are needed, LagrsSpark.forecast(df, future, spec)");
        }

        Dataset<Row> sorted = sortedChunks(df, idField, timeField, valueField, kind, spec.partitions(), metrics);
        String zone = df.sparkSession().conf().get("spark.sql.session.timeZone");
        ForecastSpec resolved = spec.threads() > 0 ? spec : spec.threads(taskCpus(df.sparkSession()));
        return named(InternalPartitions.map(sorted,
                new ForecastPartition(resolved, idField.dataType(), kind, zone, metrics), rawSchema(idField, kind)),
                idField, timeField, kind);
    }

    /**
     * {@link #forecast(Dataset, ForecastSpec)} with the regressor columns of
     * {@link ForecastSpec#regressors(String...)} (regression with ARIMA errors: the models must
     * be {@code arima(...)} or {@code auto_arima(...)}): each series is fitted with its rows of
     * those columns of {@code df}, and forecast with their values in {@code future} at the
     * horizon's times, the rows of {@code future} with the same id and time columns (of the
     * same types). Only the named columns are regressors; other columns of either Dataset are
     * never read. The output is {@link #forecast(Dataset, ForecastSpec)}'s; each series gets
     * exactly what {@code model.fit(y, regressors)} and {@code forecast(h, levels, future)}
     * give it in one JVM.
     *
     * <p>A series fails alone (one error row per model, the message naming the series and the
     * time) when its history has a gap (a time of its grid without a row: its regressors there
     * are unknown), a regressor value is null or NaN, {@code future} has no row, two rows or a
     * null value at a time of the horizon, or the fit fails (a constant or collinear column).
     * Rows of {@code future} past the horizon are not read.
     *
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException as {@link #forecast(Dataset, ForecastSpec)}, if the spec
     *     names no regressor, or a regressor column is missing from either Dataset or not
     *     numeric, or {@code future}'s id or time column is missing or of another type (named)
     */
    public static Dataset<Row> forecast(Dataset<Row> df, Dataset<Row> future, ForecastSpec spec) {
        Objects.requireNonNull(df, "df must not be null");
        Objects.requireNonNull(future, "future must not be null");
        Objects.requireNonNull(spec, "spec must not be null");
        SeriesColumns columns = SeriesColumns.of(df.schema(), spec.idColumn(), spec.timeColumn(), spec.valueColumn(),
                FORECAST_COLUMNS);
        StructField idField = columns.id(), timeField = columns.time(), valueField = columns.value();
        TimeKind kind = columns.kind();
        Dataset<Row> rows = XregForecast.rows(df, future, spec, idField, timeField, valueField, kind);
        String zone = df.sparkSession().conf().get("spark.sql.session.timeZone");
        ForecastSpec resolved = spec.threads() > 0 ? spec : spec.threads(taskCpus(df.sparkSession()));
        return named(InternalPartitions.map(rows, new XregPartition(resolved, idField.dataType(), kind, zone),
                rawSchema(idField, kind)), idField, timeField, kind);
    }

    /** The rows the partition functions of {@link #forecast} make: id and time in their long form. */
    private static StructType rawSchema(StructField idField, TimeKind kind) {
        return new StructType()
                .add("id", idField.dataType(), true)
                .add("t", kind.longFormType(), true)
                .add("step", DataTypes.IntegerType, true)
                .add("mean", DataTypes.DoubleType, true)
                .add("lower", DataTypes.createArrayType(DataTypes.DoubleType, false), true)
                .add("upper", DataTypes.createArrayType(DataTypes.DoubleType, false), true)
                .add("model", DataTypes.StringType, false)
                .add("error", DataTypes.StringType, true)
                .add("spec", DataTypes.StringType, false);
    }

    /** The output of {@link #forecast}: the raw rows with the id and time columns named and typed as the input's. */
    private static Dataset<Row> named(Dataset<Row> raw, StructField idField, StructField timeField, TimeKind kind) {
        List<Column> columns = new ArrayList<>();
        columns.add(col("id").as(idField.name()));
        columns.add(kind.fromLong(col("t")).as(timeField.name()));
        for (String name : FORECAST_COLUMNS) {
            columns.add(col(name));
        }
        return raw.select(columns.toArray(new Column[0]));
    }

    /**
     * The series of {@code df} as chunk rows ({@link SeriesChunks}), repartitioned by key into
     * exactly {@code partitions} partitions (0: {@code spark.sql.shuffle.partitions}) and sorted
     * by key and first time.
     */
    private static Dataset<Row> sortedChunks(Dataset<Row> df, StructField idField, StructField timeField,
            StructField valueField, TimeKind kind, int partitions, ForecastMetrics metrics) {
        Dataset<Row> chunks = ColumnarChunks.of(df, idField.name(), timeField.name(), valueField.name(), kind,
                metrics);
        if (chunks == null) {
            Dataset<Row> input = df.select(
                    col(quoted(idField.name())).as("id"),
                    kind.toLong(col(quoted(timeField.name()))).as("t"),
                    col(quoted(valueField.name())).cast(DataTypes.DoubleType).as("v"));
            chunks = InternalPartitions.map(input, new SeriesChunks.Cut(idField.dataType(), metrics),
                    SeriesChunks.schema(idField.dataType()));
        }
        // Exactly this many partitions: a fixed number keeps adaptive execution from merging them,
        // and it would (one chunk row per series makes a small shuffle of hours of fitting).
        int n = partitions > 0 ? partitions
                : Integer.parseInt(df.sparkSession().conf().get("spark.sql.shuffle.partitions"));
        return chunks.repartition(n, col("id")).sortWithinPartitions(col("id"), col("t0"));
    }

    /**
     * Rolling-origin cross-validation of each model of {@code spec} on every series of
     * {@code df}, with the windows of {@link io.lagrs.CrossValidation} (statsforecast's
     * {@code cross_validation}): the long table the command line's {@code cv} writes, one row
     * per series, window and step, with columns
     * <ul>
     * <li>the id and time columns under their own names and types: the time forecast;</li>
     * <li>{@code cutoff} (the time column's type): the window's last training time;</li>
     * <li>{@code actual} (double): the value at that time (null where missing);</li>
     * <li>per model, {@link CvSpec#modelColumns()}: its spec text (the mean), then per level
     *     {@code text-lo-80}, {@code text-hi-80} (doubles; null where the family gives no
     *     interval);</li>
     * <li>{@code error} (string): null, or for each model that failed in this window
     *     {@code "text: reason"} (its columns are null in the window's rows).</li>
     * </ul>
     * A series whose times fit no regular grid (the rule of {@link #forecast}), or that is too
     * short for its windows, gives one row with its id, the reason in {@code error} and nulls
     * elsewhere; it never fails the job. Each series gets exactly what
     * {@link io.lagrs.CrossValidation#run} gives its values on the grid in one JVM.
     *
     * @throws NullPointerException if {@code df} or {@code spec} is null
     * @throws IllegalArgumentException if a column is missing or of a wrong type, or an output
     *     column would have the name of the id or time column
     */
    public static Dataset<Row> crossValidate(Dataset<Row> df, CvSpec spec) {
        Objects.requireNonNull(df, "df must not be null");
        Objects.requireNonNull(spec, "spec must not be null");
        List<String> outputs = new ArrayList<>(List.of("cutoff", "actual", "error"));
        outputs.addAll(spec.modelColumns());
        SeriesColumns series = SeriesColumns.of(df.schema(), spec.idColumn(), spec.timeColumn(), spec.valueColumn(),
                outputs);
        StructField idField = series.id(), timeField = series.time(), valueField = series.value();
        TimeKind kind = series.kind();
        Dataset<Row> sorted = sortedChunks(df, idField, timeField, valueField, kind, spec.partitions(), null);
        StructType out = new StructType().add("id", idField.dataType(), true).add("t", kind.longFormType(), true)
                .add("cutoff", kind.longFormType(), true).add("actual", DataTypes.DoubleType, true);
        List<String> models = spec.modelColumns();
        for (int c = 0; c < models.size(); c++) {
            out = out.add("c" + c, DataTypes.DoubleType, true);
        }
        out = out.add("error", DataTypes.StringType, true);
        CvSpec resolved = spec.threads() > 0 ? spec : spec.threads(taskCpus(df.sparkSession()));
        String zone = df.sparkSession().conf().get("spark.sql.session.timeZone");
        Dataset<Row> raw = InternalPartitions.map(sorted, new CvPartition(resolved, idField.dataType(), kind, zone),
                out);
        List<Column> columns = new ArrayList<>(List.of(col("id").as(idField.name()),
                kind.fromLong(col("t")).as(timeField.name()), kind.fromLong(col("cutoff")).as("cutoff"),
                col("actual")));
        for (int c = 0; c < models.size(); c++) {
            columns.add(col("c" + c).as(models.get(c)));
        }
        columns.add(col("error"));
        return raw.select(columns.toArray(new Column[0]));
    }

    /**
     * Computes the features of {@code spec} for every row of every series of {@code df}.
     *
     * <p>The result has one row per input row, with the id, time and value columns under their
     * own names (id and time keep their types; the value becomes a double, null where it was
     * null) followed by one double column per feature, in the order they were added to the spec
     * ({@link FeatureSpec#featureNames()}). Within a series, rows are in time order and each
     * feature is computed over them as {@link io.lagrs.Lags} and {@link io.lagrs.Rolling} compute
     * it over an array (null values are missing values, NaN); rows of different series never
     * mix. The output's row order across series is not defined.
     *
     * @throws NullPointerException if {@code df} or {@code spec} is null
     * @throws IllegalArgumentException if a column is missing, the value column is not numeric,
     *     the spec has no features, or a feature column is named like an input column
     */
    public static Dataset<Row> features(Dataset<Row> df, FeatureSpec spec) {
        Objects.requireNonNull(df, "df must not be null");
        Objects.requireNonNull(spec, "spec must not be null");
        StructType schema = df.schema();
        StructField idField = field(schema, spec.idColumn(), "id");
        StructField timeField = field(schema, spec.timeColumn(), "time");
        StructField valueField = field(schema, spec.valueColumn(), "value");
        requireNumeric(valueField);
        if (spec.featureNames().isEmpty()) {
            throw new IllegalArgumentException("spec has no features: add lag, diff, rolling, ... to it");
        }
        List<String> inputNames = List.of(idField.name(), timeField.name(), valueField.name());
        if (new java.util.HashSet<>(inputNames).size() != 3) {
            throw new IllegalArgumentException("the id, time and value columns must differ, got " + inputNames);
        }
        for (String name : spec.featureNames()) {
            if (inputNames.contains(name)) {
                throw new IllegalArgumentException("feature column '" + name + "' has the name of an input column");
            }
        }

        Dataset<Row> input = df.select(
                col(quoted(idField.name())).as("id"),
                col(quoted(timeField.name())).as("time"),
                col(quoted(valueField.name())).cast(DataTypes.DoubleType).as("value"));
        Dataset<Row> sorted = repartition(input, spec.partitions()).sortWithinPartitions(col("id"), col("time"));

        StructType out = new StructType()
                .add(idField.name(), idField.dataType(), true)
                .add(timeField.name(), timeField.dataType(), true)
                .add(valueField.name(), DataTypes.DoubleType, true);
        for (String name : spec.featureNames()) {
            out = out.add(name, DataTypes.DoubleType, false);
        }
        return sorted.mapPartitions(new FeaturePartition(spec), Encoders.row(out));
    }

    /** The cores Spark reserves for each task ({@code spark.task.cpus}, default 1). */
    static int taskCpus(org.apache.spark.sql.SparkSession session) {
        return Math.max(1, session.sparkContext().getConf().getInt("spark.task.cpus", 1));
    }

    static Dataset<Row> repartition(Dataset<Row> input, int partitions) {
        return partitions > 0 ? input.repartition(partitions, col("id")) : input.repartition(col("id"));
    }

    /** The id and time columns are two, and neither takes the name of an output column. */
    /** The id, time and value columns a spec names, each checked as every entry point needs them. */
    private record SeriesColumns(StructField id, StructField time, StructField value, TimeKind kind) {
        static SeriesColumns of(StructType schema, String id, String time, String value, List<String> outputs) {
            StructField idField = field(schema, id, "id");
            StructField timeField = field(schema, time, "time");
            StructField valueField = field(schema, value, "value");
            TimeKind kind = TimeKind.of(timeField.dataType(), timeField.name());
            requireNumeric(valueField);
            requireDistinctKeys(idField, timeField, outputs);
            return new SeriesColumns(idField, timeField, valueField, kind);
        }
    }

    private static void requireDistinctKeys(StructField idField, StructField timeField, List<String> outputs) {
        for (String name : List.of(idField.name(), timeField.name())) {
            if (outputs.contains(name)) {
                throw new IllegalArgumentException("the id and time columns must not be named like an output column "
                        + outputs + ", got '" + name + "'");
            }
        }
        if (idField.name().equals(timeField.name())) {
            throw new IllegalArgumentException("the id and time columns must differ, got '" + idField.name() + "' twice");
        }
    }

    static StructField field(StructType schema, String name, String role) {
        for (StructField f : schema.fields()) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException(role + " column '" + name + "' is not in the input; its columns are "
                + String.join(", ", schema.fieldNames()));
    }

    static void requireNumeric(StructField field) {
        DataType type = field.dataType();
        if (!(type instanceof NumericType)) {
            throw new IllegalArgumentException("value column '" + field.name() + "' must be numeric, got "
                    + type.simpleString());
        }
    }

    /** A column reference that takes {@code name} literally (dots and all). */
    static String quoted(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
