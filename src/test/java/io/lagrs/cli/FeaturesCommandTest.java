package io.lagrs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeaturesCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesFeaturesForEverySeries() throws Exception {
        Path input = dir.resolve("in.csv");
        Path output = dir.resolve("out.csv");
        Files.writeString(input, "series,time,value\ns,1,1\ns,2,2\ns,3,4\ns,4,8\n");
        CliRun run = CliRun.of("features", "--input", input.toString(), "--output", output.toString(),
                "--window", "2", "--season", "2");
        assertEquals(0, run.exit(), run.toString());
        List<String> lines = Files.readAllLines(output);
        assertEquals("series,time,value,lag1,lag2,diff1,mean2,std2,min2,max2", lines.get(0));
        assertEquals("s,4,8,4,2,4,6,2.828427125,4,8", lines.get(4));
        assertTrue(run.err().contains("features for 1 series written"), run.err());
    }

    @Test
    void aGapInTimeIsAMissingValueNotAShorterLag() throws Exception {
        Path input = dir.resolve("in.csv");
        Path output = dir.resolve("out.csv");
        // t = 3 and 4 are absent: lag1 at t = 5 must be missing, not the value of t = 2
        Files.writeString(input, "series,time,value\na,1,10\na,2,20\na,5,50\na,6,60\n");
        CliRun run = CliRun.of("features", "--input", input.toString(), "--output", output.toString(), "--window", "2");
        assertEquals(0, run.exit(), run.toString());
        List<String> lines = Files.readAllLines(output);
        assertEquals(7, lines.size(), "a row for every step, gaps included");
        assertEquals("series,time,value,lag1,lag12,diff1,mean2,std2,min2,max2", lines.get(0));
        assertEquals("a,3,,20,,,,,,", lines.get(3));
        assertTrue(lines.get(5).startsWith("a,5,50,,,,"), lines.get(5));
        assertEquals("a,6,60,50,,10,55,7.071067812,50,60", lines.get(6));
        assertTrue(run.err().contains("2 gaps in time"), run.err());
    }

    @Test
    void monthsKeepTheirFormatAndSetTheSeason() throws Exception {
        Path input = dir.resolve("in.csv");
        StringBuilder csv = new StringBuilder("sku;month;units\n");
        for (int t = 0; t < 14; t++) {
            csv.append("x;").append(String.format("%d-%02d", 2023 + t / 12, t % 12 + 1)).append(';').append(t).append('\n');
        }
        Files.writeString(input, csv.toString());
        CliRun run = CliRun.of("features", "--input", input.toString(), "--id-col", "sku", "--time-col", "month",
                "--value-col", "units");
        assertEquals(0, run.exit(), run.toString());
        List<String> lines = run.out().lines().toList();
        assertEquals("series,time,value,lag1,lag12,diff1,mean12,std12,min12,max12", lines.get(0));
        assertTrue(lines.get(13).startsWith("x,2024-01,12,11,0,1,"), lines.get(13));
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheHeaderAndTimestampsKeepTheirFormat() throws Exception {
        Path input = dir.resolve("bom.csv");
        Files.writeString(input, "\uFEFFseries,time,value\nm,2024-01-01T00:00Z,1\nm,2024-01-01T01:00Z,2\n"
                + "m,2024-01-01T03:00Z,4\n");
        CliRun run = CliRun.of("features", "--input", input.toString(), "--window", "2");
        assertEquals(0, run.exit(), run.toString());
        List<String> lines = run.out().lines().toList();
        assertEquals("series,time,value,lag1,lag24,diff1,mean2,std2,min2,max2", lines.get(0), "hourly: season 24");
        assertEquals("m,2024-01-01T02:00Z,,2,,,,,,", lines.get(3), "the missing hour is a row with an empty value");
        assertEquals(5, lines.size());
    }

    @Test
    void errorsAreOneLine() throws Exception {
        CliRun missing = CliRun.of("features", "--input", dir.resolve("none.csv").toString());
        assertEquals(2, missing.exit());
        assertFalse(missing.err().strip().contains("\n"), missing.err());
        assertTrue(missing.err().startsWith("lagrs features: cannot read"), missing.err());
        CliRun window = CliRun.of("features", "--window", "0");
        assertEquals(2, window.exit());
        assertEquals("lagrs features: --window must be >= 1, got 0", window.err().strip());
    }

    @Test
    void runsOnTheBundledSampleData() throws Exception {
        Path output = dir.resolve("out.csv");
        CliRun run = CliRun.of("features", "--output", output.toString());
        assertEquals(0, run.exit(), run.toString());
        List<String> lines = Files.readAllLines(output);
        assertEquals("series,time,value,lag1,lag12,diff1,mean12,std12,min12,max12", lines.get(0));
        assertTrue(lines.size() > 25_000, "a row per month of the sample series: " + lines.size());
    }
}
