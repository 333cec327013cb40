package io.lagrs.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lagrs.table.Defaults;
import io.lagrs.table.ForecastTable;
import io.lagrs.table.Forecaster;
import io.lagrs.table.LongCsv;
import io.lagrs.table.SeriesTable;
import java.io.File;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One long CSV fed to the Java API ({@code io.lagrs.table}), the command line (the all-jar the
 * top-level build made) and Spark, each with its defaults: the same grids (future dates), the
 * same default model, horizon and levels, the same labels and numbers, the same failed series.
 */
class SameInputEverywhereTest {
    @TempDir
    Path dir;

    private Path input() throws Exception {
        List<String> rows = new ArrayList<>(List.of("series,time,value"));
        for (int t = 0; t < 40; t++) {
            if (t != 10) { // a month missing from the file: a gap
                rows.add("m," + LocalDate.of(2020, 1, 1).plusMonths(t) + "," + (100 + t + 12 * Math.sin(t * Math.PI / 6)
                        + (t * 37) % 5));
            }
        }
        for (int t = 0; t < 50; t++) {
            rows.add("d," + LocalDate.of(2023, 3, 1).plusDays(t) + "," + (20 + (t % 7) * 3 + (t * 13) % 4));
        }
        for (String day : List.of("2021-01-01", "2021-01-04", "2021-01-07", "2021-01-08")) {
            rows.add("bad," + day + ",1");
        }
        Path file = dir.resolve("sales.csv");
        Files.write(file, rows);
        return file;
    }

    @Test
    void theApiTheCommandLineAndSparkGiveOneGridOneDefaultAndOneLabel() throws Exception {
        Path file = input();
        SeriesTable table = LongCsv.read(file);
        ForecastTable api = Forecaster.of().forecast(table);
        Map<String, List<Integer>> rowsOf = new HashMap<>();
        for (int row = 0; row < api.size(); row++) {
            rowsOf.computeIfAbsent(api.id(row), k -> new ArrayList<>()).add(row);
        }
        assertEquals(24, rowsOf.get("m").size(), "monthly: twice the season");
        assertEquals(14, rowsOf.get("d").size(), "daily: twice the season");
        assertEquals(LocalDate.of(2023, 5, 1), api.time(rowsOf.get("m").get(0)));
        assertEquals(Defaults.MODEL, api.model(0));
        String apiBad = api.resultError(2);
        assertEquals("bad", api.resultId(2));
        assertTrue(apiBad.contains("2021-01-08") && apiBad.contains("not a whole number of steps"), apiBad);

        // the command line, defaults only
        Path out = dir.resolve("cli.csv");
        Process p = new ProcessBuilder(java(), "-jar", allJar().toString(), "forecast", "--input", file.toString(),
                "--output", out.toString(), "--no-progress").redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(300, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), log);
        List<String> cli = Files.readAllLines(out);
        assertEquals("series,time,mean,lower_80,upper_80,lower_95,upper_95", cli.get(0), "the same default levels");
        assertEquals(1 + 24 + 14, cli.size(), "the same default horizons: " + cli);
        for (int k = 1; k < cli.size(); k++) {
            String[] f = cli.get(k).split(",");
            int row = rowsOf.get(f[0]).get(f[0].equals("m") ? k - 1 : k - 25);
            assertEquals(api.timeText(row), f[1]);
            assertEquals(api.mean(row), Double.parseDouble(f[2]), 1e-8 * Math.abs(api.mean(row)), cli.get(k));
            assertEquals(api.upper(row, 1), Double.parseDouble(f[6]), 1e-8 * Math.abs(api.upper(row, 1)), cli.get(k));
        }
        List<String> models = Files.readAllLines(dir.resolve("cli-models.csv"));
        assertTrue(models.get(1).startsWith("m,") && models.get(1).contains(api.label(rowsOf.get("m").get(0))),
                models.get(1));
        assertTrue(models.get(3).contains(apiBad), models.get(3));

