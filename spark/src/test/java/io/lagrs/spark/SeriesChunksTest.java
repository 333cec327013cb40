package io.lagrs.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.expressions.UnsafeProjection;
import org.apache.spark.sql.execution.vectorized.Dictionary;
import org.apache.spark.sql.execution.vectorized.OnHeapColumnVector;
import org.apache.spark.sql.execution.vectorized.WritableColumnVector;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.vectorized.ColumnVector;
import org.apache.spark.sql.vectorized.ColumnarBatch;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;

/** The chunks before the shuffle and the series joined after it, without Spark's engine. */
class SeriesChunksTest {
    private static InternalRow row(String id, Long t, Double v) {
        return new GenericInternalRow(new Object[] {id == null ? null : UTF8String.fromString(id), t, v});
    }

    /** Cuts {@code rows} into chunks, orders them as the shuffle and sort would, reads series back. */
    private static Map<String, long[]> roundTrip(List<InternalRow> rows, int maxChunk, Map<String, double[]> values,
            Map<String, Integer> nullTimes, int[] chunkCount) {
        List<InternalRow> chunks = new ArrayList<>();
        Iterator<InternalRow> cut = new SeriesChunks.Cut(DataTypes.StringType, maxChunk, null).apply(rows.iterator());
        cut.forEachRemaining(chunks::add);
        chunkCount[0] = chunks.size();
        chunks.sort(Comparator.<InternalRow, String>comparing(c -> c.isNullAt(0) ? "" : c.getUTF8String(0).toString())
                .thenComparingLong(c -> c.getLong(1)));
        SeriesChunks.Reader reader = new SeriesChunks.Reader(chunks.iterator(), DataTypes.StringType);
        SeriesBatch batch = new SeriesBatch(2, false); // several batches
        Map<String, long[]> times = new LinkedHashMap<>();
        while (reader.read(batch)) {
            assertTrue(batch.size() <= 2);
            for (int j = 0; j < batch.size(); j++) {
                String id = batch.id(j) == null ? null : batch.id(j).toString();
                int from = batch.offset(j);
                int to = batch.offset(j + 1);
                assertFalse(times.containsKey(id), "series " + id + " came back twice");
                times.put(id, Arrays.copyOfRange(batch.times(), from, to));
                values.put(id, Arrays.copyOfRange(batch.values(), from, to));
                nullTimes.put(id, batch.nullTimes(j));
            }
        }
        return times;
    }

    @Test
    void seriesInAnyRowOrderComeBackWholeAndInTimeOrder() {
        Random rng = new Random(5);
        Map<String, Integer> lengths = new TreeMap<>();
        List<InternalRow> rows = new ArrayList<>();
        // k10 right after k1: keys that share a prefix, compared by their bytes in UnsafeRows
        for (String key : List.of("k0", "k1", "k10", "k2", "k3", "k4", "k5", "k6", "k7", "k8")) {
            int n = 1 + rng.nextInt(30);
            lengths.put(key, n);
            for (int t = 0; t < n; t++) {
                rows.add(row(key, 100L + 3 * t, t + 0.5));
            }
        }
        rows.add(row("k3", null, 1.0)); // a null time is counted, not kept
        rows.add(row("k4", 10_000L, null)); // a null value is a missing value
        rows.add(row(null, 7L, 2.0)); // a null key is a series too
        rows.add(row(null, 4L, 1.0));
        List<InternalRow> shuffled = shuffled(rows, rng);
        // Spark hands the function UnsafeRows (string keys then compared in place); tests build generic rows.
        List<InternalRow> unsafeRows = unsafe(rows);
        for (List<InternalRow> order : List.of(rows, shuffled, unsafeRows, unsafe(shuffled))) {
            for (int maxChunk : new int[] {1, 4, 8192}) {
                Map<String, double[]> values = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
                Map<String, Integer> nulls = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
                int[] chunkCount = new int[1];
                Map<String, long[]> times = roundTrip(order, maxChunk, values, nulls, chunkCount);
                assertEquals(11, times.size(), "every key once, the null key too");
                for (var e : lengths.entrySet()) {
                    long[] t = times.get(e.getKey());
                    int n = e.getValue() + (e.getKey().equals("k4") ? 1 : 0);
                    assertEquals(n, t.length, e.getKey());
                    for (int i = 0; i < e.getValue(); i++) {
                        assertEquals(100L + 3 * i, t[i], e.getKey());
                        assertEquals(i + 0.5, values.get(e.getKey())[i], 0.0, e.getKey());
                    }
                    assertEquals(e.getKey().equals("k3") ? 1 : 0, nulls.get(e.getKey()), e.getKey());
                }
                assertEquals(Double.NaN, values.get("k4")[lengths.get("k4")]);
                assertArrayEquals(new long[] {4, 7}, times.get(null));
                assertArrayEquals(new double[] {1.0, 2.0}, values.get(null));
                if ((order == rows || order == unsafeRows) && maxChunk == 8192) {
                    assertEquals(13, chunkCount[0], "one chunk per run of one key: 10 series, 2 late rows, the null key");
                }
            }
        }
    }

