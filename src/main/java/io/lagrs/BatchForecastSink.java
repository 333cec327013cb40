package io.lagrs;

/**
 * Receives the forecasts of a streamed {@link ModelSpec#forecastAll(double[], int[], int, double[],
 * BatchOptions, BatchForecastSink)} a chunk at a time, for batches whose results do not fit in
 * memory at once.
 *
 * <p>Called on the calling thread, chunk after chunk in series order, while no native work of
 * the call is under way and lagrs holds no lock of its own. Anything it throws (an
 * {@code Error} too) stops the call with a {@link java.util.concurrent.CancellationException}
 * whose cause it is, as for a progress listener that throws.
 */
@FunctionalInterface
public interface BatchForecastSink {
    /**
     * Takes one chunk's forecasts.
     *
     * @param first the index of the chunk's first series in the whole batch: the chunk's series
     *     {@code i} is series {@code first + i} of the input
     * @param chunk the chunk's forecasts, errors and labels (its own arrays: lagrs keeps no
     *     reference to it once this method returns, so it may be kept or dropped)
     */
    void accept(int first, BatchForecast chunk);
}
