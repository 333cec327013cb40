package io.lagrs.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lagrs.Arima;
import io.lagrs.AutoArima;
import io.lagrs.Baseline;
import io.lagrs.FittedModel;
import io.lagrs.IntervalForecast;
import io.lagrs.ModelSpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Several models in one job, and specifications held as spec texts. */
class ModelsTest {
    private static final LocalDate START = LocalDate.of(2016, 1, 1);
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkTestSession.get();
    }

    private static Dataset<Row> monthly(Map<String, double[]> series) {
        List<Row> rows = new ArrayList<>();
        series.forEach((id, y) -> {
            for (int t = 0; t < y.length; t++) {
                rows.add(RowFactory.create(id, Date.valueOf(START.plusMonths(t)), y[t]));
            }
        });
        StructType schema = new StructType().add("sku", DataTypes.StringType).add("month", DataTypes.DateType)
                .add("sales", DataTypes.DoubleType);
        return spark.createDataFrame(rows, schema);
    }

    /** Rows by series id, then by spec text, each list in step order. */
    private static Map<String, Map<String, List<Row>>> bySeriesAndSpec(List<Row> rows) {
        Map<String, Map<String, List<Row>>> out = new HashMap<>();
        for (Row r : rows) {
            out.computeIfAbsent(r.getString(0), k -> new HashMap<>())
                    .computeIfAbsent(r.getString(8), k -> new ArrayList<>()).add(r);
        }
        out.values().forEach(m -> m.values().forEach(l -> l.sort((a, b) -> Integer.compare(
                a.isNullAt(2) ? 0 : a.getInt(2), b.isNullAt(2) ? 0 : b.getInt(2)))));
        return out;
    }

    @Test
    void severalModelsGiveEachSeriesWhatTheSingleJvmApiGives() {
        Random rng = new Random(41);
        Map<String, double[]> series = new TreeMap<>();
        for (int i = 0; i < 7; i++) {
            series.put("s" + i, ForecastTest.simulate(rng, 40 + rng.nextInt(20)));
        }
        // Below zero: a log (lambda = 0) cannot transform it, so that model fails it and only it.
        series.put("negative", Arrays.stream(ForecastTest.simulate(rng, 36)).map(v -> v - 200).toArray());
        series.put("short", new double[] {3.0}); // no time step: an error row under every model
        String[] texts = {"auto_arima[12]", "snaive[12]", "naive", "snaive(lambda=0)[12]", "window_average(3)",
            "snaive(lambda=0)[12]|naive"};
        int h = 5;
        ForecastSpec spec = ForecastSpec.model(texts).columns("sku", "month", "sales").horizon(h).levels(0.8, 0.95)
                .batchSize(3);
        List<Row> rows = LagrsSpark.forecast(monthly(series), spec).collectAsList();
        Map<String, Map<String, List<Row>>> got = bySeriesAndSpec(rows);
        assertEquals(series.keySet(), new java.util.TreeSet<>(got.keySet()));

        int forecastRows = 0;
        int failures = 0;
        for (var entry : series.entrySet()) {
            String id = entry.getKey();
            double[] y = entry.getValue();
            assertEquals(texts.length, got.get(id).size(), () -> id + ": one group of rows per model");
            for (String text : texts) {
                ModelSpec model = ModelSpec.parse(text);
                List<Row> r = got.get(id).get(model.toString());
                assertNotNull(r, () -> id + " has no rows for " + text);
                if (id.equals("short")) {
                    assertErrorRow(r, model, "at least two observations");
                    failures++;
                    continue;
                }
                FittedModel fitted;
                try {
                    fitted = model.fit(y);
                } catch (RuntimeException e) {
                    assertErrorRow(r, model, e.getMessage());
                    failures++;
                    continue;
                }
                try (fitted) {
                    IntervalForecast f = fitted.forecast(h, new double[] {0.8, 0.95});
                    assertEquals(h, r.size(), () -> id + " " + text + ": " + r);
                    for (int k = 0; k < h; k++) {
                        Row row = r.get(k);
                        String where = id + " " + text + " step " + (k + 1);
                        assertEquals(Date.valueOf(START.plusMonths(y.length + k)), row.getDate(1), where);
                        assertEquals(k + 1, row.getInt(2), where);
                        assertEquals(f.mean()[k], row.getDouble(3), 0.0, where);
                        assertEquals(List.of(f.lower(0)[k], f.lower(1)[k]), row.getList(4), where);
                        assertEquals(List.of(f.upper(0)[k], f.upper(1)[k]), row.getList(5), where);
                        assertEquals(fitted.label(), row.getString(6), where);
                        assertNull(row.get(7), where);
                        forecastRows++;
                    }
                }
            }
        }
        assertEquals(rows.size(), forecastRows + failures, "no row beyond those checked");
        assertEquals(texts.length + 1, failures, "the short series under every model, the negative one under one");
        assertEquals("Seasonal naive method", got.get("s0").get("snaive[12]").get(0).getString(6));
        assertEquals("Naive method", got.get("s0").get("naive").get(0).getString(6));
        assertEquals("Naive method", got.get("negative").get(ModelSpec.parse(texts[5]).toString()).get(0).getString(6),
                "the fallback, where the first model fails");
        Row average = got.get("s0").get("window_average(3)").get(0);
        assertTrue(Double.isNaN((Double) average.getList(4).get(0)), "window averages have no intervals: NaN bounds");
    }

    private static void assertErrorRow(List<Row> rows, ModelSpec model, String expected) {
        assertEquals(1, rows.size(), () -> "one error row: " + rows);
        Row r = rows.get(0);
        String error = r.getString(7);
        assertNotNull(error, () -> model + ": " + r);
        assertTrue(error.contains(expected), () -> model + ": '" + error + "' does not say '" + expected + "'");
        assertEquals(model.toString(), r.getString(6), "an error row's model is the spec that was tried");
        assertEquals(model.toString(), r.getString(8));
        for (int c : new int[] {1, 2, 3, 4, 5}) {
            assertNull(r.get(c), () -> "column " + c + " of " + r);
        }
    }

    @Test
    void aBadSpecTextFailsWhenTheSpecificationIsMadeAndNamesIt() {
        var bad = assertThrows(IllegalArgumentException.class,
                () -> ForecastSpec.model("auto_arima[12]", "snaiv[12]", "naive"));
        assertTrue(bad.getMessage().contains("\"snaiv[12]\""), bad.getMessage());
        var option = assertThrows(IllegalArgumentException.class, () -> ForecastSpec.model("naive(window=3)"));
        assertTrue(option.getMessage().contains("\"naive(window=3)\""), option.getMessage());
        var twice = assertThrows(IllegalArgumentException.class,
                () -> ForecastSpec.model("snaive[12]", "naive", "snaive[12]"));
        assertTrue(twice.getMessage().contains("twice"), twice.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ForecastSpec.model(new String[0]));
        assertThrows(IllegalArgumentException.class, () -> ForecastSpec.model(new ModelSpec[0]));
        var nul = assertThrows(NullPointerException.class, () -> ForecastSpec.model("naive", null));
        assertTrue(nul.getMessage().contains("texts[1]"), nul.getMessage());
        assertThrows(NullPointerException.class, () -> ForecastSpec.model((String[]) null));
        assertThrows(NullPointerException.class, () -> ForecastSpec.model(Baseline.naive(), null));
    }

    @Test
    void specificationsHoldCanonicalSpecTextsThroughEveryChange() throws Exception {
        ForecastSpec arima = ForecastSpec.arima(0, 1, 1).seasonal(0, 1, 1, 12);
        assertEquals(List.of("arima(0,1,1)(0,1,1)[12]"), arima.specs());
        assertEquals(Arima.order(0, 1, 1).seasonal(0, 1, 1, 12), arima.toArima());
        Arima drift = Arima.order(1, 0, 0).includeMean(false).includeDrift(true);
        assertEquals(drift, ForecastSpec.arima(1, 0, 0).includeMean(false).includeDrift(true).toArima());
        assertEquals(drift, ForecastSpec.model(drift.toString()).toArima(), "a text is read back as the shorthand's");
        assertEquals(List.of(AutoArima.builder().seasonalPeriod(12).build().toString()),
                ForecastSpec.autoArima(12).specs());
        assertEquals(List.of("auto[12]"), ForecastSpec.auto(12).specs());
        assertEquals(List.of("auto"), ForecastSpec.auto(1).specs());
        assertThrows(IllegalArgumentException.class, () -> ForecastSpec.auto(0));

        ModelSpec fallback = AutoArima.builder().seasonalPeriod(12).build().withFallback(Baseline.seasonalNaive(12));
        ForecastSpec several = ForecastSpec.model(fallback, Baseline.naive(), drift)
                .columns("a", "b", "c").horizon(3).levels(0.5).batchSize(2).partitions(4).threads(1);
        List<String> texts = List.of("auto_arima[12]|snaive[12]", "naive", drift.toString());
        assertEquals(texts, several.specs());
        assertEquals(List.of(fallback, ModelSpec.parse("naive"), ModelSpec.parse(drift.toString())),
                several.models());
        assertThrows(IllegalStateException.class, () -> several.seasonal(0, 1, 1, 12));
        assertThrows(IllegalStateException.class, several::toArima);
        assertThrows(IllegalStateException.class, () -> ForecastSpec.model("snaive[12]").includeDrift(true));
        var mean = assertThrows(IllegalArgumentException.class, () -> ForecastSpec.arima(0, 1, 1).includeMean(true));
        assertTrue(mean.getMessage().contains("includeMean"), mean.getMessage());

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(several);
        }
        ForecastSpec copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (ForecastSpec) in.readObject();
        }
        assertEquals(texts, copy.specs());
        assertEquals(3, copy.horizon());
        assertArrayEquals(new double[] {0.5}, copy.levels());
        assertEquals(several.toString(), copy.toString());
    }

    @Test
    void metricsCountSeriesOnceAndOneNativeCallPerBatchAndModel() {
        Random rng = new Random(43);
        Map<String, double[]> series = new TreeMap<>();
        for (int i = 0; i < 10; i++) {
            series.put("s" + i, ForecastTest.simulate(rng, 40));
        }
        series.put("short", new double[] {1.0});
        ForecastMetrics metrics = ForecastMetrics.register(spark);
        ForecastSpec spec = ForecastSpec.model("naive", "snaive[12]", "mean").columns("sku", "month", "sales")
                .horizon(4).levels(new double[0]).batchSize(5);
        List<Row> rows = LagrsSpark.forecast(monthly(series), spec, metrics).collectAsList();
        assertEquals(10 * 3 * 4 + 3, rows.size());
        assertEquals(11, metrics.series());
        assertEquals(1, metrics.failedSeries());
        assertEquals(0, metrics.batches() % 3, "each batch once per model: " + metrics.batches());
        assertTrue(metrics.batches() >= 3 * 2, "10 series in batches of at most 5: " + metrics.batches());

        Map<String, Map<String, List<Row>>> got = bySeriesAndSpec(rows);
        try (FittedModel m = Baseline.mean().fit(series.get("s3"))) {
            double[] mean = m.forecast(4, new double[0]).mean();
            for (Row r : got.get("s3").get("mean")) {
                assertEquals(mean[r.getInt(2) - 1], r.getDouble(3), 0.0);
                assertEquals(List.of(), r.getList(4), "no levels: empty arrays");
                assertEquals(List.of(), r.getList(5));
            }
        }
    }
}
