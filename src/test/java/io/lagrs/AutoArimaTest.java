package io.lagrs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Java API of {@link AutoArima}: results against R, special cases, arguments, lifecycle. */
class AutoArimaTest {
    /** R's {@code datasets::WWWusage}. */
    static final double[] WWW_USAGE = {88, 84, 85, 85, 84, 85, 83, 85, 88, 89, 91, 99, 104, 112, 126, 138, 146,
        151, 150, 148, 147, 149, 143, 132, 131, 139, 147, 150, 148, 145, 140, 134, 131, 131, 129, 126, 126, 132,
        137, 140, 142, 150, 159, 167, 170, 171, 172, 172, 174, 175, 172, 172, 174, 174, 169, 165, 156, 142, 131,
        121, 112, 104, 102, 99, 99, 95, 88, 84, 84, 87, 89, 88, 85, 86, 89, 91, 91, 94, 101, 110, 121, 135, 145,
        149, 156, 165, 171, 175, 177, 182, 193, 204, 208, 210, 215, 222, 228, 226, 222, 220};

    /** R's {@code datasets::USAccDeaths}, monthly. */
    static final double[] US_ACC_DEATHS = {9007, 8106, 8928, 9137, 10017, 10826, 11317, 10744, 9713, 9938, 9161,
        8927, 7750, 6981, 8038, 8422, 8714, 9512, 10120, 9823, 8743, 9129, 8710, 8680, 8162, 7306, 8124, 7870,
        9387, 9556, 10093, 9620, 8285, 8466, 8160, 8034, 7717, 7461, 7767, 7925, 8623, 8945, 10078, 9179, 8037,
        8488, 7874, 8647, 7792, 6957, 7726, 8106, 8890, 9299, 10625, 9302, 8314, 8850, 8265, 8796, 7836, 6892,
        7791, 8192, 9115, 9434, 10484, 9827, 9110, 9070, 8633, 9240};

    /** R's {@code datasets::AirPassengers}, monthly. */
    static final double[] AIR_PASSENGERS = {
        112, 118, 132, 129, 121, 135, 148, 148, 136, 119, 104, 118, 115, 126, 141, 135, 125, 149, 170, 170, 158, 133, 
        114, 140, 145, 150, 178, 163, 172, 178, 199, 199, 184, 162, 146, 166, 171, 180, 193, 181, 183, 218, 230, 242, 
        209, 191, 172, 194, 196, 196, 236, 235, 229, 243, 264, 272, 237, 211, 180, 201, 204, 188, 235, 227, 234, 264, 
        302, 293, 259, 229, 203, 229, 242, 233, 267, 269, 270, 315, 364, 347, 312, 274, 237, 278, 284, 277, 317, 313, 
        318, 374, 413, 405, 355, 306, 271, 306, 315, 301, 356, 348, 355, 422, 465, 467, 404, 347, 305, 336, 340, 318, 
        362, 348, 363, 435, 491, 505, 404, 359, 310, 337, 360, 342, 406, 396, 420, 472, 548, 559, 463, 407, 362, 405, 
        417, 391, 419, 461, 472, 535, 622, 606, 508, 461, 390, 432};

    @Test
    void logTransformedAirPassengersForecastsOnTheDataScale() {
        // forecast 8.20: auto.arima(AirPassengers, lambda = 0) is ARIMA(0,1,1)(0,1,1)[12], AICc
        // -483.2101; forecast(h = 3): mean 450.422370344, 425.717197983, 479.006829982; 95% lower
        // 418.889509727, 391.193784844, 435.567717746.
        try (ArimaModel m = AutoArima.builder().seasonalPeriod(12).lambda(0).build().fit(AIR_PASSENGERS)) {
            assertArrayEquals(new int[] {0, 1, 1, 0, 1, 1, 12}, m.order());
            assertEquals(0.0, m.lambda());
            // The core's likelihood treats the 13 differencing start values as exactly diffuse;
            // R's uses a prior variance of 1e6, which shifts the log-likelihood by ~0.003 here.
            assertEquals(-483.2101, m.ic(), 1e-2);
            assertEquals(m.aicc(), m.ic(), 1e-9);
            Forecast f = m.forecast(3, 0.95);
            double[] mean = {450.422370344, 425.717197983, 479.006829982};
            double[] lower = {418.889509727, 391.193784844, 435.567717746};
            for (int i = 0; i < 3; i++) {
                assertEquals(mean[i], f.mean()[i], 1e-4 * mean[i]);
                assertEquals(lower[i], f.lower()[i], 1e-4 * lower[i]);
            }
            // Fitted values are on the data scale too.
            assertEquals(AIR_PASSENGERS[100], m.fitted()[100], 0.1 * AIR_PASSENGERS[100]);
        }
    }

