package io.lagrs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lagrs.BatchOptions;
import io.lagrs.CrossValidation;
import io.lagrs.CrossValidationResult;
import io.lagrs.FittedModel;
import io.lagrs.IntervalForecast;
import io.lagrs.ModelSpec;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** {@code cv} with each series' season and {@code --plot}; {@code forecast --select cv}. */
class CvPlotSelectTest extends CliFilesTest {
    private static final double[] LEVELS = {0.8, 0.95};

    /** Monthly "north" and "south" (48 months) and quarterly "q" (24 quarters). */
    private Path catalogue() throws Exception {
        Random rng = new Random(5);
        StringBuilder csv = new StringBuilder("series,time,value\n");
        for (String s : List.of("north", "south")) {
            for (int t = 0; t < 48; t++) {
                double v = (s.equals("north") ? 100 : 300) + 0.8 * t + 12 * Math.sin(2 * Math.PI * t / 12) + rng.nextGaussian() * 2;
                csv.append(s).append(',').append(String.format("%d-%02d", 2020 + t / 12, t % 12 + 1)).append(',').append(v).append('\n');
            }
        }
        for (int t = 0; t < 24; t++) {
            double v = 50 + t + (t % 4 == 3 ? 9 : 0) + rng.nextGaussian();
            csv.append("q,").append(String.format("%d-%02d", 2018 + t / 4, 3 * (t % 4) + 1)).append(',').append(v).append('\n');
        }
        return write("catalogue.csv", csv.toString());
    }

    private static double[] valuesOf(Path csv, String series) throws Exception {
        return records(csv).stream().filter(r -> r.get("series").equals(series))
                .mapToDouble(r -> Double.parseDouble(r.get("value"))).toArray();
    }

    @Test
    void eachSeriesGetsItsSeasonAndTheWindowsArePlotted() throws Exception {
        Path input = catalogue();
        Path output = dir.resolve("cv.csv");
        Path plots = dir.resolve("plots");
        CliRun run = CliRun.of("cv", "--input", input.toString(), "--model", "snaive", "--model",
                "best_of(auto_ets|snaive, naive; h=3)", "--horizon", "3", "--windows", "2", "--output", output.toString(),
                "--accuracy", dir.resolve("acc.csv").toString(), "--plot", plots.toString());
        assertEquals(0, run.exit(), run.toString());
        assertTrue(Files.readAllLines(output).get(0).startsWith("series,time,cutoff,actual,snaive,snaive-lo-80"));
        for (String[] s : new String[][] {{"north", "12"}, {"q", "4"}}) {
            int m = Integer.parseInt(s[1]);
            List<ModelSpec> specs = List.of(ModelSpec.parse("snaive[" + m + "]"),
                    ModelSpec.parse("best_of(auto_ets[" + m + "]|snaive[" + m + "], naive; h=3)"));
            CrossValidationResult r = CrossValidation.builder().horizon(3).stepSize(3).windows(2).levels(LEVELS).period(m).build()
                    .run(specs, new double[][] {valuesOf(input, s[0])}, BatchOptions.defaults());
            List<CSVRecord> rows = records(output).stream().filter(x -> x.get("series").equals(s[0])).toList();
            assertEquals(6, rows.size());
            for (int i = 0; i < 6; i++) {
                assertEquals(Numbers.format(r.mean(0)[i]), rows.get(i).get("snaive"), s[0] + " row " + i);
                assertEquals(Numbers.format(r.mean(1)[i]), rows.get(i).get("best_of(auto_ets|snaive, naive; h=3)"));
                assertEquals(Numbers.format(r.upper(0, 1)[i]), rows.get(i).get("snaive-hi-95"));
            }
        }
        assertEquals(2 * (3 + 1), records(dir.resolve("acc.csv")).size());
        String index = Files.readString(plots.resolve("index.html"));
        for (String png : List.of("north.png", "south.png", "q.png", "errors.png")) {
            BufferedImage image = ImageIO.read(plots.resolve(png).toFile());
            assertNotNull(image, png);
            assertEquals(Charts.WIDTH, image.getWidth(), png);
            assertTrue(index.contains("src=\"" + png + "\""), png);
        }
    }

    @Test
    void errorsByStepAreTheSmapeOfEveryWindowAtThatStep() {
        double[][] y = {{5, 7, 6, 8, 9, 7, 10, 12, 11}, {1, 3, 2, 2, 4, 3, 5, 4, 6}};
        CrossValidationResult r = CrossValidation.builder().horizon(2).stepSize(1).windows(3).build()
                .run(List.of(ModelSpec.parse("naive")), y, BatchOptions.defaults());
        double[][] smape = CvCharts.smapeByStep(List.of(new CvTables.Group(List.of(), r)), 1);
        for (int step = 1; step <= 2; step++) {
            double sum = 0;
            int n = 0;
            for (double[] s : y) {
                for (int w = 0; w < 3; w++) {
                    int cutoff = s.length - 2 - (2 - w) - 1; // the window's last training point
                    double a = s[cutoff + step];
                    double f = s[cutoff];
                    sum += 200 * Math.abs(a - f) / (Math.abs(a) + Math.abs(f));
                    n++;
                }
            }
            assertEquals(sum / n, smape[0][step - 1], 1e-12, "step " + step);
        }
    }

    @Test
    void forecastSelectCvFitsTheBestOfTheModelsPerSeries() throws Exception {
        Path input = catalogue();
        Path out = dir.resolve("f.csv");
        CliRun run = CliRun.of("forecast", "--input", input.toString(), "--output", out.toString(), "--horizon", "4",
                "--model", "snaive", "--model", "naive", "--select", "cv", "--select-windows", "2");
        assertEquals(0, run.exit(), run.toString());
        for (String[] s : new String[][] {{"south", "12"}, {"q", "4"}}) {
            List<CSVRecord> rows = records(out).stream().filter(x -> x.get("series").equals(s[0])).toList();
            String text = "best_of(snaive[" + s[1] + "], naive; by=mase, h=4, windows=2)";
            try (FittedModel m = ModelSpec.parse(text).fit(valuesOf(input, s[0]))) {
                IntervalForecast f = m.forecast(4, LEVELS);
                for (int i = 0; i < 4; i++) {
                    assertEquals(Numbers.format(f.mean()[i]), rows.get(i).get("mean"), s[0]);
                    assertEquals(Numbers.format(f.upper(1)[i]), rows.get(i).get("upper_95"), s[0]);
                }
            }
        }
        CliRun one = CliRun.of("forecast", "--input", input.toString(), "--output", out.toString(), "--horizon", "4",
                "--model", "snaive", "--select", "cv");
        assertEquals(2, one.exit(), one.toString());
        assertTrue(one.err().contains("at least two"), one.err());
        CliRun noHorizon = CliRun.of("forecast", "--input", input.toString(), "--output", out.toString(), "--model",
                "snaive", "--model", "naive", "--select", "cv");
        assertEquals(2, noHorizon.exit(), noHorizon.toString());
        assertTrue(noHorizon.err().contains("give --horizon or --holdout"), noHorizon.err());
        CliRun by = CliRun.of("forecast", "--input", input.toString(), "--output", out.toString(), "--horizon", "4",
                "--model", "snaive", "--model", "naive", "--select", "cv", "--select-by", "aic");
        assertEquals(2, by.exit(), by.toString());
        assertTrue(by.err().contains("--select-by must be one of mae, rmse, mase, rmsse, smape, got 'aic'"), by.err());
    }
}
