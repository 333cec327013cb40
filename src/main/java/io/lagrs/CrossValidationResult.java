package io.lagrs;

import java.util.List;

/**
 * The result of a {@link CrossValidation}: statsforecast's long table as columns (one row per
 * series, window and step: the series, the cutoff, the time, the actual value and each model's
 * mean and interval bounds), the error of every window that failed, and the accuracy of every
 * model on every series. Immutable; no native state. Every array getter returns a new copy.
 *
 * <p>Times and cutoffs are 0-based positions in the series (the caller maps them to dates):
 * a window's cutoff is its last training observation, as statsforecast's {@code cutoff}.
 * Rows are ordered by series, then window (oldest first), then step; only the series whose
 * windows fit have rows, and a window that failed for a model has NaN in that model's columns.
 *
 * <p>Accuracy pools each series' windows and steps, with the definitions of {@link Accuracy}
 * (R's {@code forecast::accuracy} on a test set): the scaled measures (MASE, RMSSE, MSIS)
 * divide each window's errors by the naive scale of that window's own training data, lag
 * {@link CrossValidation#period()}. {@link #overall} is the mean over the series where the
 * measure is defined (not NaN).
 */
public final class CrossValidationResult {
    /** The measures without a level. */
    public enum Measure {
        /** R's ME: the mean of actual minus forecast. */
        BIAS,
        /** Mean absolute error. */
        MAE,
        /** Root mean squared error. */
        RMSE,
        /** Mean absolute scaled error, as {@link Accuracy#mase}. */
        MASE,
        /** Root mean squared scaled error (M5): squared errors over the mean squared naive difference. */
        RMSSE,
        /** Symmetric MAPE in percent, as {@link Accuracy#smape}. */
        SMAPE
    }

    private final List<String> models;
    private final int h;
    private final double[] levels;
    private final int[] windowSeries;
    private final int[] windowStart;
    private final int[] windowEnd;
    private final String[] seriesErrors;
    private final double[] actual;
    private final double[][][] columns;
    private final String[][] windowErrors;
    private final double[][] accuracy;

    CrossValidationResult(List<String> models, int h, double[] levels, Object[] raw) {
        this.models = models;
        this.h = h;
        this.levels = levels.clone();
        this.windowSeries = (int[]) raw[0];
        this.windowStart = (int[]) raw[1];
        this.windowEnd = (int[]) raw[2];
        this.seriesErrors = (String[]) raw[3];
        this.actual = (double[]) raw[4];
        Object[] perModel = (Object[]) raw[5];
        this.columns = new double[perModel.length][][];
        this.windowErrors = new String[perModel.length][];
        this.accuracy = new double[perModel.length][];
        for (int m = 0; m < perModel.length; m++) {
            Object[] parts = (Object[]) perModel[m];
            columns[m] = (double[][]) parts[0];
            windowErrors[m] = (String[]) parts[1];
            accuracy[m] = (double[]) parts[2];
        }
    }

    /** @return the models' spec texts, in the order of the model indices */
    public List<String> models() {
        return models;
    }

    /** @return the steps forecast from each origin */
    public int horizon() {
        return h;
    }

    /** @return the interval levels, a copy */
    public double[] levels() {
        return levels.clone();
    }

    /** @return the number of input series */
    public int seriesCount() {
        return seriesErrors.length;
    }

    /**
     * @param series index of the series, in input order
     * @return why the series has no windows (too short for them, or cancelled), or null
     * @throws IndexOutOfBoundsException unless {@code 0 <= series < seriesCount()}
     */
    public String seriesError(int series) {
        return seriesErrors[series];
    }

    /** @return the windows of every series that fits them, in row order */
    public int windowCount() {
        return windowSeries.length;
    }

    /** @return for each window, its series */
    public int[] windowSeries() {
        return windowSeries.clone();
    }

    /** @return for each window, its cutoff: the position of its last training observation */
    public int[] windowCutoffs() {
        int[] out = new int[windowEnd.length];
        for (int w = 0; w < out.length; w++) {
            out[w] = windowEnd[w] - 1;
        }
        return out;
    }

