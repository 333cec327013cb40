package io.lagrs;

/** The native entry points every batch of fitted models shares (jni/src/model_batches.rs). */
final class NativeBatches {
    private NativeBatches() {
    }

    static native void free0(long handle);

    static native String error0(long handle, int i);

    static native long model0(long handle, int i);

    static native String[] labels0(long handle);

    static native double[][] forecast0(long handle, int h, double[] levels);

    static native double[][] forecastXreg0(long handle, int h, double[] levels, double[][] future);
}
