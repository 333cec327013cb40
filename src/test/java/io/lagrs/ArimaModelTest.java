package io.lagrs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** ArimaModel as a user meets it: results, save and restore, closing, and bad input. */
class ArimaModelTest {

    /** A seeded ARMA(1,1) series around 10. */
    static double[] arma11(int n, long seed) {
        Random random = new Random(seed);
        double[] y = new double[n];
        double previous = 0, previousShock = 0;
        for (int t = 0; t < n; t++) {
            double shock = random.nextGaussian();
            double x = 0.6 * previous + shock + 0.3 * previousShock;
            y[t] = 10 + x;
            previous = x;
            previousShock = shock;
        }
        return y;
    }

    @Test
    void resultsAreConsistent() {
        double[] y = arma11(200, 1);
        try (ArimaModel m = Arima.order(1, 0, 1).fit(y)) {
            assertEquals(1, m.ar().length);
            assertEquals(1, m.ma().length);
            assertEquals(0, m.seasonalAr().length);
            assertEquals(0, m.seasonalMa().length);
            assertTrue(Math.abs(m.ar()[0] - 0.6) < 0.2, "ar1 near the truth: " + m.ar()[0]);
            assertTrue(Math.abs(m.mean() - 10) < 0.5, "mean near the truth: " + m.mean());
            assertTrue(Double.isNaN(m.drift()));
            assertArrayEquals(new int[] {1, 0, 1, 0, 0, 0, 0}, m.order());
            assertArrayEquals(new double[] {m.ar()[0], m.ma()[0], m.mean()}, m.coefficients());
            assertEquals(3, m.standardErrors().length);
            assertTrue(Arrays.stream(m.standardErrors()).allMatch(se -> se > 0 && se < 1));

            // R: aic = -2 loglik + 2 (k + 1); aicc and bic as forecast::Arima with n.used = n.
            int k = 3;
            int n = y.length;
            assertEquals(-2 * m.logLikelihood() + 2 * (k + 1), m.aic(), 1e-9);
            assertEquals(m.aic() + 2.0 * (k + 1) * (k + 2) / (n - k - 2), m.aicc(), 1e-9);
            assertEquals(m.aic() + (k + 1) * (Math.log(n) - 2), m.bic(), 1e-9);

            double[] residuals = m.residuals();
            double[] fitted = m.fitted();
            assertEquals(n, residuals.length);
            for (int t = 0; t < n; t++) {
                assertEquals(y[t], fitted[t] + residuals[t], 1e-9);
            }
            double meanSquare = Arrays.stream(residuals).map(r -> r * r).average().orElseThrow();
            assertEquals(m.sigma2(), meanSquare, 0.1 * m.sigma2(), "sigma2 is about the residual variance");
        }
    }

    @Test
    void forecastIntervalsWidenWithTheHorizonAndTheLevel() {
        try (ArimaModel m = Arima.order(0, 1, 1).fit(arma11(150, 2))) {
            Forecast f95 = m.forecast(10, 0.95);
            Forecast f80 = m.forecast(10, 0.80);
            assertEquals(10, f95.horizon());
            assertEquals(0.95, f95.level());
            assertArrayEquals(f95.mean(), f80.mean());
            for (int i = 0; i < 10; i++) {
                double width95 = f95.upper()[i] - f95.lower()[i];
                double width80 = f80.upper()[i] - f80.lower()[i];
                assertTrue(width95 > width80);
                // Gaussian intervals: the widths are in the ratio of the normal quantiles.
                assertEquals(1.959963984540054 / 1.2815515655446004, width95 / width80, 1e-9);
                if (i > 0) {
                    assertTrue(width95 > f95.upper()[i - 1] - f95.lower()[i - 1]);
                }
                assertEquals(f95.mean()[i], (f95.upper()[i] + f95.lower()[i]) / 2, 1e-9);
            }
            // One step ahead, the interval is mean +- z * sqrt(sigma2).
            assertEquals(1.959963984540054 * Math.sqrt(m.sigma2()), f95.upper()[0] - f95.mean()[0], 1e-9);
        }
    }

    @Test
    void savedModelsRestoreExactly() {
        try (ArimaModel m = Arima.order(1, 1, 1).seasonal(0, 1, 1, 12).fit(seasonal(144, 3));
             ArimaModel restored = ArimaModel.fromBytes(m.toBytes())) {
            assertEquals(m.forecast(24, 0.9), restored.forecast(24, 0.9));
            assertArrayEquals(m.coefficients(), restored.coefficients());
            assertEquals(m.logLikelihood(), restored.logLikelihood());
            assertArrayEquals(m.residuals(), restored.residuals());
            assertArrayEquals(m.order(), restored.order());
        }
    }

