package io.lagrs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The intermittent-demand methods and the demand classification through the Java API (their
 * numbers are checked against R and statsforecast in the core's fixture tests).
 */
class IntermittentTest {
    private static final double[] SPARSE = {0, 3, 0, 0, 5, 0, 0, 0, 2, 0, 4, 0};

    @Test
    void buildersWriteTheCoreText() {
        assertEquals("croston", Intermittent.croston().toString());
        assertEquals("croston", Intermittent.croston(0.1).toString());
        assertEquals("croston(alpha=0.3)", Intermittent.croston(0.3).toString());
        assertEquals("croston_optimized", Intermittent.crostonOptimized().toString());
        assertEquals("croston_sba", Intermittent.crostonSba().toString());
        assertEquals("tsb(0.1,0.2)", Intermittent.tsb(0.1, 0.2).toString());
        assertEquals("adida", Intermittent.adida().toString());
        assertEquals("imapa", Intermittent.imapa().toString());
        assertEquals(Intermittent.imapa(), ModelSpec.parse("imapa"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Intermittent.tsb(0.1, 2));
        assertTrue(e.getMessage().contains("alpha_p must be in [0, 1]"), e.getMessage());
    }

    @Test
    void forecastsAreFlatWithNaNBounds() {
        // Croston by hand: sizes 3,5,2,4 and intervals 2,3,4,2 smoothed with alpha 0.1 from
        // the first value (R's ses(initial = "simple")).
        double size = 3;
        double interval = 2;
        double[] sizes = {3, 5, 2, 4};
        double[] intervals = {2, 3, 4, 2};
        for (int k = 0; k < 4; k++) {
            size = 0.1 * sizes[k] + 0.9 * size;
            interval = 0.1 * intervals[k] + 0.9 * interval;
        }
        try (FittedModel model = Intermittent.croston().fit(SPARSE)) {
            assertEquals("Croston's method", model.label());
            IntervalForecast f = model.forecast(4, new double[] {0.8, 0.95});
            for (int i = 0; i < 4; i++) {
                assertEquals(size / interval, f.mean()[i], 1e-12);
                assertTrue(Double.isNaN(f.lower(0)[i]) && Double.isNaN(f.upper(1)[i]));
            }
        }
        try (FittedModel none = Intermittent.adida().fit(new double[8])) {
            assertArrayEquals(new double[3], none.forecast(3, new double[0]).mean());
        }
    }

    @Test
    void negativeAndMissingValuesNameTheMethod() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Intermittent.crostonSba().fit(new double[] {1, 0, -2}));
        assertTrue(e.getMessage().startsWith("croston_sba: y[2] = -2 is negative"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Intermittent.tsb(0.1, 0.1).fit(new double[] {1, Double.NaN}));
        assertTrue(e.getMessage().contains("tsb: y[1] is missing"), e.getMessage());
        assertThrows(NullPointerException.class, () -> Intermittent.imapa().fit(null));
    }

    @Test
    void demandIsClassifiedBySyntetosBoylanCroston() {
        DemandClassification smooth = DemandClassification.of(new double[] {4, 4, 4, 4});
        assertEquals(DemandPattern.SMOOTH, smooth.pattern());
        assertEquals(1.0, smooth.adi());
        assertEquals(0.0, smooth.cv2());
        assertEquals(4, smooth.demands());
        // Sizes 1 and 9: mean 5, sample variance 32, CV² 1.28.
        assertEquals(DemandPattern.ERRATIC, DemandClassification.of(new double[] {1, 9}).pattern());
        DemandClassification sparse = DemandClassification.of(SPARSE);
        assertEquals(11.0 / 4, sparse.adi(), 1e-15);
        assertTrue(sparse.pattern().isIntermittent());
        assertEquals(DemandPattern.NO_DEMAND, DemandClassification.of(new double[3]).pattern());
        assertFalse(DemandPattern.ERRATIC.isIntermittent());
        DemandClassification[] all = DemandClassification.ofAll(new double[][] {{4, 4}, SPARSE});
        assertEquals(DemandPattern.SMOOTH, all[0].pattern());
        assertEquals(sparse, all[1]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DemandClassification.ofAll(new double[][] {{1}, {1, -1}}));
        assertTrue(e.getMessage().startsWith("series[1]: y[1] = -1"), e.getMessage());
        NullPointerException npe = assertThrows(NullPointerException.class,
                () -> DemandClassification.ofAll(new double[][] {{1}, null}));
        assertEquals("series[1]", npe.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DemandClassification.of(new double[0]));
    }
}
