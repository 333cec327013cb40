package io.lagrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Races between close, use and batch calls on shared objects, from many threads at once: every
 * call returns its result or a clean IllegalStateException ("closed") or CancellationException,
 * and at the end no native model or batch is left. The -Xcheck:jni run of the suite runs this
 * too, so the races are also checked for JNI misuse.
 */
class ConcurrencyStressTest {
    private static final long RUN_NANOS = TimeUnit.MILLISECONDS.toNanos(2500);

    @Test
    void closeUseAndBatchRacesEndCleanly() throws Exception {
        long modelsBefore = NativeDiagnostics.liveArimaModels0();
        long batchesBefore = NativeDiagnostics.liveArimaBatches0();
        AtomicReference<ArimaModel> sharedModel = new AtomicReference<>(Arima.order(1, 0, 1).fit(ArimaModelTest.arma11(150, 1)));
        AtomicReference<ArimaBatch> sharedBatch = new AtomicReference<>(Arima.order(1, 0, 0).fitAll(ArimaBatchControlsTest.workload(8, 100)));
        AtomicReference<CancellationToken> sharedToken = new AtomicReference<>(new CancellationToken());
        ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        long end = System.nanoTime() + RUN_NANOS;
        List<Future<Integer>> workers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int role = t;
            workers.add(pool.submit(() -> {
                Random r = new Random(role);
                int calls = 0;
                while (System.nanoTime() < end) {
                    try {
                        switch (role % 4) {
                            case 0 -> { // users of the shared model and batch
                                sharedModel.get().forecast(1 + r.nextInt(10), 0.9);
                                ArimaBatch b = sharedBatch.get();
                                b.forecast(3, 0.8);
                                try (ArimaModel m = b.model(r.nextInt(b.size()))) {
                                    m.residuals();
                                }
                            }
                            case 1 -> { // closers: replace and close the shared objects
                                ArimaModel old = sharedModel.getAndSet(Arima.order(1, 0, 1).fit(ArimaModelTest.arma11(150, r.nextLong())));
                                old.close();
                                if (r.nextInt(4) == 0) {
                                    ArimaBatch oldBatch = sharedBatch.getAndSet(
                                            Arima.order(1, 0, 0).fitAll(ArimaBatchControlsTest.workload(8, 100)));
                                    oldBatch.close();
                                }
                            }
                            case 2 -> { // batch calls cancelled by a shared token
                                CancellationToken token = sharedToken.get();
                                try (ArimaBatch b = Arima.order(1, 0, 1).fitAll(ArimaBatchControlsTest.workload(40, 120),
                                        BatchOptions.defaults().threads(1 + r.nextInt(2)).cancellation(token))) {
                                    b.error(0);
                                }
                            }
                            default -> { // cancellers and forgotten objects for the Cleaner
                                Thread.sleep(r.nextInt(20));
                                sharedToken.getAndSet(new CancellationToken()).cancel();
                                Arima.order(0, 1, 1).fit(ArimaModelTest.arma11(60, r.nextLong())); // never closed
                            }
                        }
                        calls++;
                    } catch (IllegalStateException expected) { // "closed", or CancellationException (a subclass)
                        calls++;
                    } catch (Throwable other) {
                        unexpected.add(other);
                    }
                }
                return calls;
            }));
        }
        int total = 0;
        for (Future<Integer> w : workers) {
            total += w.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        sharedModel.get().close();
        sharedBatch.get().close();
        assertTrue(unexpected.isEmpty(), "unexpected exceptions: " + unexpected);
        assertTrue(total > 50, "the workers raced: " + total + " calls");

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while ((NativeDiagnostics.liveArimaModels0() > modelsBefore || NativeDiagnostics.liveArimaBatches0() > batchesBefore)
                && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(20);
        }
        assertTrue(NativeDiagnostics.liveArimaModels0() <= modelsBefore, "no model leaked");
        assertEquals(batchesBefore, NativeDiagnostics.liveArimaBatches0(), "no batch leaked");
    }
}