    @Test
    void corruptSavedModelsAreRejected() {
        byte[] good;
        try (ArimaModel m = Arima.order(1, 0, 0).fit(arma11(80, 4))) {
            good = m.toBytes();
        }
        assertThrows(NullPointerException.class, () -> ArimaModel.fromBytes(null));
        assertThrows(IllegalArgumentException.class, () -> ArimaModel.fromBytes(new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> ArimaModel.fromBytes(Arrays.copyOf(good, good.length / 2)));
        byte[] badMagic = good.clone();
        badMagic[0] ^= 0x55;
        assertThrows(IllegalArgumentException.class, () -> ArimaModel.fromBytes(badMagic));
        Random random = new Random(5);
        for (int trial = 0; trial < 200; trial++) {
            byte[] flipped = good.clone();
            flipped[random.nextInt(flipped.length)] ^= (byte) (1 + random.nextInt(255));
            // A flipped byte either is caught, or still decodes to a usable model: never a crash.
            try (ArimaModel m = ArimaModel.fromBytes(flipped)) {
                m.forecast(3, 0.95);
            } catch (IllegalArgumentException | LagrsException expected) {
                // rejected with a clear exception
            }
        }
    }

    @Test
    void closedModelsThrowIllegalStateException() {
        ArimaModel m = Arima.order(1, 0, 0).fit(arma11(60, 6));
        assertFalse(m.isClosed());
        m.close();
        m.close();
        assertTrue(m.isClosed());
        IllegalStateException e = assertThrows(IllegalStateException.class, m::ar);
        assertEquals("this ArimaModel is closed", e.getMessage());
        assertThrows(IllegalStateException.class, () -> m.forecast(1, 0.9));
        assertThrows(IllegalStateException.class, m::toBytes);
        assertThrows(IllegalStateException.class, m::logLikelihood);
        assertEquals("ArimaModel[closed]", m.toString());
    }

    @Test
    void badInputGetsClearExceptions() {
        double[] y = arma11(100, 7);
        assertEquals("y must not be null", assertThrows(NullPointerException.class, () -> Arima.order(1, 0, 0).fit(null)).getMessage());
        // The rules on orders are the native core's (the bridge's for negative values), checked
        // as the specification is built, with messages naming the argument.
        assertEquals("p must not be negative, got -1",
                assertThrows(IllegalArgumentException.class, () -> Arima.order(-1, 0, 0)).getMessage());
        assertEquals("d must not be negative, got -1",
                assertThrows(IllegalArgumentException.class, () -> Arima.order(1, -1, 0)).getMessage());
        assertEquals("period must be >= 2 when P, D or Q is > 0, got 1",
                assertThrows(IllegalArgumentException.class, () -> Arima.order(0, 0, 1).seasonal(1, 0, 0, 1)).getMessage());
        assertEquals("P must not be negative, got -1",
                assertThrows(IllegalArgumentException.class, () -> Arima.order(0, 0, 1).seasonal(-1, 0, 0, 12)).getMessage());
        assertEquals("period must not be negative, got -12",
                assertThrows(IllegalArgumentException.class, () -> Arima.order(0, 0, 1).seasonal(0, 0, 0, -12)).getMessage());
        assertEquals("p must be <= 20, got 500",
                assertThrows(IllegalArgumentException.class, () -> Arima.order(500, 0, 0)).getMessage());
        assertEquals("p + P * period must be <= 400, got 405",
                assertThrows(IllegalArgumentException.class, () -> Arima.order(5, 0, 0).seasonal(1, 0, 0, 400)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Arima.order(0, 9, 0).fit(y));
        assertThrows(IllegalArgumentException.class, () -> Arima.order(0, 1, 1).includeMean(true).fit(y));
        assertThrows(IllegalArgumentException.class, () -> Arima.order(0, 2, 1).includeDrift(true).fit(y));
        assertThrows(IllegalArgumentException.class, () -> Arima.order(2, 1, 2).fit(new double[] {1, 2, 3}));
        assertThrows(IllegalArgumentException.class, () -> Arima.order(1, 0, 0).fit(new double[0]));
        double[] withInfinity = y.clone();
        withInfinity[10] = Double.POSITIVE_INFINITY;
        assertThrows(IllegalArgumentException.class, () -> Arima.order(1, 0, 0).fit(withInfinity));
        double[] allMissing = new double[50];
        Arrays.fill(allMissing, Double.NaN);
        assertThrows(IllegalArgumentException.class, () -> Arima.order(1, 0, 0).fit(allMissing));
        try (ArimaModel m = Arima.order(1, 0, 0).fit(y)) {
            assertThrows(IllegalArgumentException.class, () -> m.forecast(0, 0.95));
            assertThrows(IllegalArgumentException.class, () -> m.forecast(5, 1.0));
            assertThrows(IllegalArgumentException.class, () -> m.forecast(5, Double.NaN));
        }
    }

    @Test
    void degenerateSeriesGiveAValidModelOrAClearException() {
        double[] constant = new double[100];
        Arrays.fill(constant, 42.0);
        double[] oneSpike = new double[100];
        oneSpike[37] = 5.0;
        double[] tiny = new double[100];
        Random random = new Random(8);
        for (int i = 0; i < tiny.length; i++) {
            tiny[i] = 1e-12 * random.nextGaussian();
        }
        double[] huge = arma11(100, 9);
        for (int i = 0; i < huge.length; i++) {
            huge[i] *= 1e12;
        }
        Arima[] specs = {
            Arima.order(1, 0, 1), Arima.order(2, 1, 2), Arima.order(0, 1, 1).seasonal(0, 1, 1, 12),
            Arima.order(1, 1, 0).includeDrift(true), Arima.order(0, 0, 0),
        };
        for (double[] y : new double[][] {constant, oneSpike, tiny, huge}) {
            for (Arima spec : specs) {
                try (ArimaModel m = spec.fit(y)) {
                    for (double c : m.coefficients()) {
                        assertTrue(Double.isFinite(c), spec + " gave a non-finite coefficient");
                    }
                    assertTrue(Double.isFinite(m.logLikelihood()) || m.sigma2() == 0.0, spec + " loglik");
                    Forecast f = m.forecast(5, 0.95);
                    assertTrue(Arrays.stream(f.mean()).allMatch(Double::isFinite), spec + " forecast");
                } catch (LagrsException | IllegalArgumentException clear) {
                    assertNotEquals(null, clear.getMessage());
                }
            }
        }
    }

    /** A seeded seasonal series with period 12. */
    static double[] seasonal(int n, long seed) {
        Random random = new Random(seed);
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = 100 + 0.5 * t + 10 * Math.sin(2 * Math.PI * t / 12) + 3 * random.nextGaussian();
        }
        return y;
    }
}
