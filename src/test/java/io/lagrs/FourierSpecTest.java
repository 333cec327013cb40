package io.lagrs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Fourier terms through the spec text: fitted and forecast with no regressors given. */
class FourierSpecTest {
    private static double[] daily(int n) {
        Random r = new Random(7);
        double[] y = new double[n];
        double e = 0;
        for (int t = 0; t < n; t++) {
            e = 0.5 * e + r.nextGaussian();
            y[t] = 100 + 8 * Math.sin(2 * Math.PI * (t + 1) / 7.0) + 3 * Math.cos(4 * Math.PI * (t + 1) / 7.0) + e;
        }
        return y;
    }

    @Test
    void fourierTermsFitAndForecastThroughTheSpecText() {
        ModelSpec spec = ModelSpec.parse("auto_arima(seasonal=false, fourier=[7:2])");
        assertTrue(spec.toString().contains("fourier=[7:2]"), spec.toString());
        try (FittedModel m = spec.fit(daily(140))) {
            assertTrue(m.label().startsWith("ARIMA("), m.label());
            IntervalForecast f = m.forecast(14, new double[] {0.95});
            double[] mean = f.mean();
            assertEquals(14, mean.length);
            // The weekly pattern carries on: day 141 is one week after day 134.
            for (double v : mean) {
                assertTrue(Double.isFinite(v) && v > 80 && v < 120, String.valueOf(v));
            }
            try (FittedModel back = FittedModel.fromBytes(m.toBytes())) {
                assertArrayEquals(mean, back.forecast(14, new double[] {0.95}).mean());
            }
        }
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ModelSpec.parse("auto_arima(fourier=[7:4])"));
        assertTrue(e.getMessage().contains("K must not be greater than period/2"), e.getMessage());
    }
}
