package io.lagrs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No output may overwrite the input or another output: each such run is refused before any work. */
class OutputPathsTest {
    private static final String INPUT = "series,time,value\na,1,1\na,2,3\na,3,2\na,4,5\na,5,4\na,6,6\n";

    @TempDir
    Path dir;

    private Path input(String name) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, INPUT);
        return file;
    }

    /** Exit 2, one line naming the clash, the input untouched and nothing else written. */
    private void assertRefused(CliRun run, Path input, String command, String expected) throws IOException {
        assertEquals(2, run.exit(), run.toString());
        String err = run.err().strip();
        assertFalse(err.contains("\n"), "one line: " + err);
        assertTrue(err.startsWith("lagrs " + command + ": "), err);
        assertTrue(err.contains(expected), err);
        assertEquals(INPUT, Files.readString(input), "the input is untouched");
    }

    @Test
    void anOutputThatIsTheInputIsRefused() throws Exception {
        Path in = input("in.csv");
        assertRefused(CliRun.of("forecast", "--input", in.toString(), "--output", in.toString()), in, "forecast",
                "--output " + in + " is the input file");
        assertRefused(CliRun.of("forecast", "--input", in.toString(), "--output", dir.resolve("f.csv").toString(),
                "--models", in.toString()), in, "forecast", "--models " + in + " is the input file");
        assertFalse(Files.exists(dir.resolve("f.csv")), "nothing is written");
        assertRefused(CliRun.of("features", "--input", in.toString(), "--output", in.toString()), in, "features",
                "--output " + in + " is the input file");
        // the default model table name of an output "in.csv" next to an input "in-models.csv"
        Path models = input("in-models.csv");
        assertRefused(CliRun.of("forecast", "--input", models.toString(), "--output", in.toString()), models,
                "forecast", "--models " + models + " (the default) is the input file");
    }

    @Test
    void otherSpellingsAndLinksOfTheInputAreRefused() throws Exception {
        Path in = input("in.csv");
        Files.createDirectory(dir.resolve("sub"));
        Path dotted = dir.resolve("sub/../in.csv");
        assertRefused(CliRun.of("forecast", "--input", in.toString(), "--output", dotted.toString()), in, "forecast",
                "is the input file");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), in);
        assertRefused(CliRun.of("forecast", "--input", in.toString(), "--output", link.toString()), in, "forecast",
                "is the input file");
        assertRefused(CliRun.of("features", "--input", link.toString(), "--output", in.toString()), in, "features",
                "is the input file");
        Path dirLink = Files.createSymbolicLink(dir.resolve("again"), dir);
        assertRefused(CliRun.of("forecast", "--input", in.toString(), "--output", dirLink.resolve("in.csv").toString()),
                in, "forecast", "is the input file");
        Path hard = Files.createLink(dir.resolve("hard.csv"), in);
        assertRefused(CliRun.of("forecast", "--input", in.toString(), "--output", hard.toString()), in, "forecast",
                "is the input file");
    }

    @Test
    void twoOutputsThatAreOneFileAreRefused() throws Exception {
        Path in = input("in.csv");
        Path out = dir.resolve("out.csv");
        assertRefused(CliRun.of("forecast", "--input", in.toString(), "--output", out.toString(), "--models",
                out.toString()), in, "forecast", "--models " + out + " is the same file as --output");
        assertFalse(Files.exists(out), "nothing is written");
        assertRefused(CliRun.of("forecast", "--input", in.toString(), "--output", out.toString(), "--models",
                dir.resolve("sub/../out.csv").toString()), in, "forecast", "is the same file as --output");
        Files.createDirectory(dir.resolve("plots"));
        assertRefused(CliRun.of("forecast", "--input", in.toString(), "--output",
                dir.resolve("plots/index.html").toString(), "--plot", dir.resolve("plots").toString()), in, "forecast",
                "is the same file as --output");
    }

    /** The first case: the input named forecast.csv and no --output (its default name). */
    @Test
    void theDefaultOutputNameIsRefusedWhenItIsTheInput() throws Exception {
        Path in = input("forecast.csv");
        CliProcess run = CliProcess.run(dir, List.of(), true, null, "forecast", "--input", "forecast.csv",
                "--horizon", "1");
        assertEquals(2, run.exit(), run.toString());
        assertEquals("lagrs forecast: --output forecast.csv (the default) is the input file;"
                + " name another with --output", run.err().strip());
        assertEquals(INPUT, Files.readString(in));
        assertFalse(Files.exists(dir.resolve("forecast-models.csv")));
    }
}
