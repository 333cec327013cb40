package io.lagrs.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.lagrs.Accuracy;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForecastCommandTest {
    @TempDir
    Path dir;

    /** A monthly series with trend, season and noise: value at month t (0-based). */
    private static double seasonal(Random rng, int t, double level) {
        return level + 0.8 * t + 12 * Math.sin(2 * Math.PI * t / 12) + rng.nextGaussian() * 2;
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private Path monthlyCsv() throws IOException {
        return monthlyCsv(dir);
    }

    /** Two monthly series as yyyy-MM, 48 months from 2020-01, as monthly.csv in dir. */
    static Path monthlyCsv(Path dir) throws IOException {
        Random rng = new Random(7);
        StringBuilder csv = new StringBuilder("series,time,value\n");
        for (String s : List.of("north", "south")) {
            for (int t = 0; t < 48; t++) {
                csv.append(s).append(',').append(String.format("%d-%02d", 2020 + t / 12, t % 12 + 1)).append(',')
                        .append(seasonal(rng, t, s.equals("north") ? 100 : 300)).append('\n');
            }
        }
        Path file = dir.resolve("monthly.csv");
        Files.writeString(file, csv.toString());
        return file;
    }

    /** The values of one series of a long-format CSV, in file order. */
    private static double[] valuesOf(Path csv, String series) throws IOException {
        return records(csv).stream().filter(r -> r.get("series").equals(series))
                .mapToDouble(r -> Double.parseDouble(r.get("value"))).toArray();
    }

    private static List<CSVRecord> records(Path file) throws IOException {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(Files.readString(file))).getRecords();
    }

    @Test
    void forecastsEverySeriesInTheInputsTimeFormatWithIntervalsAt80And95() throws Exception {
        Path out = dir.resolve("f.csv");
        CliRun run = CliRun.of("forecast", "--input", monthlyCsv().toString(), "--output", out.toString(), "--horizon", "6");
        assertEquals(0, run.exit(), run.toString());
        List<String> lines = Files.readAllLines(out);
        assertEquals("series,time,mean,lower_80,upper_80,lower_95,upper_95", lines.get(0));
        assertEquals(1 + 2 * 6, lines.size());
        List<CSVRecord> rows = records(out);
        assertEquals("north", rows.get(0).get("series"));
        assertEquals("2024-01", rows.get(0).get("time"), "the month after the last, written as the input writes months");
        assertEquals("2024-06", rows.get(5).get("time"));
        for (CSVRecord r : rows) {
            double mean = Double.parseDouble(r.get("mean"));
            double l80 = Double.parseDouble(r.get("lower_80"));
            double u80 = Double.parseDouble(r.get("upper_80"));
            double l95 = Double.parseDouble(r.get("lower_95"));
            double u95 = Double.parseDouble(r.get("upper_95"));
            assertTrue(l95 < l80 && l80 < mean && mean < u80 && u80 < u95, r.toString());
        }
        List<CSVRecord> models = records(dir.resolve("f-models.csv"));
        assertEquals(2, models.size());
        // the default model is auto.arima with the inferred season: the same choice as the API's
        try (io.lagrs.ArimaModel m = io.lagrs.AutoArima.builder().seasonalPeriod(12).build()
                .fit(valuesOf(dir.resolve("monthly.csv"), "north"))) {
            assertEquals(m.label(), models.get(0).get("order"));
        }
        assertEquals("ok", models.get(0).get("status"));
        assertEquals("monthly", models.get(0).get("frequency"));
        assertTrue(Double.isFinite(Double.parseDouble(models.get(0).get("aicc"))));
        assertTrue(run.err().contains("fitted 2 series, failed 0"), run.err());
        assertTrue(run.err().contains(out.toAbsolutePath().toString()), "the summary says where the forecasts are");
    }

    @Test
    void levelsOrderAndSeasonAreOptions() throws Exception {
        Path out = dir.resolve("f.csv");
        CliRun run = CliRun.of("forecast", "--input", monthlyCsv().toString(), "--output", out.toString(),
                "--level", "90", "--level", "0.5", "--order", "1,1,0,0,1,1", "--season", "6", "--horizon", "3");
        assertEquals(0, run.exit(), run.toString());
        assertEquals("series,time,mean,lower_50,upper_50,lower_90,upper_90", Files.readAllLines(out).get(0));
        assertEquals("ARIMA(1,1,0)(0,1,1)[6]", records(dir.resolve("f-models.csv")).get(0).get("order"));
    }

    @Test
    void holdoutMetricsAreThoseOfTheForecastAgainstTheHeldBackPoints() throws Exception {
        // a random walk forecast (ARIMA(0,1,0)) is the last training value: metrics checkable by hand
        Random rng = new Random(3);
        double[] y = new double[30];
        StringBuilder csv = new StringBuilder("series,time,value\n");
        for (int t = 0; t < y.length; t++) {
            y[t] = (t == 0 ? 50 : y[t - 1]) + rng.nextGaussian() * 3;
            csv.append("rw,").append(t + 1).append(',').append(y[t]).append('\n');
        }
        Path out = dir.resolve("f.csv");
        CliRun run = CliRun.of("forecast", "--input", write("rw.csv", csv.toString()).toString(), "--output",
                out.toString(), "--order", "0,1,0", "--holdout", "5");
        assertEquals(0, run.exit(), run.toString());
        double[] train = java.util.Arrays.copyOf(y, 25);
        double[] actual = java.util.Arrays.copyOfRange(y, 25, 30);
        double last = train[24];
        double mae = 0;
        double naive = 0;
        double smape = 0;
        for (int i = 0; i < 5; i++) {
            mae += Math.abs(actual[i] - last) / 5;
            smape += 200 * Math.abs(actual[i] - last) / (Math.abs(actual[i]) + Math.abs(last)) / 5;
        }
        for (int t = 1; t < 25; t++) {
            naive += Math.abs(train[t] - train[t - 1]) / 24;
        }
        CSVRecord model = records(dir.resolve("f-models.csv")).get(0);
        assertEquals(mae / naive, Double.parseDouble(model.get("mase")), 1e-8);
        assertEquals(smape, Double.parseDouble(model.get("smape")), 1e-7);
        List<CSVRecord> rows = records(out);
        assertEquals("26", rows.get(0).get("time"), "forecasts cover the held-back times");
        assertEquals(last, Double.parseDouble(rows.get(0).get("mean")), 1e-8 * Math.abs(last));
        double[] lower = rows.stream().mapToDouble(r -> Double.parseDouble(r.get("lower_95"))).toArray();
        double[] upper = rows.stream().mapToDouble(r -> Double.parseDouble(r.get("upper_95"))).toArray();
        assertEquals(Accuracy.coverage(actual, lower, upper), Double.parseDouble(model.get("coverage_95")), 1e-9);
        assertTrue(run.err().contains("holdout 5: mean MASE"), run.err());
    }

    @Test
    void lambdaFitsOnTheBoxCoxScaleAndTransformsTheForecastsBack() throws Exception {
        Random rng = new Random(9);
        double[] y = new double[40];
        StringBuilder csv = new StringBuilder("series,time,value\n");
        for (int t = 0; t < y.length; t++) {
            y[t] = Math.exp(3 + 0.02 * t + rng.nextGaussian() * 0.1);
            csv.append("pos,").append(t + 1).append(',').append(y[t]).append('\n');
        }
        Path out = dir.resolve("f.csv");
        CliRun run = CliRun.of("forecast", "--input", write("pos.csv", csv.toString()).toString(), "--output",
                out.toString(), "--order", "0,1,1", "--lambda", "0", "--horizon", "3", "--level", "95");
        assertEquals(0, run.exit(), run.toString());
        double[] logs = java.util.Arrays.stream(y).map(Math::log).toArray();
        try (io.lagrs.ArimaModel m = io.lagrs.Arima.order(0, 1, 1).fit(logs)) {
            io.lagrs.Forecast f = m.forecast(3, 0.95);
            List<CSVRecord> rows = records(out);
            for (int i = 0; i < 3; i++) {
                assertEquals(Math.exp(f.mean()[i]), Double.parseDouble(rows.get(i).get("mean")), 1e-8 * Math.exp(f.mean()[i]));
                assertEquals(Math.exp(f.lower()[i]), Double.parseDouble(rows.get(i).get("lower_95")),
                        1e-8 * Math.exp(f.lower()[i]));
                assertEquals(Math.exp(f.upper()[i]), Double.parseDouble(rows.get(i).get("upper_95")),
                        1e-8 * Math.exp(f.upper()[i]));
            }
        }
    }

    @Test
    void gapsInTimeBecomeMissingValuesAndAreCounted() throws Exception {
        Random rng = new Random(11);
        StringBuilder csv = new StringBuilder("series,time,value\n");
        for (int t = 0; t < 60; t++) {
            if (t == 20 || t == 21 || t == 40) {
                continue; // three months absent from the file
            }
            csv.append("g,").append(String.format("%d-%02d-01", 2019 + t / 12, t % 12 + 1)).append(',')
                    .append(seasonal(rng, t, 80)).append('\n');
        }
        Path out = dir.resolve("f.csv");
        CliRun run = CliRun.of("forecast", "--input", write("gaps.csv", csv.toString()).toString(), "--output",
                out.toString(), "--horizon", "2");
        assertEquals(0, run.exit(), run.toString());
        CSVRecord model = records(dir.resolve("f-models.csv")).get(0);
        assertEquals("3", model.get("gaps"));
        assertEquals("60", model.get("n"), "the grid spans every month, gaps included");
        assertEquals("monthly", model.get("frequency"), "first-of-month dates are a monthly series");
        assertEquals("2024-01-01", records(out).get(0).get("time"), "future dates in the input's date format");
        assertTrue(run.err().contains("3 gaps in time filled with NaN"), run.err());
    }

    @Test
    void timestampsAndDailyDatesInferTheirSeason() throws Exception {
        Random rng = new Random(5);
        StringBuilder csv = new StringBuilder("id;ts;qty\n");
        for (int t = 0; t < 24 * 10; t++) {
            csv.append("meter;").append(String.format("2024-03-%02d %02d:00:00", 1 + t / 24, t % 24)).append(';')
                    .append(10 + 5 * Math.sin(2 * Math.PI * t / 24) + (t % 7) * 0.3).append('\n');
        }
        Path out = dir.resolve("f.csv");
        CliRun run = CliRun.of("forecast", "--input", write("hourly.csv", csv.toString()).toString(), "--output",
                out.toString(), "--id-col", "id", "--time-col", "ts", "--value-col", "qty", "--horizon", "3",
                "--order", "0,1,1,0,1,1");
        assertEquals(0, run.exit(), run.toString());
        CSVRecord model = records(dir.resolve("f-models.csv")).get(0);
        assertEquals("hourly", model.get("frequency"));
        assertTrue(model.get("order").endsWith("[24]"), model.get("order"));
        assertEquals(List.of("2024-03-11 00:00:00", "2024-03-11 01:00:00", "2024-03-11 02:00:00"),
                records(out).stream().map(r -> r.get("time")).collect(Collectors.toList()));

        StringBuilder daily = new StringBuilder("series\ttime\tvalue\n");
        for (int t = 0; t < 50; t++) {
            daily.append("shop\t").append(java.time.LocalDate.of(2024, 1, 1).plusDays(t)).append('\t')
                    .append(100 + (t % 7 == 5 ? 40 : 0) + t + rng.nextGaussian()).append('\n');
        }
        CliRun days = CliRun.of("forecast", "--input", write("daily.tsv", daily.toString()).toString(), "--output",
                out.toString(), "--horizon", "2");
        assertEquals(0, days.exit(), days.toString());
        assertEquals("daily", records(dir.resolve("f-models.csv")).get(0).get("frequency"));
        assertEquals("2024-02-20", records(out).get(0).get("time"));
    }

    @Test
    void freqOptionOverridesTheInferredFrequency() throws Exception {
        Path out = dir.resolve("f.csv");
        // half-yearly months, inferred step 6; --freq quarterly makes it 3, every other quarter a gap
        StringBuilder rows = new StringBuilder("series,time,value\n");
        for (int t = 0; t < 16; t++) {
            rows.append("h,").append(java.time.YearMonth.of(2016, 1).plusMonths(6L * t)).append(',').append(10 + t % 3)
                    .append('\n');
        }
        Path input = write("halfyearly.csv", rows.toString());
        CliRun run = CliRun.of("forecast", "--input", input.toString(), "--output", out.toString(),
                "--freq", "quarterly", "--horizon", "2", "--model", "naive");
        assertEquals(0, run.exit(), run.toString());
        CSVRecord model = records(dir.resolve("f-models.csv")).get(0);
        assertEquals("quarterly", model.get("frequency"));
        assertEquals("15", model.get("gaps"));
        assertEquals("2023-10", records(out).get(0).get("time"), "quarterly steps of three months after 2023-07");
        assertEquals("2024-01", records(out).get(1).get("time"));

        // monthly rows off a quarterly step fail their series, naming the first time off it
        CliRun monthly = CliRun.of("forecast", "--input", monthlyCsv().toString(), "--output", out.toString(),
                "--freq", "quarterly", "--horizon", "2");
        assertEquals(0, monthly.exit(), "a failed series is reported, not an exit code without --strict: " + monthly);
        assertTrue(monthly.err().contains("time 2020-02 (line 3) is not a whole number of steps (3 months) after the"
                + " first time 2020-01 (line 2)"), monthly.err());
    }

    @Test
    void seriesThatCannotBeFittedAreReportedAndGiveExitCode1OnlyWithStrict() throws Exception {
        Path input = write("mixed.csv", "series,time,value\nok,1,1\nok,2,3\nok,3,2\nok,4,5\nok,5,4\nok,6,6\n"
                + "flat,1,5\nflat,2,5\nflat,3,5\nflat,4,5\nflat,5,5\nempty,1,NA\nempty,2,\none,1,3\n");
        Path out = dir.resolve("f.csv");
        CliRun run = CliRun.of("forecast", "--input", input.toString(), "--output", out.toString(), "--horizon", "2");
        assertEquals(0, run.exit(), "failed series are reported, exit 1 is for --strict: " + run);
        assertEquals(1, CliRun.of("forecast", "--input", input.toString(), "--output", dir.resolve("s.csv").toString(),
                "--horizon", "2", "--strict").exit());
        Map<String, CSVRecord> models = records(dir.resolve("f-models.csv")).stream()
                .collect(Collectors.toMap(r -> r.get("series"), r -> r));
        assertEquals("ok", models.get("ok").get("status"));
        assertEquals("failed", models.get("empty").get("status"));
        assertEquals("no observed values", models.get("empty").get("error"));
        assertEquals("failed", models.get("one").get("status"));
        assertTrue(run.err().contains("failed 3") || run.err().contains("failed 2"), run.err());
        assertTrue(run.err().contains("1 failed: no observed values (empty)"), run.err());
        // auto.arima's special case: a constant series is ARIMA(0,0,0) with that mean (R's name)
        assertEquals("ok", models.get("flat").get("status"));
        assertEquals("ARIMA(0,0,0) with non-zero mean", models.get("flat").get("order"));
        List<CSVRecord> rows = records(out);
        assertEquals(4, rows.size(), "only the fitted series have forecast rows");
        assertEquals(List.of("ok", "ok", "flat", "flat"), rows.stream().map(r -> r.get("series")).toList());
        assertEquals(5.0, Double.parseDouble(rows.get(2).get("mean")), 1e-9);
    }

    @Test
    void badRowsDuplicatesAndUnsortedRowsAreReportedWithLineNumbers() throws Exception {
        Path input = write("bad.csv", "series,time,value\na,2,20\na,1,10\nb,1,oops\nb,x,1\na,3,NA\na,3,5\n"
                + "c,1,1,extra\nb,2,7\nb,3,8\nb,4,9\na,4,4\na,5,7\n");
        Path out = dir.resolve("f.csv");
        CliRun run = CliRun.of("forecast", "--input", input.toString(), "--output", out.toString(), "--horizon", "1",
                "--order", "0,1,0");
        assertTrue(run.err().contains("line 3: time 1 of series a comes after 2 in the file"), run.err());
        assertTrue(run.err().contains("line 4: value is not a number: 'oops'"), run.err());
        assertTrue(run.err().contains("line 5: time 'x' is not in the file's format"), run.err());
        assertTrue(run.err().contains("line 7: duplicate time 3 for series a (the first, line 6, is kept)"), run.err());
        assertTrue(run.err().contains("line 8: expected 3 fields, got 4"), run.err());
        assertEquals(0, run.exit(), "skipped rows are not a failure without --strict: " + run);

        Path strictOut = dir.resolve("strict.csv");
        CliRun strict = CliRun.of("forecast", "--input", input.toString(), "--output", strictOut.toString(), "--strict");
        assertEquals(1, strict.exit(), strict.toString());
        assertTrue(strict.err().contains("--strict: 4 rows were skipped; nothing written"), strict.err());
        assertFalse(Files.exists(strictOut));
    }

    /**
     * Whether this JVM runs under -Xcheck:jni. The JDK's own font rasterizer (sun.font, used to
     * letter the charts) makes JNI calls that -Xcheck:jni reports; our native code is checked
     * by every other test, so chart drawing is tested in the plain run only.
     */
    static boolean underCheckJni() {
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-Xcheck:jni");
    }

    @Test
    void plotsAPngPerSeriesAnOverviewAndAnIndex() throws Exception {
        assumeFalse(underCheckJni(), "the JDK's font code is not -Xcheck:jni clean");
        Path out = dir.resolve("f.csv");
        Path plots = dir.resolve("plots");
        CliRun run = CliRun.of("forecast", "--input", monthlyCsv().toString(), "--output", out.toString(),
                "--holdout", "6", "--plot", plots.toString());
        assertEquals(0, run.exit(), run.toString());
        for (String png : List.of("north.png", "south.png", "overview.png")) {
            BufferedImage image = ImageIO.read(plots.resolve(png).toFile());
            assertNotNull(image, png + " is a readable PNG");
            assertTrue(image.getWidth() >= 400 && image.getHeight() >= 250, png);
            byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(plots.resolve(png)), 8);
            assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, head);
        }
        String html = Files.readString(plots.resolve("index.html"));
        assertTrue(html.contains("south.png") && html.contains("overview.png"), html);
        assertTrue(html.contains("<td>north</td>") || html.contains(">north</a>"), html);
        assertTrue(html.contains("MASE"), "the model table shows the holdout accuracy");
        assertTrue(run.err().contains("charts:    " + plots.resolve("index.html").toAbsolutePath()), run.err());
    }

    @Test
    void runsOnTheBundledSampleData() throws Exception {
        Path out = dir.resolve("f.csv");
        List<String> args = new ArrayList<>(List.of("forecast", "--output", out.toString(), "--holdout", "12"));
        if (!underCheckJni()) {
            args.addAll(List.of("--plot", dir.resolve("plots").toString(), "--plot-limit", "3"));
        }
        CliRun run = CliRun.of(args.toArray(new String[0]));
        assertEquals(0, run.exit(), "the README's first command: the sample's series that cannot be fitted are"
                + " reported, not an exit code: " + run);
        List<CSVRecord> models = records(dir.resolve("f-models.csv"));
        assertTrue(models.size() >= 290, "a few hundred series: " + models.size());
        long ok = models.stream().filter(r -> r.get("status").equals("ok")).count();
        assertTrue(ok >= models.size() - 10, "nearly all fit: " + ok);
        List<String> names = new ArrayList<>();
        models.forEach(r -> names.add(r.get("series")));
        assertTrue(names.contains("AirPassengers") && names.contains("USAccDeaths"), names.toString());
        CSVRecord air = models.stream().filter(r -> r.get("series").equals("AirPassengers")).findFirst().orElseThrow();
        assertTrue(Double.parseDouble(air.get("mase")) < 1, "the airline model beats the seasonal naive on its own data");
        // The default model is auto: intermittent spare parts get Croston (SBA), the others auto-ARIMA.
        assertTrue(air.get("order").startsWith("ARIMA("), air.get("order"));
        for (String part : List.of("spares/part01-zero-heavy", "spares/part04-lumpy")) {
            CSVRecord spare = models.stream().filter(r -> r.get("series").equals(part)).findFirst().orElseThrow();
            assertEquals("Croston's method (SBA)", spare.get("order"), part);
        }
        assertTrue(run.err().contains("gaps in time filled with NaN"), run.err());
        if (!underCheckJni()) {
            try (Stream<Path> pngs = Files.list(dir.resolve("plots"))) {
                assertEquals(4, pngs.filter(p -> p.toString().endsWith(".png")).count(), "3 series charts + overview");
            }
        }
    }

    @Test
    void everyCommandHasCompleteHelp() {
        CliRun forecast = CliRun.of("forecast", "--help");
        assertEquals(0, forecast.exit());
        for (String option : List.of("--input", "--id-col", "--time-col", "--value-col", "--delimiter", "--freq",
                "--strict", "--output", "--models", "--horizon", "--level", "--order", "--season", "--lambda",
                "--holdout", "--plot", "--threads", "--verbose", "Exit codes")) {
            assertTrue(forecast.out().contains(option), option + " in\n" + forecast.out());
        }
        CliRun features = CliRun.of("features", "--help");
        for (String option : List.of("--input", "--window", "--season", "--freq", "--strict", "--output", "Exit codes")) {
            assertTrue(features.out().contains(option), option + " in\n" + features.out());
        }
        CliRun top = CliRun.of("--help");
        assertTrue(top.out().contains("forecast") && top.out().contains("features"), top.out());
    }
}
