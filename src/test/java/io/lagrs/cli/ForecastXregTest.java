package io.lagrs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lagrs.FittedModel;
import io.lagrs.IntervalForecast;
import io.lagrs.ModelSpec;
import io.lagrs.Regressors;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code forecast --xreg --future --fourier}: regression with ARIMA errors from the command line. */
class ForecastXregTest {
    private static final int N = 70;
    private static final int H = 7;
    private static final LocalDate START = LocalDate.of(2024, 1, 1);

    @TempDir
    Path dir;

    private static double promo(String s, int t) {
        return (t + s.length()) % 6 == 0 ? 1 : 0;
    }

    private static double price(String s, int t) {
        return 4 + Math.sin(t / 4.0 + s.length());
    }

    /** Daily sales of "a" and "bb": +5 on promotion days, -2 per unit of price, AR(1) noise. */
    private double[][] write(Path input, Path future, String skipFuture) throws IOException {
        Random r = new Random(5);
        StringBuilder in = new StringBuilder("series,time,value,promo,price\n");
        StringBuilder fut = new StringBuilder("series,time,promo,price\n");
        double[][] ys = new double[2][N];
        String[] names = {"a", "bb"};
        for (int i = 0; i < 2; i++) {
            String s = names[i];
            double e = 0;
            for (int t = 0; t < N; t++) {
                e = 0.5 * e + r.nextGaussian();
                ys[i][t] = 30 + 5 * promo(s, t) - 2 * price(s, t) + e;
                in.append(s).append(',').append(START.plusDays(t)).append(',').append(ys[i][t]).append(',')
                        .append(promo(s, t)).append(',').append(price(s, t)).append('\n');
            }
            for (int t = N; t < N + H; t++) {
                String time = START.plusDays(t).toString();
                if (!(s + "," + time).equals(skipFuture)) {
                    fut.append(s).append(',').append(time).append(',').append(promo(s, t)).append(',')
                            .append(price(s, t)).append('\n');
                }
            }
        }
        Files.writeString(input, in.toString());
        Files.writeString(future, fut.toString());
        return ys;
    }

    private static Regressors regressors(String s, int from, int to) {
        double[][] c = new double[2][to - from];
        for (int t = from; t < to; t++) {
            c[0][t - from] = promo(s, t);
            c[1][t - from] = price(s, t);
        }
        return Regressors.of(new String[] {"promo", "price"}, c);
    }

