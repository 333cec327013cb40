package io.lagrs.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lagrs.FittedModel;
import io.lagrs.IntervalForecast;
import io.lagrs.ModelSpec;
import io.lagrs.Regressors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link LagrsSpark#forecast(Dataset, Dataset, ForecastSpec)}: every series' rows equal, to the
 * bit, the library's single fit with its regressors and forecast with their future values; a
 * series with a missing value fails alone, the error naming it and the time; the columns not
 * named as regressors are never read as ones.
 */
class XregForecastTest {
    private static final String[] NAMES = {"promo", "price"};
    private static final double[] LEVELS = {0.8, 0.95};
    private static final int H = 5;
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkTestSession.get();
    }

    /** A weekly series driven by a promotion (+8) and its price (-3 per unit), with AR(1) errors. */
    private record Sim(String id, int start, double[] y, double[] promo, double[] price, double[] fPromo,
            double[] fPrice) {
        static Sim of(String id, int start, int n, long seed) {
            Random r = new Random(seed);
            int all = n + H + 3;
            double[] promo = new double[all];
            double[] price = new double[all];
            double[] y = new double[n];
            double e = 0;
            for (int t = 0; t < all; t++) {
                promo[t] = r.nextDouble() < 0.2 ? 1 : 0;
                price[t] = 4 + Math.sin(t / 6.0) + 0.2 * r.nextGaussian();
                if (t < n) {
                    e = 0.5 * e + r.nextGaussian();
                    y[t] = 40 + 8 * promo[t] - 3 * price[t] + e;
                }
            }
            return new Sim(id, start, y, java.util.Arrays.copyOf(promo, n), java.util.Arrays.copyOf(price, n),
                    java.util.Arrays.copyOfRange(promo, n, all), java.util.Arrays.copyOfRange(price, n, all));
        }
    }

    private static final StructType HISTORY = new StructType().add("sku", DataTypes.StringType)
            .add("week", DataTypes.IntegerType).add("sales", DataTypes.DoubleType).add("promo", DataTypes.IntegerType)
            .add("price", DataTypes.DoubleType).add("noise", DataTypes.DoubleType);
    private static final StructType FUTURE = new StructType().add("sku", DataTypes.StringType)
            .add("week", DataTypes.IntegerType).add("price", DataTypes.DoubleType).add("promo", DataTypes.IntegerType)
            .add("other", DataTypes.DoubleType);

    private static List<Sim> sims() {
        List<Sim> sims = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            sims.add(Sim.of("s" + i, 100 * i, 50 + 7 * i, 31 + i));
        }
        return sims;
    }

    /** History rows of every sim; {@code nullPrice} gets a null price at its 10th week. */
    private static Dataset<Row> history(List<Sim> sims, String nullPrice) {
        List<Row> rows = new ArrayList<>();
        for (Sim s : sims) {
            for (int t = 0; t < s.y().length; t++) {
                Double price = s.id().equals(nullPrice) && t == 9 ? null : s.price()[t];
                rows.add(RowFactory.create(s.id(), s.start() + t, s.y()[t], (int) s.promo()[t], price, 1000.0 * t));
            }
        }
        return spark.createDataFrame(rows, HISTORY);
    }

    /** Future rows (all H + 3 of each sim: rows past the horizon are not read); {@code gap} lacks its step 3. */
    private static Dataset<Row> future(List<Sim> sims, String gap) {
        List<Row> rows = new ArrayList<>();
        for (Sim s : sims) {
            for (int k = 0; k < s.fPromo().length; k++) {
                if (!(s.id().equals(gap) && k == 2)) {
                    rows.add(RowFactory.create(s.id(), s.start() + s.y().length + k, s.fPrice()[k], (int) s.fPromo()[k],
                            -1.0));
                }
            }
        }
        return spark.createDataFrame(rows, FUTURE);
    }

    private static ForecastSpec spec() {
        return ForecastSpec.model("arima(1,0,0)", "auto_arima").columns("sku", "week", "sales").regressors(NAMES)
                .horizon(H).levels(LEVELS).batchSize(3);
    }

    @Test
    void rowsEqualTheLibrarysSingleFitsAndABadSeriesFailsAlone() {
        List<Sim> sims = sims();
        assertEqualsSingleFits(sims, LagrsSpark.forecast(history(sims, "s5"), future(sims, "s3"), spec()));
    }

    @Test
    void chunksCutFromRowsInAnyOrderOrFromParquetBatchesGiveTheSameRows(@TempDir Path dir) {
        List<Sim> sims = sims();
        Dataset<Row> history = history(sims, "s5");
        Dataset<Row> future = future(sims, "s3");
        Dataset<Row> shuffledHistory = history.orderBy(functions.rand(8)).repartition(3);
        Dataset<Row> shuffledFuture = future.orderBy(functions.rand(9)).repartition(2);
        assertEqualsSingleFits(sims, LagrsSpark.forecast(shuffledHistory, shuffledFuture, spec()));

        String stored = dir.resolve("stored").toString();
        String scattered = dir.resolve("scattered").toString();
        history.coalesce(1).write().parquet(stored); // series by series
        shuffledHistory.write().parquet(scattered);
        future.coalesce(1).write().parquet(dir.resolve("future").toString());
        Dataset<Row> storedFuture = spark.read().parquet(dir.resolve("future").toString());
        String batchSize = "spark.sql.parquet.columnarReaderBatchSize";
        try {
            spark.conf().set(batchSize, "7"); // series cut across batches
            for (String path : List.of(stored, scattered)) {
                Dataset<Row> parquet = spark.read().parquet(path);
                Dataset<Row> reordered = parquet.select("price", "sales", "noise", "week", "promo", "sku");
                for (Dataset<Row> df : List.of(parquet, reordered)) {
                    assertNotNull(ColumnarChunks.of(df, "sku", "week", "sales", TimeKind.INTEGER, null, NAMES), path);
                    assertEqualsSingleFits(sims, LagrsSpark.forecast(df, storedFuture, spec()));
                }
            }
        } finally {
            spark.conf().unset(batchSize);
        }
    }

    @Test
    void orcBatchesGiveTheSameRows(@TempDir Path dir) {
        List<Sim> sims = sims();
        String stored = dir.resolve("history.orc").toString();
        history(sims, "s5").orderBy(functions.rand(8)).repartition(3).write().orc(stored);
        String batchSize = "spark.sql.orc.columnarReaderBatchSize";
        try {
            spark.conf().set(batchSize, "7"); // series cut across batches
            Dataset<Row> orc = spark.read().orc(stored);
            assertNotNull(ColumnarChunks.of(orc, "sku", "week", "sales", TimeKind.INTEGER, null, NAMES));
            assertEqualsSingleFits(sims, LagrsSpark.forecast(orc, future(sims, "s3"), spec()));
        } finally {
            spark.conf().unset(batchSize);
        }
    }

    /**
     * The rows of {@code forecast} are, for every sim but s3 (no future row at its step 3) and
     * s5 (a null price at its 10th week), the library's single fit and forecast to the bit;
     * those two have one error row per spec naming the series and the time.
     */
    private static void assertEqualsSingleFits(List<Sim> sims, Dataset<Row> forecast) {
        List<Row> rows = forecast.collectAsList();
        Map<String, List<Row>> bySeriesAndSpec = new HashMap<>();
        for (Row r : rows) {
            bySeriesAndSpec.computeIfAbsent(r.getString(0) + " " + r.getString(8), k -> new ArrayList<>()).add(r);
        }
        assertEquals(2 * 7, bySeriesAndSpec.size());
        int compared = 0;
        for (Sim s : sims) {
            for (String text : spec().specs()) {
                List<Row> got = bySeriesAndSpec.get(s.id() + " " + text);
                if (s.id().equals("s3") || s.id().equals("s5")) {
                    assertEquals(1, got.size());
                    String error = got.get(0).getString(7);
                    String expected = s.id().equals("s3")
                            ? "series 's3': the future Dataset has no row at time " + (s.start() + s.y().length + 2)
                            : "series 's5': regressor 'price' is missing (null or NaN) at time " + (s.start() + 9);
                    assertTrue(error.startsWith(expected), error);
                    continue;
                }
                got.sort((a, b) -> Integer.compare(a.getInt(2), b.getInt(2)));
                Regressors xreg = Regressors.of(NAMES, new double[][] {s.promo(), s.price()});
                Regressors ahead = Regressors.of(NAMES, new double[][] {java.util.Arrays.copyOf(s.fPromo(), H),
                    java.util.Arrays.copyOf(s.fPrice(), H)});
                try (FittedModel m = ModelSpec.parse(text).fit(s.y(), xreg)) {
                    IntervalForecast f = m.forecast(H, LEVELS, ahead);
                    assertEquals(H, got.size(), s.id());
                    for (int k = 0; k < H; k++) {
                        Row r = got.get(k);
                        assertEquals(s.start() + s.y().length + k, r.getInt(1));
                        assertEquals(k + 1, r.getInt(2));
                        assertEquals(Double.doubleToLongBits(f.mean()[k]), Double.doubleToLongBits(r.getDouble(3)));
                        assertEquals(List.of(f.lower(0)[k], f.lower(1)[k]), r.getList(4));
                        assertEquals(List.of(f.upper(0)[k], f.upper(1)[k]), r.getList(5));
                        assertEquals(m.label(), r.getString(6));
                        assertNull(r.get(7));
                    }
                    compared++;
                }
            }
        }
        assertEquals(2 * 5, compared);
    }

    @Test
    void aGapInTheHistoryIsAnErrorNamingItsTime() {
        List<Sim> sims = sims().subList(0, 2);
        Dataset<Row> history = history(sims, null).filter("NOT (sku = 's1' AND week = 120)");
        List<Row> rows = LagrsSpark.forecast(history, future(sims, null), spec().horizon(2)).collectAsList();
        List<String> errors = rows.stream().filter(r -> !r.isNullAt(7)).map(r -> r.getString(7)).toList();
        assertEquals(2, errors.size(), errors.toString());
        for (String e : errors) {
            assertEquals("series 's1': no row at time 120 (a gap): the regressors there are unknown", e);
        }
        assertEquals(2 * 2, rows.stream().filter(r -> r.getString(0).equals("s0")).count());
    }

    @Test
    void columnsAreCheckedOnTheDriverNamingThem() {
        List<Sim> sims = sims().subList(0, 1);
        Dataset<Row> history = history(sims, null);
        Dataset<Row> future = future(sims, null);
        Map<String, Runnable> calls = new java.util.LinkedHashMap<>();
        calls.put("spec has the regressors [promo, price]", () -> LagrsSpark.forecast(history, spec()));
        calls.put("spec names no regressors", () -> LagrsSpark.forecast(history, future, spec().regressors()));
        calls.put("future regressor column 'noise' is not in the input",
                () -> LagrsSpark.forecast(history, future, spec().regressors("promo", "noise")));
        calls.put("regressor column 'tag' must be numeric, got string", () -> LagrsSpark.forecast(
                history.withColumn("tag", org.apache.spark.sql.functions.lit("x")), future, spec().regressors("tag")));
        calls.put("regressor 'sales' is the id, time or value column",
                () -> LagrsSpark.forecast(history, future, spec().regressors("sales")));
        calls.put("future column 'week' is bigint, the input's is int", () -> LagrsSpark.forecast(history,
                future.withColumn("week", future.col("week").cast("bigint")), spec()));
        calls.put("regressor 'promo' is given twice", () -> spec().regressors("promo", "promo"));
        calls.forEach((expected, call) -> {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run, expected);
            assertTrue(e.getMessage().contains(expected), expected + " <- " + e.getMessage());
        });
    }
}
