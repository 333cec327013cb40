package io.lagrs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input and options that used to crash, hang, run away or succeed silently: each now has a clear outcome. */
class HostileInputTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static List<CSVRecord> records(Path file) throws IOException {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(Files.readString(file))).getRecords();
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
        assertEquals(1, run.exit(), run.toString());
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
}
