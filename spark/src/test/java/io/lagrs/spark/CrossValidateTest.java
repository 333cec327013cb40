package io.lagrs.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lagrs.BatchOptions;
import io.lagrs.CrossValidation;
import io.lagrs.CrossValidationResult;
import io.lagrs.ModelSpec;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link LagrsSpark#crossValidate}: the numbers of {@link CrossValidation} on the same series in
 * one JVM, the columns of the command line's {@code cv}, and failures that stay with their series.
 */
class CrossValidateTest {
    private static final LocalDate START = LocalDate.of(2015, 1, 1);
    private static final List<String> MODELS = List.of("naive", "snaive[12]", "arima(0,1,1)(0,1,1)[12]");

    @TempDir
    Path dir;

    /** Monthly series from START; NaN is a missing value (a null in the frame), and "gap" lacks a month. */
    private static Map<String, double[]> series() {
        Random rng = new Random(24);
        Map<String, double[]> out = new LinkedHashMap<>();
        for (int i = 0; i < 7; i++) {
            double[] y = new double[40 + rng.nextInt(25)];
            double level = 50 + 10 * i;
            for (int t = 0; t < y.length; t++) {
                level += rng.nextGaussian();
                y[t] = level + 8 * Math.sin(2 * Math.PI * t / 12) + rng.nextGaussian();
            }
            out.put("s" + i, y);
        }
        out.get("s2")[30] = Double.NaN;
        out.put("short", Arrays.copyOf(out.get("s0"), 9));
        return out;
    }

    private static Dataset<Row> frame(Map<String, double[]> series) {
        List<Row> rows = new ArrayList<>();
        series.forEach((id, y) -> {
            for (int t = 0; t < y.length; t++) {
                rows.add(RowFactory.create(id, Date.valueOf(START.plusMonths(t)), Double.isNaN(y[t]) ? null : y[t]));
            }
        });
        for (String day : List.of("2021-01-01", "2021-01-04", "2021-01-07", "2021-01-08")) {
            rows.add(RowFactory.create("irregular", Date.valueOf(day), 1.0));
        }
        StructType schema = new StructType().add("series", DataTypes.StringType).add("time", DataTypes.DateType)
                .add("value", DataTypes.DoubleType);
        return SparkTestSession.get().createDataFrame(rows, schema);
    }

    @Test
    void everyWindowEqualsTheJavaCrossValidation() {
        Map<String, double[]> series = series();
        Dataset<Row> df = frame(series);
        CvSpec refit = CvSpec.model(MODELS.toArray(new String[0])).columns("series", "time", "value").horizon(6)
                .windows(3).stepSize(4).batchSize(3);
        assertEquals(0, compare(series, df, refit, CrossValidation.builder().horizon(6).windows(3).stepSize(4)
                .levels(0.8, 0.95).build()), "the short series fails as a whole here");
        CvSpec carried = refit.horizon(3).windows(2).stepSize(3).inputSize(30).noRefit().levels(0.9).partitions(2);
        int failedWindows = compare(series, df, carried, CrossValidation.builder().horizon(3).windows(2).stepSize(3)
                .inputSize(30).noRefit().levels(0.9).build());
        assertTrue(failedWindows > 0, "the short series' windows are too short for the seasonal models");
    }