        // Spark, the same file and its defaults
        var spark = SparkTestSession.get();
        var df = spark.read().option("header", "true").schema("series STRING, time DATE, value DOUBLE")
                .csv(file.toString());
        List<Row> rows = LagrsSpark.forecast(df, ForecastSpec.defaults().columns("series", "time", "value"))
                .collectAsList();
        int m = 0;
        int d = 0;
        for (Row r : rows) {
            String id = r.getString(0);
            if (id.equals("bad")) {
                assertNull(r.get(2));
                String error = r.getAs("error");
                assertTrue(error.contains("2021-01-08") && error.contains("not a whole number of steps"), error);
                continue;
            }
            int step = r.getAs("step");
            int row = rowsOf.get(id).get(step - 1);
            m += id.equals("m") ? 1 : 0;
            d += id.equals("d") ? 1 : 0;
            assertEquals(api.time(row), ((java.sql.Date) r.getAs("time")).toLocalDate());
            assertEquals(api.mean(row), (double) r.getAs("mean"), 1e-9 * Math.abs(api.mean(row)));
            assertEquals(api.label(row), r.getAs("model"));
            assertEquals(Defaults.MODEL, r.getAs("spec"));
            assertEquals(2, r.getList(r.fieldIndex("lower")).size(), "levels 0.8 and 0.95");
        }
        assertEquals(24, m);
        assertEquals(14, d);
    }

    @Test
    void aModelGivenWithoutHorizonOrLevelsGetsTheSameDefaultsEverywhere() throws Exception {
        Path file = input();
        ForecastTable api = Forecaster.of("naive").forecast(LongCsv.read(file));
        Map<String, List<Integer>> rowsOf = new HashMap<>();
        for (int row = 0; row < api.size(); row++) {
            rowsOf.computeIfAbsent(api.id(row), k -> new ArrayList<>()).add(row);
        }
        assertEquals(24, rowsOf.get("m").size(), "monthly: twice the season");
        assertEquals(14, rowsOf.get("d").size(), "daily: twice the season");

        Path out = dir.resolve("naive.csv");
        Process p = new ProcessBuilder(java(), "-jar", allJar().toString(), "forecast", "--input", file.toString(),
                "--model", "naive", "--output", out.toString(), "--no-progress").redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(300, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), log);
        List<String> cli = Files.readAllLines(out);
        assertEquals("series,time,mean,lower_80,upper_80,lower_95,upper_95", cli.get(0), "the same default levels");
        assertEquals(1 + 24 + 14, cli.size(), "the same default horizons: " + cli);

        // every factory of ForecastSpec starts from the same defaults as defaults()
        var df = SparkTestSession.get().read().option("header", "true")
                .schema("series STRING, time DATE, value DOUBLE").csv(file.toString());
        List<Row> rows = LagrsSpark.forecast(df, ForecastSpec.model("naive").columns("series", "time", "value"))
                .collectAsList();
        Map<String, Integer> count = new HashMap<>();
        for (Row r : rows) {
            String id = r.getString(0);
            if (id.equals("bad")) {
                continue;
            }
            count.merge(id, 1, Integer::sum);
            int row = rowsOf.get(id).get((int) r.getAs("step") - 1);
            assertEquals(api.time(row), ((java.sql.Date) r.getAs("time")).toLocalDate());
            assertEquals(api.mean(row), (double) r.getAs("mean"), 0.0);
            List<Double> lower = r.getList(r.fieldIndex("lower"));
            List<Double> upper = r.getList(r.fieldIndex("upper"));
            assertEquals(List.of(api.lower(row, 0), api.lower(row, 1)), lower, "levels 0.8 and 0.95");
            assertEquals(List.of(api.upper(row, 0), api.upper(row, 1)), upper, "levels 0.8 and 0.95");
        }
        assertEquals(Map.of("m", 24, "d", 14), count);
    }

    @Test
    void nonNegativeClipsSparksMeansAndBoundsAtZeroAsTheApiDoes() throws Exception {
        List<String> rows = new ArrayList<>(List.of("series,time,value"));
        for (int t = 0; t < 30; t++) {
            rows.add("falling," + LocalDate.of(2022, 1, 1).plusMonths(t) + "," + Math.max(0, 60 - 2 * t + (t * 5) % 7));
        }
        Path file = dir.resolve("falling.csv");
        Files.write(file, rows);
        var df = SparkTestSession.get().read().option("header", "true")
                .schema("series STRING, time DATE, value DOUBLE").csv(file.toString());
        ForecastSpec drift = ForecastSpec.model("drift").columns("series", "time", "value").horizon(30).levels(0.95);
        List<Row> raw = LagrsSpark.forecast(df, drift).orderBy("step").collectAsList();
        List<Row> clipped = LagrsSpark.forecast(df, drift.nonNegative(true)).orderBy("step").collectAsList();
        ForecastTable api = Forecaster.of("drift").horizon(30).levels(0.95).nonNegative(true)
                .forecast(LongCsv.read(file));
        int negative = 0;
        for (int k = 0; k < 30; k++) {
            double lower = raw.get(k).<Double>getList(raw.get(k).fieldIndex("lower")).get(0);
            negative += lower < 0 ? 1 : 0;
            double clippedLower = clipped.get(k).<Double>getList(clipped.get(k).fieldIndex("lower")).get(0);
            assertEquals(Math.max(0, lower), clippedLower, 0.0);
            assertEquals(Math.max(0, (double) raw.get(k).getAs("mean")), (double) clipped.get(k).getAs("mean"), 0.0);
            assertEquals(api.lower(k, 0), clippedLower, 1e-9 * Math.max(1, Math.abs(clippedLower)));
        }
        assertTrue(negative > 5, "drift takes the bounds below zero unclipped: " + negative);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The command line as users run it: the all-jar of the top-level build beside this module. */
    private static Path allJar() throws Exception {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of("..", "target"), "lagrs-*-all.jar")) {
            for (Path jar : jars) {
                return jar.toAbsolutePath();
            }
        }
        throw new AssertionError("no lagrs-*-all.jar in .." + File.separator + "target: build the library first");
    }
}
