package io.lagrs;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Named regressor columns for a whole batch in the flat layout of
 * {@link ModelSpec#fitAll(double[], int[], BatchRegressors, BatchOptions)}: each column is one
 * {@code double[]} over all series, cut by the series' offsets (column j of series i is
 * {@code columns[j][offsets[i] .. offsets[i+1])}). Future values for
 * {@link ModelSpec#forecastAll(double[], int[], BatchRegressors, BatchRegressors, int, double[], BatchOptions)}
 * use the same class with {@code h} values per series, series after series (series i's are
 * {@code columns[j][i*h .. (i+1)*h)}).
 *
 * <p>The arrays are not copied (a batch may hold millions of values): do not change them
 * while a call reads them. The names and their order are kept.
 */
public final class BatchRegressors {
    private final String[] names;
    private final double[][] columns;

    private BatchRegressors(String[] names, double[][] columns) {
        this.names = names;
        this.columns = columns;
    }

    /**
     * Columns with their names, {@code columns[j]} named {@code names[j]}.
     *
     * @param names distinct, non-empty column names
     * @param columns one array per column, all of one length
     * @return the regressors (the arrays themselves, not copies)
     * @throws NullPointerException if an argument, a name or a column is null
     * @throws IllegalArgumentException if the lengths of names and columns differ, a name is
     *     empty or used twice, or the columns differ in length (named)
     */
    public static BatchRegressors of(String[] names, double[][] columns) {
        Checks.notNull(names, "names");
        Checks.notNull(columns, "columns");
        if (names.length != columns.length) {
            throw new IllegalArgumentException(names.length + " names for " + columns.length + " columns");
        }
        String[] n = names.clone();
        double[][] c = columns.clone();
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < n.length; j++) {
            Checks.notNull(n[j], "names[" + j + "]");
            Checks.notNull(c[j], "column '" + n[j] + "'");
            if (n[j].isEmpty()) {
                throw new IllegalArgumentException("names[" + j + "] is empty");
            }
            if (!seen.add(n[j])) {
                throw new IllegalArgumentException("column name '" + n[j] + "' is used twice");
            }
            if (c[j].length != c[0].length) {
                throw new IllegalArgumentException("column '" + n[j] + "' has " + c[j].length + " values, column '"
                        + n[0] + "' has " + c[0].length);
            }
        }
        return new BatchRegressors(n, c);
    }

    /**
     * Unnamed columns, named as {@link Regressors#unnamed(double[][])} names them
     * ({@code xreg}, or {@code xreg1}, {@code xreg2}, ...).
     *
     * @param columns one array per column, all of one length
     * @return the regressors (the arrays themselves, not copies)
     * @throws NullPointerException if columns or a column is null
     * @throws IllegalArgumentException if the columns differ in length
     */
    public static BatchRegressors unnamed(double[][] columns) {
        Checks.notNull(columns, "xreg");
        String[] names = new String[columns.length];
        for (int j = 0; j < names.length; j++) {
            names[j] = columns.length == 1 ? "xreg" : "xreg" + (j + 1);
        }
        return of(names, columns);
    }

    /**
     * The column names, in order.
     *
     * @return an unmodifiable list
     */
    public List<String> names() {
        return List.of(names);
    }

    /**
     * The number of columns.
     *
     * @return the column count
     */
    public int size() {
        return names.length;
    }

    String[] namesArray() {
        return names.clone();
    }

    /** The columns themselves (the native side only reads them). */
    double[][] columnsArray() {
        return columns.clone();
    }

    /**
     * Every column holds {@code expected} values, or an IAE naming {@code argument}, the
     * column, and {@code what} the count is.
     */
    void requireLength(String argument, long expected, String what) {
        for (int j = 0; j < names.length; j++) {
            if (columns[j].length != expected) {
                throw new IllegalArgumentException(argument + " column '" + names[j] + "' has " + columns[j].length
                        + " values; " + what + " is " + expected);
            }
        }
    }

    /**
     * The columns in the order of {@code wanted} (the fit's names): a name missing here or one
     * that is not wanted is an error naming it and {@code argument}.
     */
    double[][] inOrder(String[] wanted, String argument) {
        List<String> have = List.of(names);
        List<String> need = List.of(wanted);
        for (String name : need) {
            if (!have.contains(name)) {
                throw new IllegalArgumentException(argument + " has no column '" + name + "' (the regressors: "
                        + String.join(", ", wanted) + ")");
            }
        }
        for (String name : have) {
            if (!need.contains(name)) {
                throw new IllegalArgumentException(argument + " column '" + name + "' is not a regressor (the regressors: "
                        + (wanted.length == 0 ? "none" : String.join(", ", wanted)) + ")");
            }
        }
        double[][] out = new double[wanted.length][];
        for (int j = 0; j < wanted.length; j++) {
            out[j] = columns[have.indexOf(wanted[j])];
        }
        return out;
    }

    /**
     * The columns as future values for {@code batch}: in the order of its regressors (those of
     * its first fitted model: the models of one fit share them), {@code h} per series.
     */
    double[][] futureFor(ModelBatch batch, int h) {
        String[] wanted = new String[0];
        for (int i = 0; i < batch.size(); i++) {
            if (batch.succeeded(i)) {
                try (FittedModel m = batch.model(i)) {
                    wanted = m.regressorNames();
                }
                break;
            }
        }
        double[][] out = inOrder(wanted, "futureXreg");
        if (h >= 1) {
            of(wanted, out).requireLength("futureXreg", (long) h * batch.size(), "h x series");
        }
        return out;
    }

    /** Series i's h rows of every column. */
    static double[][] rows(double[][] columns, int i, int h) {
        double[][] out = new double[columns.length][];
        for (int j = 0; j < columns.length; j++) {
            out[j] = java.util.Arrays.copyOfRange(columns[j], i * h, (i + 1) * h);
        }
        return out;
    }

    /** The names and the number of values of each column. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("BatchRegressors[");
        for (int j = 0; j < names.length; j++) {
            s.append(j == 0 ? "" : ", ").append(names[j]).append(" (").append(columns[j].length).append(')');
        }
        return s.append(']').toString();
    }
}
