package io.lagrs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SavedBatchTest {
    @Test
    void aBatchSavedAndLoadedForecastsAndNamesAsTheOriginal() {
        double[][] series = new double[4][];
        for (int s = 0; s < 3; s++) {
            series[s] = new double[40];
            for (int t = 0; t < 40; t++) {
                series[s][t] = 50 + s * t + 10 * Math.sin(2 * Math.PI * t / 12) + ((t * 37 + s) % 11 - 5);
            }
        }
        series[3] = new double[] {Double.NaN, Double.NaN};
        try (ModelBatch batch = ModelSpec.parse("auto_arima[12]").fitAll(series);
                ModelBatch loaded = ModelBatch.fromBytes(batch.toBytes())) {
            assertEquals(batch.size(), loaded.size());
            assertArrayEquals(batch.labels(), loaded.labels());
            assertEquals(batch.error(3), loaded.error(3));
            assertTrue(loaded.error(3) != null && !loaded.succeeded(3));
            IntervalForecast[] a = batch.forecast(12, new double[] {0.8, 0.95});
            IntervalForecast[] b = loaded.forecast(12, new double[] {0.8, 0.95});
            for (int i = 0; i < 3; i++) {
                assertArrayEquals(a[i].mean(), b[i].mean());
                assertArrayEquals(a[i].lower(1), b[i].lower(1));
            }
            assertEquals(null, b[3]);
            try (FittedModel m = loaded.model(1)) {
                assertEquals(batch.labels()[1], m.label());
            }
            assertThrows(IllegalStateException.class, () -> loaded.model(3));
            loaded.close();
            assertThrows(IllegalStateException.class, loaded::labels);
        }
    }

    @Test
    void bytesThatAreNotABatchAreRejected() {
        assertThrows(NullPointerException.class, () -> ModelBatch.fromBytes(null));
        assertThrows(IllegalArgumentException.class, () -> ModelBatch.fromBytes(new byte[] {1, 2, 3}));
        try (ModelBatch batch = Baseline.naive().fitAll(new double[][] {{1, 2, 3}})) {
            byte[] bytes = batch.toBytes();
            assertThrows(IllegalArgumentException.class, () -> ModelBatch.fromBytes(Arrays.copyOf(bytes, bytes.length - 3)));
            byte[] extra = Arrays.copyOf(bytes, bytes.length + 1);
            assertThrows(IllegalArgumentException.class, () -> ModelBatch.fromBytes(extra));
        }
    }
}
