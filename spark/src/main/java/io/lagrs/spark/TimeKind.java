package io.lagrs.spark;

import static org.apache.spark.sql.functions.date_from_unix_date;
import static org.apache.spark.sql.functions.timestamp_micros;
import static org.apache.spark.sql.functions.unix_date;
import static org.apache.spark.sql.functions.unix_micros;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * The time column types a forecast accepts, and how each travels through the job as a plain
 * {@code long}: integers as themselves, dates as days since 1970-01-01, timestamps as
 * microseconds since the epoch (Spark's own internal forms, so the conversions are free), and
 * wall-clock timestamps (timestamp_ntz) as microseconds of the wall-clock time read as UTC.
 */
enum TimeKind {
    INTEGER(DataTypes.IntegerType),
    LONG(DataTypes.LongType),
    DATE(DataTypes.DateType),
    TIMESTAMP(DataTypes.TimestampType),
    /**
     * Wall-clock timestamps. Spark SQL has no function from them to a number that does not go
     * through the session time zone, so they are converted in Java ({@link #micros},
     * {@link #ntz}): the long form is the wall-clock time read as UTC.
     */
    TIMESTAMP_NTZ(DataTypes.TimestampNTZType);

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
        throw new IllegalArgumentException("time column '" + column + "' must be int, bigint, date, timestamp "
                + "or timestamp_ntz, got " + type.simpleString());
    }

    /** Whether times of this kind have calendar months and days (dates and timestamps). */
    boolean isCalendar() {
        return this == DATE || this == TIMESTAMP || this == TIMESTAMP_NTZ;
    }

    /** Whether Spark holds times of this kind as ints (integers, and dates as days) rather than longs. */
    boolean isIntInSpark() {
        return this == INTEGER || this == DATE;
    }

    /** The Spark type of the long form's column in the job (the NTZ kind stays a timestamp_ntz). */
    DataType longFormType() {
        return this == TIMESTAMP_NTZ ? DataTypes.TimestampNTZType : DataTypes.LongType;
    }

    /** A timestamp_ntz value as microseconds of its wall-clock time read as UTC. */
    static long micros(LocalDateTime wallClock) {
        return Math.addExact(Math.multiplyExact(wallClock.toEpochSecond(ZoneOffset.UTC), 1_000_000L),
                wallClock.getNano() / 1000);
    }

    /** The inverse of {@link #micros}. */
    static LocalDateTime ntz(long micros) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC);
    }

    /** {@code time} as the long the job computes with. */
    Column toLong(Column time) {
        return switch (this) {
            case INTEGER, LONG -> time.cast(DataTypes.LongType);
            case DATE -> unix_date(time).cast(DataTypes.LongType);
            case TIMESTAMP -> unix_micros(time);
            case TIMESTAMP_NTZ -> time;
        };
    }

    /** The inverse of {@link #toLong}: a column of this kind from the long form. */
    Column fromLong(Column t) {
        return switch (this) {
            case INTEGER -> t.cast(DataTypes.IntegerType);
            case LONG -> t;
            case DATE -> date_from_unix_date(t.cast(DataTypes.IntegerType));
            case TIMESTAMP -> timestamp_micros(t);
            case TIMESTAMP_NTZ -> t;
        };
    }
}