    /** Checks every row; returns the rows of windows where some model failed. */
    private static int compare(Map<String, double[]> series, Dataset<Row> df, CvSpec spec, CrossValidation cv) {
        List<String> ids = new ArrayList<>(series.keySet());
        List<ModelSpec> models = MODELS.stream().map(ModelSpec::parse).toList();
        CrossValidationResult java = cv.run(models, series.values().toArray(new double[0][]),
                BatchOptions.defaults().threads(1));
        Dataset<Row> result = LagrsSpark.crossValidate(df, spec);
        List<String> expectedColumns = new ArrayList<>(List.of("series", "time", "cutoff", "actual"));
        expectedColumns.addAll(spec.modelColumns());
        expectedColumns.add("error");
        assertEquals(expectedColumns, List.of(result.columns()));

        Map<String, Row> byKey = new HashMap<>();
        Map<String, String> errors = new HashMap<>();
        for (Row r : result.collectAsList()) {
            if (r.isNullAt(1)) {
                errors.put(r.getString(0), r.getAs("error"));
            } else {
                byKey.put(r.getString(0) + " " + r.get(1) + " " + r.get(2), r);
            }
        }
        assertEquals(java.rowCount(), byKey.size(), "one row per series, window and step");
        int[] owner = java.series();
        int[] time = java.times();
        int[] cutoff = java.cutoffs();
        double[] actual = java.actual();
        int levels = spec.levels().length;
        int failedWindows = 0;
        for (int i = 0; i < java.rowCount(); i++) {
            String key = ids.get(owner[i]) + " " + Date.valueOf(START.plusMonths(time[i])) + " "
                    + Date.valueOf(START.plusMonths(cutoff[i]));
            Row r = byKey.get(key);
            assertTrue(r != null, key);
            List<String> windowErrors = new ArrayList<>();
            same(actual[i], r, 3, key);
            for (int m = 0; m < models.size(); m++) {
                int base = 4 + m * (1 + 2 * levels);
                String failed = java.windowError(m, i / java.horizon());
                if (failed != null) {
                    windowErrors.add(MODELS.get(m) + ": " + failed);
                    for (int c = base; c < base + 1 + 2 * levels; c++) {
                        assertTrue(r.isNullAt(c), key + " column " + c);
                    }
                    continue;
                }
                same(java.mean(m)[i], r, base, key);
                for (int k = 0; k < levels; k++) {
                    same(java.lower(m, k)[i], r, base + 1 + 2 * k, key);
                    same(java.upper(m, k)[i], r, base + 2 + 2 * k, key);
                }
            }
            assertEquals(windowErrors.isEmpty() ? null : String.join("; ", windowErrors), r.getAs("error"), key);
            failedWindows += windowErrors.isEmpty() ? 0 : 1;
        }
        int seriesErrors = 0;
        for (int j = 0; j < ids.size(); j++) {
            assertEquals(java.seriesError(j), errors.get(ids.get(j)), ids.get(j));
            seriesErrors += java.seriesError(j) == null ? 0 : 1;
        }
        assertTrue(errors.get("irregular").contains("2021-01-08"), errors.get("irregular"));
        assertEquals(seriesErrors + 1, errors.size(), "only the irregular series and those the library fails: " + errors);
        return failedWindows;
    }

    /** NaN from the library is null in the table, as the command line leaves the cell empty. */
    private static void same(double expected, Row r, int column, String key) {
        if (Double.isNaN(expected)) {
            assertTrue(r.isNullAt(column), key + " column " + column);
        } else {
            assertEquals(expected, r.getDouble(column), 0.0, key + " column " + column);
        }
    }

