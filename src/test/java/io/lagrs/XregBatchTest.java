package io.lagrs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

/**
 * The flat batch calls with regressors against the single-series calls: on R's xreg fixtures
 * (testdata/xreg/xreg.json, grouped into batches of one spec and one column count, with R's
 * failing cases among them) every series' model and forecast equals its single fit's to the
 * bit, and its error equals the single fit's message; then bad input, per series and overall.
 */
class XregBatchTest {
    private static final double[] LEVELS = {0.8, 0.95};

    /** One fixture case, its columns renamed xreg1..k so that cases of one width share names. */
    private record Case(String name, double[] y, double[][] xreg, double[][] future) {
    }

    private static Map<String, List<Case>> groups() {
        Map<String, List<Case>> groups = new LinkedHashMap<>();
        for (JsonNode c : Fixtures.read("xreg/xreg.json").get("cases")) {
            double[][] xreg = XregFixturesTest.columns(c.get("xreg"));
            double[][] future = XregFixturesTest.columns(c.get("future"));
            String key = XregFixturesTest.specText(c) + " with " + xreg.length;
            groups.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(new Case(c.get("name").asText(), XregFixturesTest.numbers(c.get("y")), xreg, future));
        }
        return groups;
    }

    private static double[] concat(List<double[]> parts) {
        double[] out = new double[parts.stream().mapToInt(p -> p.length).sum()];
        int at = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    private static int[] offsets(List<Case> cases) {
        int[] o = new int[cases.size() + 1];
        for (int i = 0; i < cases.size(); i++) {
            o[i + 1] = o[i] + cases.get(i).y().length;
        }
        return o;
    }

    /** Column j of every case (or its first h future values), series after series. */
    private static double[][] block(List<Case> cases, int k, int h) {
        double[][] out = new double[k][];
        for (int j = 0; j < k; j++) {
            List<double[]> parts = new ArrayList<>();
            for (Case c : cases) {
                parts.add(h < 0 ? c.xreg()[j] : Arrays.copyOf(c.future()[j], h));
            }
            out[j] = concat(parts);
        }
        return out;
    }

    private static double[][] firstRows(double[][] columns, int h) {
        return Arrays.stream(columns).map(c -> Arrays.copyOf(c, h)).toArray(double[][]::new);
    }

    @Test
    void batchesEqualSingleFitsToTheBitOnRsFixtures() {
        int compared = 0;
        int failedAlone = 0;
        int batched = 0;
        for (Map.Entry<String, List<Case>> group : groups().entrySet()) {
            List<Case> cases = group.getValue();
            ModelSpec spec = ModelSpec.parse(group.getKey().substring(0, group.getKey().indexOf(" with ")));
            int k = cases.get(0).xreg().length;
            int h = cases.stream().mapToInt(c -> c.future()[0].length).min().orElseThrow();
            double[] values = concat(cases.stream().map(Case::y).toList());
            int[] offsets = offsets(cases);
            BatchRegressors xreg = BatchRegressors.unnamed(block(cases, k, -1));
            BatchRegressors future = BatchRegressors.unnamed(block(cases, k, h));
            BatchOptions options = BatchOptions.defaults().threads(2);
            batched += cases.size() > 1 ? cases.size() : 0;
            try (ModelBatch fits = spec.fitAll(values, offsets, xreg, options)) {
                BatchForecast all = spec.forecastAll(values, offsets, xreg, future, h, LEVELS, options);
                assertEquals(cases.size(), fits.size());
                for (int i = 0; i < cases.size(); i++) {
                    Case c = cases.get(i);
                    double[][] ahead = firstRows(c.future(), h);
                    FittedModel single;
                    try {
                        single = spec.fit(c.y(), c.xreg());
                    } catch (IllegalArgumentException e) {
                        assertEquals(e.getMessage(), fits.error(i), c.name());
                        assertEquals(e.getMessage(), all.error(i), c.name());
                        failedAlone++;
                        continue;
                    }
                    try (single; FittedModel m = fits.model(i)) {
                        assertEquals(single.label(), m.label(), c.name());
                        assertArrayEquals(single.regressorNames(), m.regressorNames(), c.name());
                        assertArrayEquals(single.toBytes(), m.toBytes(), c.name() + ": the saved models differ");
                        IntervalForecast want = single.forecast(h, LEVELS, ahead);
                        assertEquals(want, m.forecast(h, LEVELS, ahead), c.name());
                        assertEquals(want, all.forecast(i), c.name() + " (forecastAll)");
                        assertEquals(single.label(), all.label(i), c.name());
                        compared++;
                    }
                }
            }
        }
        assertTrue(compared >= 60 && batched >= 60, compared + " compared, " + batched + " in batches of several");
        assertTrue(failedAlone >= 4, failedAlone + " fixture cases R refuses failed alone in their batch");
    }

    /** Three promotion-driven series; the middle one's price column is broken as asked. */
    private static double[][] threeSeries(int n) {
        double[] y = new double[3 * n];
        double[] promo = new double[3 * n];
        double[] price = new double[3 * n];
        for (int t = 0; t < 3 * n; t++) {
            promo[t] = t % 9 == 4 ? 1 : 0;
            price[t] = 5 + Math.sin(t / 5.0);
            y[t] = 50 + 6 * promo[t] - 2 * price[t] + Math.sin(t * 1.7) + 0.3 * Math.cos(t * 0.31);
        }
        return new double[][] {y, promo, price};
    }

    private static int[] thirds(int n) {
        return new int[] {0, n, 2 * n, 3 * n};
    }

    @Test
    void aSeriesWithBadRegressorsFailsAloneNamingTheColumn() {
        int n = 80;
        ModelSpec spec = ModelSpec.parse("arima(1,0,0)");
        String[] names = {"promo", "price"};
        double[][] cases = {{Double.NaN}, {Double.POSITIVE_INFINITY}, {7.0}};
        for (double[] bad : cases) {
            double[][] s = threeSeries(n);
            if (bad[0] == 7.0) {
                Arrays.fill(s[2], n, 2 * n, 7.0); // constant beside the mean over series 1 only
            } else {
                s[2][n + 10] = bad[0];
            }
            BatchRegressors xreg = BatchRegressors.of(names, new double[][] {s[1], s[2]});
            try (ModelBatch fits = spec.fitAll(s[0], thirds(n), xreg, BatchOptions.defaults())) {
                assertTrue(fits.succeeded(0) && fits.succeeded(2), fits.error(0) + " / " + fits.error(2));
                assertFalse(fits.succeeded(1));
                assertTrue(fits.error(1).contains("'price'"), fits.error(1));
                double[] y1 = Arrays.copyOfRange(s[0], n, 2 * n);
                double[][] x1 = {Arrays.copyOfRange(s[1], n, 2 * n), Arrays.copyOfRange(s[2], n, 2 * n)};
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> spec.fit(y1, Regressors.of(names, x1)).close());
                assertEquals(e.getMessage(), fits.error(1));
            }
        }
    }