    @Test
    void columnBatchesAreCutExactlyAsTheirRows() {
        Random rng = new Random(8);
        List<InternalRow> rows = new ArrayList<>();
        for (String key : List.of("k0", "k1", "k10", "k2", "k3")) {
            for (int t = 0, n = 1 + rng.nextInt(40); t < n; t++) {
                rows.add(row(key, 10L * t, rng.nextBoolean() ? null : rng.nextGaussian()));
            }
        }
        rows.add(row("k3", null, 1.0));
        rows.add(row(null, 7L, 2.0));
        rows.add(row(null, 8L, 3.0));
        rows.add(row("k0", 500L, 4.0)); // a key seen before: a run of its own
        List<InternalRow> shuffled = shuffled(rows, rng);
        for (List<InternalRow> order : List.of(rows, shuffled)) {
            for (int maxChunk : new int[] {1, 3, 8192}) {
                List<String> expected = new ArrayList<>();
                new SeriesChunks.Cut(DataTypes.StringType, maxChunk, null).apply(order.iterator())
                        .forEachRemaining(c -> expected.add(describe(c)));
                for (boolean dictionary : new boolean[] {false, true}) {
                    List<String> got = new ArrayList<>();
                    SeriesChunks.Observations batches = new ColumnarChunks.BatchObservations(
                            batches(order, rng, dictionary).iterator(), new int[] {2, 0, 1},
                            ColumnarChunks.Reading.STRING, false, ColumnarChunks.Reading.DOUBLE);
                    SeriesChunks.cut(batches, maxChunk, null).forEachRemaining(c -> got.add(describe(c)));
                    assertEquals(expected, got, "max chunk " + maxChunk + ", dictionary " + dictionary);
                }
            }
        }
    }

    private static String describe(InternalRow chunk) {
        return (chunk.isNullAt(0) ? "null" : chunk.getUTF8String(0).toString()) + " t0=" + chunk.getLong(1)
                + " nullTimes=" + chunk.getInt(2) + " t=" + Arrays.toString(chunk.getArray(3).toLongArray())
                + " v=" + Arrays.toString(chunk.getArray(4).toDoubleArray());
    }

    /**
     * {@code rows} as column batches of random sizes (some empty) with the columns in another order
     * (time, value, id). With {@code dictionary}, the ids are dictionary entries as Parquet's reader
     * leaves them, a new dictionary per batch with every key entered twice (entries of equal strings
     * must still be one key).
     */
    private static List<ColumnarBatch> batches(List<InternalRow> rows, Random rng, boolean dictionary) {
        List<ColumnarBatch> out = new ArrayList<>();
        for (int from = 0; from < rows.size();) {
            int size = Math.min(rows.size() - from, rng.nextInt(8));
            OnHeapColumnVector times = new OnHeapColumnVector(size, DataTypes.LongType);
            OnHeapColumnVector values = new OnHeapColumnVector(size, DataTypes.DoubleType);
            OnHeapColumnVector ids = new OnHeapColumnVector(size, DataTypes.StringType);
            List<byte[]> entries = new ArrayList<>();
            WritableColumnVector entryIds = dictionary ? ids.reserveDictionaryIds(size) : null;
            for (int i = 0; i < size; i++) {
                InternalRow r = rows.get(from + i);
                if (r.isNullAt(1)) {
                    times.putNull(i);
                } else {
                    times.putLong(i, r.getLong(1));
                }
                if (r.isNullAt(2)) {
                    values.putNull(i);
                } else {
                    values.putDouble(i, r.getDouble(2));
                }
                if (r.isNullAt(0)) {
                    ids.putNull(i);
                } else if (dictionary) {
                    byte[] bytes = r.getUTF8String(0).getBytes();
                    entries.add(bytes);
                    entries.add(bytes.clone());
                    entryIds.putInt(i, entries.size() - 1 - rng.nextInt(2));
                } else {
                    ids.putByteArray(i, r.getUTF8String(0).getBytes());
                }
            }
            if (dictionary) {
                ids.setDictionary(new Dictionary() {
                    @Override
                    public int decodeToInt(int id) {
                        throw new UnsupportedOperationException();
                    }

                    @Override
                    public long decodeToLong(int id) {
                        throw new UnsupportedOperationException();
                    }

                    @Override
                    public float decodeToFloat(int id) {
                        throw new UnsupportedOperationException();
                    }

                    @Override
                    public double decodeToDouble(int id) {
                        throw new UnsupportedOperationException();
                    }

                    @Override
                    public byte[] decodeToBinary(int id) {
                        return entries.get(id).clone(); // as Parquet's dictionary: a new array per read
                    }
                });
            }
            ColumnarBatch batch = new ColumnarBatch(new ColumnVector[] {times, values, ids});
            batch.setNumRows(size);
            out.add(batch);
            from += size;
        }
        return out;
    }

    @Test
    void sortByTimeIsStableAndCarriesValues() {
        long[] t = {5, 3, 5, 1};
        double[] v = {50, 30, 51, 10};
        SeriesChunks.sortByTime(t, v, 4);
        assertArrayEquals(new long[] {1, 3, 5, 5}, t);
        assertArrayEquals(new double[] {10, 30, 50, 51}, v);
    }

    private static List<InternalRow> unsafe(List<InternalRow> rows) {
        UnsafeProjection toUnsafe = UnsafeProjection.create(new StructType()
                .add("id", DataTypes.StringType).add("t", DataTypes.LongType).add("v", DataTypes.DoubleType));
        List<InternalRow> out = new ArrayList<>();
        for (InternalRow r : rows) {
            out.add(toUnsafe.apply(r).copy());
        }
        return out;
    }

    private static List<InternalRow> shuffled(List<InternalRow> rows, Random rng) {
        List<InternalRow> copy = new ArrayList<>(rows);
        Collections.shuffle(copy, rng);
        return copy;
    }
}
