package io.lagrs.spark;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Objects;
import org.apache.spark.sql.Row;

/**
 * Up to a fixed number of whole series read from a partition whose rows are sorted by series
 * key, then time: consecutive rows with equal keys form one series. The values are kept flat
 * (series {@code j} is {@code values[offsets[j] .. offsets[j+1])}, as Arrow list arrays and
 * {@code Rolling.applyMany} lay them out), so no per-row objects outlive the read.
 *
 * <p>Rows are read as {@code (id, time, value)}: the value is a nullable double (null is
 * missing, NaN); the time is kept either as a nullable long ({@link #times}; a timestamp_ntz
 * becomes its {@link TimeKind#micros} long form) or, when
 * {@code keepTimeObjects} is set, as the row's own object ({@link #timeObjects}), and then which
 * values were null is kept too ({@link #nullValues}).
 */
final class SeriesBatch {
    private final int capacity;
    private final boolean keepTimeObjects;

    private Object[] ids;
    private int[] offsets;
    private int[] nullTimes;
    private int count;

    private double[] values = new double[1024];
    private long[] times;
    private Object[] timeObjects;
    private boolean[] nullValues;
    private int length;

    SeriesBatch(int capacity, boolean keepTimeObjects) {
        this.capacity = capacity;
        this.keepTimeObjects = keepTimeObjects;
        int initial = Math.min(capacity, 1024);
        this.ids = new Object[initial];
        this.offsets = new int[initial + 1];
        this.nullTimes = new int[initial];
        if (keepTimeObjects) {
            timeObjects = new Object[values.length];
            nullValues = new boolean[values.length];
        } else {
            times = new long[values.length];
        }
    }

    /** Reads whole series from {@code rows} until the batch is full or the rows run out. */
    static final class Reader {
        private final Iterator<Row> rows;
        private Row pending;

        Reader(Iterator<Row> rows) {
            this.rows = rows;
        }

        /**
         * Clears {@code batch} and fills it with the next series.
         *
         * @return false if there were no rows left (the batch is then empty)
         */
        boolean read(SeriesBatch batch) {
            batch.clear();
            if (pending == null) {
                if (!rows.hasNext()) {
                    return false;
                }
                pending = rows.next();
            }
            while (pending != null) {
                Object id = pending.get(0);
                if (batch.count == batch.capacity) {
                    break;
                }
                batch.startSeries(id);
                Row row = pending;
                pending = null;
                while (true) {
                    batch.append(row);
                    if (!rows.hasNext()) {
                        break;
                    }
                    Row next = rows.next();
                    if (!Objects.deepEquals(id, next.get(0))) {
                        pending = next;
                        break;
                    }
                    row = next;
                }
                batch.endSeries();
            }
            return true;
        }
    }

    void clear() {
        Arrays.fill(ids, 0, count, null);
        if (timeObjects != null) {
            Arrays.fill(timeObjects, 0, length, null);
        }
        count = 0;
        length = 0;
    }

    private void startSeries(Object id) {
        if (count == ids.length) {
            int grown = Math.min(capacity, ids.length * 2);
            ids = Arrays.copyOf(ids, grown);
            offsets = Arrays.copyOf(offsets, grown + 1);
            nullTimes = Arrays.copyOf(nullTimes, grown);
        }
        ids[count] = id;
        offsets[count] = length;
        nullTimes[count] = 0;
    }

    private void append(Row row) {
        if (length == values.length) {
            int grown = Math.addExact(values.length, values.length >> 1);
            values = Arrays.copyOf(values, grown);
            if (keepTimeObjects) {
                timeObjects = Arrays.copyOf(timeObjects, grown);
                nullValues = Arrays.copyOf(nullValues, grown);
            } else {
                times = Arrays.copyOf(times, grown);
            }
        }
        if (row.isNullAt(1)) {
            nullTimes[count]++;
        }
        if (keepTimeObjects) {
            timeObjects[length] = row.get(1);
            nullValues[length] = row.isNullAt(2);
        } else {
            Object t = row.get(1);
            times[length] = t == null ? 0L : t instanceof Long l ? l : TimeKind.micros((java.time.LocalDateTime) t);
        }
        values[length] = row.isNullAt(2) ? Double.NaN : row.getDouble(2);
        length++;
    }

    /** Whether the batch holds as many series as it may. */
    boolean isFull() {
        return count == capacity;
    }

    /**
     * Appends a whole series (times kept as longs): its first {@code n} times and values, and
     * how many of its rows had a null time (those rows are not among the {@code n}).
     */
    void addSeries(Object id, long[] seriesTimes, double[] seriesValues, int n, int nullTimeRows) {
        if (keepTimeObjects) {
            throw new IllegalStateException("addSeries keeps times as longs");
        }
        startSeries(id);
        int total = Math.addExact(length, n);
        if (total > values.length) {
            int grown = Math.max(total, Math.addExact(values.length, values.length >> 1));
            values = Arrays.copyOf(values, grown);
            times = Arrays.copyOf(times, grown);
        }
        System.arraycopy(seriesTimes, 0, times, length, n);
        System.arraycopy(seriesValues, 0, values, length, n);
        length = total;
        nullTimes[count] = nullTimeRows;
        endSeries();
    }

    private void endSeries() {
        count++;
        offsets[count] = length;
    }

    /** Series in the batch. */
    int size() {
        return count;
    }

    /** Observations in the batch, over all series. */
    int length() {
        return length;
    }

    Object id(int series) {
        return ids[series];
    }

    /** Where series {@code j} starts in the flat arrays; {@code offset(size())} is {@link #length()}. */
    int offset(int series) {
        return offsets[series];
    }

    /** A copy of the offsets, {@code size() + 1} of them, for {@code Rolling.applyMany}. */
    int[] offsets() {
        return Arrays.copyOf(offsets, count + 1);
    }

    /** Rows of series {@code j} whose time is null. */
    int nullTimes(int series) {
        return nullTimes[series];
    }

    /** The flat values; only the first {@link #length()} are in use. */
    double[] values() {
        return values;
    }

    /** The flat times as longs (when time objects are not kept); null times read as 0. */
    long[] times() {
        return times;
    }

    /** The flat time objects (when kept). */
    Object[] timeObjects() {
        return timeObjects;
    }

    /** Whether each flat value was null (when time objects are kept). */
    boolean[] nullValues() {
        return nullValues;
    }
}
