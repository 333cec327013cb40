package io.lagrs;

/** The native call behind {@link DemandClassification} (a record cannot declare it). */
final class DemandNatives {
    static {
        NativeLibrary.load();
    }

    private DemandNatives() {
    }

    /** {@code {adi, cv2, demands, DemandPattern ordinal}} of one series. */
    static native double[] classify0(double[] y);
}
