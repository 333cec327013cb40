package io.lagrs.spark;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.expressions.UnsafeArrayData;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.Platform;

/**
 * Series cut into chunks for the shuffle: runs of consecutive rows of one key, as one row each.
 *
 * <p>Long-format input has one row per observation, and shuffling and sorting each of them costs
 * more than fitting the series. Before the shuffle, every run of consecutive rows with the same
 * key (at most {@link #MAX_CHUNK} of them) becomes one chunk row
 * {@code (id, t0, nullTimes, t[], v[])}: the times that are not null (in the run's order), the
 * values (null as NaN) and how many times were null; {@code t0} is the first time, to sort by.
 * Data stored or produced series by series (Parquet files written from a pandas frame sorted by
 * id, the output of a group-by) has runs as long as its series, so the shuffle carries one row
 * per series instead of one per observation; rows in random order give runs of one, and the
 * job does what it would have done without chunks, with slightly wider rows.
 *
 * <p>After the shuffle by key and a sort by {@code (id, t0)}, {@link Reader} joins the chunks of
 * each key back into one series, sorted by time.
 */
final class SeriesChunks {
    /** Rows per chunk at most, so that a map task holds a bounded amount at a time. */
    static final int MAX_CHUNK = 8192;

    private SeriesChunks() {
    }

    /** The chunk rows' schema for series keys of type {@code idType}. */
    static StructType schema(DataType idType) {
        return schema(idType, 0);
    }

    /**
     * With {@code regressors} > 0, chunk rows carrying that many regressors per observation in
     * one more column {@code x}: regressor j of observation i at {@code x[j * n + i]}.
     */
    static StructType schema(DataType idType, int regressors) {
        StructType chunks = new StructType()
                .add("id", idType, true)
                .add("t0", DataTypes.LongType, false)
                .add("nullTimes", DataTypes.IntegerType, false)
                .add("t", DataTypes.createArrayType(DataTypes.LongType, false), false)
                .add("v", DataTypes.createArrayType(DataTypes.DoubleType, false), false);
        return regressors == 0 ? chunks
                : chunks.add("x", DataTypes.createArrayType(DataTypes.DoubleType, false), false);
    }

    /**
     * One observation at a time, read from Spark's rows ({@link Cut}) or straight from column
     * batches ({@link ColumnarChunks}): all that cutting needs to know of its input.
     */
    interface Observations {
        /** Moves to the next observation; false when there are none left. */
        boolean advance();

        /** The current observation's key (null for a null key), as a value that stays valid after {@link #advance}. */
        Object key();

        /** Whether the current observation's key is {@code key}, a value {@link #key} returned (null equals null). */
        boolean hasKey(Object key);

        boolean timeIsNull();

        /** The time in the job's long form ({@link TimeKind#toLong}); only when {@link #timeIsNull} is false. */
        long time();

        /** The value as a double, NaN when it is null. */
        double value();

        /** Regressor {@code j} as a double, NaN when it is null; only read when cutting with regressors. */
        default double regressor(int j) {
            throw new UnsupportedOperationException("these observations carry no regressors");
        }
    }

    /**
     * The chunk rows of {@code observations}, at most {@code maxChunk} times each, with the time
     * spent reading and cutting them (the input's own production included) added to
     * {@code metrics} (null: not timed).
     */
    static Iterator<InternalRow> cut(Observations observations, int maxChunk, ForecastMetrics metrics) {
        return cut(observations, maxChunk, 0, metrics);
    }

