package io.lagrs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeaturesCommandTest {

    @Test
    void badRowsAreReportedWithTheirLineNumbersAndSkipped() throws Exception {
        String csv = "series,time,value\n"
                + "a,2,20\n"
                + "a,1,10\n"
                + "b,1,oops\n"
                + "b,x,1\n"
                + "a,3,NA\n"
                + "a,3,5\n"
                + "c,1,1,extra\n"
                + "b,2,7\n";
        LongFormatCsv.Result r = LongFormatCsv.read(new StringReader(csv));
        assertEquals(List.of("line 4: value is not a number: 'oops'", "line 5: time is not a whole number: 'x'",
                "line 7: duplicate time 3 for series a", "line 8: expected 3 fields, got 4"), r.problems());
        assertEquals(2, r.series().size());
        LongFormatCsv.Series a = r.series().get(0);
        assertEquals("a", a.name());
        assertEquals(List.of(1L, 2L, 3L), List.of(a.times()[0], a.times()[1], a.times()[2]));
        assertEquals(10.0, a.values()[0]);
        assertTrue(Double.isNaN(a.values()[2]), "NA is a missing value");
    }

    @Test
    void writesFeaturesForEverySeries(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("in.csv");
        Path output = dir.resolve("out.csv");
        Files.writeString(input, "series,time,value\ns,1,1\ns,2,2\ns,3,4\ns,4,8\n");
        PrintStream savedErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, Main.run("features", "--input", input.toString(), "--output", output.toString(),
                    "--window", "2", "--season", "2"));
        } finally {
            System.setErr(savedErr);
        }
        List<String> lines = Files.readAllLines(output);
        assertEquals("series,time,value,lag1,lag2,diff1,mean2,std2,min2,max2", lines.get(0));
        assertEquals("s,4,8,4,2,4,6,2.828427125,4,8", lines.get(4));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("features for 1 series written"));
    }

    @Test
    void runsOnTheBundledSampleData(@TempDir Path dir) throws Exception {
        Path output = dir.resolve("out.csv");
        assertEquals(0, Main.run("features", "--output", output.toString()));
        List<String> lines = Files.readAllLines(output);
        assertEquals(1 + 24 * 96, lines.size(), "a row per observation of the 24 sample series");
    }
}
