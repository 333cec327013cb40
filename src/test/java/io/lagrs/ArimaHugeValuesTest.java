package io.lagrs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Series whose innovation variance lies outside the double range (values near 1e160, or one
 * 1e200 value among ordinary ones) or near its bottom (1e-200, 1e-300) fit like any other:
 * the model keeps sigma2 in the units it was fitted in, so coefficients, standard errors,
 * likelihood, forecasts and intervals are finite and scale with the data; only
 * {@code sigma2()} itself is +Infinity where it overflows. Tolerances are those of the
 * invariance test of the native core (rust/tests/arima_scale.rs).
 */
class ArimaHugeValuesTest {
    private static final Arima SPEC = Arima.order(1, 0, 1);

    /** An ARMA(1,1) around 10 with unit innovations. */
    private static double[] series(int n, long seed) {
        Random r = new Random(seed);
        double[] y = new double[n];
        double prev = 0, ePrev = 0;
        for (int t = -100; t < n; t++) {
            double e = r.nextGaussian();
            prev = 0.6 * prev + e + 0.3 * ePrev;
            ePrev = e;
            if (t >= 0) {
                y[t] = 10 + prev;
            }
        }
        return y;
    }

    private static double[] times(double[] y, double s) {
        return Arrays.stream(y).map(v -> v * s).toArray();
    }

    private static void assertFinite(Forecast f, String what) {
        for (double[] part : new double[][] {f.mean(), f.lower(), f.upper()}) {
            for (double v : part) {
                assertTrue(Double.isFinite(v), what + ": forecast " + Arrays.toString(part));
            }
        }
    }

    /** {@code scaled} is {@code base} fitted to the series times {@code s}. */
    private static void assertScaled(ArimaModel base, ArimaModel scaled, double s, String what) {
        double[] c0 = base.coefficients(), c1 = scaled.coefficients();
        double[] e0 = base.standardErrors(), e1 = scaled.standardErrors();
        int narma = base.ar().length + base.ma().length;
        for (int i = 0; i < narma; i++) {
            assertEquals(c0[i], c1[i], 1e-6, what + ": coefficient " + i);
            assertEquals(e0[i], e1[i], 1e-4 * e0[i], what + ": standard error " + i);
        }
        for (int i = narma; i < c0.length; i++) {
            if (Double.isNaN(e0[i])) {
                assertTrue(Double.isNaN(e1[i]), what + ": standard error " + i);
                assertEquals(c0[i], c1[i] / s, 1e-9 * Math.abs(c0[i]), what + ": coefficient " + i);
            } else {
                assertEquals(c0[i], c1[i] / s, 1e-6 * e0[i], what + ": coefficient " + i);
                assertEquals(e0[i], e1[i] / s, 1e-4 * e0[i], what + ": standard error " + i);
            }
        }
        assertEquals(base.sigma(), scaled.sigma() / s, 1e-8 * base.sigma(), what + ": sigma");
        int nUsed = base.residuals().length;
        assertEquals(base.logLikelihood(), scaled.logLikelihood() + nUsed * Math.log(s), 1e-8 * nUsed, what + ": loglik");
        assertTrue(Double.isFinite(scaled.aic()) && Double.isFinite(scaled.aicc()) && Double.isFinite(scaled.bic()), what);
        Forecast f0 = base.forecast(8, 0.95), f1 = scaled.forecast(8, 0.95);
        assertFinite(f1, what);
        double sd = base.sigma();
        for (int h = 0; h < 8; h++) {
            assertEquals(f0.mean()[h], f1.mean()[h] / s, 1e-6 * sd, what + ": mean " + h);
            assertEquals(f0.lower()[h], f1.lower()[h] / s, 1e-6 * sd, what + ": lower " + h);
            assertEquals(f0.upper()[h], f1.upper()[h] / s, 1e-6 * sd, what + ": upper " + h);
        }
    }

    @Test
    void extremeUnitsFitAndScaleWithTheData() {
        double[] y = series(200, 9);
        try (ArimaModel base = SPEC.fit(y)) {
            for (double s : new double[] {1e160, 1e200, 1e300, 1e-200, 1e-300}) {
                try (ArimaModel m = SPEC.fit(times(y, s))) {
                    assertScaled(base, m, s, "s = " + s);
                    double sigma2 = base.sigma2() * s * s;
                    if (Double.isInfinite(sigma2)) {
                        assertEquals(Double.POSITIVE_INFINITY, m.sigma2(), "sigma2 beyond the double range");
                    }
                    try (ArimaModel restored = ArimaModel.fromBytes(m.toBytes())) {
                        assertArrayEquals(m.forecast(5, 0.9).upper(), restored.forecast(5, 0.9).upper());
                        assertEquals(m.sigma(), restored.sigma());
                    }
                }
            }
        }
    }

    @Test
    void oneHugeValueAmongOrdinaryOnesFits() {
        double[] spike = series(200, 9);
        spike[100] = 1e200;
        try (ArimaModel m = SPEC.fit(spike);
                ArimaModel smaller = SPEC.fit(times(spike, 1e-60))) {
            assertEquals(Double.POSITIVE_INFINITY, m.sigma2());
            assertTrue(Double.isFinite(m.sigma()) && Double.isFinite(m.logLikelihood()));
            assertFinite(m.forecast(12, 0.95), "1e200 spike");
            // The same series in units 1e60 times smaller (a 1e140 spike) has a representable
            // variance; the two fits agree.
            assertScaled(smaller, m, 1e60, "1e200 spike");
        }
    }

    @Test
    void batchesAndAutomaticSelectionFitThemToo() {
        double[] y = series(200, 9);
        double[] spike = y.clone();
        spike[100] = 1e200;
        double[][] all = {y, times(y, 1e160), spike};
        try (ArimaBatch b = SPEC.fitAll(all)) {
            for (int i = 0; i < all.length; i++) {
                assertTrue(b.succeeded(i), "series " + i + ": " + b.error(i));
                try (ArimaModel single = SPEC.fit(all[i]); ArimaModel fromBatch = b.model(i)) {
                    assertArrayEquals(single.coefficients(), fromBatch.coefficients(), "series " + i);
                    assertEquals(single.sigma2(), fromBatch.sigma2(), "series " + i);
                }
            }
            for (Forecast f : b.forecast(6, 0.8)) {
                assertFinite(f, "batch");
            }
        }
        AutoArima auto = AutoArima.builder().build();
        try (ArimaModel plain = auto.fit(y); ArimaModel huge = auto.fit(times(y, 1e160))) {
            assertArrayEquals(plain.order(), huge.order(), "the same model is chosen at 1e160");
            assertEquals(plain.ic(), huge.ic() - 2 * (y.length - plain.order()[1]) * Math.log(1e160),
                    1e-6 * Math.abs(plain.ic()), "criteria shift by 2 n log(s)");
            assertFinite(huge.forecast(6, 0.95), "auto at 1e160");
        }
        try (ArimaBatch b = auto.fitAll(all)) {
            for (int i = 0; i < all.length; i++) {
                assertTrue(b.succeeded(i), "auto series " + i + ": " + b.error(i));
            }
            for (Forecast f : b.forecast(6, 0.8)) {
                assertFinite(f, "auto batch");
            }
        }
    }
}
