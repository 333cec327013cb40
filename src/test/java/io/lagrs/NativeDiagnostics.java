package io.lagrs;

/** Counts of live native objects, for leak checks in tests. Not part of the public API. */
final class NativeDiagnostics {
    static {
        NativeLibrary.load();
    }

    private NativeDiagnostics() {
    }

    /** ArimaModel states held by the native library (not yet closed or cleaned). */
    static native long liveArimaModels0();

    /** ArimaBatch states held by the native library. */
    static native long liveArimaBatches0();

    /** BatchRun controls (a batch call's counters, cancel flag and threads) not yet freed. */
    static native long liveBatchRuns0();
}
