package io.lagrs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Auto-ARIMA's own Box-Cox transform follows the engine's rule for lambda: |lambda| above 10,
 * or a transform or model that is not finite, is an {@link IllegalArgumentException} naming
 * lambda; |lambda| below 1e-12 is the log. Before, these gave models whose every number was
 * NaN, or a forecast of a constant 1.0.
 */
class AutoArimaBoxCoxExtremesTest {
    private static double[] line(int n) {
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = i + 1;
        }
        return y;
    }

    private static double[] scaled(double[] y, double factor) {
        return Arrays.stream(y).map(v -> v * factor).toArray();
    }

    private static void assertRefusedNamingLambda(AutoArima auto, double[] y) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> auto.fit(y).close());
        assertTrue(e.getMessage().contains("lambda"), e.getMessage());
    }

    @Test
    void lambdasBeyondTheEnginesRangeAreRefusedNamingLambda() {
        double[] y = AutoArimaTest.WWW_USAGE;
        assertRefusedNamingLambda(AutoArima.builder().lambda(1e10).build(), y);
        assertRefusedNamingLambda(AutoArima.builder().lambda(-11).build(), y);
        assertRefusedNamingLambda(AutoArima.builder().lambda(50).biasAdjust(true).build(), line(40));
        // The spec text takes the same rule.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelSpec.parse("auto_arima(lambda=1e10)").fit(y).close());
        assertTrue(e.getMessage().contains("lambda"), e.getMessage());
    }

    @Test
    void aTransformThatIsNotFiniteIsRefusedNamingLambda() {
        // Guerrero's lambda for these is near 2: x^2 overflows.
        assertRefusedNamingLambda(AutoArima.builder().lambdaAuto().build(), scaled(AutoArimaTest.WWW_USAGE, 1e198));
        // Inside the range, but 1e40^10 overflows.
        assertRefusedNamingLambda(AutoArima.builder().lambda(10).build(), scaled(AutoArimaTest.WWW_USAGE, 1e38));
    }

    @Test
    void aTinyLambdaIsTheLog() {
        double[] y = AutoArimaTest.AIR_PASSENGERS;
        try (ArimaModel log = AutoArima.builder().seasonalPeriod(12).lambda(0).build().fit(y)) {
            Forecast expected = log.forecast(12, 0.95);
            for (double tiny : new double[] {1e-300, -1e-300, 1e-13, -Double.MIN_VALUE}) {
                try (ArimaModel m = AutoArima.builder().seasonalPeriod(12).lambda(tiny).build().fit(y)) {
                    assertEquals(0.0, m.lambda(), "lambda " + tiny);
                    assertArrayEquals(log.order(), m.order(), "lambda " + tiny);
                    Forecast f = m.forecast(12, 0.95);
                    assertArrayEquals(expected.mean(), f.mean(), "lambda " + tiny);
                    assertArrayEquals(expected.upper(), f.upper(), "lambda " + tiny);
                    // AirPassengers' forecasts are in the hundreds, not the transform's 1.0.
                    assertTrue(f.mean()[0] > 300, "lambda " + tiny + ": " + f.mean()[0]);
                }
            }
        }
    }

    @Test
    void lambdasInsideTheRangeStillFit() {
        try (ArimaModel m = AutoArima.builder().lambda(10).biasAdjust(true).build().fit(line(40))) {
            assertEquals(10.0, m.lambda());
            assertTrue(Double.isFinite(m.sigma()) && Arrays.stream(m.coefficients()).allMatch(Double::isFinite));
        }
        try (ArimaModel m = AutoArima.builder().lambda(2e-12).build().fit(AutoArimaTest.WWW_USAGE)) {
            assertEquals(2e-12, m.lambda());
        }
    }
}
