package io.lagrs.spark;

import java.util.Iterator;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.UnsafeRow;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.unsafe.array.ByteArrayMethods;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Observations from rows {@code (id, t as long, v as double, x0 .. x(k-1) as doubles)}: what
 * {@link SeriesChunks.Cut} cuts when the input is not read from column batches.
 */
final class RowObservations implements SeriesChunks.Observations {
    private final Iterator<InternalRow> rows;
    private final DataType idType;
    private final boolean isString;
    /** The current row; Spark may reuse its object for the next one, so nothing of it is kept. */
    private InternalRow row;

    RowObservations(Iterator<InternalRow> rows, DataType idType) {
        this.rows = rows;
        this.idType = idType;
        this.isString = idType instanceof org.apache.spark.sql.types.StringType;
    }

    @Override
    public boolean advance() {
        if (!rows.hasNext()) {
            return false;
        }
        row = rows.next();
        return true;
    }

    @Override
    public Object key() {
        if (row.isNullAt(0)) {
            return null;
        }
        // The common key type read directly: row.get(0, type) looks the type up on every call.
        return InternalPartitions.copy(isString ? row.getUTF8String(0) : row.get(0, idType));
    }

    @Override
    public boolean hasKey(Object id) {
        if (row.isNullAt(0)) {
            return id == null;
        }
        if (id == null) {
            return false;
        }
        if (isString && row instanceof UnsafeRow unsafe) {
            // The string's bytes compared where they lie in the row (offset and size in its slot).
            UTF8String s = (UTF8String) id;
            long offsetAndSize = unsafe.getLong(0);
            int size = (int) offsetAndSize;
            return size == s.numBytes() && ByteArrayMethods.arrayEquals(s.getBaseObject(), s.getBaseOffset(),
                    unsafe.getBaseObject(), unsafe.getBaseOffset() + (offsetAndSize >>> 32), size);
        }
        return InternalPartitions.sameKey(id, isString ? row.getUTF8String(0) : row.get(0, idType));
    }

    @Override
    public boolean timeIsNull() {
        return row.isNullAt(1);
    }

    @Override
    public long time() {
        return row.getLong(1);
    }

    @Override
    public double value() {
        return row.isNullAt(2) ? Double.NaN : row.getDouble(2);
    }

    @Override
    public double regressor(int j) {
        return row.isNullAt(3 + j) ? Double.NaN : row.getDouble(3 + j);
    }
}
