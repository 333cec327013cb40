package io.lagrs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** What the output files look like to other programs: their permissions, numbers, and cells spreadsheets read. */
class OutputFormatTest extends CliFilesTest {
    @Test
    void outputFilesGetThePermissionsOfAnyNewFile() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Set<PosixFilePermission> usual = Files.getPosixFilePermissions(Files.createFile(dir.resolve("probe")));
        assumeTrue(!usual.equals(PosixFilePermissions.fromString("rw-------")), "a umask other than 077");
        Path in = write("in.csv", "series,time,value\na,1,1\na,2,3\na,3,2\na,4,5\na,5,4\n");
        Path plots = dir.resolve("plots");
        assertEquals(0, CliRun.of("forecast", "--input", in.toString(), "--output", dir.resolve("f.csv").toString(),
                "--horizon", "2", "--order", "0,1,0", "--plot", plots.toString()).exit());
        assertEquals(0, CliRun.of("features", "--input", in.toString(), "--output", dir.resolve("x.csv").toString())
                .exit());
        for (Path p : List.of(dir.resolve("f.csv"), dir.resolve("f-models.csv"), dir.resolve("x.csv"),
                plots.resolve("index.html"))) {
            assertEquals(PosixFilePermissions.toString(usual),
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), p.toString());
        }
    }

    @Test
    void hugeAndTinyValuesAreWrittenInExponentNotation() throws Exception {
        Path in = write("in.csv", "series,time,value\na,1,1e300\na,2,-2.5e300\na,3,1.25e-300\na,4,123456.5\n"
                + "a,5,0.001\na,6,0\n");
        Path out = dir.resolve("x.csv");
        assertEquals(0, CliRun.of("features", "--input", in.toString(), "--output", out.toString()).exit());
        List<String> values = records(out).stream().map(r -> r.get("value")).toList();
        assertEquals(List.of("1e+300", "-2.5e+300", "1.25e-300", "123456.5", "0.001", "0"), values);
        for (CSVRecord r : records(out)) {
            for (String cell : r) {
                assertTrue(cell.length() < 40, "no cell is hundreds of digits long: " + cell);
            }
        }
    }

    @Test
    void seriesNamesThatSpreadsheetsWouldRunAreQuotedAsText() throws Exception {
        List<String> names = List.of("=HYPERLINK(\"http://x\",\"y\")", "+1", "-2", "@SUM(A1)", "plain");
        StringBuilder csv = new StringBuilder("series,time,value\n");
        for (String name : names) {
            for (int t = 1; t <= 6; t++) {
                csv.append('"').append(name.replace("\"", "\"\"")).append("\",").append(t).append(',').append(t % 4)
                        .append('\n');
            }
        }
        Path in = write("in.csv", csv.toString());
        Path out = dir.resolve("f.csv");
        assertEquals(0, CliRun.of("forecast", "--input", in.toString(), "--output", out.toString(), "--horizon", "1",
                "--order", "0,0,0").exit());
        Path features = dir.resolve("x.csv");
        assertEquals(0, CliRun.of("features", "--input", in.toString(), "--output", features.toString()).exit());
        for (Path file : List.of(out, dir.resolve("f-models.csv"), features)) {
            List<String> written = records(file).stream().map(r -> r.get("series")).distinct().toList();
            assertEquals(List.of("'=HYPERLINK(\"http://x\",\"y\")", "'+1", "'-2", "'@SUM(A1)", "plain"), written,
                    file.toString());
            for (String line : Files.readAllLines(file)) {
                char first = line.charAt(0);
                assertNotEquals('=', first, line);
                assertTrue(first != '+' && first != '-' && first != '@', line);
                assertTrue(!line.startsWith("'"), "quoted as well as marked: " + line);
            }
        }
    }
}
