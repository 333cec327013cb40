package io.lagrs.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.Attribute;
import org.apache.spark.sql.catalyst.expressions.NamedExpression;
import org.apache.spark.sql.execution.ColumnarToRowExec;
import org.apache.spark.sql.execution.InputAdapter;
import org.apache.spark.sql.execution.ProjectExec;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.WholeStageCodegenExec;
import org.apache.spark.sql.execution.vectorized.WritableColumnVector;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.vectorized.ColumnVector;
import org.apache.spark.sql.vectorized.ColumnarBatch;
import org.apache.spark.unsafe.types.UTF8String;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The chunk rows of a forecast's input read straight from its column batches, when the input is
 * a plain scan of a columnar source: a Parquet or ORC file read as it is (columns may be pruned
 * or reordered, not computed or filtered).
 *
 * <p>Spark reads such sources a batch of column vectors at a time and, for any row-wise step
 * after the scan, turns every observation into a row, projects it and wraps it for the
 * partition function. For cheap models that row-by-row work costs as much as the fits (for
 * ARIMA(1,1,1) on 100,000 monthly series it was most of the stage before the shuffle), and it
 * is unnecessary: cutting runs of one key into chunks only reads each column in order. Here the
 * scan's batches are read directly: the same values Spark's rows would carry (the vectors are
 * what those rows are made from), cut by the same {@link SeriesChunks} code.
 *
 * <p>Anything else (a filter, a computed column, a join, an aggregation, a source without
 * batches, a key or value type not read here) goes through Spark's rows as before; the results
 * are the same either way. The batches come from the scan's physical plan, which Spark-internal
 * classes describe (Spark 4.1): the forecast tests run both ways.
 */
final class ColumnarChunks {
    private ColumnarChunks() {
    }

    /**
     * The chunk rows ({@link SeriesChunks#schema}) of the id, time and value columns of
     * {@code df}, or null if {@code df} is not a plain scan of a columnar source (then its rows
     * must be cut instead).
     */
    static Dataset<Row> of(Dataset<Row> df, String idColumn, String timeColumn, String valueColumn, TimeKind kind,
            ForecastMetrics metrics) {
        return of(df, idColumn, timeColumn, valueColumn, kind, metrics, new String[0]);
    }

    /**
     * With the numeric columns {@code regressors}: chunk rows of
     * {@link SeriesChunks#schema(DataType, int)}, or null as above (or if a regressor's type is
     * not read here).
     */
    static Dataset<Row> of(Dataset<Row> df, String idColumn, String timeColumn, String valueColumn, TimeKind kind,
            ForecastMetrics metrics, String[] regressors) {
        if (!(df instanceof org.apache.spark.sql.classic.Dataset<Row> classic)) {
            return null;
        }
        List<String> names = List.of(df.schema().fieldNames());
        DataType idType = df.schema().apply(idColumn).dataType();
        Reading key = Reading.ofKey(idType);
        List<String> read = new ArrayList<>(List.of(idColumn, timeColumn, valueColumn));
        read.addAll(List.of(regressors));
        Reading[] values = new Reading[read.size() - 2]; // the value, then the regressors
        for (int c = 0; c < values.length; c++) {
            values[c] = Reading.ofValue(df.schema().apply(read.get(c + 2)).dataType());
            if (values[c] == null) {
                return null;
            }
        }
        if (key == null) {
            return null;
        }
        SparkPlan plan = classic.queryExecution().executedPlan();
        if (plan.output().size() != names.size()) {
            return null; // not the plan of these columns as expected: leave it to Spark's rows
        }
        SparkPlan source = columnarSource(plan);
        if (source == null) {
            return null;
        }
        int[] ordinals = new int[read.size()];
        for (int c = 0; c < ordinals.length; c++) {
            ordinals[c] = ordinal(source, plan.output().apply(names.indexOf(read.get(c))));
            if (ordinals[c] < 0) {
                return null;
            }
        }
        Cut cut = new Cut(ordinals, key, kind, values, metrics);
        RDD<InternalRow> chunks = source.executeColumnar().toJavaRDD().mapPartitions(cut).rdd();
        return classic.sparkSession().internalCreateDataFrame(chunks,
                SeriesChunks.schema(idType, regressors.length), false);
    }

