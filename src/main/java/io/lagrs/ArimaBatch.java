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

    /** Fits every row of {@code series}; see {@link Arima#fitAll(double[][], BatchOptions)}. */
    static ArimaBatch fitRows(Arima spec, double[][] series, BatchOptions options) {
        return fitRows("Arima.fitAll", series, options,
                (rows, run) -> fitRows0(spec.orderArray(), spec.meanFlag(), spec.includeDriftFlag(), rows, run),
                ArimaBatch::new);
    }

    /** Fits every series of the flat layout; see {@link Arima#fitAll(double[], int[], BatchOptions)}. */
    static ArimaBatch fitFlat(Arima spec, double[] values, int[] offsets, BatchOptions options) {
        return fitFlat("Arima.fitAll", values, offsets, options, (v, o, run) ->
                fitFlat0(spec.orderArray(), spec.meanFlag(), spec.includeDriftFlag(), v, o, run), ArimaBatch::new);
    }

    /** The plain all-cores batch fit without controls (kept for the handle-validation tests). */
    static native long fitAll0(int[] order, boolean includeMean, boolean includeDrift, double[][] series);

    private static native long fitRows0(int[] order, boolean includeMean, boolean includeDrift,
            double[][] series, long run);

    private static native long fitFlat0(int[] order, boolean includeMean, boolean includeDrift,
            double[] values, int[] offsets, long run);
}