    /** {@link #cut(Observations, int, ForecastMetrics)} keeping {@code regressors} regressors per observation. */
    static Iterator<InternalRow> cut(Observations observations, int maxChunk, int regressors, ForecastMetrics metrics) {
        Chunks chunks = new Chunks(observations, maxChunk, regressors);
        if (metrics == null) {
            return chunks;
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                long start = System.nanoTime();
                boolean more = chunks.hasNext();
                metrics.addChunkNanos(System.nanoTime() - start);
                return more;
            }

            @Override
            public InternalRow next() {
                long start = System.nanoTime();
                InternalRow row = chunks.next();
                metrics.addChunkNanos(System.nanoTime() - start);
                return row;
            }
        };
    }

    /**
     * The map side over Spark's rows: rows {@code (id, t as long, v as double, x0 .. x(k-1) as
     * doubles)} to chunk rows.
     */
    static final class Cut implements InternalPartitions.PartitionFunction {
        private static final long serialVersionUID = 1L;
        private final DataType idType;
        private final int maxChunk;
        private final int regressors;
        private final ForecastMetrics metrics; // may be null

        Cut(DataType idType, ForecastMetrics metrics) {
            this(idType, MAX_CHUNK, metrics);
        }

        /** With at most {@code maxChunk} rows per chunk (tests cut series into many chunks). */
        Cut(DataType idType, int maxChunk, ForecastMetrics metrics) {
            this(idType, maxChunk, 0, metrics);
        }

        /** Rows with {@code regressors} regressor columns after the value. */
        Cut(DataType idType, int maxChunk, int regressors, ForecastMetrics metrics) {
            this.idType = idType;
            this.maxChunk = maxChunk;
            this.regressors = regressors;
            this.metrics = metrics;
        }

        @Override
        public Iterator<InternalRow> apply(Iterator<InternalRow> rows) {
            return cut(new RowObservations(rows, idType), maxChunk, regressors, metrics);
        }
    }

    /** Runs of one key cut into chunk rows as they are read. */
    private static final class Chunks implements Iterator<InternalRow> {
        private final Observations in;
        private final int maxChunk;
        private final long[] times;
        private final double[] values;
        private final double[][] x;
        /** {@code in} is at an observation that is in no chunk yet. */
        private boolean positioned;
        private boolean exhausted;

        Chunks(Observations in, int maxChunk, int regressors) {
            this.in = in;
            this.maxChunk = maxChunk;
            this.times = new long[maxChunk];
            this.values = new double[maxChunk];
            this.x = new double[regressors][maxChunk];
        }

        @Override
        public boolean hasNext() {
            if (!positioned && !exhausted) {
                positioned = in.advance();
                exhausted = !positioned;
            }
            return positioned;
        }

        @Override
        public InternalRow next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Object id = in.key();
            int n = 0;
            int nullTimes = 0;
            do {
                if (in.timeIsNull()) {
                    nullTimes++;
                } else {
                    times[n] = in.time();
                    for (int j = 0; j < x.length; j++) {
                        x[j][n] = in.regressor(j);
                    }
                    values[n++] = in.value();
                }
                positioned = false;
                if (n == maxChunk) {
                    break;
                }
                positioned = in.advance();
                exhausted = !positioned;
            } while (positioned && in.hasKey(id));
            long t0 = n > 0 ? times[0] : Long.MIN_VALUE;
            // Copied once, straight from the reused buffers into the arrays' own memory.
            Object t = UnsafeArrayData.fromPrimitiveArray(times, Platform.LONG_ARRAY_OFFSET, n, Long.BYTES);
            Object v = UnsafeArrayData.fromPrimitiveArray(values, Platform.DOUBLE_ARRAY_OFFSET, n, Double.BYTES);
            if (x.length == 0) {
                return new GenericInternalRow(new Object[] {id, t0, nullTimes, t, v});
            }
            double[] flat = new double[Math.multiplyExact(x.length, n)];
            for (int j = 0; j < x.length; j++) {
                System.arraycopy(x[j], 0, flat, j * n, n);
            }
            return new GenericInternalRow(new Object[] {id, t0, nullTimes, t, v, UnsafeArrayData.fromPrimitiveArray(flat)});
        }
    }

    /**
     * The reduce side: chunk rows sorted by {@code (id, t0)} to whole series in a
     * {@link SeriesBatch}, a batch at a time.
     */
    static final class Reader {
        private final Iterator<InternalRow> chunks;
        private final DataType idType;
        private long[] times = new long[1024];
        private double[] values = new double[1024];
        // The first chunk of the next series, already read.
        private boolean pending;
        private Object pendingId;

        Reader(Iterator<InternalRow> chunks, DataType idType) {
            this.chunks = chunks;
            this.idType = idType;
        }

        /**
         * Clears {@code batch} and fills it with the next series, up to its capacity.
         *
         * @return false if there were no chunks left (the batch is then empty)
         */
        boolean read(SeriesBatch batch) {
            batch.clear();
            while (!batch.isFull() && (pending || chunks.hasNext())) {
                Object id;
                int n = 0;
                int nullTimes = 0;
                InternalRow chunk;
                if (pending) {
                    id = pendingId;
                    pending = false;
                    n = appendPending(0);
                    nullTimes = pendingNullTimes;
                } else {
                    chunk = chunks.next();
                    id = InternalPartitions.copy(chunk.isNullAt(0) ? null : chunk.get(0, idType));
                    n = append(chunk, 0);
                    nullTimes = chunk.getInt(2);
                }
                while (chunks.hasNext()) {
                    chunk = chunks.next();
                    Object chunkId = chunk.isNullAt(0) ? null : chunk.get(0, idType);
                    if (!InternalPartitions.sameKey(id, chunkId)) {
                        hold(chunk, chunkId);
                        break;
                    }
                    n = append(chunk, n);
                    nullTimes += chunk.getInt(2);
                }
                sortByTime(times, values, n);
                batch.addSeries(id, times, values, n, nullTimes);
            }
            return batch.size() > 0;
        }

        // A chunk that starts the next series, kept as arrays (its row object will be reused).
        private long[] pendingTimes;
        private double[] pendingValues;
        private int pendingNullTimes;

        private void hold(InternalRow chunk, Object chunkId) {
            pending = true;
            pendingId = InternalPartitions.copy(chunkId);
            pendingTimes = chunk.getArray(3).toLongArray();
            pendingValues = chunk.getArray(4).toDoubleArray();
            pendingNullTimes = chunk.getInt(2);
        }

        private int appendPending(int n) {
            return appendArrays(pendingTimes, pendingValues, n);
        }

        private int append(InternalRow chunk, int n) {
            return appendArrays(chunk.getArray(3).toLongArray(), chunk.getArray(4).toDoubleArray(), n);
        }

        private int appendArrays(long[] t, double[] v, int n) {
            int total = Math.addExact(n, t.length);
            if (total > times.length) {
                int grown = Math.max(total, Math.addExact(times.length, times.length >> 1));
                times = Arrays.copyOf(times, grown);
                values = Arrays.copyOf(values, grown);
            }
            System.arraycopy(t, 0, times, n, t.length);
            System.arraycopy(v, 0, values, n, v.length);
            return total;
        }
    }

    /**
     * Sorts the first {@code n} times ascending, carrying the values along (stable: equal times
     * keep their order). Chunks sorted by their first time are usually already in order, which
     * is checked first.
     */
    static void sortByTime(long[] times, double[] values, int n) {
        boolean sorted = true;
        for (int i = 1; i < n && sorted; i++) {
            sorted = times[i - 1] <= times[i];
        }
        if (sorted) {
            return;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(times[a], times[b])); // stable (TimSort)
        long[] t = new long[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = times[order[i]];
            v[i] = values[order[i]];
        }
        System.arraycopy(t, 0, times, 0, n);
        System.arraycopy(v, 0, values, 0, n);
    }
}
