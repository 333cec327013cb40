package io.lagrs.cli;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.io.TempDir;

/** What the command-line tests that write input files and read output files share. */
abstract class CliFilesTest {
    @TempDir
    Path dir;

    /** Writes {@code text} to {@code name} in the test's directory. */
    Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    /** The records of a CSV file with a header. */
    static List<CSVRecord> records(Path file) throws IOException {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(Files.readString(file))).getRecords();
    }
}
