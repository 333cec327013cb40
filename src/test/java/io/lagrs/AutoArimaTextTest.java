package io.lagrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * {@link AutoArima}'s options cross the bridge as its spec text, by name: the text Java writes
 * is the core's canonical text (what {@link ModelSpec#parse(String)} gives back), and each
 * setting is written under the core's name for it.
 */
class AutoArimaTextTest {
    private static String text(UnaryOperator<AutoArima.Builder> settings) {
        return settings.apply(AutoArima.builder()).build().toString();
    }

    @Test
    void eachSettingIsWrittenUnderTheCoresName() {
        Map<String, UnaryOperator<AutoArima.Builder>> expected = Map.ofEntries(
                Map.entry("auto_arima", b -> b.seasonalPeriod(1).maxP(5).alpha(0.05).noLambda()),
                Map.entry("auto_arima[12]", b -> b.seasonalPeriod(12)),
                Map.entry("auto_arima(d=0)", b -> b.d(0)),
                Map.entry("auto_arima(seasonal_d=1)", b -> b.seasonalD(1)),
                Map.entry("auto_arima(max_p=3)", b -> b.maxP(3)),
                Map.entry("auto_arima(max_q=4)", b -> b.maxQ(4)),
                Map.entry("auto_arima(max_seasonal_p=1)", b -> b.maxSeasonalP(1)),
                Map.entry("auto_arima(max_seasonal_q=0)", b -> b.maxSeasonalQ(0)),
                Map.entry("auto_arima(max_order=7)", b -> b.maxOrder(7)),
                Map.entry("auto_arima(max_d=1)", b -> b.maxD(1)),
                Map.entry("auto_arima(max_seasonal_d=2)", b -> b.maxSeasonalD(2)),
                Map.entry("auto_arima(start_p=1)", b -> b.startP(1)),
                Map.entry("auto_arima(start_q=3)", b -> b.startQ(3)),
                Map.entry("auto_arima(start_seasonal_p=0)", b -> b.startSeasonalP(0)),
                Map.entry("auto_arima(start_seasonal_q=2)", b -> b.startSeasonalQ(2)),
                Map.entry("auto_arima(nmodels=10)", b -> b.nmodels(10)),
                Map.entry("auto_arima(stationary=true)", b -> b.stationary(true)),
                Map.entry("auto_arima(seasonal=false)", b -> b.seasonal(false)),
                Map.entry("auto_arima(stepwise=false)", b -> b.stepwise(false)),
                Map.entry("auto_arima(allow_drift=false)", b -> b.allowDrift(false)),
                Map.entry("auto_arima(allow_mean=false)", b -> b.allowMean(false)),
                Map.entry("auto_arima(ic=aic)", b -> b.ic(InformationCriterion.AIC)),
                Map.entry("auto_arima(ic=bic)", b -> b.ic(InformationCriterion.BIC)),
                Map.entry("auto_arima(approximation=true)", b -> b.approximation(true)),
                Map.entry("auto_arima(approximation=false)", b -> b.approximation(false)),
                Map.entry("auto_arima(test=adf)", b -> b.unitRootTest(UnitRootTest.ADF)),
                Map.entry("auto_arima(test=pp)", b -> b.unitRootTest(UnitRootTest.PP)),
                Map.entry("auto_arima(seasonal_test=ocsb)", b -> b.seasonalTest(SeasonalTest.OCSB)),
                Map.entry("auto_arima(seasonal_test=ch)", b -> b.seasonalTest(SeasonalTest.CANOVA_HANSEN)),
                Map.entry("auto_arima(alpha=0.1)", b -> b.unitRootAlpha(0.1)),
                Map.entry("auto_arima(alpha=0.01)", b -> b.alpha(0.01)),
                Map.entry("auto_arima(seasonal_alpha=0.025)", b -> b.seasonalTestAlpha(0.025)),
                Map.entry("auto_arima(lambda=0)", b -> b.lambda(0)),
                Map.entry("auto_arima(lambda=-0.5)", b -> b.lambdaAuto().lambda(-0.5)),
                Map.entry("auto_arima(lambda=auto)", b -> b.lambda(1).lambdaAuto()),
                Map.entry("auto_arima(biasadj=true,lambda=0.25)", b -> b.biasAdjust(true).lambda(0.25)));
        for (Map.Entry<String, UnaryOperator<AutoArima.Builder>> e : expected.entrySet()) {
            String text = text(e.getValue());
            assertEquals(e.getKey(), text);
            assertEquals(text, ModelSpec.parse(text).toString(), "the core's canonical text of " + text);
        }
        // Every setting at once, in the core's order (the core's own round-trip example).
        assertEquals("auto_arima(d=1,max_p=3,stepwise=false,biasadj=true,ic=bic,approximation=false,test=adf,"
                + "seasonal_test=ocsb,alpha=0.1,lambda=auto)[12]", text(b -> b.lambdaAuto().alpha(0.1)
                .seasonalTest(SeasonalTest.OCSB).unitRootTest(UnitRootTest.ADF).approximation(false)
                .ic(InformationCriterion.BIC).biasAdjust(true).stepwise(false).maxP(3).d(1).seasonalPeriod(12)));
    }

