package io.lagrs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import org.junit.jupiter.api.Test;

/**
 * Long array calls are computed in chunks (so the GC is never held off for long); the results
 * must not depend on where the cuts fall. The reference is the direct-buffer path, which runs
 * the core over the whole input in one call, and a plain Java loop for lags and maxima.
 */
class ChunkedCallsTest {
    /** Longer than four critical chunks of sum/mean (2^20 values) and many copied chunks. */
    private static final int LONG = (1 << 22) + 12_345;

    private static double[] data(int n) {
        double[] x = new double[n];
        long s = 42;
        for (int i = 0; i < n; i++) {
            s = s * 6364136223846793005L + 1442695040888963407L;
            x[i] = ((s >>> 11) * 0x1.0p-53) - 0.5 + (i % 100_003 == 5 ? Double.NaN : 0);
        }
        return x;
    }

    private static double[] unchunked(RollingStatistic stat, double[] x, int window, int minPeriods) {
        DoubleBuffer in = ByteBuffer.allocateDirect(8 * x.length).order(ByteOrder.nativeOrder()).asDoubleBuffer();
        in.put(x).flip();
        DoubleBuffer out = ByteBuffer.allocateDirect(8 * x.length).order(ByteOrder.nativeOrder()).asDoubleBuffer();
        Rolling.apply(stat, in, window, minPeriods, out);
        double[] result = new double[x.length];
        out.get(result);
        return result;
    }