    @Test
    void guerrerosLambdaWithBiasAdjustment() {
        // forecast 8.20: auto.arima(AirPassengers, lambda = "auto", biasadj = TRUE): lambda
        // -0.294704614350134, ARIMA(0,1,1)(0,1,1)[12], mean forecasts 452.781014975,
        // 427.157458362, 486.915747665.
        try (ArimaModel m = AutoArima.builder().seasonalPeriod(12).lambdaAuto().biasAdjust(true).build()
                .fit(AIR_PASSENGERS)) {
            assertEquals(-0.294704614350134, m.lambda(), 1e-6);
            assertArrayEquals(new int[] {0, 1, 1, 0, 1, 1, 12}, m.order());
            double[] mean = {452.781014975, 427.157458362, 486.915747665};
            Forecast f = m.forecast(3, 0.95);
            for (int i = 0; i < 3; i++) {
                assertEquals(mean[i], f.mean()[i], 1e-4 * mean[i]);
            }
            try (ArimaModel restored = ArimaModel.fromBytes(m.toBytes())) {
                assertEquals(m.lambda(), restored.lambda());
                assertEquals(m.ic(), restored.ic());
                assertArrayEquals(f.mean(), restored.forecast(3, 0.95).mean());
            }
        }
    }

    @Test
    void aFixedOrderModelHasNoCriterionOrLambda() {
        try (ArimaModel m = Arima.order(1, 1, 1).fit(WWW_USAGE)) {
            assertTrue(Double.isNaN(m.ic()));
            assertTrue(Double.isNaN(m.lambda()));
        }
    }

    @Test
    void wwwUsageFollowsRsStepwiseSearchCandidateByCandidate() {
        // forecast 8.20: auto.arima(WWWusage) tries these models, with these AICc, in this order
        // (recorded from myarima's return values) and picks ARIMA(1,1,1).
        Object[][] r = {
            {2, 2, true, 519.4482560418}, {0, 0, true, 627.7442143960}, {1, 0, true, 531.1079104610},
            {0, 1, true, 548.4163986411}, {0, 0, false, 631.0362322391}, {1, 2, true, 518.2244631200},
            {0, 2, true, 520.4046674182}, {1, 1, true, 516.0048423395}, {2, 1, true, 518.2244703068},
            {2, 0, true, 523.7396260891}, {1, 1, false, 514.5521031533}, {0, 1, false, 549.9304806990},
            {1, 0, false, 529.3627508243}, {2, 1, false, 516.7169761233}, {1, 2, false, 516.6774332073},
            {0, 2, false, 520.1275099252}, {2, 0, false, 522.4307943292}, {2, 2, false, 518.0055689339}};
        try (AutoArimaSearch s = AutoArima.builder().build().search(WWW_USAGE)) {
            assertArrayEquals(new int[] {1, 1, 1, 0, 0, 0, 1}, s.model().order());
            assertTrue(Double.isNaN(s.model().drift()), "no drift");
            List<AutoArimaCandidate> c = s.candidates();
            assertEquals(r.length, c.size(), c.toString());
            for (int i = 0; i < r.length; i++) {
                AutoArimaCandidate got = c.get(i);
                String at = "candidate " + i + ": " + got;
                assertEquals(r[i][0], got.p(), at);
                assertEquals(1, got.d(), at);
                assertEquals(r[i][1], got.q(), at);
                assertEquals(r[i][2], got.constant(), at);
                // Our likelihood optimum may be a little higher than R's, its diffuse start exact.
                assertEquals((double) r[i][3], got.ic(), 5e-3, at);
                assertFalse(got.approximate(), at);
            }
            assertEquals(514.5521031533, s.model().aicc(), 5e-3);
        }
    }

