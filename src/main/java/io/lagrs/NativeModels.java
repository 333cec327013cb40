package io.lagrs;

/**
 * The native entry points every fitted model shares, whatever its family, and the choice of
 * the Java class that wraps a native model (jni/src/models.rs).
 */
final class NativeModels {
    /** The arrays every model hands out; codes shared with the native library (NativeContractTest). */
    enum Vector { FITTED, RESIDUALS }

    /** The numbers every model hands out; codes shared with the native library (NativeContractTest). */
    enum Scalar { SIGMA2, LOG_LIKELIHOOD, AIC, AICC, BIC }

    /** ARIMA's family code, whose models Java wraps as {@link ArimaModel} (NativeContractTest). */
    static final int ARIMA_FAMILY = 1;

    /** ETS's family code, whose models Java wraps as {@link EtsModel} (NativeContractTest). */
    static final int ETS_FAMILY = 3;

    private NativeModels() {
    }

    /** The Java object for a new native model: its family's class, or the generic one. */
    static FittedModel wrap(long handle) {
        int family;
        try {
            family = family0(handle);
        } catch (RuntimeException | Error e) {
            free0(handle);
            throw e;
        }
        if (family == ETS_FAMILY) {
            return new EtsModel(handle);
        }
        return family == ARIMA_FAMILY ? new ArimaModel(handle) : new GenericModel(handle);
    }

    static native void free0(long handle);

    static native int family0(long handle);

    static native String label0(long handle);

    static native double[] forecast0(long handle, int h, double[] levels);

    static native double[] forecastXreg0(long handle, int h, double[] levels, double[][] future);

    static native String[] regressorNames0(long handle);

    static native double[] vector0(long handle, int which);

    static native double scalar0(long handle, int which);

    static native long forward0(long handle, double[] y, long cancel);

    static native byte[] toBytes0(long handle);

    static native long fromBytes0(byte[] bytes);
}
