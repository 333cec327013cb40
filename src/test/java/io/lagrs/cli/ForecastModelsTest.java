package io.lagrs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.lagrs.Accuracy;
import io.lagrs.FittedModel;
import io.lagrs.IntervalForecast;
import io.lagrs.ModelSpec;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code forecast --model SPEC}: several models side by side on the library's batch path. */
class ForecastModelsTest {
    private static final double[] LEVELS = {0.8, 0.95};

    @TempDir
    Path dir;

    /**
     * Monthly "north" and "south" (48 months as yyyy-MM) and quarterly "q" (24 quarters), with
     * trend, season and noise.
     */
    private Path catalogue() throws IOException {
        Random rng = new Random(17);
        StringBuilder csv = new StringBuilder("series,time,value\n");
        for (String s : List.of("north", "south")) {
            for (int t = 0; t < 48; t++) {
                double v = (s.equals("north") ? 100 : 300) + 0.8 * t + 12 * Math.sin(2 * Math.PI * t / 12)
                        + rng.nextGaussian() * 2;
                csv.append(s).append(',').append(String.format("%d-%02d", 2020 + t / 12, t % 12 + 1)).append(',')
                        .append(v).append('\n');
            }
        }
        for (int t = 0; t < 24; t++) {
            double v = 50 + t + (t % 4 == 3 ? 9 : 0) + rng.nextGaussian();
            csv.append("q,").append(String.format("%d-%02d", 2018 + t / 4, 3 * (t % 4) + 1)).append(',').append(v)
                    .append('\n');
        }
        Path file = dir.resolve("catalogue.csv");
        Files.writeString(file, csv.toString());
        return file;
    }

    private static double[] valuesOf(Path csv, String series) throws IOException {
        return records(csv).stream().filter(r -> r.get("series").equals(series))
                .mapToDouble(r -> Double.parseDouble(r.get("value"))).toArray();
    }

