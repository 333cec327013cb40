package io.lagrs.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams a long-format CSV (one observation a row) into one compact buffer per series: primitive
 * arrays of time keys, values and line numbers, about 20 bytes a row, so a 10-million-row file
 * needs a few hundred megabytes of heap and never the text of the file. A bad row is counted in
 * {@link Problems} with its line number and skipped; it never aborts the read.
 */
final class LongCsvReader {
    static final String SAMPLE = "/io/lagrs/sample/sales.csv";
    private static final char[] DELIMITERS = {',', ';', '\t', '|'};

    /** What was read: the time format, the series in order of first appearance, the problems. */
    record Catalogue(TimeFormat format, List<SeriesBuffer> series, Problems problems, long rows, String source) {
    }

    private LongCsvReader() {
    }

    /**
     * Reads the input the options name (or the bundled sample).
     *
     * @throws UserError if the file is missing, unreadable or empty, or its header lacks a column
     */
    static Catalogue read(InputOptions options) {
        return read(options, false);
    }

    /**
     * Reads the input; with {@code progress}, a bar of the bytes read is shown once reading has
     * taken over a second and standard error is a terminal (see {@link Progress}).
     */
    static Catalogue read(InputOptions options, boolean progress) {
        String source = options.inputName();
        long size = 0;
        try {
            size = options.input == null || !Files.isRegularFile(options.input) ? 0 : Files.size(options.input);
        } catch (IOException e) {
            size = 0;
        }
        try (Progress bar = new Progress("reading", Math.max(1, size / (1 << 20)), progress && size > 0);
                BufferedReader reader = open(options.input, bar)) {
            return read(reader, options, source);
        } catch (UncheckedIOException e) {
            throw new UserError("cannot read " + source + ": " + e.getCause().getMessage(), e);
        } catch (IOException e) {
            throw new UserError("cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    static Catalogue read(BufferedReader reader, InputOptions options, String source) throws IOException {
        char delimiter = options.delimiterChar();
        if (delimiter == 0) {
            delimiter = detectDelimiter(reader, source);
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();
        Problems problems = new Problems();
        Map<String, SeriesBuffer> byName = new HashMap<>();
        List<SeriesBuffer> series = new ArrayList<>();
        TimeFormat timeFormat = null;
        long rows = 0;
        try (CSVParser parser = CSVParser.parse(new RecordLimit(reader, delimiter, source), format)) {
            Map<String, Integer> header = parser.getHeaderMap();
            if (header == null || header.isEmpty()) {
                throw new UserError(source + " is empty (expected a header line such as "
                        + options.idColumn + "," + options.timeColumn + "," + options.valueColumn + ")");
            }
            int id = column(header, options.idColumn, "--id-col", source, delimiter);
            int time = column(header, options.timeColumn, "--time-col", source, delimiter);
            int value = column(header, options.valueColumn, "--value-col", source, delimiter);
            int width = header.size();
            for (CSVRecord row : parser) {
                rows++;
                long line = parser.getCurrentLineNumber();
                if (row.size() != width) {
                    problems.add(Problems.Kind.BAD_ROW, line, "expected " + width + " fields, got " + row.size());
                    continue;
                }
                String name = row.get(id);
                if (name.isEmpty()) {
                    problems.add(Problems.Kind.BAD_ROW, line, "empty series name");
                    continue;
                }
                String timeText = row.get(time);
                if (timeFormat == null) {
                    timeFormat = TimeFormat.detect(timeText);
                    if (timeFormat == null) {
                        problems.add(Problems.Kind.BAD_ROW, line, "time is not a whole number, month, date or timestamp: '"
                                + timeText + "'");
                        continue;
                    }
                }
                long key;
                try {
                    key = timeFormat.parse(timeText);
                } catch (IllegalArgumentException e) {
                    problems.add(Problems.Kind.BAD_ROW, line, e.getMessage());
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
                        problems.add(Problems.Kind.BAD_ROW, line, "value is not a number: '" + text + "'");
                        continue;
                    }
                    if (Double.isInfinite(v)) {
                        problems.add(Problems.Kind.BAD_ROW, line, "value is infinite: '" + text + "'");
                        continue;
                    }
                }
                SeriesBuffer buffer = byName.get(name);
                if (buffer == null) {
                    buffer = new SeriesBuffer(name);
                    byName.put(name, buffer);
                    series.add(buffer);
                }
                buffer.add(key, v, line, timeText, problems);
            }
        } catch (IllegalStateException | UncheckedIOException e) {
            // commons-csv reports unreadable input (e.g. text after a closing quote) this way
            Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
            throw new UserError("cannot parse " + source + ": " + cause.getMessage(), e);
        }
        if (rows == 0) {
            throw new UserError(source + " has a header but no data rows");
        }
        if (series.isEmpty()) {
            // every row was skipped: with nothing to work on, a run cannot succeed
            List<String> examples = problems.examples();
            String first = examples.isEmpty() ? ""
                    : " (" + examples.get(0) + (rows > 1 ? ", and " + (rows - 1) + " more" : "") + ")";
            throw new UserError(source + ": none of its " + rows + " rows can be used" + first);
        }
        return new Catalogue(timeFormat, series, problems, rows, source);
    }

    private static BufferedReader open(Path input, Progress bar) throws IOException {
        InputStream in;
        if (input == null) {
            in = LongCsvReader.class.getResourceAsStream(SAMPLE);
            if (in == null) {
                throw new UserError("the bundled sample data " + SAMPLE + " is missing from the jar");
            }
        } else {
            try {
                if (Files.isDirectory(input)) {
                    throw new UserError("cannot read " + input + ": it is a directory");
                }
                in = Files.newInputStream(input);
            } catch (NoSuchFileException e) {
                throw new UserError("cannot read " + input + ": no such file");
            } catch (AccessDeniedException e) {
                throw new UserError("cannot read " + input + ": permission denied");
            }
        }
        Reader reader = new InputStreamReader(new CountingStream(in, bar), StandardCharsets.UTF_8);
        BufferedReader buffered = new BufferedReader(reader, 1 << 16);
        // spreadsheet programs start UTF-8 files with a byte order mark: not part of the header
        buffered.mark(1);
        if (buffered.read() != '\uFEFF') {
            buffered.reset();
        }
        return buffered;
    }

    /** The most frequent candidate delimiter of the header line (comma if none occurs). */
    static char detectDelimiter(BufferedReader reader, String source) throws IOException {
        reader.mark(1 << 16);
        String header = reader.readLine();
        reader.reset();
        if (header == null || header.isBlank()) {
            throw new UserError(source + " is empty (expected a header line such as series,time,value)");
        }
        char best = ',';
        int bestCount = 0;
        for (char c : DELIMITERS) {
            int n = 0;
            for (int i = 0; i < header.length(); i++) {
                if (header.charAt(i) == c) {
                    n++;
                }
            }
            if (n > bestCount) {
                best = c;
                bestCount = n;
            }
        }
        return best;
    }

    private static int column(Map<String, Integer> header, String name, String option, String source, char delimiter) {
        Integer index = header.get(name);
        if (index == null) {
            throw new UserError(source + ": the header has no column '" + name + "' (it has "
                    + String.join(", ", header.keySet()) + "; delimiter '" + (delimiter == '\t' ? "\\t" : delimiter)
                    + "'); name it with " + option);
        }
        return index;
    }

    /** Counts the bytes read, in mebibytes, for the progress bar. */
    private static final class CountingStream extends java.io.FilterInputStream {
        private final Progress bar;
        private long bytes;

        CountingStream(InputStream in, Progress bar) {
            super(in);
            this.bar = bar;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                long before = bytes >> 20;
                bytes += n;
                if ((bytes >> 20) > before) {
                    bar.step((bytes >> 20) - before);
                }
            }
            return n;
        }
    }

    /**
     * The observations of one series as read: growing primitive arrays. Rows arriving in time
     * order are checked for duplicates on the fly; a series with rows out of order is sorted
     * (stably, so the first of two duplicates is kept) by {@link #finish(Problems)}.
     */
    static final class SeriesBuffer {
        final String name;
        long[] keys = new long[16];
        double[] values = new double[16];
        int[] lines = new int[16];
        int size;
        boolean unsorted;
        /** Time text of the last row, for messages about duplicates. */
        private String lastText;

        SeriesBuffer(String name) {
            this.name = name;
        }

        void add(long key, double value, long line, String text, Problems problems) {
            if (size > 0 && !unsorted) {
                long last = keys[size - 1];
                if (key == last) {
                    problems.add(Problems.Kind.DUPLICATE, line, "duplicate time " + text + " for series " + name
                            + " (the first is kept)");
                    return;
                }
                if (key < last) {
                    unsorted = true;
                    problems.add(Problems.Kind.UNSORTED, line, "time " + text + " of series " + name
                            + " comes after " + lastText + " in the file");
                }
            } else if (unsorted && size > 0 && key < keys[size - 1]) {
                problems.add(Problems.Kind.UNSORTED, line, "time " + text + " of series " + name
                        + " comes after " + lastText + " in the file");
            }
            if (size == keys.length) {
                int capacity = size + (size >> 1) + 1;
                keys = Arrays.copyOf(keys, capacity);
                values = Arrays.copyOf(values, capacity);
                lines = Arrays.copyOf(lines, capacity);
            }
            keys[size] = key;
            values[size] = value;
            lines[size] = (int) Math.min(line, Integer.MAX_VALUE);
            lastText = text;
            size++;
        }

        /** Sorts rows read out of order and drops their duplicate times (reported with line numbers). */
        void finish(Problems problems, TimeFormat format) {
            if (!unsorted) {
                return;
            }
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            // stable: of two rows with one time, the earlier line stays first and is kept
            Arrays.sort(order, (a, b) -> Long.compare(keys[a], keys[b]));
            long[] k = new long[size];
            double[] v = new double[size];
            int[] l = new int[size];
            int n = 0;
            for (int i : order) {
                if (n > 0 && keys[i] == k[n - 1]) {
                    problems.add(Problems.Kind.DUPLICATE, lines[i], "duplicate time "
                            + format.format(keys[i], format.unit(), 1) + " for series " + name
                            + " (the first, line " + l[n - 1] + ", is kept)");
                    continue;
                }
                k[n] = keys[i];
                v[n] = values[i];
                l[n] = lines[i];
                n++;
            }
            keys = k;
            values = v;
            lines = l;
            size = n;
            unsorted = false;
        }

        /** Frees the arrays once the series has been turned into a regular grid. */
        void release() {
            keys = null;
            values = null;
            lines = null;
        }
    }
}
