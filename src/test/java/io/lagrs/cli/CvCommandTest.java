package io.lagrs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lagrs.BatchOptions;
import io.lagrs.CrossValidation;
import io.lagrs.CrossValidationResult;
import io.lagrs.ModelSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CvCommandTest extends CliFilesTest {
    /** The tables print 10 significant digits: values here are between 1 and 100. */
    private static final double TEN_DIGITS = 1e-7;

    @Test
    void writesTheLongTableAndTheAccuracyOfEveryModel() throws Exception {
        StringBuilder csv = new StringBuilder("series,time,value\n");
        double[][] values = new double[2][40];
        for (int j = 0; j < 2; j++) {
            for (int t = 0; t < 40; t++) {
                values[j][t] = 10 + j * 5 + t % 4 + Math.sin(t * (j + 1));
                csv.append(j == 0 ? "a" : "b").append(',').append(t + 1).append(',').append(values[j][t]).append('\n');
            }
        }
        Path input = write("in.csv", csv.toString());
        Path output = dir.resolve("cv.csv");
        Path accuracy = dir.resolve("acc.csv");
        CliRun run = CliRun.of("cv", "--input", input.toString(), "--model", "naive", "--model", "snaive[4]",
                "--horizon", "3", "--windows", "2", "--step", "2", "--level", "90", "--season", "4",
                "--output", output.toString(), "--accuracy", accuracy.toString());
        assertEquals(0, run.exit(), run.toString());
        List<CSVRecord> rows = records(output);
        assertEquals("series,time,cutoff,actual,naive,naive-lo-90,naive-hi-90,snaive[4],snaive[4]-lo-90,snaive[4]-hi-90",
                Files.readAllLines(output).get(0));
        assertEquals(2 * 2 * 3, rows.size());
        // Series a, first window: 40 - 3 - 2 = 35 training values, cutoff at time 35.
        assertEquals(List.of("a", "36", "35"), rows.get(0).toList().subList(0, 3));
        assertEquals(values[0][34], Double.parseDouble(rows.get(0).get(4)), TEN_DIGITS);
        assertEquals(values[0][35], Double.parseDouble(rows.get(0).get(3)), TEN_DIGITS);
        CrossValidationResult r = CrossValidation.builder().horizon(3).stepSize(2).windows(2).levels(0.9).period(4)
                .build().run(List.of(ModelSpec.parse("naive"), ModelSpec.parse("snaive[4]")), values,
                        BatchOptions.defaults());
        List<CSVRecord> acc = records(accuracy);
        assertEquals("model,series,bias,mae,rmse,mase,rmsse,smape,coverage_90,msis_90", Files.readAllLines(accuracy).get(0));
        assertEquals(2 * 3, acc.size());
        assertEquals(List.of("snaive[4]", "b"), acc.get(4).toList().subList(0, 2));
        assertEquals(r.accuracy(1, CrossValidationResult.Measure.MASE)[1], Double.parseDouble(acc.get(4).get(5)), TEN_DIGITS);
        assertEquals("ALL", acc.get(5).get(1));
        assertEquals(r.overall(1, CrossValidationResult.Measure.MASE), Double.parseDouble(acc.get(5).get(5)), TEN_DIGITS);
    }

    @Test
    void badSettingsAndShortSeriesAreReported() throws Exception {
        Path input = write("in.csv", "series,time,value\na,1,1\na,2,2\na,3,3\nb,1,1\nb,2,2\nb,3,3\nb,4,4\nb,5,5\nb,6,6\n");
        Path output = dir.resolve("cv.csv");
        CliRun bad = CliRun.of("cv", "--input", input.toString(), "--model", "naive", "--horizon", "0",
                "--output", output.toString());
        assertEquals(2, bad.exit(), bad.toString());
        assertTrue(bad.err().contains("--horizon must be >= 1"), bad.err());
        CliRun spec = CliRun.of("cv", "--input", input.toString(), "--model", "no_such_model", "--output", output.toString());
        assertEquals(2, spec.exit(), spec.toString());
        assertTrue(spec.err().contains("--model") && spec.err().contains("unknown model 'no_such_model'"), spec.err());
        CliRun run = CliRun.of("cv", "--input", input.toString(), "--model", "naive", "--horizon", "2", "--windows", "2",
                "--output", output.toString());
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.err().contains("series a failed") && run.err().contains("3 observations"), run.err());
        assertEquals(2 * 2, records(output).size());
        CliRun strict = CliRun.of("cv", "--input", input.toString(), "--model", "naive", "--horizon", "2", "--windows",
                "2", "--strict", "--output", output.toString());
        assertEquals(1, strict.exit(), strict.toString());
    }
}
