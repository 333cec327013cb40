package io.lagrs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property-based attacks on the public Java API, from seeded generators (each case is named by
 * its seed, so a failure is reproduced by that seed alone): random lengths, missing-value
 * patterns, scales, windows and minPeriods, offsets, orders and tampered model bytes. Every
 * case ends in a correct result or the documented exception, never a crash, another exception
 * type or leaked native state.
 *
 * <p>{@code -Dlagrs.attack.scale=N} runs N times as many cases ({@code scripts/test/attack-long.sh}).
 */
class ApiPropertyTest {
    private static final long SEED = Long.getLong("lagrs.attack.seed", 20261124L);
    private static final int SCALE = Integer.getInteger("lagrs.attack.scale", 1);

    static LongStream rollingSeeds() {
        return LongStream.range(0, 150L * SCALE).map(i -> SEED + i);
    }

    static LongStream arimaSeeds() {
        return LongStream.range(0, 12L * SCALE).map(i -> SEED + 7919 * i);
    }

    static LongStream bytesSeeds() {
        return LongStream.range(0, 60L * SCALE).map(i -> SEED + 104729 * i);
    }

    private static final RollingStatistic[] STATISTICS = {RollingStatistic.MEAN, RollingStatistic.SUM,
        RollingStatistic.VAR, RollingStatistic.STD, RollingStatistic.MIN, RollingStatistic.MAX,
        RollingStatistic.MEDIAN};

    /** A series with one of several missing-value patterns, at a scale of 10^-300 .. 10^300. */
    static double[] series(Random r, int n) {
        double scale = Math.pow(10, r.nextInt(601) - 300);
        double[] x = new double[n];
        double level = 0;
        for (int i = 0; i < n; i++) {
            level += r.nextGaussian();
            x[i] = scale * switch (r.nextInt(4)) {
                case 0 -> r.nextGaussian();
                case 1 -> level;
                case 2 -> r.nextInt(3) - 1; // ties and exact zeros
                default -> r.nextInt(50) == 0 ? 1e6 * r.nextGaussian() : r.nextGaussian(); // spikes
            };
        }
        switch (r.nextInt(5)) {
            case 0 -> { } // complete
            case 1 -> { // scattered
                double p = r.nextDouble();
                for (int i = 0; i < n; i++) {
                    if (r.nextDouble() < p) {
                        x[i] = Double.NaN;
                    }
                }
            }
            case 2 -> { // every other value
                for (int i = r.nextInt(2); i < n; i += 2) {
                    x[i] = Double.NaN;
                }
            }
            case 3 -> { // a run
                if (n > 0) {
                    int a = r.nextInt(n);
                    Arrays.fill(x, a, a + r.nextInt(n - a + 1), Double.NaN);
                }
            }
            default -> Arrays.fill(x, Double.NaN);
        }
        return x;
    }

