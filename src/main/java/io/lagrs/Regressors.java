package io.lagrs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Named regressor columns (R's {@code xreg}): promotions, prices, holiday dummies, one value per
 * time point in each column. Used to fit ({@link ModelSpec#fit(double[], Regressors)}: one value
 * per observation) and to forecast ({@link FittedModel#forecast(int, double, Regressors)}: one
 * value per future step). Immutable: the factories copy the arrays.
 *
 * <p>The order of the columns is the order of the model's regressor coefficients. Forecasts
 * match future columns to the model's regressors by name, so the future values may come in any
 * order; a missing or an extra name is an error, never a silent zero or an ignored column.
 */
public final class Regressors {
    private final String[] names;
    private final double[][] columns;

    private Regressors(String[] names, double[][] columns) {
        this.names = names;
        this.columns = columns;
    }

    /**
     * Columns with their names, {@code columns[j]} named {@code names[j]}.
     *
     * @param names distinct, non-empty column names
     * @param columns one array per column
     * @return the regressors (copies of the arrays)
     * @throws NullPointerException if an argument, a name or a column is null
     * @throws IllegalArgumentException if the lengths of names and columns differ, or a name
     *     is empty or used twice
     */
    public static Regressors of(String[] names, double[][] columns) {
        Checks.notNull(names, "names");
        Checks.notNull(columns, "columns");
        if (names.length != columns.length) {
            throw new IllegalArgumentException(names.length + " names for " + columns.length + " columns");
        }
        String[] n = names.clone();
        double[][] c = new double[columns.length][];
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < n.length; j++) {
            Checks.notNull(n[j], "names[" + j + "]");
            c[j] = Checks.notNull(columns[j], "column '" + n[j] + "'").clone();
            if (n[j].isEmpty()) {
                throw new IllegalArgumentException("names[" + j + "] is empty");
            }
            if (!seen.add(n[j])) {
                throw new IllegalArgumentException("column name '" + n[j] + "' is used twice");
            }
        }
        return new Regressors(n, c);
    }

    /**
     * Columns by name, in the map's iteration order (use a {@link java.util.LinkedHashMap} to
     * choose it; it decides only the order of the coefficients).
     *
     * @param columns one array per column name
     * @return the regressors (copies of the arrays)
     * @throws NullPointerException if the map, a name or a column is null
     * @throws IllegalArgumentException if a name is empty
     */
    public static Regressors of(Map<String, double[]> columns) {
        Checks.notNull(columns, "columns");
        List<String> names = new ArrayList<>(columns.size());
        List<double[]> values = new ArrayList<>(columns.size());
        columns.forEach((name, column) -> {
            names.add(name);
            values.add(column);
        });
        return of(names.toArray(String[]::new), values.toArray(double[][]::new));
    }

    /**
     * Unnamed columns, named as R's {@code auto.arima} names the columns of an unnamed matrix:
     * {@code xreg} for one column, {@code xreg1}, {@code xreg2}, ... for several.
     *
     * @param columns one array per column
     * @return the regressors (copies of the arrays)
     * @throws NullPointerException if columns or a column is null
     */
    public static Regressors unnamed(double[][] columns) {
        Checks.notNull(columns, "xreg");
        String[] names = new String[columns.length];
        for (int j = 0; j < names.length; j++) {
            names[j] = columns.length == 1 ? "xreg" : "xreg" + (j + 1);
            Checks.notNull(columns[j], "xreg[" + j + "]");
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

    /**
     * One column's values.
     *
     * @param name a column name
     * @return a copy of the column
     * @throws IllegalArgumentException if there is no such column
     */
    public double[] column(String name) {
        return columns[index(name, "")].clone();
    }

    String[] namesArray() {
        return names.clone();
    }

    /** The columns themselves (not copied: the caller only reads them). */
    double[][] columnsArray() {
        return columns;
    }

    /**
     * The columns in the order of {@code wanted} (a model's regressors): a name missing here, or
     * one here the model does not use, is an error naming it.
     */
    double[][] inOrder(String[] wanted, String what) {
        double[][] out = new double[wanted.length][];
        for (int j = 0; j < wanted.length; j++) {
            out[j] = columns[index(wanted[j], " (" + what + " needs " + String.join(", ", wanted) + ")")];
        }
        List<String> used = Arrays.asList(wanted);
        for (String name : names) {
            if (!used.contains(name)) {
                throw new IllegalArgumentException("future regressor '" + name + "' is not a regressor of the model ("
                        + (wanted.length == 0 ? "it has none" : "its regressors: " + String.join(", ", wanted)) + ")");
            }
        }
        return out;
    }

    private int index(String name, String why) {
        for (int j = 0; j < names.length; j++) {
            if (names[j].equals(name)) {
                return j;
            }
        }
        throw new IllegalArgumentException("no regressor column '" + name + "'" + why);
    }

    /** The names and the number of values of each column. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Regressors[");
        for (int j = 0; j < names.length; j++) {
            s.append(j == 0 ? "" : ", ").append(names[j]).append(" (").append(columns[j].length).append(')');
        }
        return s.append(']').toString();
    }
}
