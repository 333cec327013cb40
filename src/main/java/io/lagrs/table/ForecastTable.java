package io.lagrs.table;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * The forecasts of a {@link Forecaster} run, flat: one row per series, model and future time
 * (id, time in the input's type, model, label, mean, bounds per level), and one result per
 * series and model (its label, or the error that stopped it). Immutable; no native state, no
 * object per series.
 */
public final class ForecastTable {
    private final SeriesTable input;
    private final String[] models;
    private final double[] levels;
    // per result (series x model, series-major)
    private final int[] series;
    private final int[] model;
    private final String[] labels;
    private final String[] errors;
    private final int[] firstRow; // rows of result r: firstRow[r] .. firstRow[r + 1]
    private final int[] origin; // grid point of each result's first future time
    // per row
    private final double[] mean;
    private final double[][] lower;
    private final double[][] upper;

    ForecastTable(SeriesTable input, String[] models, double[] levels, int[] series, int[] model, String[] labels,
            String[] errors, int[] firstRow, int[] origin, double[] mean, double[][] lower, double[][] upper) {
        this.input = input;
        this.models = models;
        this.levels = levels;
        this.series = series;
        this.model = model;
        this.labels = labels;
        this.errors = errors;
        this.firstRow = firstRow;
        this.origin = origin;
        this.mean = mean;
        this.lower = lower;
        this.upper = upper;
    }

    /** @return the number of forecast rows */
    public int size() {
        return mean.length;
    }

    /** @return the interval levels (a copy) */
    public double[] levels() {
        return levels.clone();
    }

    /** @return the model spec texts, as given (a copy) */
    public String[] models() {
        return models.clone();
    }

    /** @return the number of results: series times models */
    public int results() {
        return series.length;
    }

    /**
     * @param r a result, from 0 (series-major: series 0's models first)
     * @return the table position of its series
     */
    public int resultSeries(int r) {
        return series[Objects.checkIndex(r, series.length)];
    }

    /**
     * @param r a result
     * @return its series' id
     */
    public String resultId(int r) {
        return input.id(resultSeries(r));
    }

    /**
     * @param r a result
     * @return its model's spec text as given
     */
    public String resultModel(int r) {
        return models[model[Objects.checkIndex(r, series.length)]];
    }

    /**
     * @param r a result
     * @return R's name of the model fitted (a fallback's where the first failed), null if it failed
     */
    public String resultLabel(int r) {
        return labels[Objects.checkIndex(r, series.length)];
    }

    /**
     * @param r a result
     * @return why that series has no forecast from that model, or null
     */
    public String resultError(int r) {
        return errors[Objects.checkIndex(r, series.length)];
    }

    /**
     * @param r a result
     * @return its number of forecast rows (0 if it failed)
     */
    public int resultRows(int r) {
        Objects.checkIndex(r, series.length);
        return firstRow[r + 1] - firstRow[r];
    }

    private int resultOf(int row) {
        Objects.checkIndex(row, mean.length);
        int r = Arrays.binarySearch(firstRow, row);
        if (r < 0) {
            return -r - 2;
        }
        while (r + 1 < firstRow.length && firstRow[r + 1] == row) {
            r++; // results without rows share their start with the next
        }
        return r;
    }

    /**
     * @param row a forecast row, from 0
     * @return its series' id
     */
    public String id(int row) {
        return input.id(series[resultOf(row)]);
    }

    /**
     * @param row a forecast row
     * @return its model's spec text as given
     */
    public String model(int row) {
        return models[model[resultOf(row)]];
    }

    /**
     * @param row a forecast row
     * @return R's name of the model fitted
     */
    public String label(int row) {
        return labels[resultOf(row)];
    }

    /**
     * @param row a forecast row
     * @return steps ahead, from 1
     */
    public int step(int row) {
        return row - firstRow[resultOf(row)] + 1;
    }

    /**
     * @param row a forecast row
     * @return its time in the input's Java type (Long, YearMonth, LocalDate or Instant)
     */
    public Object time(int row) {
        int r = resultOf(row);
        return input.time(series[r], origin[r] + row - firstRow[r]);
    }

    /**
     * @param row a forecast row
     * @return its time written as the input writes times
     */
    public String timeText(int row) {
        int r = resultOf(row);
        return input.timeText(series[r], origin[r] + row - firstRow[r]);
    }

    /**
     * @param row a forecast row
     * @return the point forecast
     */
    public double mean(int row) {
        return mean[Objects.checkIndex(row, mean.length)];
    }

    /**
     * @param row a forecast row
     * @param k a level index, into {@link #levels()}
     * @return the lower bound at that level (NaN for families without intervals)
     */
    public double lower(int row, int k) {
        return lower[k][Objects.checkIndex(row, mean.length)];
    }

    /**
     * @param row a forecast row
     * @param k a level index
     * @return the upper bound at that level
     */
    public double upper(int row, int k) {
        return upper[k][Objects.checkIndex(row, mean.length)];
    }

    /**
     * Writes the rows as CSV: {@code series,time,model,label,mean,lower_80,upper_80,...}, times
     * as the input writes them, numbers in Java's shortest round-trip form ({@code NA} for NaN).
     *
     * @param out where to write (not closed)
     * @throws IOException if writing fails
     */
    public void writeCsv(Writer out) throws IOException {
        StringBuilder header = new StringBuilder("series,time,model,label,mean");
        for (double level : levels) {
            String pct = percent(level);
            header.append(",lower_").append(pct).append(",upper_").append(pct);
        }
        out.write(header.append('\n').toString());
        StringBuilder line = new StringBuilder();
        for (int r = 0; r < series.length; r++) {
            for (int row = firstRow[r]; row < firstRow[r + 1]; row++) {
                line.setLength(0);
                line.append(quote(input.id(series[r]))).append(',')
                        .append(quote(input.timeText(series[r], origin[r] + row - firstRow[r]))).append(',')
                        .append(quote(models[model[r]])).append(',').append(quote(labels[r])).append(',')
                        .append(number(mean[row]));
                for (int k = 0; k < levels.length; k++) {
                    line.append(',').append(number(lower[k][row])).append(',').append(number(upper[k][row]));
                }
                out.write(line.append('\n').toString());
            }
        }
        out.flush();
    }

    /**
     * Writes the rows as a UTF-8 CSV file ({@link #writeCsv(Writer)}).
     *
     * @param file the file, created or replaced
     * @throws IOException if writing fails
     */
    public void writeCsv(Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writeCsv(w);
        }
    }

    static String percent(double level) {
        double p = level * 100;
        return p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p);
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "NA" : Double.toString(v);
    }

    private static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    @Override
    public String toString() {
        long failed = Arrays.stream(errors).filter(Objects::nonNull).count();
        return String.format(Locale.ROOT, "ForecastTable[rows=%d, series=%d, models=%d, failed=%d]", mean.length,
                input.size(), models.length, failed);
    }
}