    private static int present(double[] x, int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            count += Double.isNaN(x[i]) ? 0 : 1;
        }
        return count;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("rollingSeeds")
    void rollingGivesTheDocumentedResultOrException(long seed) {
        Random r = new Random(seed);
        int n = r.nextInt(10) == 0 ? r.nextInt(20_000) : r.nextInt(300);
        double[] x = series(r, n);
        RollingStatistic stat = r.nextInt(8) == 0 ? RollingStatistic.quantile(r.nextDouble())
                : STATISTICS[r.nextInt(STATISTICS.length)];
        int window = r.nextInt(12) == 0 ? -r.nextInt(3) : 1 + r.nextInt(Math.max(1, Math.min(n + 5, 400)));
        int minPeriods = r.nextInt(window > 0 ? window + 3 : 3) - 1;
        if (window < 1 || minPeriods < 0 || minPeriods > window) {
            assertThrows(IllegalArgumentException.class, () -> Rolling.apply(stat, x, window, minPeriods));
            return;
        }
        double[] out = Rolling.apply(stat, x, window, minPeriods);
        assertEquals(n, out.length);
        boolean isSum = stat.equals(RollingStatistic.SUM);
        boolean needsTwo = stat.equals(RollingStatistic.VAR) || stat.equals(RollingStatistic.STD);
        for (int i = 0; i < n; i++) {
            int from = Math.max(0, i - window + 1);
            int count = present(x, from, i + 1);
            if (isSum && minPeriods == 0 && count == 0) {
                assertEquals(0.0, out[i], "an empty sum with minPeriods 0 at " + i);
            } else if (count < Math.max(1, minPeriods) || (needsTwo && count < 2)) {
                assertTrue(Double.isNaN(out[i]), stat + " at " + i + " from " + count + " values: " + out[i]);
            } else if (window <= 60) {
                double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
                for (int k = from; k <= i; k++) {
                    if (!Double.isNaN(x[k])) {
                        lo = Math.min(lo, x[k]);
                        hi = Math.max(hi, x[k]);
                    }
                }
                double slack = 1e-9 * Math.max(Math.abs(lo), Math.abs(hi));
                if (stat.equals(RollingStatistic.MIN)) {
                    assertEquals(lo, out[i], "min at " + i);
                } else if (stat.equals(RollingStatistic.MAX)) {
                    assertEquals(hi, out[i], "max at " + i);
                } else if (!isSum && !needsTwo) { // mean, median, quantiles lie inside the window's range
                    assertTrue(out[i] >= lo - slack && out[i] <= hi + slack,
                            stat + " at " + i + ": " + out[i] + " outside [" + lo + ", " + hi + "]");
                } else if (needsTwo && Math.max(Math.abs(lo), Math.abs(hi)) < 1e100) {
                    // (Above that, squares overflow and NaN is pandas' answer too.)
                    assertTrue(out[i] >= 0, stat + " is a non-negative number at " + i + ": " + out[i]);
                }
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("rollingSeeds")
    void manySeriesMatchOneAtATimeAndBadOffsetsAreRejected(long seed) {
        Random r = new Random(seed);
        int count = r.nextInt(12);
        int[] offsets = new int[count + 1];
        for (int j = 1; j <= count; j++) {
            offsets[j] = offsets[j - 1] + r.nextInt(80);
        }
        double[] values = series(r, offsets[count]);
        RollingStatistic stat = STATISTICS[r.nextInt(STATISTICS.length)];
        int window = 1 + r.nextInt(20);
        int minPeriods = r.nextInt(window + 1);
        int[] bad = offsets.clone();
        if (count > 0 && r.nextBoolean()) {
            bad[1 + r.nextInt(count)] += r.nextBoolean() ? 1000 : -1000;
            assertThrows(IllegalArgumentException.class, () -> Rolling.applyMany(stat, values, bad, window, minPeriods));
            assertThrows(IllegalArgumentException.class, () -> Arima.order(0, 0, 0).fitAll(values, bad));
        }
        double[] all = Rolling.applyMany(stat, values, offsets, window, minPeriods);
        for (int j = 0; j < count; j++) {
            double[] alone = Rolling.apply(stat, Arrays.copyOfRange(values, offsets[j], offsets[j + 1]), window, minPeriods);
            assertArrayEquals(alone, Arrays.copyOfRange(all, offsets[j], offsets[j + 1]), 0.0, "series " + j);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("rollingSeeds")
    void lagsShiftExactly(long seed) {
        Random r = new Random(seed);
        double[] x = series(r, r.nextInt(200));
        int k = r.nextInt(x.length + 3) - (r.nextInt(10) == 0 ? 5 : 0);
        if (k < 0) {
            assertThrows(IllegalArgumentException.class, () -> Lags.lag(x, k));
            return;
        }
        double[] lagged = Lags.lag(x, k);
        for (int i = 0; i < x.length; i++) {
            assertEquals(i < k ? Double.NaN : x[i - k], lagged[i], "lag " + k + " at " + i);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("arimaSeeds")
    void batchesOfHostileSeriesGiveAModelOrAReasonForEach(long seed) {
        Random r = new Random(seed);
        Arima spec = Arima.order(r.nextInt(3), r.nextInt(2), r.nextInt(3));
        if (r.nextInt(3) == 0) {
            spec = spec.seasonal(r.nextInt(2), r.nextInt(2), r.nextInt(2), 4);
        }
        int count = 1 + r.nextInt(24);
        double[][] rows = new double[count][];
        for (int j = 0; j < count; j++) {
            rows[j] = series(r, r.nextInt(4) == 0 ? r.nextInt(8) : 20 + r.nextInt(150));
            if (r.nextInt(15) == 0 && rows[j].length > 0) {
                rows[j][r.nextInt(rows[j].length)] = r.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            }
        }
        int[] offsets = new int[count + 1];
        double[] values = ArimaBatchControlsTest.flatten(rows, offsets);
        long modelsBefore = NativeDiagnostics.liveArimaModels0();
        BatchOptions options = BatchOptions.defaults().threads(1 + r.nextInt(3));
        try (ArimaBatch flat = spec.fitAll(values, offsets, options); ArimaBatch byRow = spec.fitAll(rows, options)) {
            Forecast[] forecasts = flat.forecast(1 + r.nextInt(12), 0.8);
            for (int j = 0; j < count; j++) {
                assertEquals(byRow.error(j), flat.error(j), "both layouts agree on series " + j);
                if (flat.succeeded(j)) {
                    assertNull(flat.error(j));
                    assertNotNull(forecasts[j]);
                    try (ArimaModel m = flat.model(j)) {
                        assertTrue(Arrays.stream(m.coefficients()).allMatch(Double::isFinite),
                                spec + " series " + j + ": " + Arrays.toString(m.coefficients()));
                    }
                } else {
                    assertFalse(flat.error(j).isBlank(), "a reason for series " + j);
                    assertNull(forecasts[j]);
                }
            }
        }
        assertEquals(modelsBefore, NativeDiagnostics.liveArimaModels0(), "models taken from the batch were freed");
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("bytesSeeds")
    void tamperedModelBytesAreRejectedOrGiveAUsableModel(long seed) {
        Random r = new Random(seed);
        byte[] original;
        try (ArimaModel m = Arima.order(1, 1, 1).seasonal(1, 0, 0, 4).fit(ArimaModelTest.arma11(80, seed))) {
            original = m.toBytes();
        }
        byte[] bytes = switch (r.nextInt(4)) {
            case 0 -> Arrays.copyOf(original, r.nextInt(original.length + 1)); // truncated
            case 1 -> Arrays.copyOf(original, original.length + 1 + r.nextInt(16)); // extended
            case 2 -> { // random noise
                byte[] noise = new byte[r.nextInt(300)];
                r.nextBytes(noise);
                yield noise;
            }
            default -> { // a few flipped bytes
                byte[] flipped = original.clone();
                for (int k = 0; k <= r.nextInt(4); k++) {
                    flipped[r.nextInt(flipped.length)] ^= (byte) (1 + r.nextInt(255));
                }
                yield flipped;
            }
        };
        ArimaModel restored;
        try {
            restored = ArimaModel.fromBytes(bytes);
        } catch (IllegalArgumentException rejected) {
            assertNotNull(rejected.getMessage());
            return;
        }
        try (ArimaModel m = restored) {
            m.toBytes();
            try {
                m.forecast(1 + r.nextInt(20), 0.9);
            } catch (IllegalArgumentException | LagrsException documented) {
                assertNotNull(documented.getMessage());
            }
        } catch (RuntimeException other) {
            fail("a restored model threw " + other);
        }
    }
}
