package io.lagrs;

/**
 * The models of many series fitted at once by {@link Arima#fitAll(double[][], BatchOptions)}
 * (or its flat {@code values + offsets} form). One series that cannot be fitted never fails the
 * others: {@link #succeeded(int)} tells which did, {@link #error(int)} why one did not.
 * Holds native state: close it; a {@link java.lang.ref.Cleaner} frees it if you forget.
 * A {@link ModelBatch} whose models are all ARIMA. Every method is safe to call from many
 * threads at once; after {@link #close()} every method but {@link #size()} and
 * {@link #isClosed()} throws {@link IllegalStateException}.
 */
public final class ArimaBatch extends NativeModelBatch {
    ArimaBatch(long handle, int size) {
        super(handle, size, "ArimaBatch");
    }

    /**
     * The model of series {@code i}, as an {@link ArimaModel} of its own that stays valid after
     * this batch is closed; close it too.
     *
     * @param i index of the series, in input order
     * @return a new model, independent of this batch's lifetime
     * @throws IllegalStateException if series i could not be fitted (see {@link #error(int)})
     */
    @Override
    public ArimaModel model(int i) {
        return new ArimaModel(modelHandle(i));
    }

    /** The plain all-cores batch fit without controls (kept for the handle-validation tests). */
    static native long fitAll0(int[] order, boolean includeMean, boolean includeDrift, double[][] series);
}
