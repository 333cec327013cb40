package io.lagrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Native failures of every kind reach Java as the right exception, and the JVM lives on. */
class BridgingTest {

    @Test
    void panicBecomesLagrsException() {
        LagrsException e = assertThrows(LagrsException.class,
                () -> BridgeSelfTest.fail0(BridgeSelfTest.PANIC, "boom on purpose"));
        assertTrue(e.getMessage().contains("boom on purpose"), e.getMessage());
        assertTrue(e.getMessage().contains("internal error"), e.getMessage());
    }

    @Test
    void panicsRepeatedlyDoNotHarmLaterCalls() {
        for (int i = 0; i < 100; i++) {
            assertThrows(LagrsException.class, () -> BridgeSelfTest.fail0(BridgeSelfTest.PANIC, "again"));
        }
        assertEquals(42, BridgeSelfTest.fail0(42, "fine"));
    }

    @Test
    void invalidArgumentBecomesIllegalArgumentException() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BridgeSelfTest.fail0(BridgeSelfTest.INVALID_ARGUMENT, "window must be >= 1"));
        assertEquals("window must be >= 1", e.getMessage());
    }

    @Test
    void illegalStateBecomesIllegalStateException() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> BridgeSelfTest.fail0(BridgeSelfTest.ILLEGAL_STATE, "model is closed"));
        assertEquals("model is closed", e.getMessage());
    }

    @Test
    void internalErrorBecomesLagrsException() {
        LagrsException e = assertThrows(LagrsException.class,
                () -> BridgeSelfTest.fail0(BridgeSelfTest.INTERNAL, "optimizer diverged"));
        assertEquals("optimizer diverged", e.getMessage());
    }

    @Test
    void nullArgumentBecomesNullPointerException() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> BridgeSelfTest.fail0(BridgeSelfTest.NULL_ARGUMENT, "x"));
        assertEquals("message must not be null", e.getMessage());
    }

    @Test
    void successReturnsTheValue() {
        assertEquals(7, BridgeSelfTest.fail0(7, null));
    }
}
