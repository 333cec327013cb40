package io.lagrs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** best_of, mean_of, median_of and conformal through the Java API. */
class ModelChoiceTest {
    private static double[] series(int n, long seed, double season) {
        Random r = new Random(seed);
        double[] y = new double[n];
        double level = 50;
        for (int t = 0; t < n; t++) {
            level += r.nextGaussian();
            y[t] = level + season * Math.sin(2 * Math.PI * t / 12);
        }
        return y;
    }

    @Test
    void builderFormsWriteTheirText() {
        ModelSpec a = ModelSpec.parse("auto_arima[12]");
        ModelSpec b = ModelSpec.parse("snaive[12]");
        assertEquals("best_of(auto_arima[12],snaive[12];by=mase,h=12,windows=3,step=12)",
                ModelChoice.bestOf(ModelChoice.By.MASE, 12, 3, a, b).toString());
        assertEquals("mean_of(auto_arima[12],snaive[12])", ModelChoice.meanOf(a, b).toString());
        assertEquals("conformal(median_of(auto_arima[12],snaive[12]);h=6,windows=2)",
                ModelChoice.conformal(ModelChoice.medianOf(a, b), 6, 2).toString());
        assertThrows(IllegalArgumentException.class, () -> ModelChoice.meanOf());
        assertThrows(IllegalArgumentException.class, () -> ModelChoice.bestOf(ModelChoice.By.MAE, 0, 1, a));
        assertThrows(IllegalArgumentException.class, () -> ModelChoice.conformal(a, 3, 1));
        assertThrows(NullPointerException.class, () -> ModelChoice.meanOf(a, null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelSpec.parse("best_of(naive; by=mape, h=3)"));
        assertTrue(e.getMessage().contains("by must be one of"), e.getMessage());
    }

    @Test
    void bestOfChoosesPerSeriesWhatCrossValidationScoresBest() {
        List<ModelSpec> members = List.of(ModelSpec.parse("naive"), ModelSpec.parse("snaive[12]"),
                ModelSpec.parse("mean"));
        double[][] rows = new double[6][];
        for (int j = 0; j < rows.length; j++) {
            rows[j] = series(80, j, j % 2 == 0 ? 10 : 0.2);
        }
        CrossValidationResult cv = CrossValidation.builder().horizon(6).stepSize(6).windows(3).period(12).build()
                .run(members, rows, BatchOptions.defaults());
        double[][] mase = new double[3][];
        for (int m = 0; m < 3; m++) {
            mase[m] = cv.accuracy(m, CrossValidationResult.Measure.MASE);
        }
        ModelSpec best = ModelChoice.bestOf(ModelChoice.By.MASE, 6, 3, members.toArray(new ModelSpec[0]));
        List<String> chosenLabels = new ArrayList<>();
        try (ModelBatch batch = best.fitAll(rows)) {
            for (int j = 0; j < rows.length; j++) {
                int arg = 0;
                for (int m = 1; m < 3; m++) {
                    if (mase[m][j] < mase[arg][j]) {
                        arg = m;
                    }
                }
                try (FittedModel own = members.get(arg).fit(rows[j]); FittedModel chosen = batch.model(j)) {
                    assertEquals(own.label(), chosen.label(), "series " + j);
                    assertArrayEquals(own.forecast(6, 0.9).mean(), chosen.forecast(6, 0.9).mean());
                    chosenLabels.add(chosen.label());
                }
            }
        }
        // The strongly seasonal series and the others do not all choose alike.
        assertTrue(chosenLabels.stream().distinct().count() > 1, chosenLabels.toString());
    }

    @Test
    void conformalIntervalsEqualStatsforecast() {
        JsonNode fixture = Fixtures.read("cv/cv.json");
        List<double[]> rows = new ArrayList<>();
        fixture.get("series").forEach(s -> rows.add(Fixtures.doubles(s)));
        for (JsonNode c : fixture.get("conformal")) {
            ModelSpec spec = ModelSpec.parse(c.get("spec").asText());
            int h = c.get("h").asInt();
            double[] mean = Fixtures.doubles(c.get("mean"));
            for (int j = 0; j < rows.size(); j++) {
                try (FittedModel model = spec.fit(rows.get(j))) {
                    IntervalForecast f = model.forecast(h, new double[] {0.8, 0.95});
                    for (int i = 0; i < h; i++) {
                        int row = j * h + i;
                        String what = spec + " series " + j + " step " + i;
                        assertEquals(mean[row], f.mean()[i], 1e-9, what);
                        for (int k = 0; k < 2; k++) {
                            String level = k == 0 ? "80" : "95";
                            assertEquals(Fixtures.doubles(c.get("lower").get(level))[row], f.lower(k)[i], 1e-9, what);
                            assertEquals(Fixtures.doubles(c.get("upper").get(level))[row], f.upper(k)[i], 1e-9, what);
                        }
                    }
                }
            }
        }
    }
}
