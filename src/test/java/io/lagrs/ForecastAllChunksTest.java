package io.lagrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link ModelSpec#forecastAll} writes each chunk of series (16 MiB of input values) into the
 * output arrays as it finishes: series past the first chunk, failures in any chunk and the
 * shared labels must land at their own index, as fitting them one by one gives.
 */
class ForecastAllChunksTest {
    /** 45,000 series of 60 values: two chunks of at most 2^21 values, the second from series 34,952. */
    private static final int SERIES = 45_000;
    private static final int LENGTH = 60;

    @Test
    void everyChunkLandsAtItsSeries() {
        Random random = new Random(11);
        double[] values = new double[SERIES * LENGTH];
        int[] offsets = new int[SERIES + 1];
        for (int j = 0; j < SERIES; j++) {
            offsets[j + 1] = offsets[j] + LENGTH;
            for (int t = 0; t < LENGTH; t++) {
                values[offsets[j] + t] = 100 + j % 97 + 5 * Math.sin(2 * Math.PI * t / 12) + random.nextGaussian();
            }
        }
        // Failures in the first chunk and in the second.
        int[] broken = {3, 34_952, 44_999};
        for (int j : broken) {
            values[offsets[j] + 7] = Double.NEGATIVE_INFINITY;
        }
        ModelSpec spec = Baseline.seasonalNaive(12);
        double[] levels = {0.8, 0.95};
        int h = 24;
        BatchForecast all = spec.forecastAll(values, offsets, h, levels, BatchOptions.defaults());
        assertEquals(SERIES, all.size());
        for (int j : broken) {
            assertFalse(all.succeeded(j));
            assertTrue(all.error(j).contains("infinite"), all.error(j));
            assertNull(all.label(j));
            assertNull(all.forecast(j));
            assertTrue(Double.isNaN(all.means()[j * h]));
        }
        for (int j : new int[] {0, 34_950, 34_951, 34_953, 44_998}) {
            double[] y = java.util.Arrays.copyOfRange(values, offsets[j], offsets[j + 1]);
            try (FittedModel one = spec.fit(y)) {
                assertEquals(one.forecast(h, levels), all.forecast(j), "series " + j);
                assertEquals(one.label(), all.label(j));
            }
        }
        // A million series share a handful of label strings, not a copy each.
        assertSame(all.label(0), all.label(SERIES - 2));
        long failed = java.util.stream.IntStream.range(0, SERIES).filter(j -> !all.succeeded(j)).count();
        assertEquals(broken.length, failed);
    }

    @Test
    void requestsTheOutputCannotHoldFailWithTheirArgument() {
        double[] values = {1, 2, 3, 4};
        int[] offsets = {0, 4};
        ModelSpec spec = Baseline.naive();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> spec.forecastAll(values, offsets, -1, new double[] {0.8}, BatchOptions.defaults()));
        assertTrue(e.getMessage().contains("h"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> spec.forecastAll(values, offsets, 2_000_000, new double[] {0.8}, BatchOptions.defaults()));
        assertTrue(e.getMessage().contains("h must be between"), e.getMessage());
        // 1,100 series of 1,000,000 steps and one level: past one Java array.
        int[] many = new int[1_101];
        double[] ones = new double[1_100];
        for (int j = 0; j < 1_100; j++) {
            many[j + 1] = j + 1;
            ones[j] = 1;
        }
        e = assertThrows(IllegalArgumentException.class,
                () -> spec.forecastAll(ones, many, 1_000_000, new double[] {0.8}, BatchOptions.defaults()));
        assertTrue(e.getMessage().contains("do not fit in one Java array"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> spec.forecastAll(values, new int[] {0, 5}, 2, new double[] {0.8}, BatchOptions.defaults()));
        assertTrue(e.getMessage().contains("offsets"), e.getMessage());
        BatchForecast none = spec.forecastAll(new double[0], new int[] {0}, 3, new double[] {0.8},
                BatchOptions.defaults());
        assertEquals(0, none.size());
    }
}
