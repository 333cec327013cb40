package io.lagrs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** --non-negative, series too short for the holdout, and the library's defaults on the command line. */
class DemandOptionsTest extends CliFilesTest {
    private Path demand() throws Exception {
        StringBuilder csv = new StringBuilder("series,time,value\n");
        for (int t = 0; t < 36; t++) {
            csv.append("falling,").append(java.time.YearMonth.of(2022, 1).plusMonths(t)).append(',')
                    .append(Math.max(0, 72 - 2 * t + (t * 5) % 7 - 3)).append('\n');
        }
        for (int t = 0; t < 8; t++) {
            csv.append("new,").append(java.time.YearMonth.of(2023, 5).plusMonths(t)).append(',').append(3 + t % 3)
                    .append('\n');
        }
        return write("demand.csv", csv.toString());
    }

    @Test
    void nonNegativeClipsEveryMeanAndBoundAtZeroAndNothingElse() throws Exception {
        Path input = demand();
        Path raw = dir.resolve("raw.csv");
        Path clipped = dir.resolve("clipped.csv");
        CliRun a = CliRun.of("forecast", "--input", input.toString(), "--output", raw.toString(), "--model", "drift",
                "--horizon", "12");
        CliRun b = CliRun.of("forecast", "--input", input.toString(), "--output", clipped.toString(), "--model",
                "drift", "--horizon", "12", "--non-negative");
        assertEquals(0, a.exit(), a.toString());
        assertEquals(0, b.exit(), b.toString());
        List<CSVRecord> before = records(raw);
        List<CSVRecord> after = records(clipped);
        assertEquals(before.size(), after.size());
        int negative = 0;
        for (int i = 0; i < before.size(); i++) {
            for (String column : List.of("mean", "lower_80", "upper_80", "lower_95", "upper_95")) {
                double x = Double.parseDouble(before.get(i).get(column));
                negative += x < 0 ? 1 : 0;
                assertEquals(Math.max(0, x), Double.parseDouble(after.get(i).get(column)), 1e-12, column);
            }
        }
        assertTrue(negative > 10, "drift takes the falling series below zero unclipped: " + negative);
    }

    @Test
    void aSeriesTooShortForTheHoldoutIsForecastFromAllItsPointsAndReportedUnscored() throws Exception {
        Path out = dir.resolve("f.csv");
        CliRun run = CliRun.of("forecast", "--input", demand().toString(), "--output", out.toString(), "--holdout",
                "12");
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.err().contains("1 series too short for --holdout 12: forecast from all their points, not scored"
                + " (new)"), run.err());
        List<CSVRecord> rows = records(out).stream().filter(r -> r.get("series").equals("new")).toList();
        assertEquals(12, rows.size());
        assertEquals("2024-01", rows.get(0).get("time"), "after its last month, 2023-12");
        CSVRecord model = records(dir.resolve("f-models.csv")).stream().filter(r -> r.get("series").equals("new"))
                .findFirst().orElseThrow();
        assertEquals("ok", model.get("status"));
        assertEquals("", model.get("mase"));
        CSVRecord falling = records(dir.resolve("f-models.csv")).get(0);
        assertTrue(!falling.get("mase").isEmpty(), "the long series is scored");
    }

    @Test
    void lambdaZeroOnAZeroNamesTheSeriesTheValueAndItsTime() throws Exception {
        Path out = dir.resolve("f.csv");
        CliRun run = CliRun.of("forecast", "--input", demand().toString(), "--output", out.toString(), "--lambda", "0",
                "--model", "auto_arima", "--model", "naive", "--horizon", "2");
        assertEquals(0, run.exit(), run.toString());
        // the falling series reaches 0 in 2024-12 (t = 35); "new" has no zero and is forecast
        for (CSVRecord r : records(dir.resolve("f-models.csv"))) {
            if (r.get("series").equals("falling")) {
                assertEquals("failed", r.get("status"));
                assertTrue(r.get("error").contains("lambda = 0 cannot transform the value 0 at 20"), r.get("error"));
            } else {
                assertEquals("ok", r.get("status"), r.toString());
            }
        }
        assertTrue(run.err().contains("(falling)"), "the summary names the series: " + run.err());
    }
}
