package io.lagrs.table;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a long-format CSV (one observation a row: series id, time, value) into a
 * {@link SeriesTable}, streaming: about 20 bytes a row until the grids are laid, never the text
 * of the file. The time column's format (whole number, {@code 2024-03}, {@code 2024-03-01},
 * {@code 2024-03-01T13:00[:00][Z]}) is recognised from the first data row. A bad row is
 * counted in {@link SeriesTable#problems()} with its line number and skipped; it never aborts
 * the read. Empty, {@code NA} and {@code NaN} values are missing values.
 */
public final class LongCsv {
    private static final char[] DELIMITERS = {',', ';', '\t', '|'};

    /** A header lacks a column the read needs; {@link #role()} says which. */
    public static final class MissingColumnException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        /** "id", "time" or "value". */
        private final String role;

        MissingColumnException(String message, String role) {
            super(message);
            this.role = role;
        }

        /** @return "id", "time" or "value" */
        public String role() {
            return role;
        }
    }

    /**
     * How to read: the column names (default {@code series}, {@code time}, {@code value}), the
     * delimiter (default: the most frequent of {@code , ; tab |} in the header) and an optional
     * frequency for every series. Immutable.
     *
     * @param idColumn the column naming the series
     * @param timeColumn the column with the time
     * @param valueColumn the column with the value
     * @param delimiter the field delimiter, or 0 to detect it
     * @param frequency every series' frequency, or null to infer each one's grid
     */
    public record Options(String idColumn, String timeColumn, String valueColumn, char delimiter,
            Frequency frequency) {
        /**
         * @param idColumn the column naming the series
         * @param timeColumn the column with the time
         * @param valueColumn the column with the value
         * @param delimiter the field delimiter, or 0 to detect it
         * @param frequency every series' frequency, or null to infer each one's grid
         * @throws NullPointerException if a column name is null
         */
        public Options {
            Objects.requireNonNull(idColumn, "idColumn");
            Objects.requireNonNull(timeColumn, "timeColumn");
            Objects.requireNonNull(valueColumn, "valueColumn");
        }

        /** @return the defaults: series, time, value, detected delimiter, inferred grids */
        public static Options defaults() {
            return new Options("series", "time", "value", (char) 0, null);
        }

        /**
         * @param id the id column
         * @param time the time column
         * @param value the value column
         * @return these options with those column names
         */
        public Options columns(String id, String time, String value) {
            return new Options(id, time, value, delimiter, frequency);
        }

        /**
         * @param d the delimiter, 0 to detect it
         * @return these options with that delimiter
         */
        public Options withDelimiter(char d) {
            return new Options(idColumn, timeColumn, valueColumn, d, frequency);
        }

        /**
         * @param f every series' frequency, null to infer it
         * @return these options with that frequency
         */
        public Options withFrequency(Frequency f) {
            return new Options(idColumn, timeColumn, valueColumn, delimiter, f);
        }
    }

    private LongCsv() {
    }

    /**
     * Reads a UTF-8 file with the default options.
     *
     * @param file the CSV file
     * @return the table
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if the file is empty, its header lacks a column, no row
     *     can be used, or its quoting is broken (naming the line)
     */
    public static SeriesTable read(Path file) throws IOException {
        return read(file, Options.defaults());
    }

    /**
     * Reads a UTF-8 file.
     *
     * @param file the CSV file
     * @param options columns, delimiter, frequency
     * @return the table
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException as {@link #read(Path)}
     */
    public static SeriesTable read(Path file, Options options) throws IOException {
        Objects.requireNonNull(file, "file");
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, file.toString(), options);
        }
    }

    /**
     * Reads CSV text; a leading byte order mark is skipped.
     *
     * @param reader the text (not closed here)
     * @param source how the input is named in messages
     * @param options columns, delimiter, frequency
     * @return the table
     * @throws IOException if reading fails
     * @throws IllegalArgumentException as {@link #read(Path)}
     */
    public static SeriesTable read(Reader reader, String source, Options options) throws IOException {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(options, "options");
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
        in.mark(1);
        if (in.read() != '\uFEFF') { // spreadsheet programs start UTF-8 files with one
            in.reset();
        }
        char delimiter = options.delimiter() != 0 ? options.delimiter() : detectDelimiter(in, source);
        CsvRows rows = new CsvRows(in, delimiter, source);
        List<String> header = rows.next();
        if (header == null || header.size() == 1 && header.get(0).isEmpty()) {
            throw new IllegalArgumentException(source + " is empty (expected a header line such as "
                    + options.idColumn() + "," + options.timeColumn() + "," + options.valueColumn() + ")");
        }
        Map<String, Integer> columns = new HashMap<>();
        for (int i = header.size() - 1; i >= 0; i--) {
            columns.put(header.get(i), i);
        }
        int id = column(columns, header, options.idColumn(), "id", source, delimiter);
        int time = column(columns, header, options.timeColumn(), "time", source, delimiter);
        int value = column(columns, header, options.valueColumn(), "value", source, delimiter);
        int width = header.size();
        SeriesTableBuilder table = null;
        ReadProblems early = new ReadProblems("line");
        long count = 0;
        for (List<String> row = rows.next(); row != null; row = rows.next()) {
            count++;
            long line = rows.line();
            ReadProblems problems = table == null ? early : table.problems;
            if (row.size() != width) {
                problems.add(ReadProblems.Kind.BAD_ROW, line, "expected " + width + " fields, got " + row.size());
                continue;
            }
            String name = row.get(id);
            if (name.isEmpty()) {
                problems.add(ReadProblems.Kind.BAD_ROW, line, "empty series name");
                continue;
            }
            String timeText = row.get(time);
            if (table == null) {
                TimeText format = TimeText.detect(timeText);
                if (format == null) {
                    problems.add(ReadProblems.Kind.BAD_ROW, line, "time is not a whole number, month, date or timestamp: '"
                            + timeText + "'");
                    continue;
                }
                table = new SeriesTableBuilder(format, "line").frequency(options.frequency());
                early.copyInto(table.problems);
            }
            long key;
            try {
                key = table.text.parse(timeText);
            } catch (IllegalArgumentException e) {
                table.problems.add(ReadProblems.Kind.BAD_ROW, line, e.getMessage());
                continue;
            }
            double v;
            String text = row.get(value);
            if (text.isEmpty() || text.equalsIgnoreCase("NA") || text.equalsIgnoreCase("NaN")) {
                v = Double.NaN;
            } else {
                try {
                    v = Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    table.problems.add(ReadProblems.Kind.BAD_ROW, line, "value is not a number: '" + text + "'");
                    continue;
                }
                if (Double.isInfinite(v)) {
                    table.problems.add(ReadProblems.Kind.BAD_ROW, line, "value is infinite: '" + text + "'");
                    continue;
                }
            }
            table.addKey(name, key, v, line);
        }
        if (count == 0) {
            throw new IllegalArgumentException(source + " has a header but no data rows");
        }
        if (table == null || table.seriesCount() == 0) {
            ReadProblems p = table == null ? early : table.problems;
            List<String> examples = p.examples();
            String first = examples.isEmpty() ? ""
                    : " (" + examples.get(0) + (count > 1 ? ", and " + (count - 1) + " more" : "") + ")";
            throw new IllegalArgumentException(source + ": none of its " + count + " rows can be used" + first);
        }
        table.setRows(count);
        return table.build(source);
    }

    /** The most frequent candidate delimiter of the header line (comma if none occurs). */
    static char detectDelimiter(BufferedReader reader, String source) throws IOException {
        reader.mark(1 << 16);
        String header = reader.readLine();
        reader.reset();
        if (header == null || header.isBlank()) {
            throw new IllegalArgumentException(source + " is empty (expected a header line such as series,time,value)");
        }
        char best = ',';
        int bestCount = 0;
        for (char c : DELIMITERS) {
            int n = 0;
            for (int i = 0; i < header.length(); i++) {
                n += header.charAt(i) == c ? 1 : 0;
            }
            if (n > bestCount) {
                best = c;
                bestCount = n;
            }
        }
        return best;
    }

    private static int column(Map<String, Integer> columns, List<String> header, String name, String role,
            String source, char delimiter) {
        Integer index = columns.get(name);
        if (index == null) {
            throw new MissingColumnException(source + ": the header has no column '" + name + "' (it has "
                    + String.join(", ", header) + "; delimiter '" + (delimiter == '\t' ? "\\t" : delimiter) + "')",
                    role);
        }
        return index;
    }
}
