package io.lagrs.spark;

import static org.apache.spark.sql.functions.date_from_unix_date;
import static org.apache.spark.sql.functions.timestamp_micros;
import static org.apache.spark.sql.functions.unix_date;
import static org.apache.spark.sql.functions.unix_micros;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * The time column types a forecast accepts, and how each travels through the job as a plain
 * {@code long}: integers as themselves, dates as days since 1970-01-01, timestamps as
 * microseconds since the epoch (Spark's own internal forms, so the conversions are free).
 */
enum TimeKind {
    INTEGER(DataTypes.IntegerType),
    LONG(DataTypes.LongType),
    DATE(DataTypes.DateType),
    TIMESTAMP(DataTypes.TimestampType);

    private final DataType type;

    TimeKind(DataType type) {
        this.type = type;
    }

    /** The Spark type of this kind of time column. */
    DataType sparkType() {
        return type;
    }

    /**
     * The kind of a time column of type {@code type}.
     *
     * @throws IllegalArgumentException naming the column if its type is not supported
     */
    static TimeKind of(DataType type, String column) {
        for (TimeKind k : values()) {
            if (k.type.equals(type)) {
                return k;
            }
        }
        throw new IllegalArgumentException("time column '" + column + "' must be int, bigint, date or "
                + "timestamp, got " + type.simpleString()
                + (type.equals(DataTypes.TimestampNTZType) ? " (cast it to timestamp)" : ""));
    }

    /** {@code time} as the long the job computes with. */
    Column toLong(Column time) {
        return switch (this) {
            case INTEGER, LONG -> time.cast(DataTypes.LongType);
            case DATE -> unix_date(time).cast(DataTypes.LongType);
            case TIMESTAMP -> unix_micros(time);
        };
    }

    /** The inverse of {@link #toLong}: a column of this kind from the long form. */
    Column fromLong(Column t) {
        return switch (this) {
            case INTEGER -> t.cast(DataTypes.IntegerType);
            case LONG -> t;
            case DATE -> date_from_unix_date(t.cast(DataTypes.IntegerType));
            case TIMESTAMP -> timestamp_micros(t);
        };
    }
}