    private static void assertClose(double[] expected, double[] actual, double relative, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            double e = expected[i], a = actual[i];
            if (Double.isNaN(e) || Double.isNaN(a)) {
                assertEquals(Double.isNaN(e), Double.isNaN(a), what + " NaN at " + i);
            } else {
                assertEquals(e, a, relative * Math.max(1.0, Math.abs(e)), what + " at " + i);
            }
        }
    }

    @Test
    void chunksOfEveryKindAgreeWithOneCall() {
        double[] x = data(LONG);
        for (RollingStatistic stat : new RollingStatistic[] {RollingStatistic.MEAN, RollingStatistic.SUM,
                RollingStatistic.STD, RollingStatistic.MAX}) {
            assertClose(unchunked(stat, x, 50, 10), Rolling.apply(stat, x, 50, 10), 1e-12, stat.toString());
        }
    }

    @Test
    void copiedChunksAgreeWithOneCall() {
        double[] x = data(400_000);
        // Order statistics are copied in chunks of 2^17 outputs.
        assertArrayEquals(unchunked(RollingStatistic.MEDIAN, x, 101, 101), Rolling.median(x, 101));
        assertArrayEquals(unchunked(RollingStatistic.quantile(0.9), x, 1000, 1), Rolling.quantile(x, 1000, 1, 0.9));
        // A window too long for a critical chunk: copied chunks of 4 windows.
        double[] y = data(LONG);
        assertClose(unchunked(RollingStatistic.MEAN, y, 300_000, 1), Rolling.mean(y, 300_000, 1), 1e-12, "long window");
    }

    @Test
    void maximaAcrossChunkBoundariesMatchAPlainLoop() {
        double[] x = data(LONG);
        int w = 7;
        double[] got = Rolling.max(x, w, 1);
        for (int i : new int[] {0, 6, (1 << 18) - 1, 1 << 18, (1 << 18) + 3, 1 << 20, (1 << 20) + 2, LONG - 1}) {
            double max = Double.NaN;
            for (int j = Math.max(0, i - w + 1); j <= i; j++) {
                if (!Double.isNaN(x[j]) && (Double.isNaN(max) || x[j] > max)) {
                    max = x[j];
                }
            }
            assertEquals(max, got[i], "at " + i);
        }
    }

    @Test
    void ewmMeanInCopiedChunksHasTheBitsOfOneCall() {
        // Copied in chunks of 2^17 values, the state carried across. Missing values at the
        // start and in runs that span the cuts; +-Infinity count as missing.
        double[] x = data(3 * (1 << 17) + 999);
        java.util.Arrays.fill(x, 0, 1000, Double.NaN);
        java.util.Arrays.fill(x, (1 << 17) - 3, (1 << 17) + 5, Double.NaN);
        java.util.Arrays.fill(x, 2 * (1 << 17) - 1, 2 * (1 << 17) + 1, Double.POSITIVE_INFINITY);
        x[3 * (1 << 17)] = Double.NEGATIVE_INFINITY;
        for (double alpha : new double[] {1.0, 0.3, 1e-4}) {
            DoubleBuffer in = ByteBuffer.allocateDirect(8 * x.length).order(ByteOrder.nativeOrder()).asDoubleBuffer();
            in.put(x).flip();
            DoubleBuffer out = ByteBuffer.allocateDirect(8 * x.length).order(ByteOrder.nativeOrder()).asDoubleBuffer();
            Rolling.ewmMean(in, alpha, out);
            double[] oneCall = new double[x.length];
            out.get(oneCall);
            double[] chunked = Rolling.ewmMean(x, alpha);
            assertArrayEquals(oneCall, chunked, "alpha=" + alpha);
            assertArrayEquals(plainEwm(x, alpha), chunked, "alpha=" + alpha);
        }
    }

    /** pandas' {@code ewm(alpha, adjust=True).mean()} recurrence, written out in Java. */
    private static double[] plainEwm(double[] x, double alpha) {
        double[] result = new double[x.length];
        double weight = 1.0;
        double mean = Double.NaN;
        boolean seen = false;
        for (int i = 0; i < x.length; i++) {
            boolean observed = Double.isFinite(x[i]);
            if (!seen) {
                if (observed) {
                    mean = x[i];
                    seen = true;
                }
            } else {
                weight *= 1.0 - alpha;
                if (observed) {
                    if (mean != x[i]) {
                        mean = (weight * mean + 1.0 * x[i]) / (weight + 1.0);
                    }
                    weight += 1.0;
                }
            }
            result[i] = seen ? mean : Double.NaN;
        }
        return result;
    }

    @Test
    void lagsOfAnyReachMatchAPlainLoop() {
        // Short lags pin chunks of 2^19 values; lags beyond 2^16 are copied in chunks of 2^16.
        double[] x = data(200_000);
        for (int k : new int[] {0, 1, 65_535, 65_536, 70_000, 150_000, 199_999, 200_000, 250_000}) {
            assertArrayEquals(plainDiff(x, k), Lags.diff(x, k), "k=" + k);
        }
        double[] y = data(LONG);
        for (int k : new int[] {1, 7, 65_536, 65_537, 600_000}) {
            assertArrayEquals(plainDiff(y, k), Lags.diff(y, k), "long, k=" + k);
        }
    }

    @Test
    void lagsIntoAnArrayOrInPlaceMatchAPlainLoopAcrossChunks() {
        // In place, later chunks would read earlier chunks' results if the input were not kept.
        double[] y = data(LONG);
        for (int k : new int[] {1, 65_537, 600_000}) {
            double[] out = new double[y.length];
            Lags.diff(y, k, out);
            assertArrayEquals(plainDiff(y, k), out, "into an array, k=" + k);
            double[] same = y.clone();
            Lags.diff(same, k, same);
            assertArrayEquals(plainDiff(y, k), same, "in place, k=" + k);
        }
    }

    private static double[] plainDiff(double[] x, int k) {
        double[] expected = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            expected[i] = i < k ? Double.NaN : x[i] - x[i - k];
        }
        return expected;
    }

    @Test
    void manySeriesWithOneLongerThanAChunkAgreeSeriesBySeries() {
        int[] lengths = {5, 0, 3_000_000, 17, 1, 70_000};
        int total = 0;
        for (int len : lengths) {
            total += len;
        }
        double[] values = data(total);
        int[] offsets = new int[lengths.length + 1];
        for (int j = 0; j < lengths.length; j++) {
            offsets[j + 1] = offsets[j] + lengths[j];
        }
        for (RollingStatistic stat : new RollingStatistic[] {RollingStatistic.MEAN, RollingStatistic.MEDIAN}) {
            double[] many = Rolling.applyMany(stat, values, offsets, 12, 3);
            for (int j = 0; j < lengths.length; j++) {
                double[] one = java.util.Arrays.copyOfRange(values, offsets[j], offsets[j + 1]);
                assertClose(unchunked(stat, one, 12, 3), java.util.Arrays.copyOfRange(many, offsets[j], offsets[j + 1]),
                        1e-12, stat + " series " + j);
            }
        }
    }
}
