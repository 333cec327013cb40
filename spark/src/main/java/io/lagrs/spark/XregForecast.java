package io.lagrs.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The driver side of {@link LagrsSpark#forecast(Dataset, Dataset, ForecastSpec)}: the checks of
 * the regressor columns in both Datasets, and the one shuffle that brings each series' history
 * and its future to the same partition ({@link XregPartition} reads them there). Both travel as
 * the chunk rows of the path without regressors ({@link SeriesChunks}), carrying the regressors
 * too: one row per run of a series' rows, not one per observation, and a plain scan of a Parquet
 * or ORC history is cut straight from its column batches ({@link ColumnarChunks}). Only the
 * columns the spec names are read as regressors; every other column is dropped here.
 */
final class XregForecast {
    private XregForecast() {
    }

    /** The names of {@link ForecastSpec#regressors(String...)}, checked and copied. */
    static String[] checkedNames(String... names) {
        String[] copy = Objects.requireNonNull(names, "names must not be null").clone();
        for (int j = 0; j < copy.length; j++) {
            Objects.requireNonNull(copy[j], "regressor names must not be null");
            if (copy[j].isEmpty()) {
                throw new IllegalArgumentException("regressor names must not be empty");
            }
            if (Arrays.asList(copy).subList(0, j).contains(copy[j])) {
                throw new IllegalArgumentException("regressor '" + copy[j] + "' is given twice");
            }
        }
        return copy;
    }

    /**
     * The history and the future of every series as chunk rows
     * {@code (id, t0, nullTimes, t[], v[], x[], f)} ({@link SeriesChunks#schema(DataType, int)}
     * and {@code f}: 0 history, 1 future, whose values are NaN), repartitioned by id and sorted
     * by id, {@code f} and first time.
     *
     * @throws IllegalArgumentException if the spec names no regressor, a regressor column is
     *     missing from either Dataset or not numeric, or the future's id or time column is
     *     missing or of another type than the input's
     */
    static Dataset<Row> rows(Dataset<Row> df, Dataset<Row> future, ForecastSpec spec, StructField idField,
            StructField timeField, StructField valueField, TimeKind kind) {
        String[] names = spec.regressors;
        if (names.length == 0) {
            throw new IllegalArgumentException("spec names no regressors: name them with ForecastSpec.regressors(...), "
                    + "or forecast without a future Dataset");
        }
        StructType futureSchema = future.schema();
        sameType(LagrsSpark.field(futureSchema, idField.name(), "future id"), idField);
        sameType(LagrsSpark.field(futureSchema, timeField.name(), "future time"), timeField);
        List<String> keys = List.of(idField.name(), timeField.name(), valueField.name());
        for (String name : names) {
            if (keys.contains(name)) {
                throw new IllegalArgumentException("regressor '" + name + "' is the id, time or value column");
            }
            numeric(LagrsSpark.field(df.schema(), name, "regressor"), "");
            numeric(LagrsSpark.field(futureSchema, name, "future regressor"), "future ");
        }
        Dataset<Row> history = ColumnarChunks.of(df, idField.name(), timeField.name(), valueField.name(), kind, null,
                names);
        if (history == null) {
            history = cut(df.select(columns(idField, timeField, kind,
                    col(LagrsSpark.quoted(valueField.name())).cast(DataTypes.DoubleType), names)), idField, names);
        }
        Dataset<Row> ahead = cut(future.select(columns(idField, timeField, kind, lit(null).cast(DataTypes.DoubleType),
                names)), idField, names);
        int n = spec.partitions() > 0 ? spec.partitions()
                : Integer.parseInt(df.sparkSession().conf().get("spark.sql.shuffle.partitions"));
        return history.withColumn("f", lit(0)).union(ahead.withColumn("f", lit(1)))
                .repartition(n, col("id")).sortWithinPartitions(col("id"), col("f"), col("t0"));
    }

    /** Rows {@code (id, t, v, x0 ..)} cut into chunk rows with the regressors. */
    private static Dataset<Row> cut(Dataset<Row> rows, StructField idField, String[] names) {
        return InternalPartitions.map(rows,
                new SeriesChunks.Cut(idField.dataType(), SeriesChunks.MAX_CHUNK, names.length, null),
                SeriesChunks.schema(idField.dataType(), names.length));
    }

    private static Column[] columns(StructField idField, StructField timeField, TimeKind kind, Column value,
            String[] names) {
        List<Column> out = new ArrayList<>(List.of(col(LagrsSpark.quoted(idField.name())).as("id"),
                kind.toLong(col(LagrsSpark.quoted(timeField.name()))).as("t"), value.as("v")));
        for (int j = 0; j < names.length; j++) {
            out.add(col(LagrsSpark.quoted(names[j])).cast(DataTypes.DoubleType).as("x" + j));
        }
        return out.toArray(new Column[0]);
    }

    private static void sameType(StructField future, StructField input) {
        if (!future.dataType().equals(input.dataType())) {
            throw new IllegalArgumentException("future column '" + future.name() + "' is "
                    + future.dataType().simpleString() + ", the input's is " + input.dataType().simpleString());
        }
    }

    private static void numeric(StructField field, String where) {
        if (!(field.dataType() instanceof NumericType)) {
            throw new IllegalArgumentException(where + "regressor column '" + field.name() + "' must be numeric, got "
                    + field.dataType().simpleString());
        }
    }
}