    @Test
    void usAccDeathsIsTheAirlineModel() {
        try (ArimaModel m = AutoArima.builder().seasonalPeriod(12).build().fit(US_ACC_DEATHS)) {
            assertArrayEquals(new int[] {0, 1, 1, 0, 1, 1, 12}, m.order());
            // R's likelihood starts the seasonal differences from a large but finite prior variance.
            assertEquals(857.3163507426, m.aicc(), 5e-3);
            Forecast f = m.forecast(12, 0.95);
            assertEquals(12, f.horizon());
        }
    }

    @Test
    void aConstantSeriesIsItsMeanAndForecastsIt() {
        double[] y = new double[30];
        java.util.Arrays.fill(y, 3.5);
        try (ArimaModel m = AutoArima.builder().build().fit(y)) {
            assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0, 1}, m.order());
            assertEquals(3.5, m.mean());
            Forecast f = m.forecast(5, 0.9);
            for (int i = 0; i < 5; i++) {
                assertEquals(3.5, f.mean()[i]);
                assertEquals(3.5, f.lower()[i]);
                assertEquals(3.5, f.upper()[i]);
            }
        }
    }

    @Test
    void aLinearTrendIsARandomWalkWithItsSlopeAsDrift() {
        double[] y = new double[40];
        for (int t = 0; t < y.length; t++) {
            y[t] = 2 + 0.5 * (t + 1);
        }
        try (ArimaModel m = AutoArima.builder().build().fit(y)) {
            assertArrayEquals(new int[] {0, 1, 0, 0, 0, 0, 1}, m.order());
            assertEquals(0.5, m.drift(), 1e-12);
            assertEquals(22.5, m.forecast(1, 0.95).mean()[0], 1e-9);
        }
    }

    @Test
    void fitAllFitsEverySeriesAndFailsOnlyTheBadOnes() {
        double[] allMissing = new double[20];
        java.util.Arrays.fill(allMissing, Double.NaN);
        double[][] series = {WWW_USAGE, null, allMissing, WWW_USAGE};
        try (ArimaBatch b = AutoArima.builder().build().fitAll(series)) {
            assertEquals(4, b.size());
            assertTrue(b.succeeded(0));
            assertFalse(b.succeeded(1));
            assertTrue(b.error(1).contains("null"), b.error(1));
            assertFalse(b.succeeded(2));
            assertTrue(b.error(2).contains("missing"), b.error(2));
            assertNull(b.error(3));
            try (ArimaModel m = b.model(3)) {
                assertArrayEquals(new int[] {1, 1, 1, 0, 0, 0, 1}, m.order());
            }
            Forecast[] f = b.forecast(3, 0.8);
            assertNotNull(f[0]);
            assertNull(f[1]);
        }
    }

    @Test
    void flatLayoutWithBatchOptionsGivesTheSameModels() throws Exception {
        double[] values = new double[2 * WWW_USAGE.length + US_ACC_DEATHS.length];
        System.arraycopy(WWW_USAGE, 0, values, 0, WWW_USAGE.length);
        System.arraycopy(US_ACC_DEATHS, 0, values, WWW_USAGE.length, US_ACC_DEATHS.length);
        System.arraycopy(WWW_USAGE, 0, values, WWW_USAGE.length + US_ACC_DEATHS.length, WWW_USAGE.length);
        int[] offsets = {0, WWW_USAGE.length, WWW_USAGE.length + US_ACC_DEATHS.length, values.length};
        java.util.concurrent.CopyOnWriteArrayList<BatchProgress> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        BatchOptions options = BatchOptions.defaults().threads(1).onProgress(seen::add);
        try (ArimaBatch b = AutoArima.builder().build().fitAll(values, offsets, options)) {
            assertEquals(3, b.size());
            try (ArimaModel first = b.model(0); ArimaModel last = b.model(2)) {
                assertArrayEquals(new int[] {1, 1, 1, 0, 0, 0, 1}, first.order());
                assertArrayEquals(first.coefficients(), last.coefficients());
            }
            assertTrue(b.succeeded(1));
        }
        BatchProgress end = seen.get(seen.size() - 1);
        assertEquals(3, end.total());
        assertEquals(3, end.done());
        assertThrows(NullPointerException.class, () -> AutoArima.builder().build().fitAll(values, null));
        assertThrows(IllegalArgumentException.class,
                () -> AutoArima.builder().build().fitAll(values, new int[] {0, 5, 3, values.length}));
    }

    @Test
    void aCancelledBatchStops() {
        double[][] many = new double[200][];
        for (int i = 0; i < many.length; i++) {
            many[i] = US_ACC_DEATHS;
        }
        CancellationToken token = new CancellationToken();
        token.cancel();
        assertThrows(java.util.concurrent.CancellationException.class, () -> AutoArima.builder().seasonalPeriod(12)
                .build().fitAll(many, BatchOptions.defaults().cancellation(token)));
    }

    @Test
    void fullSearchFindsRsModelOnWwwUsage() {
        // forecast 8.20: auto.arima(WWWusage, stepwise = FALSE) picks ARIMA(3,1,0), AICc 512.4195.
        try (AutoArimaSearch s = AutoArima.builder().stepwise(false).build().search(WWW_USAGE)) {
            assertArrayEquals(new int[] {3, 1, 0, 0, 0, 0, 1}, s.model().order());
            assertEquals(512.4195, s.model().aicc(), 5e-3);
            // p, q <= 5 with p + q <= 5, with and without drift.
            assertEquals(2 * 21, s.candidates().size());
        }
    }

    @Test
    void badArgumentsNameThemselves() {
        AutoArima auto = AutoArima.builder().build();
        NullPointerException npe = assertThrows(NullPointerException.class, () -> auto.fit(null));
        assertTrue(npe.getMessage().contains("y"), npe.getMessage());
        assertThrows(NullPointerException.class, () -> auto.fitAll(null));
        assertThrows(NullPointerException.class, () -> AutoArima.builder().ic(null));
        for (Runnable bad : List.<Runnable>of(() -> AutoArima.builder().maxP(-1), () -> AutoArima.builder().d(-1),
                () -> AutoArima.builder().seasonalPeriod(0), () -> AutoArima.builder().nmodels(0),
                () -> AutoArima.builder().alpha(1.5), () -> AutoArima.builder().startSeasonalQ(-2),
                () -> AutoArima.builder().lambda(Double.NaN), () -> AutoArima.builder().seasonalD(-1))) {
            assertThrows(IllegalArgumentException.class, bad::run);
        }
        IllegalArgumentException tooLarge =
                assertThrows(IllegalArgumentException.class, () -> AutoArima.builder().maxP(50).build().fit(WWW_USAGE));
        assertTrue(tooLarge.getMessage().contains("maxP"), tooLarge.getMessage());
        assertThrows(IllegalArgumentException.class, () -> auto.fit(new double[0]));
        double[] missing = {Double.NaN, Double.NaN, Double.NaN};
        IllegalArgumentException allMissing = assertThrows(IllegalArgumentException.class, () -> auto.fit(missing));
        assertTrue(allMissing.getMessage().contains("missing"), allMissing.getMessage());
        double[] infinite = WWW_USAGE.clone();
        infinite[4] = Double.POSITIVE_INFINITY;
        assertThrows(IllegalArgumentException.class, () -> auto.fit(infinite));
    }

    @Test
    void theChosenModelIsAnOrdinaryModel() {
        ArimaModel m = AutoArima.builder().build().fit(WWW_USAGE);
        byte[] saved = m.toBytes();
        m.close();
        assertThrows(IllegalStateException.class, m::order);
        try (ArimaModel restored = ArimaModel.fromBytes(saved)) {
            assertArrayEquals(new int[] {1, 1, 1, 0, 0, 0, 1}, restored.order());
        }
    }

    @Test
    void buildersAreIndependentOfLaterChanges() {
        AutoArima.Builder b = AutoArima.builder().seasonalPeriod(12);
        AutoArima first = b.build();
        b.seasonalPeriod(4);
        assertEquals(AutoArima.builder().seasonalPeriod(12).build(), first);
        assertFalse(first.equals(b.build()));
    }
}
