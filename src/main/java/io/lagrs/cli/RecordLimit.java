package io.lagrs.cli;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.util.Locale;

/**
 * Passes CSV text through to the parser while following its quotes, so that a row longer than
 * {@link #MAX_CHARS} characters, or a quoted field still open at the end of the input, stops
 * the read with one line naming the line where it began. Without this a stray quote makes the
 * parser take the rest of the file as one field: a clear error for a small file, but for a
 * large one (or a pipe) it fills the heap first.
 *
 * <p>The quoting followed is the default format's: a field is quoted when it starts (after
 * spaces) with {@code "}, and {@code ""} inside it is a quote.
 */
final class RecordLimit extends FilterReader {
    /** The longest row (quoted line breaks included), in characters: 1 MiB. */
    static final int MAX_CHARS = 1 << 20;

    private enum State { FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED }

    private final char delimiter;
    private final String source;
    private State state = State.FIELD_START;
    private long line = 1;
    private long rowLine = 1;
    private long quoteLine;
    private int rowChars;
    private boolean afterCr;

    /**
     * @param source how the input is named in messages
     */
    RecordLimit(Reader in, char delimiter, String source) {
        super(in);
        this.delimiter = delimiter;
        this.source = source;
    }

    @Override
    public int read() throws IOException {
        int c = in.read();
        if (c < 0) {
            atEnd();
        } else {
            step((char) c);
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n < 0) {
            atEnd();
        }
        for (int i = offset; i < offset + n; i++) {
            step(buffer[i]);
        }
        return n;
    }

    /** Skipped text is read, so that it is followed too. */
    @Override
    public long skip(long n) throws IOException {
        char[] buffer = new char[(int) Math.min(n, 8192)];
        long skipped = 0;
        while (skipped < n) {
            int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public void mark(int readAheadLimit) throws IOException {
        throw new IOException("mark is not supported");
    }

    @Override
    public void reset() throws IOException {
        throw new IOException("reset is not supported");
    }

    private void atEnd() {
        if (state == State.QUOTED) {
            throw new UserError("cannot parse " + source + ": line " + quoteLine
                    + ": a quoted field opened here is not closed (the input ends inside it; a stray quote?)");
        }
    }

    private void step(char c) {
        boolean lineBreak = c == '\r' || (c == '\n' && !afterCr);
        afterCr = c == '\r';
        if (lineBreak) {
            line++;
        }
        boolean rowEnd = false;
        switch (state) {
            case QUOTED -> state = c == '"' ? State.QUOTE_IN_QUOTED : State.QUOTED;
            case QUOTE_IN_QUOTED -> {
                if (c == '"') {
                    state = State.QUOTED;
                } else {
                    rowEnd = afterField(c);
                }
            }
            case FIELD_START -> {
                if (c == '"') {
                    state = State.QUOTED;
                    quoteLine = line;
                } else if (c != ' ' && c != '\t' || c == delimiter) {
                    rowEnd = afterField(c);
                }
            }
            case UNQUOTED -> rowEnd = afterField(c);
            default -> throw new IllegalStateException(state.toString());
        }
        if (rowEnd) {
            rowChars = 0;
            rowLine = line;
        } else if (++rowChars > MAX_CHARS) {
            throw new UserError(String.format(Locale.ROOT, "cannot parse %s: line %d: %s %,d characters%s", source,
                    state == State.QUOTED ? quoteLine : rowLine,
                    state == State.QUOTED ? "a quoted field opened here is not closed within" : "a row longer than",
                    MAX_CHARS, state == State.QUOTED ? " (a stray quote?)" : ""));
        }
    }

    /** A character outside quotes: ends the field or the row, or continues an unquoted field. */
    private boolean afterField(char c) {
        if (c == '\r' || c == '\n') {
            state = State.FIELD_START;
            return true;
        }
        state = c == delimiter ? State.FIELD_START : State.UNQUOTED;
        return false;
    }
}
