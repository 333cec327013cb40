package io.lagrs;

/**
 * How far a batch call ({@link Arima#fitAll(double[][], BatchOptions)}) has come.
 *
 * @param done series finished so far, fitted or failed
 * @param failed of {@code done}, the series that could not be fitted
 * @param total series in the call
 */
public record BatchProgress(int done, int failed, int total) {
    /**
     * @param done series finished so far, fitted or failed
     * @param failed of {@code done}, the series that could not be fitted
     * @param total series in the call
     * @throws IllegalArgumentException unless {@code 0 <= failed <= done <= total}
     */
    public BatchProgress {
        if (failed < 0 || done < failed || total < done) {
            throw new IllegalArgumentException("need 0 <= failed <= done <= total, got failed=" + failed
                    + ", done=" + done + ", total=" + total);
        }
    }

    /**
     * {@code done / total}, in [0, 1]; 1 for an empty batch.
     *
     * @return the fraction of series finished
     */
    public double fraction() {
        return total == 0 ? 1.0 : (double) done / total;
    }
}
