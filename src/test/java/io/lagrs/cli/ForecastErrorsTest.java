package io.lagrs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code forecast} on input it cannot use and runs that fail: one-line errors, no half-written files. */
class ForecastErrorsTest extends CliFilesTest {
    private Path monthlyCsv() throws IOException {
        return ForecastCommandTest.monthlyCsv(dir);
    }

    @Test
    void inputErrorsAreOneLineAndExitCode2() throws Exception {
        Path out = dir.resolve("f.csv");
        CliRun missing = CliRun.of("forecast", "--input", dir.resolve("nope.csv").toString(), "--output", out.toString());
        assertEquals(2, missing.exit());
        assertEquals("lagrs forecast: cannot read " + dir.resolve("nope.csv") + ": no such file", missing.err().strip());

        CliRun empty = CliRun.of("forecast", "--input", write("empty.csv", "").toString(), "--output", out.toString());
        assertEquals(2, empty.exit());
        assertOneLine(empty, "is empty");

        CliRun headerOnly = CliRun.of("forecast", "--input", write("h.csv", "series,time,value\n").toString(),
                "--output", out.toString());
        assertEquals(2, headerOnly.exit());
        assertOneLine(headerOnly, "has a header but no data rows");

        CliRun columns = CliRun.of("forecast", "--input", write("cols.csv", "sku,month,units\na,1,2\n").toString(),
                "--output", out.toString());
        assertEquals(2, columns.exit());
        assertOneLine(columns, "the header has no column 'series' (it has sku, month, units; delimiter ',');"
                + " name it with --id-col");

        CliRun unwritable = CliRun.of("forecast", "--input", monthlyCsv().toString(), "--output",
                dir.resolve("no/such/dir/f.csv").toString());
        assertEquals(2, unwritable.exit());
        assertOneLine(unwritable, "does not exist");

        CliRun badOrder = CliRun.of("forecast", "--input", monthlyCsv().toString(), "--output", out.toString(),
                "--order", "1,1");
        assertEquals(2, badOrder.exit());
        assertOneLine(badOrder, "--order must be p,d,q or p,d,q,P,D,Q");

        CliRun verbose = CliRun.of("forecast", "--input", dir.resolve("nope.csv").toString(), "--output",
                out.toString(), "--verbose");
        assertEquals(2, verbose.exit());
        assertTrue(verbose.err().contains("\tat io.lagrs.cli."), "--verbose shows the stack trace: " + verbose.err());
        assertFalse(Files.exists(out));
    }

    private static void assertOneLine(CliRun run, String expected) {
        String err = run.err().strip();
        assertFalse(err.contains("\n"), "one line, no stack trace: " + err);
        assertTrue(err.startsWith("lagrs forecast: "), err);
        assertTrue(err.contains(expected), err);
    }

    @Test
    void aFailedRunLeavesThePreviousOutputAndNoTemporaryFiles() throws Exception {
        Path out = write("f.csv", "previous\n");
        Path models = dir.resolve("m.csv");
        Path input = write("bad-strict.csv", "series,time,value\na,1,1\na,1,2\na,2,3\n");
        CliRun run = CliRun.of("forecast", "--input", input.toString(), "--output", out.toString(), "--models",
                models.toString(), "--strict");
        assertEquals(1, run.exit(), run.toString());
        assertEquals("previous\n", Files.readString(out));
        assertFalse(Files.exists(models));

        CliRun ok = CliRun.of("forecast", "--input", monthlyCsv().toString(), "--output", out.toString(),
                "--models", models.toString(), "--horizon", "1");
        assertEquals(0, ok.exit(), ok.toString());
        assertTrue(Files.readString(out).startsWith("series,time,mean"));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(p -> p.getFileName().toString().endsWith(".part")).toList(),
                    "temporary files are moved into place or removed");
        }
    }
}
