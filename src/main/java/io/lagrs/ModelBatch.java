package io.lagrs;

/**
 * The models of many series fitted at once by {@link ModelSpec#fitAll(double[][], BatchOptions)}
 * (or its flat {@code values + offsets} form), of any family. One series that cannot be fitted
 * never fails the others: {@link #succeeded(int)} tells which did, {@link #error(int)} why one
 * did not. Holds native state: close it; a {@link java.lang.ref.Cleaner} frees it if you forget.
 * Every method is safe to call from many threads at once; after {@link #close()} every method
 * but {@link #size()} and {@link #isClosed()} throws {@link IllegalStateException}.
 */
public interface ModelBatch extends AutoCloseable {
    /**
     * The number of series, fitted or not.
     *
     * @return the number of input series
     */
    int size();

    /**
     * Whether series {@code i} was fitted.
     *
     * @param i index of the series, in input order
     * @return true if a model was fitted
     * @throws IndexOutOfBoundsException unless {@code 0 <= i < size()}
     */
    boolean succeeded(int i);

    /**
     * Why series {@code i} could not be fitted, or {@code null} if it was.
     *
     * @param i index of the series, in input order
     * @return the error message, or null if the series was fitted
     * @throws IndexOutOfBoundsException unless {@code 0 <= i < size()}
     */
    String error(int i);

    /**
     * Every model's label (R's name, {@link FittedModel#label()}), null where a series was not
     * fitted; without opening a model per series.
     *
     * @return one label per series, in input order
     */
    String[] labels();

    /**
     * Forecasts for every series, computed in parallel; null exactly where that series was not
     * fitted.
     *
     * @param h the horizon, 1 to {@value ArimaModel#MAX_HORIZON} steps
     * @param level the interval coverage, in (0, 1), e.g. 0.95
     * @return one forecast per series, in input order; null for a series not fitted
     * @throws IllegalArgumentException if {@code h} is out of range or level is not in (0, 1)
     */
    Forecast[] forecast(int h, double level);

    /**
     * Forecasts for every series at several levels from one computation each; null exactly
     * where that series was not fitted.
     *
     * @param h the horizon, 1 to {@value ArimaModel#MAX_HORIZON} steps
     * @param levels interval coverages, each in (0, 1)
     * @return one forecast per series, in input order; null for a series not fitted
     * @throws NullPointerException if levels is null
     * @throws IllegalArgumentException if {@code h} is out of range or a level is not in (0, 1)
     */
    IntervalForecast[] forecast(int h, double[] levels);

    /**
     * Forecasts for every series of a batch fitted with regressors
     * ({@link ModelSpec#fitAll(double[], int[], BatchRegressors, BatchOptions)}), each with its
     * own future values, computed in parallel; null exactly where that series was not fitted.
     *
     * @param h the horizon, 1 to {@value ArimaModel#MAX_HORIZON} steps
     * @param levels interval coverages, each in (0, 1)
     * @param futureXreg every regressor of the models (by name, any order), {@code h} values
     *     per series, series after series ({@code h * size()} per column; the rows of a series
     *     not fitted are not read)
     * @return one forecast per series, in input order; null for a series not fitted
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if a regressor is missing or not one of the models'
     *     (named), a column has not {@code h * size()} values, a future value a fitted series
     *     needs is not finite (the series and the column named), h is out of range, or a level
     *     is not in (0, 1)
     */
    IntervalForecast[] forecast(int h, double[] levels, BatchRegressors futureXreg);

    /**
     * The model of series {@code i}, as a model of its own that stays valid after this batch
     * is closed; close it too.
     *
     * @param i index of the series, in input order
     * @return a new model handle (it shares the batch's native copy)
     * @throws IllegalStateException if series i could not be fitted (see {@link #error(int)})
     */
    FittedModel model(int i);

    /**
     * The whole batch (every model and every series' error) in a versioned binary format, for
     * {@link #fromBytes(byte[])}: each model as {@link FittedModel#toBytes()} saves it.
     *
     * @return a new array of the saved batch
     * @throws IllegalStateException if the batch is closed
     */
    default byte[] toBytes() {
        return SavedBatch.toBytes(this);
    }

    /**
     * Restores a batch saved by {@link #toBytes()}: the same size, errors and labels, and
     * forecasts equal to the original's.
     *
     * @param bytes the output of {@link #toBytes()}, unchanged
     * @return a new batch, which holds native memory: close it when done
     * @throws NullPointerException if bytes is null
     * @throws IllegalArgumentException if the bytes are not a saved batch, are corrupt or truncated
     */
    static ModelBatch fromBytes(byte[] bytes) {
        return SavedBatch.fromBytes(bytes);
    }

    /**
     * Whether {@link #close()} has been called.
     *
     * @return true once closed
     */
    boolean isClosed();

    /** Frees the native state. Calling it again does nothing. */
    @Override
    void close();
}