    @Test
    void biasAdjustmentWithoutALambdaIsNoSetting() {
        // It changes nothing without a transform, and the core refuses biasadj without a lambda.
        AutoArima plain = AutoArima.builder().build();
        AutoArima adjusted = AutoArima.builder().biasAdjust(true).build();
        assertEquals("auto_arima", adjusted.toString());
        assertEquals(plain, adjusted);
        assertEquals("auto_arima(biasadj=true,lambda=auto)", AutoArima.builder().biasAdjust(true).lambdaAuto().build()
                .toString());
        assertEquals("auto_arima", AutoArima.builder().biasAdjust(true).lambda(0).noLambda().build().toString());
    }

    @Test
    void randomBuildersWriteTheCoresCanonicalText() {
        Random r = new Random(20240611);
        for (int trial = 0; trial < 1500; trial++) {
            AutoArima.Builder b = AutoArima.builder();
            List<String> calls = new ArrayList<>();
            int n = r.nextInt(12);
            for (int i = 0; i < n; i++) {
                calls.add(randomSetting(b, r));
            }
            AutoArima spec = b.build();
            String text = spec.toString();
            assertRoundTripOrLambdaRefused(text, "settings " + calls);
            // Equality and hash are by the text: building again gives an equal spec.
            assertEquals(spec, b.build());
            assertEquals(spec.hashCode(), b.build().hashCode());
        }
    }

    /** One setter with a random argument, within the core's limits. */
    private static String randomSetting(AutoArima.Builder b, Random r) {
        int k = r.nextInt(30);
        int small = r.nextInt(3);
        switch (k) {
            case 0 -> b.seasonalPeriod(1 + r.nextInt(r.nextBoolean() ? 13 : 8000));
            case 1 -> b.d(small);
            case 2 -> b.seasonalD(small);
            case 3 -> b.maxP(r.nextInt(21));
            case 4 -> b.maxQ(r.nextInt(21));
            case 5 -> b.maxSeasonalP(r.nextInt(6));
            case 6 -> b.maxSeasonalQ(r.nextInt(6));
            case 7 -> b.maxOrder(r.nextInt(81));
            case 8 -> b.maxD(small);
            case 9 -> b.maxSeasonalD(small);
            case 10 -> b.startP(r.nextInt(21));
            case 11 -> b.startQ(r.nextInt(21));
            case 12 -> b.startSeasonalP(r.nextInt(6));
            case 13 -> b.startSeasonalQ(r.nextInt(6));
            case 14 -> b.nmodels(1 + r.nextInt(200));
            case 15 -> b.stationary(r.nextBoolean());
            case 16 -> b.seasonal(r.nextBoolean());
            case 17 -> b.stepwise(r.nextBoolean());
            case 18 -> b.allowDrift(r.nextBoolean());
            case 19 -> b.allowMean(r.nextBoolean());
            case 20 -> b.biasAdjust(r.nextBoolean());
            case 21 -> b.approximation(r.nextBoolean());
            case 22 -> b.ic(pick(InformationCriterion.values(), r));
            case 23 -> b.unitRootTest(pick(UnitRootTest.values(), r));
            case 24 -> b.seasonalTest(pick(SeasonalTest.values(), r));
            case 25 -> b.unitRootAlpha(level(r));
            case 26 -> b.seasonalTestAlpha(level(r));
            case 27 -> b.lambda(randomFinite(r));
            case 28 -> b.lambdaAuto();
            default -> b.noLambda();
        }
        return k + ":" + b;
    }

