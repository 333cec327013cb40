package io.lagrs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

/** Cross-validation against statsforecast's cross_validation and against lagrs' own fits. */
class CrossValidationTest {
    private static double[] seasonal(int n, long seed) {
        Random r = new Random(seed);
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = 50 + 0.3 * t + 8 * Math.sin(2 * Math.PI * t / 12) + r.nextGaussian();
        }
        return y;
    }

    private static List<ModelSpec> specs(String... texts) {
        return Arrays.stream(texts).map(ModelSpec::parse).toList();
    }

    @Test
    void windowsAndBaselineForecastsEqualStatsforecast() {
        JsonNode fixture = Fixtures.read("cv/cv.json");
        List<double[]> series = new ArrayList<>();
        fixture.get("series").forEach(s -> series.add(Fixtures.doubles(s)));
        double[][] rows = series.toArray(new double[0][]);
        for (JsonNode c : fixture.get("cases")) {
            JsonNode s = c.get("settings");
            CrossValidation.Builder b = CrossValidation.builder().horizon(s.get("h").asInt())
                    .stepSize(s.get("step_size").asInt()).windows(s.get("n_windows").asInt());
            if (!s.get("input_size").isNull()) {
                b.inputSize(s.get("input_size").asInt());
            }
            JsonNode refit = s.get("refit");
            if (refit.isBoolean() && !refit.asBoolean()) {
                b.noRefit();
            } else if (refit.isInt()) {
                b.refitEvery(refit.asInt());
            }
            List<String> texts = new ArrayList<>();
            c.get("forecasts").fieldNames().forEachRemaining(texts::add);
            CrossValidationResult r = b.build().run(specs(texts.toArray(new String[0])), rows, BatchOptions.defaults());
            String what = s.toString();
            int[] cutoffs = r.windowCutoffs();
            int[] windowSeries = r.windowSeries();
            int w = 0;
            for (int j = 0; j < rows.length; j++) {
                for (JsonNode cutoff : c.get("cutoffs").get(j)) {
                    assertEquals(j, windowSeries[w], what);
                    assertEquals(cutoff.asInt(), cutoffs[w++], what);
                }
                assertNull(r.seriesError(j));
            }
            assertEquals(w, r.windowCount(), what);
            assertArrayEquals(Fixtures.ints(c.get("times")), r.times(), what);
            assertArrayEquals(Fixtures.doubles(c.get("actual")), r.actual(), what);
            for (int m = 0; m < texts.size(); m++) {
                double[] expected = Fixtures.doubles(c.get("forecasts").get(texts.get(m)));
                double[] mean = r.mean(m);
                for (int i = 0; i < expected.length; i++) {
                    assertEquals(expected[i], mean[i], 1e-12 * Math.abs(expected[i]), what + " " + texts.get(m) + " row " + i);
                }
            }
        }
    }

    @Test
    void eachRefittedWindowIsTheFitOnTheTruncatedSeries() {
        double[][] rows = {seasonal(80, 1), seasonal(95, 2)};
        List<ModelSpec> models = specs("auto_arima[12]", "arima(0,1,1)(0,1,1)[12]", "drift(lambda=0.5)", "mean");
        CrossValidation cv = CrossValidation.builder().horizon(6).stepSize(5).windows(3).levels(0.8, 0.95).period(12)
                .build();
        CrossValidationResult r = cv.run(models, rows, BatchOptions.defaults().threads(2));
        int[] ends = r.windowCutoffs();
        int[] ws = r.windowSeries();
        for (int m = 0; m < models.size(); m++) {
            for (int w = 0; w < r.windowCount(); w++) {
                assertNull(r.windowError(m, w));
                double[] train = Arrays.copyOf(rows[ws[w]], ends[w] + 1);
                try (FittedModel own = models.get(m).fit(train)) {
                    IntervalForecast f = own.forecast(6, new double[] {0.8, 0.95});
                    double[] mean = Arrays.copyOfRange(r.mean(m), w * 6, w * 6 + 6);
                    assertArrayEquals(f.mean(), mean, models.get(m) + " window " + w);
                    for (int k = 0; k < 2; k++) {
                        assertArrayEquals(f.lower(k), Arrays.copyOfRange(r.lower(m, k), w * 6, w * 6 + 6));
                        assertArrayEquals(f.upper(k), Arrays.copyOfRange(r.upper(m, k), w * 6, w * 6 + 6));
                    }
                }
            }
        }
    }

    @Test
    void withoutRefitTheFirstWindowIsTheFitAndLaterOnesAreNot() {
        double[][] rows = {seasonal(90, 3)};
        List<ModelSpec> models = specs("arima(1,1,0)(0,1,1)[12]");
        CrossValidation.Builder b = CrossValidation.builder().horizon(4).stepSize(4).windows(3);
        double[] refit = b.build().run(models, rows, BatchOptions.defaults()).mean(0);
        double[] carried = b.noRefit().build().run(models, rows, BatchOptions.defaults()).mean(0);
        assertArrayEquals(Arrays.copyOf(refit, 4), Arrays.copyOf(carried, 4));
        assertNotEquals(Arrays.toString(Arrays.copyOfRange(refit, 8, 12)), Arrays.toString(Arrays.copyOfRange(carried, 8, 12)));
        // Carried forward, the origin moves: the last window forecasts from its own last value.
        assertNotEquals(carried[8], carried[0]);
    }

    @Test
    void accuracyFollowsTheAccuracyClassWindowByWindow() {
        double[] y = seasonal(70, 4);
        int[] offsets = {0, 70};
        CrossValidation cv = CrossValidation.builder().horizon(8).windows(1).levels(0.9).period(12).build();
        CrossValidationResult r = cv.run(specs("snaive[12]"), y, offsets);
        double[] train = Arrays.copyOf(y, 62);
        double[] actual = r.actual();
        assertArrayEquals(Arrays.copyOfRange(y, 62, 70), actual);
        double[] mean = r.mean(0);
        double[] lower = r.lower(0, 0);
        double[] upper = r.upper(0, 0);
        assertEquals(Accuracy.mase(train, actual, mean, 12), r.accuracy(0, CrossValidationResult.Measure.MASE)[0], 1e-14);
        assertEquals(Accuracy.smape(actual, mean), r.accuracy(0, CrossValidationResult.Measure.SMAPE)[0], 1e-12);
        assertEquals(Accuracy.coverage(actual, lower, upper), r.coverage(0, 0)[0], 0);
        assertEquals(Accuracy.msis(train, actual, lower, upper, 0.9, 12), r.msis(0, 0)[0], 1e-12);
        assertEquals(r.accuracy(0, CrossValidationResult.Measure.MASE)[0], r.overall(0, CrossValidationResult.Measure.MASE));
        double sse = 0;
        double se = 0;
        for (int i = 0; i < 8; i++) {
            sse += (actual[i] - mean[i]) * (actual[i] - mean[i]);
            se += actual[i] - mean[i];
        }
        assertEquals(Math.sqrt(sse / 8), r.accuracy(0, CrossValidationResult.Measure.RMSE)[0], 1e-12);
        assertEquals(se / 8, r.accuracy(0, CrossValidationResult.Measure.BIAS)[0], 1e-12);
    }

    @Test
    void aShortSeriesOrAFailingWindowFailsAlone() {
        double[][] rows = {seasonal(40, 5), seasonal(9, 6), seasonal(40, 7)};
        CrossValidation cv = CrossValidation.builder().horizon(3).stepSize(2).windows(4).build();
        CrossValidationResult r = cv.run(specs("naive", "arima(2,1,2)"), rows, BatchOptions.defaults());
        String why = r.seriesError(1);
        assertNotNull(why);
        assertTrue(why.contains("9 observations") && why.contains("4 windows of h = 3 every 2 steps"), why);
        assertNull(r.seriesError(0));
        assertEquals(8, r.windowCount());
        assertTrue(Double.isNaN(r.accuracy(0, CrossValidationResult.Measure.MAE)[1]));
        assertTrue(r.accuracy(0, CrossValidationResult.Measure.MAE)[0] > 0);
        // Windows of 3 to 9 observations: arima(2,1,2) needs 6.
        CrossValidationResult tiny = CrossValidation.builder().horizon(1).windows(7).build()
                .run(specs("naive", "arima(2,1,2)"), new double[][] {seasonal(10, 8)}, BatchOptions.defaults());
        for (int w = 0; w < 7; w++) {
            assertNull(tiny.windowError(0, w));
        }
        String tooShort = tiny.windowError(1, 0);
        assertTrue(tooShort != null && tooShort.contains("too short"), tooShort);
        assertTrue(Double.isNaN(tiny.mean(1)[0]));
        assertNull(tiny.windowError(1, 6));
        assertTrue(Double.isFinite(tiny.mean(1)[6]));
    }

    @Test
    void badSettingsAndArgumentsAreRefusedByName() {
        for (Map.Entry<String, Runnable> e : Map.<String, Runnable>of(
                "h", () -> CrossValidation.builder().horizon(0),
                "stepSize", () -> CrossValidation.builder().stepSize(0),
                "windows", () -> CrossValidation.builder().windows(-1),
                "inputSize", () -> CrossValidation.builder().inputSize(0),
                "refitEvery", () -> CrossValidation.builder().refitEvery(0),
                "level", () -> CrossValidation.builder().levels(0.5, 1.0)).entrySet()) {
            IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e.getValue()::run);
            assertTrue(x.getMessage().contains(e.getKey()), x.getMessage());
        }
        assertThrows(IllegalStateException.class, () -> CrossValidation.builder().build());
        CrossValidation cv = CrossValidation.builder().horizon(2).build();
        double[] y = seasonal(20, 9);
        assertThrows(NullPointerException.class, () -> cv.run(null, y, new int[] {0, 20}));
        assertThrows(NullPointerException.class, () -> cv.run(specs("naive"), null, new int[] {0, 20}));
        List<ModelSpec> withNull = new ArrayList<>();
        withNull.add(null);
        assertThrows(NullPointerException.class, () -> cv.run(withNull, y, new int[] {0, 20}));
        assertThrows(IllegalArgumentException.class, () -> cv.run(List.of(), y, new int[] {0, 20}));
        assertThrows(IllegalArgumentException.class, () -> cv.run(specs("naive"), y, new int[] {0, 19}));
        CancellationToken token = new CancellationToken();
        token.cancel();
        assertThrows(CancellationException.class,
                () -> cv.run(specs("naive"), y, new int[] {0, 20}, BatchOptions.defaults().cancellation(token)));
    }

    @Test
    void rowsAreSeriesThenWindowThenStep() {
        double[] values = new double[30];
        for (int i = 0; i < 30; i++) {
            values[i] = i;
        }
        CrossValidationResult r = CrossValidation.builder().horizon(2).stepSize(3).windows(2).build()
                .run(specs("naive"), values, new int[] {0, 12, 30});
        assertArrayEquals(new int[] {0, 0, 0, 0, 1, 1, 1, 1}, r.series());
        assertArrayEquals(new int[] {6, 6, 9, 9, 12, 12, 15, 15}, r.cutoffs());
        assertArrayEquals(new int[] {7, 8, 10, 11, 13, 14, 16, 17}, r.times());
        assertArrayEquals(new double[] {7, 8, 10, 11, 25, 26, 28, 29}, r.actual());
        assertArrayEquals(new double[] {6, 6, 9, 9, 24, 24, 27, 27}, r.mean(0));
        Iterator<String> models = r.models().iterator();
        assertEquals("naive", models.next());
    }
}
