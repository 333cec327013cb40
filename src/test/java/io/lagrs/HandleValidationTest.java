package io.lagrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The native side checks every handle it is given (type tag, slot, generation) instead of
 * trusting a number from Java: a handle of the wrong type, a made-up one or a freed one is
 * rejected with an exception, never dereferenced.
 */
class HandleValidationTest {
    private static final int[] ORDER = {1, 0, 0, 0, 0, 0, 0};

    @BeforeAll
    static void loadNatives() {
        // These tests call the private natives directly, skipping the API's own load call.
        NativeLibrary.load();
    }

    @Test
    void aBatchHandleIsNotAModelHandle() {
        long batch = ArimaBatch.fitAll0(ORDER, true, false, new double[][] {ArimaModelTest.arma11(50, 1)});
        try {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NativeModels.free0(batch));
            assertEquals(batch + " is not a handle of a FittedModel", e.getMessage());
        } finally {
            NativeBatches.free0(batch);
        }
    }

    @Test
    void madeUpHandlesAreRejected() {
        for (long bogus : new long[] {0L, 1L, -1L, 0x7fff_ffff_ffff_ffffL, Long.MIN_VALUE}) {
            assertThrows(IllegalArgumentException.class, () -> NativeModels.free0(bogus), "handle " + bogus);
        }
    }

    /** A raw model handle, as {@link Arima#fit} gets it. */
    private static long fit0(double[] y) {
        return InterruptibleCall.run("fit", cancel -> ArimaModel.fit0(ORDER, true, false, y, cancel));
    }

    @Test
    void aFlagHandleIsNoModelHandle() {
        // While a call's flag is alive, it is rejected where a model is expected.
        InterruptibleCall.run("fit", cancel -> {
            assertThrows(IllegalArgumentException.class, () -> NativeModels.free0(cancel));
            return null;
        });
    }

    @Test
    void aFreedHandleIsStaleEvenAfterItsSlotIsReused() {
        long first = fit0(ArimaModelTest.arma11(50, 2));
        NativeModels.free0(first);
        NativeModels.free0(first); // freeing twice is harmless
        try (ArimaModel reusesTheSlot = new ArimaModel(fit0(ArimaModelTest.arma11(50, 3)))) {
            // A model object still holding the old handle number sees "closed", not the new model.
            ArimaModel stale = new ArimaModel(first);
            IllegalStateException e = assertThrows(IllegalStateException.class, stale::logLikelihood);
            // Every family's models share one registry, whose messages name the interface.
            assertEquals("this FittedModel is closed", e.getMessage());
            reusesTheSlot.logLikelihood();
        }
    }
}