    /**
     * The plan node whose column batches {@code plan} only turns into rows (and possibly prunes
     * or reorders), or null if {@code plan} does more than that.
     */
    private static SparkPlan columnarSource(SparkPlan plan) {
        SparkPlan node = plan instanceof WholeStageCodegenExec codegen ? codegen.child() : plan;
        if (node instanceof ProjectExec project) {
            for (NamedExpression e : CollectionConverters.asJava(project.projectList())) {
                if (!(e instanceof Attribute)) {
                    return null;
                }
            }
            node = project.child();
        }
        if (!(node instanceof ColumnarToRowExec toRows)) {
            return null;
        }
        SparkPlan source = toRows.child() instanceof InputAdapter adapter ? adapter.child() : toRows.child();
        return source.supportsColumnar() ? source : null;
    }

    /** Where {@code attribute} is among {@code source}'s columns, or -1. */
    private static int ordinal(SparkPlan source, Attribute attribute) {
        List<Attribute> output = CollectionConverters.asJava(source.output());
        for (int i = 0; i < output.size(); i++) {
            if (output.get(i).exprId().equals(attribute.exprId())) {
                return i;
            }
        }
        return -1;
    }

    /** How a column's values are read from its vector: the Spark types read here, by their internal form. */
    enum Reading {
        STRING, BYTE, SHORT, INT, LONG, FLOAT, DOUBLE;

        /** The reading of a series key of this type, or null if keys of this type go through rows. */
        static Reading ofKey(DataType type) {
            if (type.equals(DataTypes.StringType)) {
                return STRING;
            }
            if (type.equals(DataTypes.IntegerType)) {
                return INT;
            }
            return type.equals(DataTypes.LongType) ? LONG : null;
        }

        /** The reading of a value column of this type (as Spark casts it to double), or null. */
        static Reading ofValue(DataType type) {
            if (type.equals(DataTypes.DoubleType)) {
                return DOUBLE;
            }
            if (type.equals(DataTypes.FloatType)) {
                return FLOAT;
            }
            if (type.equals(DataTypes.LongType)) {
                return LONG;
            }
            if (type.equals(DataTypes.IntegerType)) {
                return INT;
            }
            if (type.equals(DataTypes.ShortType)) {
                return SHORT;
            }
            return type.equals(DataTypes.ByteType) ? BYTE : null;
        }
    }

    /** Each partition's batches cut into chunk rows. */
    private static final class Cut implements FlatMapFunction<Iterator<ColumnarBatch>, InternalRow>, Serializable {
        private static final long serialVersionUID = 1L;
        private final int[] ordinals;
        private final Reading key;
        private final TimeKind kind;
        private final Reading[] values;
        private final ForecastMetrics metrics; // may be null

        Cut(int[] ordinals, Reading key, TimeKind kind, Reading[] values, ForecastMetrics metrics) {
            this.ordinals = ordinals;
            this.key = key;
            this.kind = kind;
            this.values = values;
            this.metrics = metrics;
        }

        @Override
        public Iterator<InternalRow> call(Iterator<ColumnarBatch> batches) {
            return SeriesChunks.cut(new BatchObservations(batches, ordinals, key, kind.isIntInSpark(), values),
                    SeriesChunks.MAX_CHUNK, values.length - 1, metrics);
        }
    }

