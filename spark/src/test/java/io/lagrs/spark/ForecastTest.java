package io.lagrs.spark;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lagrs.Arima;
import io.lagrs.ArimaModel;
import io.lagrs.AutoArima;
import io.lagrs.Forecast;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForecastTest {
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkTestSession.get();
    }

    /** A seasonal random walk with noise: what a monthly sales series looks like to ARIMA. */
    static double[] simulate(Random rng, int n) {
        double[] y = new double[n];
        double level = 100 + 20 * rng.nextDouble();
        double[] season = new double[12];
        for (int s = 0; s < 12; s++) {
            season[s] = 10 * Math.sin(2 * Math.PI * s / 12) + rng.nextGaussian();
        }
        double e = 0;
        for (int t = 0; t < n; t++) {
            double shock = rng.nextGaussian();
            level += 0.5 * shock + 0.3 * e;
            e = shock;
            y[t] = level + season[t % 12] + rng.nextGaussian();
        }
        return y;
    }

    static Dataset<Row> monthly(Map<String, double[]> series, LocalDate start) {
        List<Row> rows = new ArrayList<>();
        series.forEach((id, y) -> {
            for (int t = 0; t < y.length; t++) {
                rows.add(RowFactory.create(id, Date.valueOf(start.plusMonths(t)), y[t]));
            }
        });
        StructType schema = new StructType().add("sku", DataTypes.StringType).add("month", DataTypes.DateType)
                .add("sales", DataTypes.DoubleType);
        return spark.createDataFrame(rows, schema);
    }

    @Test
    void forecastsEqualTheSingleJvmApiForEverySeries() {
        Random rng = new Random(11);
        Map<String, double[]> series = new TreeMap<>();
        for (int i = 0; i < 40; i++) {
            series.put("s" + i, simulate(rng, 36 + rng.nextInt(40)));
        }
        ForecastSpec spec = ForecastSpec.arima(0, 1, 1).seasonal(0, 1, 1, 12).columns("sku", "month", "sales")
                .horizon(6).levels(0.8, 0.95).batchSize(7); // several batches per partition
        List<Row> rows = LagrsSpark.forecast(monthly(series, LocalDate.of(2015, 1, 1)), spec).collectAsList();

        Map<String, List<Row>> byId = new HashMap<>();
        for (Row r : rows) {
            byId.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r);
        }
        assertEquals(series.keySet(), new java.util.TreeSet<>(byId.keySet()));
        Arima arima = Arima.order(0, 1, 1).seasonal(0, 1, 1, 12);
        for (var entry : series.entrySet()) {
            List<Row> got = byId.get(entry.getKey());
            got.sort((a, b) -> Integer.compare(a.getInt(2), b.getInt(2)));
            double[] y = entry.getValue();
            try (ArimaModel m = arima.fit(y)) {
                Forecast f80 = m.forecast(6, 0.8);
                Forecast f95 = m.forecast(6, 0.95);
                assertEquals(6, got.size(), entry.getKey());
                for (int k = 0; k < 6; k++) {
                    Row r = got.get(k);
                    assertEquals(Date.valueOf(LocalDate.of(2015, 1, 1).plusMonths(y.length + k)), r.getDate(1));
                    assertEquals(k + 1, r.getInt(2));
                    assertEquals(f95.mean()[k], r.getDouble(3), 0.0, entry.getKey());
                    assertEquals(List.of(f80.lower()[k], f95.lower()[k]), r.getList(4));
                    assertEquals(List.of(f80.upper()[k], f95.upper()[k]), r.getList(5));
                    assertEquals("ARIMA(0,1,1)(0,1,1)[12]", r.getString(6));
                    assertNull(r.get(7));
                }
            }
        }
    }

    @Test
    void rowsInAnyOrderAndPartitionGiveTheSameForecasts() {
        Random rng = new Random(12);
        Map<String, double[]> series = new TreeMap<>();
        for (int i = 0; i < 12; i++) {
            series.put("s" + i, simulate(rng, 30 + rng.nextInt(30)));
        }
        ForecastSpec spec = ForecastSpec.arima(0, 1, 1).seasonal(0, 1, 1, 12).columns("sku", "month", "sales")
                .horizon(3).batchSize(5);
        Dataset<Row> stored = monthly(series, LocalDate.of(2015, 1, 1)); // series by series: a chunk each
        // Rows in random order over several partitions: each series arrives in many pieces.
        Dataset<Row> scattered = stored.orderBy(org.apache.spark.sql.functions.rand(3)).repartition(3);
        List<String> expected = sortedStrings(LagrsSpark.forecast(stored, spec));
        assertEquals(12 * 3, expected.size());
        assertEquals(expected, sortedStrings(LagrsSpark.forecast(scattered, spec)));
    }

    @Test
    void parquetFilesAreReadFromTheirColumnBatchesWithTheSameForecasts(@TempDir Path dir) {
        Random rng = new Random(21);
        Map<String, double[]> series = new TreeMap<>();
        for (int i = 0; i < 15; i++) {
            series.put("s" + i, simulate(rng, 30 + rng.nextInt(30)));
        }
        ForecastSpec spec = ForecastSpec.arima(0, 1, 1).seasonal(0, 1, 1, 12).columns("sku", "month", "sales")
                .horizon(3).levels(0.8, 0.95).batchSize(4);
        Dataset<Row> memory = monthly(series, LocalDate.of(2015, 1, 1));
        String stored = dir.resolve("stored").toString();
        String scattered = dir.resolve("scattered").toString();
        memory.coalesce(1).write().parquet(stored); // series by series
        memory.orderBy(org.apache.spark.sql.functions.rand(4)).repartition(3).write().parquet(scattered);
        List<String> expected = sortedStrings(LagrsSpark.forecast(memory, spec));
        assertEquals(15 * 3, expected.size());

        assertNull(ColumnarChunks.of(memory, "sku", "month", "sales", TimeKind.DATE, null),
                "rows in memory: no batches");
        Dataset<Row> cached = memory.cache();
        try {
            assertEquals(expected, sortedStrings(LagrsSpark.forecast(cached, spec)), "a cached input (Spark's rows)");
        } finally {
            cached.unpersist(true);
        }
        String batchSize = "spark.sql.parquet.columnarReaderBatchSize";
        try {
            spark.conf().set(batchSize, "7"); // series cut across batches
            for (String path : List.of(stored, scattered)) {
                Dataset<Row> parquet = spark.read().parquet(path);
                Dataset<Row> reordered = parquet.select("sales", "month", "sku");
                for (Dataset<Row> df : List.of(parquet, reordered)) {
                    assertNotNull(ColumnarChunks.of(df, "sku", "month", "sales", TimeKind.DATE, null), path);
                    assertEquals(expected, sortedStrings(LagrsSpark.forecast(df, spec)), path);
                }
                Dataset<Row> filtered = parquet.where(col("sales").isNotNull());
                assertNull(ColumnarChunks.of(filtered, "sku", "month", "sales", TimeKind.DATE, null),
                        "a filter is evaluated on Spark's rows");
                assertEquals(expected, sortedStrings(LagrsSpark.forecast(filtered, spec)));
            }
        } finally {
            spark.conf().unset(batchSize);
        }
    }

    @Test
    void columnBatchesOfEveryKeyTimeAndValueTypeGiveWhatRowsGive(@TempDir Path dir) {
        Random rng = new Random(22);
        List<Row> rows = new ArrayList<>();
        for (long id = 0; id < 6; id++) {
            for (int t = 0; t < 30; t++) {
                rows.add(RowFactory.create(id, 100 + 2 * t, (float) (t + rng.nextGaussian()),
                        (int) (10 * rng.nextGaussian())));
            }
        }
        rows.add(RowFactory.create(0L, 160, null, null));   // missing values: NaN
        rows.add(RowFactory.create(1L, null, 1.0f, 1));       // a null time: that series' error
        for (int t = 0; t < 30; t++) {
            rows.add(RowFactory.create(null, t, (float) rng.nextGaussian(), t)); // the null key
        }
        StructType schema = new StructType().add("id", DataTypes.LongType).add("t", DataTypes.IntegerType)
                .add("f", DataTypes.FloatType).add("i", DataTypes.IntegerType);
        Dataset<Row> memory = spark.createDataFrame(rows, schema);
        memory.repartition(2).write().parquet(dir.resolve("typed.parquet").toString());
        memory.repartition(2).write().orc(dir.resolve("typed.orc").toString());
        Dataset<Row> parquet = spark.read().parquet(dir.resolve("typed.parquet").toString());
        Dataset<Row> orc = spark.read().orc(dir.resolve("typed.orc").toString());
        for (String value : List.of("f", "i")) {
            ForecastSpec spec = ForecastSpec.arima(1, 1, 0).columns("id", "t", value).horizon(2).threads(1);
            List<String> expected = sortedStrings(LagrsSpark.forecast(memory, spec));
            for (Dataset<Row> file : List.of(parquet, orc)) {
                assertNotNull(ColumnarChunks.of(file, "id", "t", value, TimeKind.INTEGER, null), value);
                assertEquals(expected, sortedStrings(LagrsSpark.forecast(file, spec)), value);
            }
            assertTrue(expected.stream().anyMatch(r -> r.contains("time is null")),
                    "the series with a null time fails");
        }
    }

    private static List<String> sortedStrings(Dataset<Row> df) {
        List<String> out = new ArrayList<>();
        for (Row r : df.collectAsList()) {
            out.add(r.toString());
        }
        java.util.Collections.sort(out);
        return out;
    }

    @Test
    void autoArimaChoosesEachSeriesModelAsTheSingleJvmApiDoes() {
        Random rng = new Random(29);
        Map<String, double[]> series = new TreeMap<>();
        for (int i = 0; i < 8; i++) {
            series.put("s" + i, simulate(rng, 48 + rng.nextInt(12)));
        }
        series.put("flat", new double[] {5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5});
        ForecastSpec spec = ForecastSpec.autoArima(12).columns("sku", "month", "sales").horizon(4).levels(0.95).batchSize(3);
        List<Row> rows = LagrsSpark.forecast(monthly(series, LocalDate.of(2016, 1, 1)), spec).collectAsList();
        assertEquals(series.size() * 4, rows.size(), () -> rows.toString());
        AutoArima auto = AutoArima.builder().seasonalPeriod(12).build();
        java.util.Set<String> models = new java.util.HashSet<>();
        for (Row r : rows) {
            assertNull(r.get(7), () -> String.valueOf(r.get(7)));
            try (ArimaModel m = auto.fit(series.get(r.getString(0)))) {
                Forecast f = m.forecast(4, 0.95);
                assertEquals(f.mean()[r.getInt(2) - 1], r.getDouble(3), 0.0, r.getString(0));
                assertEquals(f.upper()[r.getInt(2) - 1], r.getList(5).get(0));
                assertEquals(m.label(), r.getString(6));
            }
            models.add(r.getString(6));
        }
        assertTrue(models.size() > 1, "different series, different models: " + models);
        assertThrows(IllegalStateException.class, () -> spec.includeDrift(true));
        assertThrows(IllegalStateException.class, spec::toArima);
        assertThrows(IllegalArgumentException.class, () -> ForecastSpec.autoArima(0));
    }

    @Test
    void everySeriesComesBackAndABadSeriesOnlyFailsItself() {
        Random rng = new Random(5);
        List<Row> rows = new ArrayList<>();
        StructType schema = new StructType().add("id", DataTypes.LongType).add("t", DataTypes.IntegerType)
                .add("y", DataTypes.DoubleType);
        for (long id = 0; id < 30; id++) {
            double[] y = simulate(rng, 30);
            for (int t = 0; t < y.length; t++) {
                rows.add(RowFactory.create(id, t, y[t]));
            }
        }
        rows.add(RowFactory.create(100L, 0, 1.0));                 // one observation
        rows.add(RowFactory.create(101L, 0, 1.0));                 // a repeated time
        rows.add(RowFactory.create(101L, 0, 2.0));
        rows.add(RowFactory.create(101L, 1, 3.0));
        rows.add(RowFactory.create(102L, null, 1.0));              // a null time
        for (int t = 0; t < 30; t++) {
            rows.add(RowFactory.create(102L, t + 1, rng.nextGaussian()));
            rows.add(RowFactory.create(103L, t, t == 7 ? Double.POSITIVE_INFINITY : rng.nextGaussian())); // not finite
            rows.add(RowFactory.create(104L, t, null));            // nothing but missing values
            rows.add(RowFactory.create(null, t, rng.nextGaussian())); // a null key is a series too
        }
        Dataset<Row> df = spark.createDataFrame(rows, schema);
        ForecastSpec spec = ForecastSpec.arima(1, 1, 0).columns("id", "t", "y").horizon(3).batchSize(4).threads(1);
        List<Row> out = LagrsSpark.forecast(df, spec).collectAsList();

        Map<Long, List<Row>> byId = new HashMap<>();
        for (Row r : out) {
            byId.computeIfAbsent(r.isNullAt(0) ? null : r.getLong(0), k -> new ArrayList<>()).add(r);
        }
        assertEquals(30 + 6, byId.size(), "one group of rows per input series");
        for (long id = 0; id < 30; id++) {
            List<Row> got = byId.get(id);
            assertEquals(3, got.size());
            for (Row r : got) {
                assertNull(r.get(7), () -> "series " + r.get(0) + ": " + r.get(7));
                assertTrue(r.getInt(1) >= 30 && r.getInt(1) <= 32);
            }
        }
        assertEquals(3, byId.get(null).size(), "a null key is forecast like any other");
        assertError(byId.get(100L), "at least two observations");
        assertError(byId.get(101L), "more than once");
        assertError(byId.get(102L), "time is null");
        assertNotNull(single(byId.get(103L)).getString(7));
        assertNotNull(single(byId.get(104L)).getString(7));
    }

    private static Row single(List<Row> rows) {
        assertEquals(1, rows.size());
        Row r = rows.get(0);
        assertNull(r.get(1));
        assertNull(r.get(3));
        return r;
    }

    private static void assertError(List<Row> rows, String expected) {
        String error = single(rows).getString(7);
        assertTrue(error.contains(expected), error);
    }

    @Test
    void futureTimesHaveTheTypeOfTheTimeColumn() {
        Random rng = new Random(3);
        double[] y = simulate(rng, 48);
        LocalDateTime start = LocalDateTime.parse("2020-01-31T06:00");
        Object[][] kinds = {
            {DataTypes.IntegerType, (java.util.function.IntFunction<Object>) t -> 2000 + 5 * t, 2000 + 5 * 48},
            {DataTypes.LongType, (java.util.function.IntFunction<Object>) t -> 7L * t, 7L * 48},
            {DataTypes.DateType, (java.util.function.IntFunction<Object>) t ->
                    Date.valueOf(LocalDate.of(2020, 1, 31).plusMonths(t).withDayOfMonth(
                            LocalDate.of(2020, 1, 31).plusMonths(t).lengthOfMonth())),
                Date.valueOf(LocalDate.of(2024, 1, 31))},
            {DataTypes.TimestampType, (java.util.function.IntFunction<Object>) t ->
                    Timestamp.valueOf(start.plusDays(t)), Timestamp.valueOf(start.plusDays(48))},
            {DataTypes.TimestampNTZType, (java.util.function.IntFunction<Object>) t ->
                    LocalDateTime.of(LocalDate.of(2020, 1, 31).plusMonths(t).withDayOfMonth(
                            LocalDate.of(2020, 1, 31).plusMonths(t).lengthOfMonth()), start.toLocalTime()),
                LocalDateTime.parse("2024-01-31T06:00")},
        };
        for (Object[] kind : kinds) {
            @SuppressWarnings("unchecked")
            var time = (java.util.function.IntFunction<Object>) kind[1];
            List<Row> rows = new ArrayList<>();
            for (int t = 0; t < y.length; t++) {
                rows.add(RowFactory.create("a", time.apply(t), y[t]));
            }
            StructType schema = new StructType().add("id", DataTypes.StringType).add("time", (DataType) kind[0])
                    .add("value", DataTypes.DoubleType);
            Dataset<Row> result = LagrsSpark.forecast(spark.createDataFrame(rows, schema),
                    ForecastSpec.arima(1, 0, 0).horizon(2));
            assertEquals(kind[0], result.schema().apply("time").dataType());
            List<Row> out = result.orderBy("step").collectAsList();
            assertNull(out.get(0).get(7), () -> String.valueOf(out.get(0).get(7)));
            assertEquals(kind[2], out.get(0).get(1), () -> kind[0] + ": " + out);
        }
    }

    @Test
    void theOutputSchemaIsDocumentedAndStable() {
        Dataset<Row> df = monthly(Map.of("a", simulate(new Random(1), 24)), LocalDate.of(2020, 1, 1));
        StructType schema = LagrsSpark.forecast(df, ForecastSpec.arima(0, 1, 1).columns("sku", "month", "sales"))
                .schema();
        assertArrayEquals(new String[] {"sku", "month", "step", "mean", "lower", "upper", "model", "error", "spec"},
                schema.fieldNames());
        assertEquals(DataTypes.DateType, schema.apply("month").dataType());
        assertEquals(DataTypes.createArrayType(DataTypes.DoubleType, false), schema.apply("lower").dataType());
    }

    @Test
    void badArgumentsNameTheColumn() {
        Dataset<Row> df = monthly(Map.of("a", new double[] {1, 2, 3}), LocalDate.of(2020, 1, 1));
        var missing = assertThrows(IllegalArgumentException.class,
                () -> LagrsSpark.forecast(df, ForecastSpec.arima(0, 1, 1).columns("sku", "when", "sales")));
        assertTrue(missing.getMessage().contains("'when'"), missing.getMessage());
        var notNumeric = assertThrows(IllegalArgumentException.class,
                () -> LagrsSpark.forecast(df, ForecastSpec.arima(0, 1, 1).columns("month", "sales", "sku")));
        assertTrue(notNumeric.getMessage().contains("time column 'sales'"), notNumeric.getMessage());
        var text = assertThrows(IllegalArgumentException.class,
                () -> LagrsSpark.forecast(df, ForecastSpec.arima(0, 1, 1).columns("sales", "month", "sku")));
        assertTrue(text.getMessage().contains("value column 'sku'"), text.getMessage());
        assertThrows(NullPointerException.class, () -> LagrsSpark.forecast(null, ForecastSpec.arima(0, 1, 1)));
        assertThrows(NullPointerException.class, () -> LagrsSpark.forecast(df, null));
        assertThrows(IllegalArgumentException.class, () -> ForecastSpec.arima(0, 1, 1).horizon(0));
        assertThrows(IllegalArgumentException.class, () -> ForecastSpec.arima(0, 1, 1).threads(-1));
        assertEquals(3, ForecastSpec.arima(0, 1, 1).threads(3).horizon(2).threads(), "kept through later changes");
        assertEquals(0, ForecastSpec.arima(0, 1, 1).threads(), "default: the task's cores");
        assertEquals(1, LagrsSpark.taskCpus(spark), "spark.task.cpus is 1 unless set");
        assertThrows(IllegalArgumentException.class, () -> ForecastSpec.arima(0, 1, 1).levels(0.95, 1.0));
        assertThrows(IllegalArgumentException.class, () -> ForecastSpec.arima(-1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> ForecastSpec.arima(0, 1, 1).seasonal(1, 0, 0, 1));
    }

    @Test
    void metricsCountSeriesFailuresAndNativeTime() {
        Random rng = new Random(9);
        Map<String, double[]> series = new TreeMap<>();
        for (int i = 0; i < 20; i++) {
            series.put("s" + i, simulate(rng, 40));
        }
        series.put("short", new double[] {1.0});
        ForecastMetrics metrics = ForecastMetrics.register(spark);
        long rows = LagrsSpark.forecast(monthly(series, LocalDate.of(2020, 1, 1)),
                ForecastSpec.arima(1, 1, 1).columns("sku", "month", "sales").horizon(4).batchSize(5), metrics).count();
        assertEquals(20 * 4 + 1, rows);
        assertEquals(21, metrics.series());
        assertEquals(1, metrics.failedSeries());
        assertTrue(metrics.batches() >= 4, "20 series in batches of at most 5: " + metrics.batches());
        assertTrue(metrics.nativeNanos() > 0);
        assertTrue(metrics.partitionNanos() >= metrics.nativeNanos());
        assertTrue(metrics.chunkNanos() > 0, "the stage before the shuffle is timed too");
    }
}
