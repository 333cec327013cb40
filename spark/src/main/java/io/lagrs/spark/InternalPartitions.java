package io.lagrs.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.AttributeReference;
import org.apache.spark.sql.catalyst.expressions.NamedExpression$;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.MapPartitions;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.catalyst.util.MapData;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.AbstractFunction1;

/**
 * A per-partition function over Spark's internal rows, as a lazy step of a DataFrame's plan.
 *
 * <p>{@code Dataset.mapPartitions} with {@code Encoders.row} turns every input row into an
 * external {@link Row} (boxed fields, {@code String} ids, {@code LocalDateTime} times) and every
 * output {@code Row} back; for millions of rows that conversion costs more than the work. Here
 * the function sees the internal rows themselves ({@code getLong}, {@code getUTF8String},
 * arrays as {@code ArrayData}) and returns internal rows. It goes through Catalyst's
 * {@code MapPartitions} plan node, the one {@code Dataset.mapPartitions} uses, fed with one
 * struct column instead of a deserialized object, so the result stays an ordinary lazy
 * DataFrame: nothing runs until an action (unlike {@code queryExecution().toRdd()}, which with
 * adaptive execution runs the shuffles above it at once). These are Spark-internal classes
 * (Spark 4.1): every forecast test, the executor test included, goes through them.
 */
final class InternalPartitions {
    private InternalPartitions() {
    }

    /** A function of one partition's rows; rows it returns must not be reused by it. */
    interface PartitionFunction extends Serializable {
        /**
         * @param rows the partition's rows, with the fields of the input DataFrame in its column
         *     order; a row is only valid until the next {@code next()} (Spark reuses them)
         */
        Iterator<InternalRow> apply(Iterator<InternalRow> rows);
    }

    /**
     * {@code df} with {@code function} applied to each partition: a DataFrame of schema
     * {@code out}.
     */
    static Dataset<Row> map(Dataset<Row> df, PartitionFunction function, StructType out) {
        Column[] fields = Arrays.stream(df.columns()).map(c -> col(LagrsSpark.quoted(c))).toArray(Column[]::new);
        org.apache.spark.sql.classic.Dataset<Row> in =
                (org.apache.spark.sql.classic.Dataset<Row>) df.select(struct(fields).as("lagrs_in"));
        AttributeReference result = new AttributeReference("lagrs_out", out, false, Metadata.empty(),
                NamedExpression$.MODULE$.newExprId(), scala.collection.immutable.Seq$.MODULE$.<String>empty());
        LogicalPlan plan = new MapPartitions(new Adapter(function, out.size()), result, in.logicalPlan());
        return org.apache.spark.sql.classic.Dataset.ofRows(in.sparkSession(), plan).select(col("lagrs_out.*"));
    }

    /**
     * The Scala function Catalyst calls: it receives each row's struct (see
     * {@code ObjectOperator.unwrapObjectFromRow}) and wraps each returned row as the struct
     * value of the output column.
     */
    private static final class Adapter
            extends AbstractFunction1<scala.collection.Iterator<Object>, scala.collection.Iterator<Object>>
            implements Serializable {
        private static final long serialVersionUID = 1L;
        private final PartitionFunction function;
        private final int outFields;

        Adapter(PartitionFunction function, int outFields) {
            this.function = function;
            this.outFields = outFields;
        }

        @Override
        public scala.collection.Iterator<Object> apply(scala.collection.Iterator<Object> rows) {
            Iterator<Object> in = CollectionConverters.asJava(rows);
            Iterator<InternalRow> structs = new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return in.hasNext();
                }

                @Override
                public InternalRow next() {
                    return (InternalRow) in.next();
                }
            };
            Iterator<InternalRow> out = function.apply(structs);
            Iterator<Object> objects = new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return out.hasNext();
                }

                @Override
                public Object next() {
                    InternalRow row = out.next();
                    assert row.numFields() == outFields;
                    return row;
                }
            };
            return CollectionConverters.asScala(objects);
        }
    }

    /**
     * An internal value that stays valid after Spark reuses the row it was read from (strings,
     * structs, arrays and maps read from an {@code UnsafeRow} point into its buffer).
     */
    static Object copy(Object value) {
        if (value instanceof UTF8String s) {
            return s.copy();
        }
        if (value instanceof InternalRow r) {
            return r.copy();
        }
        if (value instanceof ArrayData a) {
            return a.copy();
        }
        if (value instanceof MapData m) {
            return m.copy();
        }
        return value; // boxed primitives, Decimal (a new object per read), byte[] (a copy per read)
    }

    /** Whether two internal values of the same type are the same series key (null equals null). */
    static boolean sameKey(Object a, Object b) {
        return Objects.deepEquals(a, b);
    }
}