    @Test
    void theColumnsAndRowsAreTheCommandLines() throws Exception {
        Map<String, double[]> series = series();
        series.remove("short");
        List<String> lines = new ArrayList<>(List.of("series,time,value"));
        series.forEach((id, y) -> {
            for (int t = 0; t < y.length; t++) {
                lines.add(id + "," + START.plusMonths(t) + "," + (Double.isNaN(y[t]) ? "" : Double.toString(y[t])));
            }
        });
        Path input = dir.resolve("in.csv");
        Files.write(input, lines);
        Path output = dir.resolve("cv.csv");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", allJar().toString(), "cv", "--input", input.toString(), "--output",
                output.toString(), "--horizon", "6", "--windows", "3", "--step", "4"));
        for (String model : MODELS) {
            command.addAll(List.of("--model", model));
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(300, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), log);
        // the command line's CSV read by Spark: its header parsed (spec texts have commas), every cell a string
        Dataset<Row> cli = SparkTestSession.get().read().option("header", "true").csv(output.toString());

        Dataset<Row> df = SparkTestSession.get().read().option("header", "true")
                .schema("series STRING, time DATE, value DOUBLE").csv(input.toString());
        Dataset<Row> spark = LagrsSpark.crossValidate(df, CvSpec.model(MODELS.toArray(new String[0]))
                .columns("series", "time", "value").horizon(6).windows(3).stepSize(4));
        List<String> columns = new ArrayList<>(List.of(spark.columns()));
        assertEquals("error", columns.remove(columns.size() - 1));
        assertEquals(List.of(cli.columns()), columns, "the command line's header, then error");
        Map<String, Row> cliRows = new HashMap<>();
        for (Row f : cli.collectAsList()) {
            cliRows.put(f.getString(0) + " " + f.getString(1) + " " + f.getString(2), f);
        }
        List<Row> rows = spark.collectAsList();
        assertEquals(cliRows.size(), rows.size());
        for (Row r : rows) {
            Row f = cliRows.get(r.getString(0) + " " + r.get(1) + " " + r.get(2));
            assertTrue(f != null, r.toString());
            for (int c = 3; c < f.size(); c++) {
                if (f.isNullAt(c)) {
                    assertTrue(r.isNullAt(c), r + " column " + c);
                } else {
                    double v = r.getDouble(c); // the command line writes 10 significant digits
                    assertEquals(Double.parseDouble(f.getString(c)), v, 1e-9 * Math.abs(v), r + " column " + c);
                }
            }
        }
    }

    @Test
    void badSettingsFailOnTheDriverAndBadSeriesAlone() {
        assertThrows(IllegalArgumentException.class, () -> CvSpec.model("naive").horizon(0));
        assertThrows(IllegalArgumentException.class, () -> CvSpec.model("naive").windows(0));
        var step = assertThrows(IllegalArgumentException.class, () -> CvSpec.model("naive").stepSize(0));
        assertTrue(step.getMessage().contains("stepSize"), step.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CvSpec.model("naive").inputSize(0));
        assertThrows(IllegalArgumentException.class, () -> CvSpec.model("naive").refitEvery(0));
        assertThrows(IllegalArgumentException.class, () -> CvSpec.model("naive").levels(0.8, 1.0));
        assertThrows(IllegalArgumentException.class, () -> CvSpec.model("naive").levels(0.8, 0.8));
        assertThrows(IllegalArgumentException.class, () -> CvSpec.model("naive").threads(-1));
        var text = assertThrows(IllegalArgumentException.class, () -> CvSpec.model("naive", "snaiv[12]"));
        assertTrue(text.getMessage().contains("\"snaiv[12]\""), text.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CvSpec.model(new String[0]));
        assertThrows(IllegalArgumentException.class, () -> CvSpec.model("naive", "naive"));
        assertThrows(NullPointerException.class, () -> CvSpec.model("naive", null));
        assertThrows(NullPointerException.class, () -> CvSpec.model("naive").levels((double[]) null));
        assertEquals(List.of("naive", "naive-lo-80", "naive-hi-80", "naive-lo-99.5", "naive-hi-99.5"),
                CvSpec.model("naive").levels(0.8, 0.995).modelColumns());
        CvSpec defaults = CvSpec.model("naive");
        assertEquals(List.of(12, 12, 3, 0, 1), List.of(defaults.horizon(), defaults.stepSize(), defaults.windows(),
                defaults.inputSize(), defaults.refitEvery()), "the command line's defaults");
        assertEquals(5, defaults.horizon(5).stepSize(), "the step follows the horizon unless set");

        Dataset<Row> df = frame(series());
        CvSpec spec = CvSpec.model("naive").columns("series", "time", "value");
        assertThrows(NullPointerException.class, () -> LagrsSpark.crossValidate(null, spec));
        assertThrows(NullPointerException.class, () -> LagrsSpark.crossValidate(df, null));
        var missing = assertThrows(IllegalArgumentException.class,
                () -> LagrsSpark.crossValidate(df, spec.columns("series", "when", "value")));
        assertTrue(missing.getMessage().contains("'when'"), missing.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> LagrsSpark.crossValidate(df, spec.columns("time", "value", "series")));
        var clash = assertThrows(IllegalArgumentException.class, () -> LagrsSpark.crossValidate(
                df.withColumnRenamed("series", "cutoff"), spec.columns("cutoff", "time", "value")));
        assertTrue(clash.getMessage().contains("'cutoff'"), clash.getMessage());

        // windows longer than a series: that series alone fails, naming the sizes, as in one JVM
        Map<String, double[]> all = series();
        CrossValidationResult java = CrossValidation.builder().horizon(20).windows(3).stepSize(10).build()
                .run(List.of(ModelSpec.parse("naive")), all.values().toArray(new double[0][]), BatchOptions.defaults());
        Map<String, String> failed = new HashMap<>();
        Map<String, Integer> ok = new HashMap<>();
        for (Row r : LagrsSpark.crossValidate(df, spec.horizon(20).windows(3).stepSize(10)).collectAsList()) {
            String error = r.getAs("error");
            if (error == null) {
                ok.merge(r.getString(0), 1, Integer::sum);
            } else {
                assertTrue(r.isNullAt(1) && r.isNullAt(3), r.toString());
                failed.put(r.getString(0), error);
            }
        }
        List<String> ids = new ArrayList<>(all.keySet());
        int tooShort = 0;
        for (int j = 0; j < ids.size(); j++) {
            String id = ids.get(j);
            assertEquals(java.seriesError(j), failed.get(id), id);
            assertEquals(java.seriesError(j) == null ? Integer.valueOf(60) : null, ok.get(id), id);
            tooShort += java.seriesError(j) == null ? 0 : 1;
        }
        assertTrue(tooShort >= 1 && !ok.isEmpty(), "some series fit, some do not: " + failed + ", " + ok);
        assertTrue(failed.get("short").contains("9"), failed.get("short"));
        assertTrue(failed.containsKey("irregular"));
    }

    private static Path allJar() throws Exception {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of("..", "target"), "lagrs-*-all.jar")) {
            for (Path jar : jars) {
                return jar.toAbsolutePath();
            }
        }
        throw new AssertionError("no lagrs-*-all.jar in ../target: build the library first");
    }
}
