package io.lagrs.table;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Regressor columns of a long-format CSV (promotions, prices: one row per series and time),
 * kept by series and time key without a grid, so that any set of times can be looked up: the
 * observed times of a series (its fit) or the times after its end (the forecast's future
 * values, from a second file with the same id and time columns). A row without a value is a
 * missing value (NaN): callers refuse it by series and time, never read it as zero.
 */
public final class RegressorColumns {
    private final String source;
    private final List<String> names;
    private final TimeType type;
    private final Map<String, Map<Long, double[]>> rows;

    private RegressorColumns(String source, List<String> names, TimeType type, Map<String, Map<Long, double[]>> rows) {
        this.source = source;
        this.names = names;
        this.type = type;
        this.rows = rows;
    }

    /**
     * Reads the columns {@code names} of a long CSV.
     *
     * @param reader the CSV, header first
     * @param source the file's name, for messages
     * @param idColumn the column naming the series
     * @param timeColumn the column with the time
     * @param names the regressor columns, in order
     * @param delimiter the field delimiter, or 0 to detect it
     * @return the values by series and time
     * @throws IOException if reading fails
     * @throws IllegalArgumentException if a column is missing, a time is not in the file's
     *     format, or a value is not a number (each with its line)
     */
    public static RegressorColumns read(Reader reader, String source, String idColumn, String timeColumn,
            List<String> names, char delimiter) throws IOException {
        Objects.requireNonNull(reader, "reader");
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
        in.mark(1);
        if (in.read() != '\uFEFF') {
            in.reset();
        }
        char d = delimiter != 0 ? delimiter : LongCsv.detectDelimiter(in, source);
        CsvRows csv = new CsvRows(in, d, source);
        List<String> header = csv.next();
        if (header == null) {
            throw new IllegalArgumentException(source + " is empty (expected a header line)");
        }
        int id = index(header, idColumn, source);
        int time = index(header, timeColumn, source);
        int[] columns = new int[names.size()];
        for (int j = 0; j < columns.length; j++) {
            columns[j] = index(header, names.get(j), source);
        }
        TimeText text = null;
        Map<String, Map<Long, double[]>> rows = new HashMap<>();
        for (List<String> row = csv.next(); row != null; row = csv.next()) {
            String at = source + " line " + csv.line();
            if (row.size() != header.size()) {
                throw new IllegalArgumentException(at + ": expected " + header.size() + " fields, got " + row.size());
            }
            if (text == null) {
                text = TimeText.detect(row.get(time));
                if (text == null) {
                    throw new IllegalArgumentException(at + ": time is not a whole number, month, date or timestamp: '"
                            + row.get(time) + "'");
                }
            }
            long key = text.parse(row.get(time));
            double[] values = new double[columns.length];
            for (int j = 0; j < columns.length; j++) {
                values[j] = number(row.get(columns[j]), at, names.get(j));
            }
            // of two rows with one time the first is kept, as the series reader does
            rows.computeIfAbsent(row.get(id), k -> new HashMap<>()).putIfAbsent(key, values);
        }
        return new RegressorColumns(source, List.copyOf(names), text == null ? null : text.type, rows);
    }

    private static int index(List<String> header, String name, String source) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException(source + " has no column '" + name + "' (its columns: "
                    + String.join(", ", header) + ")");
        }
        return i;
    }

    private static double number(String text, String at, String column) {
        if (text.isEmpty() || text.equalsIgnoreCase("NA") || text.equalsIgnoreCase("NaN")) {
            return Double.NaN;
        }
        try {
            double v = Double.parseDouble(text);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(at + ": column '" + column + "' is not a finite number: '" + text + "'");
    }

    /**
     * The regressors of series {@code id} at the time keys {@code keys} (of {@link #timeType()}),
     * {@code out[j][k]} for column j; NaN where the file has no row or no value.
     *
     * @param id a series name
     * @param keys time keys
     * @return one array per column
     */
    public double[][] at(String id, long[] keys) {
        Map<Long, double[]> series = rows.getOrDefault(id, Map.of());
        double[][] out = new double[names.size()][keys.length];
        for (int k = 0; k < keys.length; k++) {
            double[] row = series.get(keys[k]);
            for (int j = 0; j < names.size(); j++) {
                out[j][k] = row == null ? Double.NaN : row[j];
            }
        }
        return out;
    }

    /**
     * The type of the file's times, null when it has no data rows.
     *
     * @return the time type
     */
    public TimeType timeType() {
        return type;
    }

    /**
     * The file's name, as given.
     *
     * @return the source
     */
    public String source() {
        return source;
    }

    /**
     * The column names, in order.
     *
     * @return the names
     */
    public List<String> names() {
        return names;
    }
}
