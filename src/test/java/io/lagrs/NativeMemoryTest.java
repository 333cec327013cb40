package io.lagrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Native bytes of unclosed objects are counted, and forgotten ones are cleaned before they pile up. */
class NativeMemoryTest {

    @Test
    void bytesAreCountedWhenCreatedAndReleasedWhenClosed() {
        double[] y = ArimaModelTest.arma11(5000, 7);
        ArimaModel m = Arima.order(1, 0, 1).fit(y);
        long held = NativeMemory.bytesOf(m.handle());
        // The model keeps the series and its residuals at least.
        assertTrue(held >= 2L * 8 * y.length, "a model of 5000 values holds " + held + " bytes");
        long before = NativeMemory.liveBytes();
        m.close();
        assertEquals(before - held, NativeMemory.liveBytes(), "close releases exactly what was counted");
        m.close();
        assertEquals(before - held, NativeMemory.liveBytes(), "a second close releases nothing");

        try (ArimaBatch b = Arima.order(1, 0, 1).fitAll(new double[][] {y, y, new double[] {1}})) {
            assertTrue(NativeMemory.bytesOf(b.handle()) >= 2 * held, "a batch counts every fit it holds");
        }
    }

    @Test
    void forgottenModelsAreCleanedOnceTheirBytesPassTheThreshold() throws InterruptedException {
        long saved = NativeMemory.threshold();
        long liveBefore = NativeDiagnostics.liveArimaModels0();
        long threshold = 4L << 20;
        NativeMemory.setThreshold(threshold);
        try {
            long helpsBefore = NativeMemory.helps();
            long peak = 0;
            double[] y = ArimaModelTest.arma11(2000, 3);
            Arima spec = Arima.order(1, 0, 0);
            // About 32 kB each: 2000 forgotten models would hold ~64 MiB without help.
            for (int i = 0; i < 2000; i++) {
                spec.fit(y); // never closed
                peak = Math.max(peak, NativeMemory.liveBytes());
            }
            assertTrue(NativeMemory.helps() > helpsBefore, "the Cleaner was helped");
            // The trigger is the threshold or twice what survived the last help; forgotten
            // models do not survive, so the count stays within a few thresholds.
            assertTrue(peak < 4 * threshold, "peak native bytes of forgotten models: " + peak);
        } finally {
            NativeMemory.setThreshold(saved);
            // Leave no garbage behind for tests that count live models.
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            while (NativeDiagnostics.liveArimaModels0() > liveBefore && System.nanoTime() < deadline) {
                System.gc();
                Thread.sleep(20);
            }
        }
    }
}
