package io.lagrs.cli;

import java.io.Flushable;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;

/**
 * Writes CSV rows as commons-csv's default format does, with one addition for spreadsheets:
 * a text cell from the data (a series name, an error message) that starts with {@code =},
 * {@code +}, {@code -}, {@code @}, tab or carriage return, which a spreadsheet would run as a
 * formula, is written as text the way OWASP recommends against CSV injection: prefixed with a
 * single quote and wrapped in double quotes ({@code =1+2} becomes {@code "'=1+2"}). Numbers
 * and times are never changed, so {@code -5} stays a number. commons-csv decides quoting per
 * format, not per cell, hence this wrapper.
 */
final class CsvWriter implements Flushable {
    private static final CSVFormat PLAIN = CSVFormat.DEFAULT;
    private static final CSVFormat QUOTED = CSVFormat.DEFAULT.builder().setQuoteMode(QuoteMode.ALL).get();
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final Writer out;
    private boolean newRow = true;

    CsvWriter(Writer out) {
        this.out = out;
    }

    /** A cell from the data: a spreadsheet will read it as text. */
    CsvWriter text(String cell) throws IOException {
        if (!cell.isEmpty() && FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0) {
            QUOTED.print("'" + cell, out, newRow);
        } else {
            PLAIN.print(cell, out, newRow);
        }
        newRow = false;
        return this;
    }

    /** A cell we made (a number, a time, a header name), written as it is. */
    CsvWriter plain(String cell) throws IOException {
        PLAIN.print(cell, out, newRow);
        newRow = false;
        return this;
    }

    void endRow() throws IOException {
        PLAIN.println(out);
        newRow = true;
    }

    /** A whole row of cells we made (a header). */
    void plainRow(List<String> cells) throws IOException {
        for (String cell : cells) {
            plain(cell);
        }
        endRow();
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }
}
