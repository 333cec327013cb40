package io.lagrs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Forecast results are immutable, and the horizon rule is the same for a model and a batch. */
class ForecastTest {
    private static double[] series(int n, int seed) {
        double[] y = new double[n];
        double e = 0;
        long state = seed;
        for (int t = 0; t < n; t++) {
            state = state * 6364136223846793005L + 1442695040888963407L;
            double u = ((state >>> 11) * 0x1.0p-53) - 0.5;
            y[t] = 0.6 * (t > 0 ? y[t - 1] : 0) + u + 0.3 * e;
            e = u;
        }
        return y;
    }

    @Test
    void changingReturnedArraysDoesNotChangeTheForecast() {
        double[] mean = {1, 2};
        Forecast f = new Forecast(mean, new double[] {0, 1}, new double[] {2, 3}, 0.9);
        mean[0] = 999;
        f.mean()[0] = 999;
        f.lower()[1] = 999;
        f.upper()[0] = -999;
        assertArrayEquals(new double[] {1, 2}, f.mean());
        assertArrayEquals(new double[] {0, 1}, f.lower());
        assertArrayEquals(new double[] {2, 3}, f.upper());
        assertEquals(new Forecast(new double[] {1, 2}, new double[] {0, 1}, new double[] {2, 3}, 0.9), f);
    }

    @Test
    void batchForecastBeyondTheHorizonCapThrowsAsTheModelDoes() {
        try (ArimaBatch b = Arima.order(1, 0, 1).fitAll(new double[][] {series(80, 1), series(80, 2)});
                ArimaModel m = b.model(0)) {
            assertTrue(b.succeeded(0) && b.succeeded(1));
            int h = ArimaModel.MAX_HORIZON + 1;
            IllegalArgumentException single = assertThrows(IllegalArgumentException.class, () -> m.forecast(h, 0.95));
            IllegalArgumentException batch = assertThrows(IllegalArgumentException.class, () -> b.forecast(h, 0.95));
            assertEquals(single.getMessage(), batch.getMessage());
            assertTrue(batch.getMessage().startsWith("h "), batch.getMessage());
            for (int bad : new int[] {0, -1}) {
                assertThrows(IllegalArgumentException.class, () -> m.forecast(bad, 0.95));
                assertThrows(IllegalArgumentException.class, () -> b.forecast(bad, 0.95));
            }
            assertThrows(IllegalArgumentException.class, () -> b.forecast(3, 1.0));
            assertThrows(IllegalArgumentException.class, () -> b.forecast(3, Double.NaN));
        }
    }

    @Test
    void batchForecastIsNullExactlyWhereTheFitFailed() {
        try (ArimaBatch b = Arima.order(1, 0, 1).fitAll(new double[][] {series(80, 3), null, series(80, 4)})) {
            Forecast[] fs = b.forecast(5, 0.8);
            for (int i = 0; i < b.size(); i++) {
                assertEquals(b.succeeded(i), fs[i] != null, "series " + i);
            }
            try (ArimaModel m = b.model(2)) {
                assertNotNull(fs[2]);
                assertEquals(m.forecast(5, 0.8), fs[2]);
            }
        }
    }
}
