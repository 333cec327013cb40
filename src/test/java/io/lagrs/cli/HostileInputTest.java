package io.lagrs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** Input and options that used to crash, hang, run away or succeed silently: each now has a clear outcome. */
class HostileInputTest extends CliFilesTest {
    private static void assertOneLine(CliRun run, String command, String expected) {
        assertEquals(2, run.exit(), run.toString());
        String err = run.err().strip();
        assertFalse(err.contains("\n"), "one line, no stack trace: " + err);
        assertTrue(err.startsWith("lagrs " + command + ": "), err);
        assertTrue(err.contains(expected), err);
    }

    @Test
    void integerTimesThatWouldPassLongMaxValueFailThatSeriesByName() throws Exception {
        long max = Long.MAX_VALUE;
        StringBuilder csv = new StringBuilder("series,time,value\n");
        for (int i = 0; i < 8; i++) {
            csv.append("late,").append(max - 8 + i).append(',').append(i % 3).append('\n');
            csv.append("fine,").append(i).append(',').append(i % 3).append('\n');
        }
        csv.append("wide,").append(Long.MIN_VALUE).append(",1\nwide,").append(max).append(",2\n");
        Path out = dir.resolve("f.csv");
        CliRun run = CliRun.of("forecast", "--input", write("late.csv", csv.toString()).toString(), "--output",
                out.toString(), "--horizon", "3", "--order", "0,0,0");
        assertEquals(0, run.exit(), run.toString());
        Map<String, CSVRecord> models = records(dir.resolve("f-models.csv")).stream()
                .collect(Collectors.toMap(r -> r.get("series"), r -> r));
        assertEquals("failed", models.get("late").get("status"));
        assertTrue(models.get("late").get("error").contains("past the largest time"), models.get("late").get("error"));
        assertEquals("failed", models.get("wide").get("status"));
        assertEquals("ok", models.get("fine").get("status"));
        assertTrue(run.err().contains("(late)") && run.err().contains("(wide)"),
                "the summary names them: " + run.err());
        for (CSVRecord r : records(out)) {
            assertEquals("fine", r.get("series"));
            assertTrue(Long.parseLong(r.get("time")) >= 8, r.toString());
        }
    }

    @Test
    void aStrayQuoteNamesTheLineWhereItOpened() throws Exception {
        StringBuilder csv = new StringBuilder("series,time,value\na,1,1\na,\"2,2\n");
        for (int t = 3; t < 120_000; t++) {
            csv.append("a,").append(t).append(',').append(t % 10).append('\n');
        }
        CliRun run = CliRun.of("features", "--input", write("quote.csv", csv.toString()).toString(), "--output",
                dir.resolve("o.csv").toString());
        assertOneLine(run, "features", "line 3: a quoted field opened here is not closed within");
    }

    /** A stray quote early in a large CSV read from a pipe: the parser used to buffer the rest of it. */
    @Test
    void aStrayQuoteInALargePipedCsvIsOneLineNotOutOfMemory() throws Exception {
        assumeTrue(Files.exists(Path.of("/dev/stdin")), "needs /dev/stdin");
        CliProcess run = CliProcess.run(dir, List.of("-Xmx48m"), true, in -> {
            try {
                in.write("series,time,value\na,1,1\na,2,\"2\n".getBytes(StandardCharsets.US_ASCII));
                byte[] rows = "a,3,30000000\n".repeat(10_000).getBytes(StandardCharsets.US_ASCII);
                for (int i = 0; i < 600; i++) { // 78 MB: more than the heap could hold as text
                    in.write(rows);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "features", "--input", "/dev/stdin", "--output", dir.resolve("o.csv").toString());
        assertEquals(2, run.exit(), run.toString());
        String err = run.err().strip();
        assertFalse(err.contains("\n") || err.contains("OutOfMemoryError"), err);
        assertTrue(err.startsWith("lagrs features: ") && err.contains("line 3: a quoted field opened here"), err);
    }

    @Test
    void aFileWithoutOneUsableRowIsAnError() throws Exception {
        Path bad = write("bad.csv", "series,time,value\na,x,1\nb,1,oops\n,2,3\n");
        CliRun forecast = CliRun.of("forecast", "--input", bad.toString(), "--output", dir.resolve("f.csv").toString());
        assertOneLine(forecast, "forecast", "none of its 3 rows can be used (line 2: ");
        assertFalse(Files.exists(dir.resolve("f.csv")));
        CliRun features = CliRun.of("features", "--input", bad.toString(), "--output", dir.resolve("o.csv").toString());
        assertOneLine(features, "features", "none of its 3 rows can be used");
    }

    @Test
    void limitsOfTheLibraryAreUsageErrors() throws Exception {
        Path in = write("in.csv", "series,time,value\na,1,1\na,2,3\na,3,2\na,4,5\n");
        String out = dir.resolve("f.csv").toString();
        assertOneLine(CliRun.of("forecast", "--input", in.toString(), "--output", out, "--horizon", "2000000"),
                "forecast", "--horizon must be between 1 and 1000000, got 2000000");
        assertOneLine(CliRun.of("forecast", "--input", in.toString(), "--output", out, "--holdout", "2000000"),
                "forecast", "--holdout must be between 1 and 1000000, got 2000000");
        assertOneLine(CliRun.of("forecast", "--input", in.toString(), "--output", out, "--season", "1000000"),
                "forecast", "--season must be between 1 and 8784, got 1000000");
        assertOneLine(CliRun.of("forecast", "--input", in.toString(), "--output", out, "--threads", "100000"),
                "forecast", "--threads must be between 1 and 1024, got 100000");
        assertFalse(Files.exists(Path.of(out)));
    }

    @Test
    void noCommandIsAUsageError() {
        CliRun run = CliRun.of();
        assertEquals(2, run.exit(), run.toString());
        assertTrue(run.err().contains("Usage: lagrs") && run.err().contains("forecast"), run.err());
        assertEquals("", run.out());
        CliRun help = CliRun.of("--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("Usage: lagrs"), help.out());
    }

    @Test
    void aNativeLibraryThatCannotBeLoadedIsOneLine() throws Exception {
        Path in = write("in.csv", "series,time,value\na,1,1\na,2,3\na,3,2\na,4,5\n");
        for (String command : List.of("forecast", "features")) {
            CliProcess run = CliProcess.run(dir, List.of(), false, null, command, "--input", in.toString(),
                    "--output", dir.resolve("o.csv").toString());
            assertEquals(2, run.exit(), run.toString());
            String err = run.err().strip();
            assertFalse(err.contains("\n"), "one line: " + err);
            assertTrue(err.startsWith("lagrs " + command + ": could not load the lagrs native library"), err);
            assertTrue(err.contains("io.lagrs:lagrs:"), "says which dependency to add: " + err);
            assertFalse(err.contains("Exception") || err.contains("Error:"), "no nested exception: " + err);
            assertFalse(Files.exists(dir.resolve("o.csv")));
        }
    }
}