    private static List<CSVRecord> records(Path file) throws IOException {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(Files.readString(file))).getRecords();
    }

    @Test
    void forecastsWithFutureRegressorsAsTheLibrary() throws IOException {
        Path input = dir.resolve("in.csv");
        Path future = dir.resolve("future.csv");
        double[][] ys = write(input, future, null);
        Path out = dir.resolve("f.csv");
        CliRun run = CliRun.of("forecast", "--input", input.toString(), "--output", out.toString(), "--horizon", "7",
                "--xreg", "promo,price", "--future", future.toString(), "--model", "arima(1,0,0)", "--no-progress");
        assertEquals(0, run.exit(), run.toString());
        String[] names = {"a", "bb"};
        for (int i = 0; i < 2; i++) {
            String s = names[i];
            List<CSVRecord> rows = records(out).stream().filter(r -> r.get("series").equals(s)).toList();
            assertEquals(H, rows.size());
            try (FittedModel m = ModelSpec.parse("arima(1,0,0)").fit(ys[i], regressors(s, 0, N))) {
                IntervalForecast f = m.forecast(H, new double[] {0.8, 0.95}, regressors(s, N, N + H));
                for (int k = 0; k < H; k++) {
                    assertEquals(START.plusDays(N + k).toString(), rows.get(k).get("time"));
                    assertEquals(Numbers.format(f.mean()[k]), rows.get(k).get("mean"), s + " step " + (k + 1));
                    assertEquals(Numbers.format(f.upper(1)[k]), rows.get(k).get("upper_95"), s + " step " + (k + 1));
                }
            }
        }
    }

    @Test
    void aMissingFutureValueFailsThatSeriesNamingItAndTheTime() throws IOException {
        Path input = dir.resolve("in.csv");
        Path future = dir.resolve("future.csv");
        String missing = START.plusDays(N + 2).toString();
        write(input, future, "bb," + missing);
        Path out = dir.resolve("f.csv");
        String[] args = {"forecast", "--input", input.toString(), "--output", out.toString(), "--horizon", "7",
            "--xreg", "promo,price", "--future", future.toString(), "--no-progress"};
        CliRun run = CliRun.of(args);
        assertEquals(0, run.exit(), run.toString());
        CSVRecord bb = records(dir.resolve("f-models.csv")).stream().filter(r -> r.get("series").equals("bb"))
                .findFirst().orElseThrow();
        assertTrue(bb.get("error").contains("series bb: no value of regressor 'promo' at time " + missing),
                bb.get("error"));
        CSVRecord a = records(dir.resolve("f-models.csv")).stream().filter(r -> r.get("series").equals("a"))
                .findFirst().orElseThrow();
        assertEquals("", a.get("error"));
        String[] strict = java.util.Arrays.copyOf(args, args.length + 1);
        strict[args.length] = "--strict";
        assertEquals(1, CliRun.of(strict).exit());
    }

    @Test
    void aHoldoutTakesItsRegressorsFromTheInput() throws IOException {
        Path input = dir.resolve("in.csv");
        double[][] ys = write(input, dir.resolve("future.csv"), null);
        Path out = dir.resolve("f.csv");
        CliRun run = CliRun.of("forecast", "--input", input.toString(), "--output", out.toString(), "--holdout", "7",
                "--xreg", "promo,price", "--model", "arima(1,0,0)", "--no-progress");
        assertEquals(0, run.exit(), run.toString());
        try (FittedModel m = ModelSpec.parse("arima(1,0,0)").fit(java.util.Arrays.copyOf(ys[0], N - H),
                regressors("a", 0, N - H))) {
            assertMeans(out, m.forecast(H, 0.8, regressors("a", N - H, N)).mean());
        }
    }

    @Test
    void fourierTermsFromTheCommandLine() throws IOException {
        Path input = dir.resolve("in.csv");
        double[][] ys = write(input, dir.resolve("future.csv"), null);
        Path out = dir.resolve("f.csv");
        CliRun run = CliRun.of("forecast", "--input", input.toString(), "--output", out.toString(), "--horizon", "14",
                "--fourier", "7:2", "--no-progress");
        assertEquals(0, run.exit(), run.toString());
        try (FittedModel m = ModelSpec.parse("auto_arima(fourier=[7:2],seasonal=false)[7]").fit(ys[0])) {
            assertMeans(out, m.forecast(14, 0.8).mean());
        }
    }

    /** The means of series "a" in {@code out} are {@code expected}'s, step by step. */
    private static void assertMeans(Path out, double[] expected) throws IOException {
        List<CSVRecord> rows = records(out).stream().filter(r -> r.get("series").equals("a")).toList();
        assertEquals(expected.length, rows.size());
        for (int k = 0; k < expected.length; k++) {
            assertEquals(Numbers.format(expected[k]), rows.get(k).get("mean"), "step " + (k + 1));
        }
    }

    @Test
    void fourierTermsOnAFixedOrder() throws IOException {
        Path input = dir.resolve("in.csv");
        double[][] ys = write(input, dir.resolve("future.csv"), null);
        Path out = dir.resolve("f.csv");
        CliRun run = CliRun.of("forecast", "--input", input.toString(), "--output", out.toString(), "--horizon", "14",
                "--fourier", "7:2", "--order", "1,0,1", "--no-progress");
        assertEquals(0, run.exit(), run.toString());
        try (FittedModel m = ModelSpec.parse("arima(1,0,1,fourier=[7:2])").fit(ys[0])) {
            assertEquals(List.of("ar1", "ma1", "intercept", "S1-7", "C1-7", "S2-7", "C2-7"),
                    List.of(((io.lagrs.ArimaModel) m).coefficientNames()));
            assertMeans(out, m.forecast(14, 0.8).mean());
        }
    }

    @Test
    void fourierTermsFollowTheRegressorsOfAFixedOrder() throws IOException {
        Path input = dir.resolve("in.csv");
        Path future = dir.resolve("future.csv");
        double[][] ys = write(input, future, null);
        Path out = dir.resolve("f.csv");
        CliRun run = CliRun.of("forecast", "--input", input.toString(), "--output", out.toString(), "--horizon", "7",
                "--xreg", "promo,price", "--future", future.toString(), "--fourier", "7:1",
                "--model", "arima(1,0,0)", "--no-progress");
        assertEquals(0, run.exit(), run.toString());
        try (FittedModel m = ModelSpec.parse("arima(1,0,0,fourier=[7:1])").fit(ys[0], regressors("a", 0, N))) {
            assertEquals(List.of("ar1", "intercept", "promo", "price", "S1-7", "C1-7"),
                    List.of(((io.lagrs.ArimaModel) m).coefficientNames()));
            assertMeans(out, m.forecast(H, 0.8, regressors("a", N, N + H)).mean());
        }
        // --order with --xreg reads the order as --model would
        Path ordered = dir.resolve("o.csv");
        run = CliRun.of("forecast", "--input", input.toString(), "--output", ordered.toString(), "--horizon", "7",
                "--xreg", "promo,price", "--future", future.toString(), "--order", "1,0,0", "--no-progress");
        assertEquals(0, run.exit(), run.toString());
        try (FittedModel m = ModelSpec.parse("arima(1,0,0)").fit(ys[0], regressors("a", 0, N))) {
            assertMeans(ordered, m.forecast(H, 0.8, regressors("a", N, N + H)).mean());
        }
    }

    @Test
    void optionsThatDoNotFitTogetherAreUsageErrors() throws IOException {
        Path input = dir.resolve("in.csv");
        Path future = dir.resolve("future.csv");
        write(input, future, null);
        String in = input.toString();
        String[][] cases = {
            {"--future given without --xreg", "--future", future.toString()},
            {"--xreg needs the regressors' values over the horizon", "--xreg", "promo"},
            {"'naive' takes no regressors", "--xreg", "promo", "--future", future.toString(), "--model", "naive"},
            {"has no column 'temp'", "--xreg", "promo,temp", "--future", future.toString()},
            {"--fourier adds Fourier terms to auto_arima and arima models; 'snaive' takes none", "--fourier", "7:2",
                "-m", "snaive"},
            {"--fourier adds Fourier terms to auto_arima and arima models; 'auto_ets' takes none", "--fourier", "7:2",
                "-m", "arima(1,0,0)|auto_ets"},
            {"give one or the other", "--fourier", "7:2", "--order", "1,0,1", "-m", "arima(1,0,0)"},
            {"K must not be greater than period/2", "--fourier", "7:4", "--order", "1,0,1"},
            {"--select cv does not take --xreg or --fourier", "--fourier", "7:2", "-m", "arima(1,0,0)", "-m", "naive",
                "--select", "cv", "--horizon", "7"},
            {"--select cv does not take --xreg or --fourier", "--xreg", "promo", "--future", future.toString(),
                "-m", "arima(1,0,0)", "-m", "auto_arima", "--select", "cv", "--horizon", "7"},
            {"K must not be greater than period/2", "--fourier", "7:4"},
        };
        for (String[] c : cases) {
            String[] args = new String[c.length + 4];
            args[0] = "forecast";
            args[1] = "--input";
            args[2] = in;
            args[3] = "--output";
            args[4] = dir.resolve("x.csv").toString();
            System.arraycopy(c, 1, args, 5, c.length - 1);
            CliRun run = CliRun.of(args);
            assertEquals(2, run.exit(), run.toString());
            assertTrue(run.err().contains(c[0].replace("--future given without --xreg", "name them with --xreg")),
                    c[0] + ": " + run.err());
        }
    }
}