    private static <T> T pick(T[] values, Random r) {
        return values[r.nextInt(values.length)];
    }

    private static double level(Random r) {
        double v = r.nextBoolean() ? Math.round(r.nextDouble() * 100) / 100.0 : r.nextDouble();
        return v > 0 && v < 1 ? v : 0.05;
    }

    /** Round numbers, ordinary ones, and any finite double (huge, tiny, subnormal, -0). */
    /**
     * The core reads the text back to the same text, or, for a lambda outside [-10, 10] (which
     * the builder writes as given: the core checks it when the spec is used), refuses it naming
     * lambda.
     */
    private static void assertRoundTripOrLambdaRefused(String text, String what) {
        java.util.regex.Matcher lambda = java.util.regex.Pattern.compile("lambda=([^,)]+)").matcher(text);
        if (lambda.find() && !lambda.group(1).equals("auto") && Math.abs(Double.parseDouble(lambda.group(1))) > 10) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelSpec.parse(text), what);
            assertTrue(e.getMessage().contains("lambda must be in [-10, 10]"), e.getMessage());
        } else {
            assertEquals(text, ModelSpec.parse(text).toString(), what);
        }
    }

    private static double randomFinite(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> (r.nextInt(41) - 20) / 10.0;
            case 1 -> r.nextGaussian();
            case 2 -> r.nextBoolean() ? -0.0 : Double.MIN_VALUE * r.nextInt(5);
            default -> {
                double v;
                do {
                    v = Double.longBitsToDouble(r.nextLong());
                } while (!Double.isFinite(v));
                yield v;
            }
        };
    }

    @Test
    void numbersAreWrittenAsTheCoreWritesThem() {
        for (double v : new double[] {0.5, -0.0, 1.0, 100.0, 1e21, 1e-7, 0.1 + 0.2, Double.MAX_VALUE,
            Double.MIN_VALUE, Double.MIN_NORMAL, Math.PI, 2e-3, 5e-324}) {
            String text = AutoArima.builder().lambda(v).build().toString();
            assertRoundTripOrLambdaRefused(text, "lambda " + v);
        }
        Random r = new Random(7);
        for (int i = 0; i < 3000; i++) {
            double v = randomFinite(r);
            String text = AutoArima.builder().lambda(v).build().toString();
            assertRoundTripOrLambdaRefused(text, "lambda " + v);
        }
        assertEquals("auto_arima(lambda=0.30000000000000004)", text(b -> b.lambda(0.1 + 0.2)));
        assertEquals("auto_arima(lambda=1000000000000000000000)", text(b -> b.lambda(1e21)));
        assertEquals("auto_arima(lambda=0.0000001)", text(b -> b.lambda(1e-7)));
        assertEquals("auto_arima(lambda=-0)", text(b -> b.lambda(-0.0)));
        assertEquals("auto_arima(lambda=1)", text(b -> b.lambda(1)));
    }

    @Test
    void theCoreChecksTheLimitsWhenTheSpecIsUsed() {
        AutoArima tooLarge = AutoArima.builder().maxSeasonalP(9).build();
        assertEquals("auto_arima(max_seasonal_p=9)", tooLarge.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> tooLarge.fit(AutoArimaTest.WWW_USAGE));
        assertTrue(e.getMessage().contains("maxSeasonalP must be <= 5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> AutoArima.builder().seasonalPeriod(100_000).build()
                .fitAll(new double[][] {AutoArimaTest.WWW_USAGE}));
        assertTrue(e.getMessage().contains("seasonalPeriod must be in [1, "), e.getMessage());
        assertNotEquals(tooLarge, AutoArima.builder().build());
    }
}
