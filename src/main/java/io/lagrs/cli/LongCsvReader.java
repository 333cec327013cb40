package io.lagrs.cli;

import io.lagrs.table.LongCsv;
import io.lagrs.table.SeriesTable;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line's input: the library's long-CSV reader ({@link LongCsv}) on the file the
 * options name, or on the bundled sample, with a progress bar of the bytes read; its messages
 * become one-line {@link UserError}s that name the option to change.
 */
final class LongCsvReader {
    static final String SAMPLE = "/io/lagrs/sample/sales.csv";

    private LongCsvReader() {
    }

    /**
     * Reads the input the options name (or the bundled sample).
     *
     * @throws UserError if the file is missing, unreadable or empty, or its header lacks a column
     */
    static SeriesTable read(InputOptions options) {
        return read(options, false);
    }

    /**
     * Reads the input; with {@code progress}, a bar of the bytes read is shown once reading has
     * taken over a second and standard error is a terminal (see {@link Progress}).
     */
    static SeriesTable read(InputOptions options, boolean progress) {
        String source = options.inputName();
        long size = 0;
        try {
            size = options.input == null || !Files.isRegularFile(options.input) ? 0 : Files.size(options.input);
        } catch (IOException e) {
            size = 0;
        }
        LongCsv.Options how = LongCsv.Options.defaults()
                .columns(options.idColumn, options.timeColumn, options.valueColumn)
                .withDelimiter(options.delimiterChar()).withFrequency(options.frequency);
        try (Progress bar = new Progress("reading", Math.max(1, size / (1 << 20)), progress && size > 0);
                BufferedReader reader = open(options.input, bar)) {
            return LongCsv.read(reader, source, how);
        } catch (LongCsv.MissingColumnException e) {
            String option = switch (e.role()) {
                case "id" -> "--id-col";
                case "time" -> "--time-col";
                default -> "--value-col";
            };
            throw new UserError(e.getMessage() + "; name it with " + option, e);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new UserError("cannot read " + source + ": " + e.getCause().getMessage(), e);
        } catch (IOException e) {
            throw new UserError("cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    /** The series of a table in the command line's form, in table order. */
    static List<RegularSeries> series(SeriesTable table) {
        List<RegularSeries> out = new ArrayList<>(table.size());
        for (int i = 0; i < table.size(); i++) {
            out.add(new RegularSeries(table, i));
        }
        return out;
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
        return new BufferedReader(new InputStreamReader(new CountingStream(in, bar), StandardCharsets.UTF_8), 1 << 16);
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
}