    @Test
    void aSeriesWithBadFutureValuesFailsAlone() {
        int n = 60;
        int h = 4;
        double[][] s = threeSeries(n);
        ModelSpec spec = ModelSpec.parse("arima(0,0,1)");
        BatchRegressors xreg = BatchRegressors.of(new String[] {"promo", "price"}, new double[][] {s[1], s[2]});
        double[] promo = new double[3 * h];
        double[] price = new double[3 * h];
        Arrays.fill(price, 5.0);
        price[h + 2] = Double.NaN;
        // The future block by name, in another order than the fit's.
        BatchRegressors future = BatchRegressors.of(new String[] {"price", "promo"}, new double[][] {price, promo});
        BatchForecast all = spec.forecastAll(s[0], thirds(n), xreg, future, h, LEVELS, BatchOptions.defaults());
        assertTrue(all.succeeded(0) && all.succeeded(2));
        assertNull(all.label(1));
        assertTrue(all.error(1).contains("price"), all.error(1));
        try (FittedModel m = spec.fit(Arrays.copyOfRange(s[0], 0, n), Regressors.of(new String[] {"promo", "price"},
                new double[][] {Arrays.copyOfRange(s[1], 0, n), Arrays.copyOfRange(s[2], 0, n)}))) {
            assertEquals(m.forecast(h, LEVELS, new double[][] {new double[h], Arrays.copyOf(price, h)}), all.forecast(0));
        }
    }

