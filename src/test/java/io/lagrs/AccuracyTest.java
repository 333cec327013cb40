package io.lagrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.StatUtils;
import org.junit.jupiter.api.Test;

/** Accuracy against R (testdata/accuracy, made by make_accuracy_fixtures.R) and Commons Math. */
class AccuracyTest {
    private static final double TOLERANCE = 1e-12;

    @Test
    void matchesRsAccuracyAndTheM4Formulas() throws Exception {
        JsonNode root = Fixtures.read("accuracy/accuracy.json");
        assertTrue(root.get("cases").size() >= 5);
        for (JsonNode c : root.get("cases")) {
            String name = c.get("name").asText();
            double[] train = doubles(c.get("train"));
            double[] actual = doubles(c.get("actual"));
            double[] mean = doubles(c.get("mean"));
            int period = c.get("period").asInt();
            assertClose(c.get("mase").asDouble(), Accuracy.mase(train, actual, mean, period), name + " MASE");
            assertClose(c.get("scale").asDouble(), Accuracy.naiveScale(train, period), name + " scale");
            assertClose(c.get("smape").asDouble(), Accuracy.smape(actual, mean), name + " sMAPE");
            assertClose(c.get("coverage80").asDouble(),
                    Accuracy.coverage(actual, doubles(c.get("lower80")), doubles(c.get("upper80"))), name + " coverage 80");
            assertClose(c.get("coverage95").asDouble(),
                    Accuracy.coverage(actual, doubles(c.get("lower95")), doubles(c.get("upper95"))), name + " coverage 95");
            assertClose(c.get("msis95").asDouble(), Accuracy.msis(train, actual, doubles(c.get("lower95")),
                    doubles(c.get("upper95")), 0.95, period), name + " MSIS 95");
        }
    }

    @Test
    void maseIsTheMeanAbsoluteErrorOverTheSeasonalNaiveMaeAsCommonsMathComputesThem() {
        double[] train = {10, 12, 14, 11, 13, 15, 12, 14, 16};
        double[] actual = {13, 15, 17};
        double[] forecast = {12, 16, 15};
        List<Double> naive = new ArrayList<>();
        for (int t = 3; t < train.length; t++) {
            naive.add(Math.abs(train[t] - train[t - 3]));
        }
        double scale = StatUtils.mean(naive.stream().mapToDouble(Double::doubleValue).toArray());
        double mae = StatUtils.mean(new double[] {1, 1, 2});
        assertClose(mae / scale, Accuracy.mase(train, actual, forecast, 3), "seasonal MASE");
        assertClose(1.0 / 1.0 * StatUtils.mean(new double[] {1, 1, 2}) / meanAbsDiff(train),
                Accuracy.mase(train, actual, forecast, 1), "non-seasonal MASE uses first differences");
    }

    @Test
    void degenerateInputsFollowR() {
        double[] flat = {5, 5, 5, 5};
        assertEquals(Double.POSITIVE_INFINITY, Accuracy.mase(flat, new double[] {6}, new double[] {5}, 1));
        assertTrue(Double.isNaN(Accuracy.mase(new double[] {1}, new double[] {6}, new double[] {5}, 1)),
                "no naive error to scale by");
        assertTrue(Double.isNaN(Accuracy.smape(new double[] {Double.NaN}, new double[] {1})));
        assertEquals(0.0, Accuracy.smape(new double[] {0, 0}, new double[] {0, 0}));
        assertEquals(200.0, Accuracy.smape(new double[] {0}, new double[] {3}));
        assertEquals(0.5, Accuracy.coverage(new double[] {1, 5, Double.NaN}, new double[] {0, 0, 0},
                new double[] {1, 4, 4}), "bounds are inside; NaN actuals are skipped");
    }

    @Test
    void badArgumentsNameTheArgument() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Accuracy.smape(new double[2], new double[3]));
        assertTrue(e.getMessage().contains("actual and forecast"), e.getMessage());
        NullPointerException npe = assertThrows(NullPointerException.class,
                () -> Accuracy.mase(null, new double[1], new double[1], 1));
        assertTrue(npe.getMessage().contains("train"));
        assertThrows(IllegalArgumentException.class, () -> Accuracy.msis(new double[3], new double[1],
                new double[1], new double[1], 95, 1));
    }

    private static double meanAbsDiff(double[] x) {
        double[] d = new double[x.length - 1];
        for (int i = 1; i < x.length; i++) {
            d[i - 1] = Math.abs(x[i] - x[i - 1]);
        }
        return StatUtils.mean(d);
    }

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, TOLERANCE * Math.max(1, Math.abs(expected)), what);
    }

    /** Numbers; R's missing values are written as the string "NA". */
    private static double[] doubles(JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode v = array.get(i);
            values[i] = v.isTextual() && v.asText().equals("NA") ? Double.NaN : v.asDouble();
        }
        return values;
    }
}
