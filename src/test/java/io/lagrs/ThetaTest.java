package io.lagrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * statsforecast's Theta family through the Java API (its numbers are checked against
 * statsforecast in the core's fixture test).
 */
class ThetaTest {
    @Test
    void buildersWriteTheCoreText() {
        assertEquals("theta_standard", Theta.standard(1).toString());
        assertEquals("theta[12]", Theta.thetaf(12).toString());
        assertEquals("theta", Theta.thetaf(1).toString());
        assertEquals("theta_optimized[12]", Theta.optimized(12).toString());
        assertEquals("theta_dynamic[4]", Theta.dynamic(4).toString());
        assertEquals("theta_dynamic_optimized", Theta.dynamicOptimized(1).toString());
        assertEquals("auto_theta[7]", Theta.auto(7).toString());
        assertEquals(Theta.auto(12), ModelSpec.parse("auto_theta[12]"));
        assertThrows(IllegalArgumentException.class, () -> Theta.auto(0));
    }

    @Test
    void aTrendIsForecastWithNaNBoundsAndBadSeriesAreRefused() {
        double[] y = new double[40];
        for (int t = 0; t < y.length; t++) {
            y[t] = 100 + 2 * t + (t % 3);
        }
        try (FittedModel m = Theta.auto(1).fit(y)) {
            assertTrue(m.label().startsWith("AutoTheta("), m.label());
            IntervalForecast f = m.forecast(5, new double[] {0.95});
            for (int i = 0; i < 5; i++) {
                assertTrue(f.mean()[i] > y[y.length - 1], "a rising trend continues");
                assertTrue(Double.isNaN(f.lower(0)[i]) && Double.isNaN(f.upper(0)[i]));
            }
            try (FittedModel back = FittedModel.fromBytes(m.toBytes())) {
                assertEquals(m.forecast(5, new double[0]), back.forecast(5, new double[0]));
            }
        }
        try (FittedModel m = Theta.thetaf(1).fit(y)) {
            assertEquals("Theta", m.label());
            IntervalForecast f = m.forecast(3, new double[] {0.8, 0.95});
            assertTrue(f.lower(1)[0] < f.lower(0)[0] && f.lower(0)[0] < f.mean()[0] && f.mean()[0] < f.upper(0)[0]);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Theta.optimized(1).fit(new double[] {1, 2, 3}));
        assertTrue(e.getMessage().contains("at least 4"), e.getMessage());
        // R's thetaf on 12, 15, 11 (ets' fallback for short series; alpha at its bound 0).
        try (FittedModel m = Theta.thetaf(1).fit(new double[] {12, 15, 11})) {
            double[] r = {11.249999937944716, 10.999999937944715, 10.749999937944715};
            double[] mean = m.forecast(3, new double[0]).mean();
            for (int i = 0; i < 3; i++) {
                assertEquals(r[i], mean[i], 15 * 1e-4);
            }
        }
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class,
                () -> Theta.thetaf(1).fit(new double[] {12}));
        assertTrue(one.getMessage().contains("y has 1 value(s)"), one.getMessage());
    }
}