    @Test
    void wrongOverallSizesAndNamesAreRefusedNamingTheArgument() {
        int n = 50;
        double[][] s = threeSeries(n);
        int[] offsets = thirds(n);
        ModelSpec spec = ModelSpec.parse("arima(1,0,0)");
        BatchOptions o = BatchOptions.defaults();
        BatchRegressors xreg = BatchRegressors.of(new String[] {"promo", "price"}, new double[][] {s[1], s[2]});
        BatchRegressors shortX = BatchRegressors.of(new String[] {"promo"}, new double[][] {new double[3 * n - 1]});
        BatchRegressors future = BatchRegressors.of(new String[] {"promo", "price"}, new double[][] {new double[6], new double[6]});
        Map<String, Runnable> calls = new LinkedHashMap<>();
        calls.put("xreg column 'promo' has 149", () -> spec.fitAll(s[0], offsets, shortX, o).close());
        calls.put("futureXreg column 'promo' has 6 values; h x series is 9",
                () -> spec.forecastAll(s[0], offsets, xreg, future, 3, LEVELS, o));
        calls.put("futureXreg has no column 'price'", () -> spec.forecastAll(s[0], offsets, xreg,
                BatchRegressors.of(new String[] {"promo"}, new double[][] {new double[6]}), 2, LEVELS, o));
        calls.put("futureXreg column 'extra' is not a regressor", () -> spec.forecastAll(s[0], offsets, xreg,
                BatchRegressors.of(new String[] {"promo", "price", "extra"}, new double[3][6]), 2, LEVELS, o));
        calls.put("offsets must end at values.length", () -> spec.fitAll(s[0], new int[] {0, n, 2 * n}, xreg, o).close());
        calls.put("'naive' takes no regressors", () -> ModelSpec.parse("naive").fitAll(s[0], offsets, xreg, o).close());
        calls.put("'drift' is the model's own", () -> spec.fitAll(s[0], offsets,
                BatchRegressors.of(new String[] {"drift"}, new double[][] {s[1]}), o).close());
        calls.put("h must", () -> spec.forecastAll(s[0], offsets, xreg, future, 0, LEVELS, o));
        calls.put("column 'b' has 2 values, column 'a' has 1",
                () -> BatchRegressors.of(new String[] {"a", "b"}, new double[][] {{1}, {1, 2}}));
        calls.put("column name 'a' is used twice", () -> BatchRegressors.of(new String[] {"a", "a"}, new double[2][1]));
        calls.forEach((expected, call) -> {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run, expected);
            assertTrue(e.getMessage().contains(expected), expected + " <- " + e.getMessage());
        });
        assertThrows(NullPointerException.class, () -> spec.fitAll(s[0], offsets, (BatchRegressors) null, o));
        assertThrows(NullPointerException.class, () -> spec.forecastAll(s[0], offsets, xreg, null, 2, LEVELS, o));
        assertThrows(NullPointerException.class, () -> BatchRegressors.of(new String[] {"a"}, new double[1][]));
        CancellationToken token = new CancellationToken();
        token.cancel();
        assertThrows(CancellationException.class, () -> spec.fitAll(s[0], offsets, xreg, o.cancellation(token)));
    }

    /** The last progress report counts every series, the failed one too; the models need their future values. */
    @Test
    void progressCountsEverySeriesAndModelsForecastWithTheirFutureValues() {
        int n = 70;
        double[][] s = threeSeries(n);
        s[2][n + 5] = Double.NaN;
        List<BatchProgress> reports = new java.util.concurrent.CopyOnWriteArrayList<>();
        BatchOptions options = BatchOptions.defaults().threads(2).onProgress(reports::add);
        ModelSpec spec = ModelSpec.parse("arima(1,0,0)");
        String[] names = {"promo", "price"};
        try (ModelBatch fits = spec.fitAll(s[0], thirds(n), BatchRegressors.of(names, new double[][] {s[1], s[2]}),
                options)) {
            assertEquals(new BatchProgress(3, 1, 3), reports.get(reports.size() - 1));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fits.forecast(2, 0.9));
            assertTrue(e.getMessage().contains("promo"), e.getMessage());
            try (FittedModel m = fits.model(2)) {
                double[][] future = {{1, 0}, {5, 5}};
                assertArrayEquals(names, m.regressorNames());
                assertEquals(m.forecast(2, LEVELS, future),
                        m.forecast(2, LEVELS, Regressors.of(new String[] {"price", "promo"}, new double[][] {{5, 5}, {1, 0}})));
            }
        }
    }

    /** A batch fitted with regressors forecasts all its series at once, natively and once restored from bytes. */
    @Test
    void fittedBatchesForecastWithFutureBlocks() {
        int n = 60;
        int h = 3;
        double[][] s = threeSeries(n);
        s[1][2 * n + 4] = Double.POSITIVE_INFINITY; // series 2 is not fitted: its future rows are not read
        String[] names = {"promo", "price"};
        ModelSpec spec = ModelSpec.parse("arima(0,0,1)");
        BatchRegressors xreg = BatchRegressors.of(names, new double[][] {s[1], s[2]});
        double[] promo = {1, 0, 0, 0, 1, 0, Double.NaN, Double.NaN, Double.NaN};
        double[] price = {5, 5, 5, 4.5, 4.5, 4.5, Double.NaN, Double.NaN, Double.NaN};
        BatchRegressors future = BatchRegressors.of(new String[] {"price", "promo"}, new double[][] {price, promo});
        BatchForecast all = spec.forecastAll(s[0], thirds(n), xreg, future, h, LEVELS, BatchOptions.defaults());
        try (ModelBatch fits = spec.fitAll(s[0], thirds(n), xreg, BatchOptions.defaults());
                ModelBatch restored = ModelBatch.fromBytes(fits.toBytes())) {
            for (ModelBatch b : List.of(fits, restored)) {
                IntervalForecast[] got = b.forecast(h, LEVELS, future);
                assertEquals(all.forecast(0), got[0]);
                assertEquals(all.forecast(1), got[1]);
                assertNull(got[2]);
                assertFalse(all.succeeded(2));
                double[] nan = promo.clone();
                nan[4] = Double.NaN;
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.forecast(h, LEVELS,
                        BatchRegressors.of(new String[] {"price", "promo"}, new double[][] {price, nan})));
                assertTrue(e.getMessage().contains("series 1") && e.getMessage().contains("promo"), e.getMessage());
                e = assertThrows(IllegalArgumentException.class, () -> b.forecast(h, LEVELS,
                        BatchRegressors.of(new String[] {"promo"}, new double[][] {promo})));
                assertTrue(e.getMessage().contains("futureXreg has no column 'price'"), e.getMessage());
                e = assertThrows(IllegalArgumentException.class, () -> b.forecast(2, LEVELS, future));
                assertTrue(e.getMessage().contains("h x series is 6"), e.getMessage());
            }
        }
    }

    /** Forty columns: more than the JVM's 32 local references if any leaked per column. */
    @Test
    void manyColumnsAndManySeriesMatchSingleFits() {
        int n = 90;
        int k = 40;
        int series = 30;
        int h = 2;
        double[] values = new double[series * n];
        double[][] columns = new double[k][series * n];
        double[][] future = new double[k][series * h];
        int[] offsets = new int[series + 1];
        Random random = new Random(5);
        for (int i = 0; i < series; i++) {
            offsets[i + 1] = offsets[i] + n;
            for (int t = 0; t < n; t++) {
                int at = i * n + t;
                values[at] = 10 + i + Math.sin(t * 0.9 + i) + 0.5 * Math.cos(t * 2.3);
                for (int j = 0; j < k; j++) {
                    columns[j][at] = random.nextGaussian();
                }
            }
            for (int j = 0; j < k; j++) {
                for (int s = 0; s < h; s++) {
                    future[j][i * h + s] = random.nextGaussian();
                }
            }
        }
        ModelSpec spec = ModelSpec.parse("arima(0,0,0)");
        BatchForecast all = spec.forecastAll(values, offsets, BatchRegressors.unnamed(columns),
                BatchRegressors.unnamed(future), h, LEVELS, BatchOptions.defaults().threads(2));
        for (int i = 0; i < series; i += 7) {
            int from = i * n;
            double[][] x = Arrays.stream(columns).map(c -> Arrays.copyOfRange(c, from, from + n)).toArray(double[][]::new);
            int fi = i * h;
            double[][] f = Arrays.stream(future).map(c -> Arrays.copyOfRange(c, fi, fi + h)).toArray(double[][]::new);
            try (FittedModel m = spec.fit(Arrays.copyOfRange(values, from, from + n), x)) {
                assertEquals(m.forecast(h, LEVELS, f), all.forecast(i), "series " + i);
            }
        }
    }
}
