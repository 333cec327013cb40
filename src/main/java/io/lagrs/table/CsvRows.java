package io.lagrs.table;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits CSV text into rows of fields, streaming: RFC 4180 quoting ({@code "a, b"}, {@code ""}
 * for a quote inside quotes, line breaks inside quotes), spaces around fields dropped, empty
 * lines skipped. A row longer than {@link #MAX_CHARS} characters, or a quoted field still open
 * at the end, stops the read with one message naming the line where it began: without the
 * limit a stray quote would make the rest of a large file (or a pipe) one field and fill the
 * heap first.
 */
final class CsvRows {
    /** The longest row (quoted line breaks included), in characters: 1 MiB. */
    static final int MAX_CHARS = 1 << 20;

    private final Reader in;
    private final char delimiter;
    private final String source;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private long line = 1;
    private long rowLine;
    private int pushedBack = -1;
    private final StringBuilder field = new StringBuilder();

    CsvRows(Reader in, char delimiter, String source) {
        this.in = in;
        this.delimiter = delimiter;
        this.source = source;
    }

    /** @return the line the last row returned by {@link #next()} began on */
    long line() {
        return rowLine;
    }

    /**
     * The next row, or null at the end.
     *
     * @throws IllegalArgumentException naming the line if a quote is not closed, text follows a
     *     closing quote, or the row is too long
     */
    List<String> next() throws IOException {
        int c = read();
        while (c == '\r' || c == '\n') { // empty lines
            c = lineBreak(c);
        }
        if (c < 0) {
            return null;
        }
        rowLine = line;
        List<String> row = new ArrayList<>();
        int chars = 0;
        while (true) {
            field.setLength(0);
            while (c == ' ' || c == '\t' && delimiter != '\t') {
                c = read();
                chars = count(chars, rowLine, false);
            }
            if (c == '"') {
                long quoteLine = line;
                while (true) {
                    c = read();
                    chars = count(chars, quoteLine, true);
                    if (c < 0) {
                        throw error(quoteLine, "a quoted field opened here is not closed (the input ends inside it;"
                                + " a stray quote?)");
                    }
                    if (c == '"') {
                        c = read();
                        if (c != '"') {
                            break;
                        }
                    } else if (c == '\r' || c == '\n') {
                        int after = read();
                        if (c == '\r' && after == '\n') {
                            field.append('\r');
                            c = '\n';
                        } else {
                            pushedBack = after;
                        }
                        line++;
                    }
                    field.append((char) c);
                }
                while (c == ' ' || c == '\t' && delimiter != '\t') {
                    c = read();
                }
                if (c >= 0 && c != delimiter && c != '\r' && c != '\n') {
                    throw error(line, "text after a closing quote: '" + (char) c + "' (quote a field whole, and"
                            + " write a quote inside one as \"\")");
                }
                row.add(field.toString());
            } else {
                while (c >= 0 && c != delimiter && c != '\r' && c != '\n') {
                    field.append((char) c);
                    c = read();
                    chars = count(chars, rowLine, false);
                }
                int end = field.length();
                while (end > 0 && (field.charAt(end - 1) == ' ' || field.charAt(end - 1) == '\t')) {
                    end--;
                }
                row.add(field.substring(0, end));
            }
            if (c == delimiter) {
                c = read();
                continue;
            }
            if (c == '\r' || c == '\n') {
                pushedBack = lineBreak(c);
            }
            return row;
        }
    }

    /** Counts the line break c and returns the character after it. */
    private int lineBreak(int c) throws IOException {
        line++;
        int next = read();
        if (c == '\r' && next == '\n') {
            next = read();
        }
        return next;
    }

    private int count(int chars, long from, boolean quoted) {
        if (chars + 1 > MAX_CHARS) {
            throw error(from, String.format(Locale.ROOT, "%s %,d characters%s",
                    quoted ? "a quoted field opened here is not closed within" : "a row longer than", MAX_CHARS,
                    quoted ? " (a stray quote?)" : ""));
        }
        return chars + 1;
    }

    private IllegalArgumentException error(long at, String what) {
        return new IllegalArgumentException("cannot parse " + source + ": line " + at + ": " + what);
    }

    private int read() throws IOException {
        if (pushedBack != -1) {
            int c = pushedBack;
            pushedBack = -1;
            return c;
        }
        if (position == limit) {
            limit = in.read(buffer, 0, buffer.length);
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        return buffer[position++];
    }
}