    /** @return for each window, the position of its first training observation */
    public int[] windowStarts() {
        return windowStart.clone();
    }

    /**
     * @param model index of the model
     * @param window index of the window, in row order
     * @return why that model has no forecast in that window, or null
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public String windowError(int model, int window) {
        return windowErrors[model][window];
    }

    /** @return the rows of the long table: {@code windowCount() * horizon()} */
    public int rowCount() {
        return actual.length;
    }

    /** @return for each row, its series */
    public int[] series() {
        int[] out = new int[actual.length];
        for (int r = 0; r < out.length; r++) {
            out[r] = windowSeries[r / h];
        }
        return out;
    }

    /** @return for each row, its window's cutoff */
    public int[] cutoffs() {
        int[] out = new int[actual.length];
        for (int r = 0; r < out.length; r++) {
            out[r] = windowEnd[r / h] - 1;
        }
        return out;
    }

    /** @return for each row, the position in its series of the value forecast */
    public int[] times() {
        int[] out = new int[actual.length];
        for (int r = 0; r < out.length; r++) {
            out[r] = windowEnd[r / h] + r % h;
        }
        return out;
    }

    /** @return for each row, the actual value */
    public double[] actual() {
        return actual.clone();
    }

    /**
     * @param model index of the model
     * @return for each row, the model's point forecast (NaN where its window failed)
     * @throws IndexOutOfBoundsException if model is out of range
     */
    public double[] mean(int model) {
        return columns[model][0].clone();
    }

    /**
     * @param model index of the model
     * @param level index of the level in {@link #levels()}
     * @return for each row, the lower bound (NaN where the window failed or the family has no interval)
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public double[] lower(int model, int level) {
        return columns[model][1 + 2 * checkLevel(level)].clone();
    }

    /**
     * @param model index of the model
     * @param level index of the level in {@link #levels()}
     * @return for each row, the upper bound (NaN where the window failed or the family has no interval)
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public double[] upper(int model, int level) {
        return columns[model][2 + 2 * checkLevel(level)].clone();
    }

    /**
     * @param model index of the model
     * @param measure the measure
     * @return for each series, the model's measure (NaN for a series without windows)
     * @throws IndexOutOfBoundsException if model is out of range
     */
    public double[] accuracy(int model, Measure measure) {
        return perSeries(model, measure.ordinal());
    }

    /**
     * @param model index of the model
     * @param level index of the level in {@link #levels()}
     * @return for each series, the share of actuals inside the model's interval
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public double[] coverage(int model, int level) {
        return perSeries(model, Measure.values().length + checkLevel(level));
    }

    /**
     * @param model index of the model
     * @param level index of the level in {@link #levels()}
     * @return for each series, the model's mean scaled interval score
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public double[] msis(int model, int level) {
        return perSeries(model, Measure.values().length + levels.length + checkLevel(level));
    }

    /**
     * @param model index of the model
     * @param measure the measure
     * @return the mean over the series where it is defined; NaN if none is
     * @throws IndexOutOfBoundsException if model is out of range
     */
    public double overall(int model, Measure measure) {
        return meanOf(accuracy(model, measure));
    }

    /**
     * @param model index of the model
     * @param level index of the level in {@link #levels()}
     * @return the share of actuals inside the interval, averaged over the series
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public double overallCoverage(int model, int level) {
        return meanOf(coverage(model, level));
    }

    /**
     * @param model index of the model
     * @param level index of the level in {@link #levels()}
     * @return the MSIS averaged over the series
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public double overallMsis(int model, int level) {
        return meanOf(msis(model, level));
    }

    private double[] perSeries(int model, int k) {
        int width = Measure.values().length + 2 * levels.length;
        double[] row = accuracy[model];
        double[] out = new double[seriesErrors.length];
        for (int s = 0; s < out.length; s++) {
            out[s] = row[s * width + k];
        }
        return out;
    }

    private int checkLevel(int level) {
        if (level < 0 || level >= levels.length) {
            throw new IndexOutOfBoundsException("level index " + level + " out of range for " + levels.length + " levels");
        }
        return level;
    }

    private static double meanOf(double[] values) {
        double sum = 0;
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