    /**
     * Observations read from column batches, one row index at a time. A batch's vectors are only
     * valid until the next batch is read (the scan reuses them), so keys are copied.
     */
    static final class BatchObservations implements SeriesChunks.Observations {
        private final Iterator<ColumnarBatch> batches;
        private final int[] ordinals;
        private final Reading key;
        private final boolean intTime;
        /** The value's reading, then the regressors'. */
        private final Reading[] readings;
        private ColumnVector ids;
        /** The dictionary entries of {@code ids} in this batch, when the scan left its strings encoded; else null. */
        private ColumnVector idEntries;
        /** The dictionary entry known to hold the current run's key in this batch, or -1. */
        private int runEntry = -1;
        private ColumnVector times;
        /** The value's vector, then the regressors'. */
        private final ColumnVector[] values;
        private int row = -1;
        private int rows;

        /**
         * @param ordinals the id, time and value columns' positions in each batch
         * @param intTime whether times are ints (integer times, dates as days) rather than longs
         */
        BatchObservations(Iterator<ColumnarBatch> batches, int[] ordinals, Reading key, boolean intTime,
                Reading value) {
            this(batches, ordinals, key, intTime, new Reading[] {value});
        }

        /**
         * @param ordinals the id, time, value and regressor columns' positions in each batch
         * @param readings the value's reading, then each regressor's
         */
        BatchObservations(Iterator<ColumnarBatch> batches, int[] ordinals, Reading key, boolean intTime,
                Reading[] readings) {
            this.batches = batches;
            this.ordinals = ordinals.clone();
            this.key = key;
            this.intTime = intTime;
            this.readings = readings.clone();
            this.values = new ColumnVector[readings.length];
        }

        @Override
        public boolean advance() {
            while (++row >= rows) {
                if (!batches.hasNext()) {
                    return false;
                }
                ColumnarBatch batch = batches.next();
                ids = batch.column(ordinals[0]);
                idEntries = key == Reading.STRING && ids instanceof WritableColumnVector w && w.hasDictionary()
                        ? w.getDictionaryIds() : null;
                runEntry = -1;
                times = batch.column(ordinals[1]);
                for (int c = 0; c < values.length; c++) {
                    values[c] = batch.column(ordinals[2 + c]);
                }
                rows = batch.numRows();
                row = -1;
            }
            return true;
        }

        @Override
        public Object key() {
            runEntry = -1;
            if (ids.isNullAt(row)) {
                return null;
            }
            if (idEntries != null) {
                runEntry = idEntries.getInt(row);
            }
            return switch (key) {
                case STRING -> ids.getUTF8String(row).copy();
                case INT -> ids.getInt(row);
                default -> ids.getLong(row);
            };
        }

        @Override
        public boolean hasKey(Object id) {
            if (ids.isNullAt(row)) {
                return id == null;
            }
            if (id == null) {
                return false;
            }
            if (idEntries != null) {
                // Comparing dictionary entries first spares decoding a string per observation
                // (the scan decodes one into a new array on every read).
                int entry = idEntries.getInt(row);
                if (entry == runEntry) {
                    return true;
                }
                boolean same = ((UTF8String) id).equals(ids.getUTF8String(row));
                runEntry = same ? entry : runEntry;
                return same;
            }
            return switch (key) {
                case STRING -> ((UTF8String) id).equals(ids.getUTF8String(row));
                case INT -> (Integer) id == ids.getInt(row);
                default -> (Long) id == ids.getLong(row);
            };
        }

        @Override
        public boolean timeIsNull() {
            return times.isNullAt(row);
        }

        @Override
        public long time() {
            return intTime ? times.getInt(row) : times.getLong(row);
        }

        @Override
        public double value() {
            return read(0);
        }

        @Override
        public double regressor(int j) {
            return read(1 + j);
        }

        private double read(int c) {
            ColumnVector v = values[c];
            if (v.isNullAt(row)) {
                return Double.NaN;
            }
            return switch (readings[c]) {
                case DOUBLE -> v.getDouble(row);
                case FLOAT -> v.getFloat(row);
                case LONG -> v.getLong(row);
                case INT -> v.getInt(row);
                case SHORT -> v.getShort(row);
                default -> v.getByte(row);
            };
        }
    }
}