    private static List<CSVRecord> records(Path file) throws IOException {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(Files.readString(file))).getRecords();
    }

    /** Asserts that the CSV cells of {@code column} hold f exactly as the CLI writes numbers. */
    private static void assertSameForecast(IntervalForecast f, List<CSVRecord> rows, String column) {
        for (int i = 0; i < rows.size(); i++) {
            CSVRecord row = rows.get(i);
            assertEquals(Numbers.format(f.mean()[i]), row.get(column), column + " step " + (i + 1));
            assertEquals(Numbers.format(f.lower(0)[i]), row.get(column + "-lo-80"), column + " step " + (i + 1));
            assertEquals(Numbers.format(f.upper(0)[i]), row.get(column + "-hi-80"), column + " step " + (i + 1));
            assertEquals(Numbers.format(f.lower(1)[i]), row.get(column + "-lo-95"), column + " step " + (i + 1));
            assertEquals(Numbers.format(f.upper(1)[i]), row.get(column + "-hi-95"), column + " step " + (i + 1));
        }
    }

    @Test
    void severalModelsSideBySideAreWhatTheLibraryGivesForEachSeries() throws Exception {
        Path input = catalogue();
        Path out = dir.resolve("f.csv");
        List<String> names = List.of("auto_arima", "snaive", "arima(0,1,1)(0,1,1)", "naive", "drift|mean");
        CliRun run = CliRun.of("forecast", "--input", input.toString(), "--output", out.toString(), "--horizon", "5",
                "--model", names.get(0), "--model", names.get(1), "-m", names.get(2), "--model", names.get(3),
                "--model", names.get(4));
        assertEquals(0, run.exit(), run.toString());
        assertEquals("series,time,auto_arima,auto_arima-lo-80,auto_arima-hi-80,auto_arima-lo-95,auto_arima-hi-95,"
                + "snaive,snaive-lo-80,snaive-hi-80,snaive-lo-95,snaive-hi-95", String.join(",",
                        Arrays.copyOf(Files.readAllLines(out).get(0).split(","), 12)));
        Map<String, List<CSVRecord>> rows = records(out).stream()
                .collect(Collectors.groupingBy(r -> r.get("series")));
        Map<String, Map<String, CSVRecord>> table = records(dir.resolve("f-models.csv")).stream()
                .collect(Collectors.groupingBy(r -> r.get("series"), Collectors.toMap(r -> r.get("model"), r -> r)));
        // each model without [m] takes the series' own season where its family has one
        Map<String, List<String>> specs = Map.of(
                "north", List.of("auto_arima[12]", "snaive[12]", "arima(0,1,1)(0,1,1)[12]", "naive", "drift|mean"),
                "q", List.of("auto_arima[4]", "snaive[4]", "arima(0,1,1)(0,1,1)[4]", "naive", "drift|mean"));
        for (String series : specs.keySet()) {
            assertEquals(5, rows.get(series).size(), series);
            double[] y = valuesOf(input, series);
            for (int k = 0; k < names.size(); k++) {
                try (FittedModel m = ModelSpec.parse(specs.get(series).get(k)).fit(y)) {
                    assertSameForecast(m.forecast(5, LEVELS), rows.get(series), names.get(k));
                    CSVRecord model = table.get(series).get(names.get(k));
                    assertEquals(m.label(), model.get("order"), series + " " + names.get(k));
                    assertEquals(Numbers.format(m.aicc()), model.get("aicc"));
                    assertEquals(Numbers.format(m.sigma2()), model.get("sigma2"));
                    assertEquals(Numbers.format(m.logLikelihood()), model.get("loglik"));
                    assertEquals("ok", model.get("status"));
                }
            }
        }
        assertEquals("Seasonal naive method", table.get("q").get("snaive").get("order"));
        assertEquals("", table.get("q").get("snaive").get("aicc"), "no likelihood: an empty cell");
        assertEquals(3 * names.size(), records(dir.resolve("f-models.csv")).size(), "a row per series and model");
        assertTrue(run.err().contains("snaive: fitted 3 series, failed 0"), run.err());
    }

    @Test
    void oneModelKeepsTheSingleModelColumnsAndAnExplicitSeasonWins() throws Exception {
        Path input = catalogue();
        Path out = dir.resolve("f.csv");
        CliRun run = CliRun.of("forecast", "--input", input.toString(), "--output", out.toString(), "--horizon", "3",
                "--model", "snaive[2]");
        assertEquals(0, run.exit(), run.toString());
        assertEquals("series,time,mean,lower_80,upper_80,lower_95,upper_95", Files.readAllLines(out).get(0));
        assertEquals("series,order,aicc,sigma2,loglik,status,error,n,missing,gaps,frequency",
                Files.readAllLines(dir.resolve("f-models.csv")).get(0));
        List<CSVRecord> north = records(out).stream().filter(r -> r.get("series").equals("north")).toList();
        try (FittedModel m = ModelSpec.parse("snaive[2]").fit(valuesOf(input, "north"))) {
            IntervalForecast f = m.forecast(3, LEVELS);
            for (int i = 0; i < 3; i++) {
                assertEquals(Numbers.format(f.mean()[i]), north.get(i).get("mean"));
                assertEquals(Numbers.format(f.upper(1)[i]), north.get(i).get("upper_95"));
            }
        }
    }

    @Test
    void lambdaAddsABoxCoxToEveryModelWithoutOne() throws Exception {
        Path input = catalogue();
        Path out = dir.resolve("f.csv");
        CliRun run = CliRun.of("forecast", "--input", input.toString(), "--output", out.toString(), "--horizon", "4",
                "--model", "snaive", "--model", "naive(lambda=1)", "--lambda", "0");
        assertEquals(0, run.exit(), run.toString());
        List<CSVRecord> north = records(out).stream().filter(r -> r.get("series").equals("north")).toList();
        double[] y = valuesOf(input, "north");
        try (FittedModel logs = ModelSpec.parse("snaive(lambda=0)[12]").fit(y);
                FittedModel own = ModelSpec.parse("naive(lambda=1)").fit(y)) {
            assertSameForecast(logs.forecast(4, LEVELS), north, "snaive");
            assertSameForecast(own.forecast(4, LEVELS), north, "naive(lambda=1)");
        }
        assertEquals("arima(0,1,1,lambda=0)(0,1,1)", ModelChoice.withLambda("arima(0,1,1)(0,1,1)", 0));
        assertEquals("snaive(lambda=-0.5)[12]|naive(lambda=-0.5)", ModelChoice.withLambda("snaive[12]|naive", -0.5));
        assertEquals("auto_arima(lambda=0.25)", ModelChoice.withLambda("auto_arima()", 0.25));
        assertEquals("mean(LAMBDA=2)", ModelChoice.withLambda("mean(LAMBDA=2)", 0));
    }

    @Test
    void aSpecIsCompletedPerSeasonByTheEnginesRules() {
        List<ModelChoice> choices = ModelChoice.of(List.of("snaive", "naive", "arima(0,1,1)(0,1,1)",
                "window_average(3)|seasonal_window_average(2)", "snaive[7]"), null, null, 12);
        assertEquals("snaive[4]", choices.get(0).spec(4).toString());
        assertEquals("naive", choices.get(1).spec(4).toString());
        assertEquals("arima(0,1,1)(0,1,1)[24]", choices.get(2).spec(24).toString());
        assertEquals("window_average(3)|seasonal_window_average(2)[7]", choices.get(3).spec(7).toString());
        assertEquals("snaive[7]", choices.get(4).spec(12).toString());
        // no season: a seasonal ARIMA cannot be made, and says why, for those series only
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> choices.get(2).spec(1));
        assertTrue(e.getMessage().contains("arima(0,1,1)(0,1,1)"), e.getMessage());
        assertEquals("snaive[1]", choices.get(0).spec(1).toString());
        // the default, defined once in the library: the automatic choice, with the series' season
        assertEquals("auto[12]", ModelChoice.of(null, null, null, 12).get(0).spec(12).toString());
        assertEquals("auto", ModelChoice.of(null, null, null, 12).get(0).spec(1).toString());
        assertEquals(io.lagrs.table.Defaults.MODEL, ModelChoice.of(null, null, null, 12).get(0).name());
        assertEquals("arima(1,1,0)", ModelChoice.of(null, "1,1,0,0,0,0", null, 12).get(0).spec(12).toString());
    }

    @Test
    void aBadModelTextIsAUsageErrorNamingIt() throws Exception {
        Path input = catalogue();
        Path out = dir.resolve("f.csv");
        for (String[] bad : new String[][] {{"--model", "snaiv"}, {"--model", "arima(0,1"}, {"-m", "naive(k=3)"},
            {"--model", "naive", "--model", " naive"}, {"--model", "naive", "--order", "0,1,1"}, {"--model", ""},
            {"--model", "snaive", "--lambda", "50"}}) {
            List<String> args = new java.util.ArrayList<>(List.of("forecast", "--input", input.toString(), "--output",
                    out.toString()));
            args.addAll(List.of(bad));
            CliRun run = CliRun.of(args.toArray(new String[0]));
            assertEquals(2, run.exit(), String.join(" ", bad) + ": " + run);
            String err = run.err().strip();
            assertFalse(err.contains("\n"), "one line: " + err);
            assertTrue(err.startsWith("lagrs forecast: --model") || err.startsWith("lagrs forecast: --order"), err);
            String text = bad[1].strip();
            assertTrue(text.isEmpty() || err.contains("'" + text + "'") || err.contains("--order"), err);
        }
        assertFalse(Files.exists(out), "nothing is written after a usage error");
        CliRun typo = CliRun.of("forecast", "--input", input.toString(), "--output", out.toString(), "--model",
                "snaiv");
        assertTrue(typo.err().contains("unknown model 'snaiv'"), typo.err());
    }

    @Test
    void aModelThatFailsOnASeriesLeavesItsCellsEmptyAndTheOthersStand() throws Exception {
        Path input = dir.resolve("short.csv");
        Files.writeString(input, "series,time,value\nshort,1,3\nshort,2,5\nshort,3,4\nlong,1,1\nlong,2,2\nlong,3,4\n"
                + "long,4,3\nlong,5,6\nlong,6,5\nlong,7,7\n");
        Path out = dir.resolve("f.csv");
        CliRun run = CliRun.of("forecast", "--input", input.toString(), "--output", out.toString(), "--horizon", "2",
                "--model", "naive", "--model", "window_average(5)");
        assertEquals(0, run.exit(), "a model failed on a series, reported without --strict: " + run);
        List<CSVRecord> shortRows = records(out).stream().filter(r -> r.get("series").equals("short")).toList();
        assertEquals(2, shortRows.size(), "naive forecast it");
        assertEquals("4", shortRows.get(0).get("naive"));
        assertEquals("", shortRows.get(0).get("window_average(5)"));
        Map<String, CSVRecord> shortModels = records(dir.resolve("f-models.csv")).stream()
                .filter(r -> r.get("series").equals("short")).collect(Collectors.toMap(r -> r.get("model"), r -> r));
        assertEquals("ok", shortModels.get("naive").get("status"));
        assertEquals("failed", shortModels.get("window_average(5)").get("status"));
        assertFalse(shortModels.get("window_average(5)").get("error").isEmpty());
        assertTrue(run.err().contains("window_average(5): fitted 1 series, failed 1"), run.err());
        assertTrue(run.err().contains("naive: fitted 2 series, failed 0"), run.err());
    }

    @Test
    void holdoutAccuracyIsReportedPerModel() throws Exception {
        Path input = catalogue();
        Path out = dir.resolve("f.csv");
        CliRun run = CliRun.of("forecast", "--input", input.toString(), "--output", out.toString(), "--holdout", "6",
                "--model", "naive", "--model", "snaive");
        assertEquals(0, run.exit(), run.toString());
        double[] y = valuesOf(input, "south");
        double[] train = Arrays.copyOf(y, y.length - 6);
        double[] actual = Arrays.copyOfRange(y, y.length - 6, y.length);
        Map<String, CSVRecord> south = records(dir.resolve("f-models.csv")).stream()
                .filter(r -> r.get("series").equals("south")).collect(Collectors.toMap(r -> r.get("model"), r -> r));
        for (String[] model : new String[][] {{"naive", "naive"}, {"snaive", "snaive[12]"}}) {
            try (FittedModel m = ModelSpec.parse(model[1]).fit(train)) {
                IntervalForecast f = m.forecast(6, LEVELS);
                CSVRecord row = south.get(model[0]);
                assertEquals(Numbers.format(Accuracy.mase(train, actual, f.mean(), 12)), row.get("mase"), model[0]);
                assertEquals(Numbers.format(Accuracy.smape(actual, f.mean())), row.get("smape"), model[0]);
                assertEquals(Numbers.format(Accuracy.coverage(actual, f.lower(1), f.upper(1))),
                        row.get("coverage_95"), model[0]);
            }
        }
        assertTrue(run.err().contains("naive: fitted 3 series"), run.err());
        assertEquals(2, run.err().lines().filter(l -> l.contains("holdout 6: mean MASE")).count(), run.err());
    }

    @Test
    void threadsAndProgressGoThroughTheBatchCalls() throws Exception {
        Path input = catalogue();
        Path one = dir.resolve("one.csv");
        Path many = dir.resolve("many.csv");
        CliRun single = CliRun.of("forecast", "--input", input.toString(), "--output", one.toString(), "--threads",
                "1", "--model", "auto_arima", "--model", "drift");
        CliRun most = CliRun.of("forecast", "--input", input.toString(), "--output", many.toString(), "--threads",
                "1024", "--model", "auto_arima", "--model", "drift");
        assertEquals(0, single.exit(), single.toString());
        assertEquals(0, most.exit(), most.toString());
        assertTrue(single.err().contains("(1 thread)"), single.err());
        assertTrue(most.err().contains("(3 threads)"), "never more threads than series: " + most.err());
        assertEquals(Files.readString(one), Files.readString(many), "the thread count does not change a number");
        assertEquals(2, CliRun.of("forecast", "--input", input.toString(), "--threads", "0").exit());
        assertEquals(2, CliRun.of("forecast", "--input", input.toString(), "--threads", "1025").exit(),
                "more threads than the library's batches take");

        // the batch calls' progress listener counts every series and model
        List<RegularSeries> series = LongCsvReader.series(LongCsvReader.read(inputOptions(input), false));
        ForecastCommand command = new ForecastCommand();
        command.modelTexts = List.of("naive", "snaive");
        command.threads = 2;
        ForecastSettings settings = ForecastSettings.of(command);
        try (Progress bar = new Progress("test", BatchFitter.steps(series.size(), settings), false)) {
            List<SeriesResult> results = new BatchFitter(settings, bar).fit(series, 0);
            assertEquals(3, results.size());
            assertEquals(6, bar.done(), "3 series x 2 models, reported by the listener of each batch call");
        }
    }

    private static InputOptions inputOptions(Path input) {
        InputOptions in = new InputOptions();
        in.input = input;
        in.idColumn = "series";
        in.timeColumn = "time";
        in.valueColumn = "value";
        return in;
    }

    @Test
    void everyModelIsDrawnWithALegend() throws Exception {
        assumeFalse(ForecastCommandTest.underCheckJni(), "the JDK's font code is not -Xcheck:jni clean");
        Path input = catalogue();
        Path plots = dir.resolve("plots");
        CliRun run = CliRun.of("forecast", "--input", input.toString(), "--output", dir.resolve("f.csv").toString(),
                "--holdout", "4", "--plot", plots.toString(), "--model", "auto_arima", "--model", "snaive");
        assertEquals(0, run.exit(), run.toString());
        assertTrue(Files.size(plots.resolve("q.png")) > 1000);
        String html = Files.readString(plots.resolve("index.html"));
        assertTrue(html.contains("<th>model</th><th>fitted</th>"), html);
        assertTrue(html.contains("<td>snaive</td><td>Seasonal naive method</td>"), html);
        assertTrue(html.contains("Models: auto_arima, snaive"), html);

        RegularSeries s = new RegularSeries(io.lagrs.table.SeriesTable.ofColumns(new String[] {"x", "x", "x", "x"},
                new long[] {1, 2, 3, 4}, new double[] {1, 2, 3, 4}), 0);
        double[][] bounds = {{0, 0}, {5, 5}};
        Charts.Data data = new Charts.Data(s, 4, "x", "", List.of(new Charts.Line("a: Naive method", new double[] {4, 4},
                new double[][] {bounds[0]}, new double[][] {bounds[1]}), new Charts.Line("b: Mean", new double[] {2, 2},
                new double[][] {bounds[0]}, new double[][] {bounds[1]})), new double[] {80});
        var chart = Charts.chart(data, Charts.WIDTH, Charts.HEIGHT, false);
        assertTrue(chart.getSeriesMap().containsKey("a: Naive method"), chart.getSeriesMap().keySet().toString());
        assertTrue(chart.getSeriesMap().containsKey("b: Mean"), chart.getSeriesMap().keySet().toString());
        assertTrue(chart.getStyler().isLegendVisible());
    }
}
