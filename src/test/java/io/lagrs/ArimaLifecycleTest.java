package io.lagrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Native state of models and batches: shared across threads, closed once, never leaked. */
class ArimaLifecycleTest {

    @Test
    void manyThreadsUseOneModelWhileItIsClosed() throws Exception {
        ArimaModel m = Arima.order(1, 1, 1).fit(ArimaModelTest.arma11(300, 11));
        Forecast reference = m.forecast(12, 0.95);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch running = new CountDownLatch(8);
        AtomicInteger closedSeen = new AtomicInteger();
        List<Future<Integer>> workers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            workers.add(pool.submit(() -> {
                running.countDown();
                int calls = 0;
                while (true) {
                    try {
                        // Every call either sees the live model's exact answer or a clean "closed".
                        assertEquals(reference, m.forecast(12, 0.95));
                        m.residuals();
                        calls++;
                    } catch (IllegalStateException closed) {
                        closedSeen.incrementAndGet();
                        return calls;
                    }
                }
            }));
        }
        running.await();
        Thread.sleep(50);
        m.close();
        int total = 0;
        for (Future<Integer> w : workers) {
            total += w.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertEquals(8, closedSeen.get());
        assertTrue(total > 0, "the workers made calls before the close");
    }

    @Test
    void closingFreesNativeStateAndTheCleanerFreesForgottenModels() throws Exception {
        double[] y = ArimaModelTest.arma11(100, 12);
        // Models other tests forgot must be gone first, or the Cleaner could free them mid-count.
        long deadline0 = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        long settled = -1;
        while (NativeDiagnostics.liveArimaModels0() != settled && System.nanoTime() < deadline0) {
            settled = NativeDiagnostics.liveArimaModels0();
            System.gc();
            Thread.sleep(50);
        }
        long before = NativeDiagnostics.liveArimaModels0();
        try (ArimaModel m = Arima.order(1, 0, 0).fit(y)) {
            assertEquals(before + 1, NativeDiagnostics.liveArimaModels0());
        }
        assertEquals(before, NativeDiagnostics.liveArimaModels0());

        for (int i = 0; i < 50; i++) {
            Arima.order(1, 0, 0).fit(y); // never closed
        }
        assertTrue(NativeDiagnostics.liveArimaModels0() >= before + 1);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (NativeDiagnostics.liveArimaModels0() > before && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(20);
        }
        assertEquals(before, NativeDiagnostics.liveArimaModels0(), "the Cleaner freed every forgotten model");
    }

    @Test
    void aBatchIsolatesFailuresAndItsModelsOutliveIt() {
        double[] good = ArimaModelTest.arma11(120, 13);
        double[] withInfinity = good.clone();
        withInfinity[3] = Double.NEGATIVE_INFINITY;
        double[][] series = {good, null, {1.0, 2.0}, withInfinity, ArimaModelTest.arma11(90, 14)};
        long modelsBefore = NativeDiagnostics.liveArimaModels0();
        long batchesBefore = NativeDiagnostics.liveArimaBatches0();
        ArimaModel kept;
        try (ArimaBatch b = Arima.order(1, 0, 1).fitAll(series)) {
            assertEquals(5, b.size());
            assertTrue(b.succeeded(0));
            assertNull(b.error(0));
            assertFalse(b.succeeded(1));
            assertTrue(b.error(1).contains("null"), b.error(1));
            assertFalse(b.succeeded(2));
            assertNotNull(b.error(2));
            assertFalse(b.succeeded(3));
            assertTrue(b.succeeded(4));
            assertThrows(IndexOutOfBoundsException.class, () -> b.succeeded(5));
            assertThrows(IndexOutOfBoundsException.class, () -> b.error(-1));

            Forecast[] forecasts = b.forecast(6, 0.9);
            assertEquals(5, forecasts.length);
            assertNull(forecasts[1]);
            assertNull(forecasts[2]);
            assertNull(forecasts[3]);
            try (ArimaModel alone = Arima.order(1, 0, 1).fit(good)) {
                assertEquals(alone.forecast(6, 0.9), forecasts[0], "batch and single fits agree");
            }
            assertThrows(IllegalStateException.class, () -> b.model(2));
            kept = b.model(4);
            assertEquals(batchesBefore + 1, NativeDiagnostics.liveArimaBatches0());
        }
        assertEquals(batchesBefore, NativeDiagnostics.liveArimaBatches0());
        try (ArimaModel m = kept) {
            assertEquals(6, m.forecast(6, 0.9).horizon());
        }
        assertEquals(modelsBefore, NativeDiagnostics.liveArimaModels0());
    }

    @Test
    void aThousandSeriesInOneBatch() {
        double[][] series = new double[1000][];
        for (int i = 0; i < series.length; i++) {
            series[i] = ArimaModelTest.arma11(60 + i % 40, 1000 + i);
        }
        // Under -Xcheck:jni this also proves the bridge frees its local references per series.
        try (ArimaBatch b = Arima.order(0, 1, 1).fitAll(series)) {
            Forecast[] forecasts = b.forecast(4, 0.8);
            for (int i = 0; i < series.length; i++) {
                assertTrue(b.succeeded(i), b.error(i));
                assertEquals(4, forecasts[i].horizon());
            }
            try (ArimaModel one = Arima.order(0, 1, 1).fit(series[777])) {
                assertEquals(one.forecast(4, 0.8), forecasts[777]);
            }
        }
    }

    @Test
    void closedBatchesThrowIllegalStateException() {
        ArimaBatch b = Arima.order(0, 1, 1).fitAll(new double[][] {ArimaModelTest.arma11(60, 15)});
        b.close();
        b.close();
        assertThrows(IllegalStateException.class, () -> b.forecast(2, 0.95));
        assertThrows(IllegalStateException.class, () -> b.model(0));
        assertThrows(NullPointerException.class, () -> Arima.order(0, 1, 1).fitAll(null));
    }
}
