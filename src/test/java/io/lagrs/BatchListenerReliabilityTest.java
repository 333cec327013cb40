package io.lagrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Whatever a progress listener does (sleeps, spins, waits for a lock the caller holds, throws
 * an {@code Error}, runs on a pool of many threads), a batch call stays cancellable within a
 * second, never freezes, frees everything native and keeps "reports never overlap".
 */
class BatchListenerReliabilityTest {
    private static final Arima SPEC = Arima.order(1, 0, 1);

    /** Generous next to the documented second, on a busy machine. */
    private static final long PROMPT_MILLIS = 2000;

    /** Minutes of work: only a cancel ends it within the test. */
    private static double[][] longWork() {
        return ArimaBatchControlsTest.workload(3000, 1500);
    }

    /** A batch that ends by itself after some hundreds of milliseconds of reports. */
    private static double[][] shortWork() {
        return ArimaBatchControlsTest.workload(400, 400);
    }

    /** A call on a daemon thread of its own, so that a frozen call cannot hold the test JVM. */
    private record Caller(Thread thread, CompletableFuture<Throwable> outcome, AtomicBoolean interruptKept) {
        static Caller start(Runnable call) {
            CompletableFuture<Throwable> outcome = new CompletableFuture<>();
            AtomicBoolean interruptKept = new AtomicBoolean();
            Thread t = new Thread(() -> {
                try {
                    call.run();
                    outcome.complete(null);
                } catch (Throwable e) {
                    interruptKept.set(Thread.currentThread().isInterrupted());
                    outcome.complete(e);
                }
            }, "batch-caller");
            t.setDaemon(true);
            t.start();
            return new Caller(t, outcome, interruptKept);
        }

        /** What the call threw (null if it returned), failing the test if it is not over in time. */
        Throwable outcome(long seconds, String what) throws Exception {
            try {
                return outcome.get(seconds, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                throw new AssertionError(what + ": the call had not returned after " + seconds + " s");
            }
        }
    }

    /** A listener that holds its thread up to 8 s (without giving way to interrupts) per report. */
    private static Consumer<BatchProgress> sleeper(CountDownLatch entered, CountDownLatch release) {
        return p -> {
            entered.countDown();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
            while (release.getCount() > 0 && System.nanoTime() < end) {
                try {
                    release.await(end - System.nanoTime(), TimeUnit.NANOSECONDS);
                } catch (InterruptedException ignored) {
                    // A careless listener: it sleeps on.
                }
            }
        };
    }

    @Test
    void aCancelStopsTheCallPromptlyWhileTheListenerSleeps() throws Exception {
        double[][] work = longWork();
        // Without an executor, and with one that runs each report at once on the thread that hands it over.
        for (Executor executor : new Executor[] {null, Runnable::run}) {
            String what = executor == null ? "own thread" : "direct executor";
            CancellationToken token = new CancellationToken();
            CountDownLatch entered = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Consumer<BatchProgress> listener = sleeper(entered, release);
            BatchOptions options = BatchOptions.defaults().cancellation(token).progressInterval(Duration.ofMillis(10));
            BatchOptions withListener = executor == null ? options.onProgress(listener)
                    : options.onProgress(listener, executor);
            try {
                Caller caller = Caller.start(() -> SPEC.fitAll(work, withListener).close());
                assertTrue(entered.await(60, TimeUnit.SECONDS), what + ": a report started");
                Thread.sleep(300);
                long cancelAt = System.nanoTime();
                token.cancel();
                Throwable e = caller.outcome(30, what);
                long latencyMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cancelAt);
                assertTrue(e instanceof CancellationException, what + ": cancelled, got " + e);
                assertTrue(e.getMessage().contains("cancelled"), e.getMessage());
                assertTrue(latencyMillis < PROMPT_MILLIS, what + ": returned " + latencyMillis
                        + " ms after the cancel while the listener slept");
            } finally {
                token.cancel();
                release.countDown();
            }
        }
    }

    @Test
    void anInterruptStopsTheCallPromptlyWhileTheListenerSpins() throws Exception {
        AtomicBoolean spin = new AtomicBoolean(true);
        CountDownLatch entered = new CountDownLatch(1);
        CancellationToken cleanup = new CancellationToken();
        BatchOptions options = BatchOptions.defaults().cancellation(cleanup).progressInterval(Duration.ofMillis(10))
                .onProgress(p -> {
                    entered.countDown();
                    while (spin.get()) {
                        Thread.onSpinWait(); // deaf to interrupts
                    }
                });
        double[][] work = longWork();
        try {
            Caller caller = Caller.start(() -> SPEC.fitAll(work, options).close());
            assertTrue(entered.await(60, TimeUnit.SECONDS), "a report started");
            Thread.sleep(300);
            long interruptAt = System.nanoTime();
            caller.thread().interrupt();
            Throwable e = caller.outcome(15, "spinning listener");
            long latencyMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - interruptAt);
            assertTrue(e instanceof CancellationException, "cancelled, got " + e);
            assertTrue(e.getMessage().contains("interrupted"), e.getMessage());
            assertTrue(caller.interruptKept().get(), "the interrupt status stays set");
            assertTrue(latencyMillis < PROMPT_MILLIS, "returned " + latencyMillis
                    + " ms after the interrupt while the listener spun");
        } finally {
            cleanup.cancel();
            spin.set(false);
        }
    }

    @Test
    void aListenerWaitingForALockTheCallerHoldsDoesNotFreezeTheCall() throws Exception {
        Object shared = new Object();
        List<Thread> reporters = new CopyOnWriteArrayList<>();
        BatchOptions options = BatchOptions.defaults().progressInterval(Duration.ofMillis(10)).onProgress(p -> {
            reporters.add(Thread.currentThread());
            synchronized (shared) {
                // The caller holds it for the whole call.
            }
        });
        double[][] work = shortWork();
        Caller caller = Caller.start(() -> {
            synchronized (shared) {
                try (ArimaBatch b = SPEC.fitAll(work, options)) {
                    assertEquals(work.length, b.size());
                }
            }
        });
        Throwable e = caller.outcome(60, "listener waiting for the caller's lock");
        assertEquals(null, e, "the call returns its results");
        assertTrue(reporters.stream().anyMatch(t -> t != caller.thread()),
                "a report started on lagrs' thread while the batch ran (and waited for the lock): " + reporters);
        // The abandoned report gets the lock once the call has returned, and ends.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (lagrsThreadsAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertFalse(lagrsThreadsAlive(), "the call's threads end once its listener has returned");
    }

    /** An Error of the listener's own, so that nothing else can be mistaken for it. */
    private static final class ListenerError extends Error {
        ListenerError() {
            super("listener failed");
        }
    }

    @Test
    void anErrorInTheFinalReportCancelsTheCallAndLeaksNothing() {
        long batches = NativeDiagnostics.liveArimaBatches0();
        long models = NativeDiagnostics.liveArimaModels0();
        // With no report due while it runs, the call's only report is the final one, on the caller.
        BatchOptions options = BatchOptions.defaults().progressInterval(Duration.ofHours(1)).onProgress(p -> {
            throw new ListenerError();
        });
        AutoArima auto = AutoArima.builder().build();
        double[][] work = ArimaBatchControlsTest.workload(8, 100);
        for (int k = 0; k < 20; k++) {
            // Auto-ARIMA batches take the same way through BatchRun as fixed orders.
            boolean byAuto = k % 2 == 1;
            CancellationException e = assertThrows(CancellationException.class,
                    () -> (byAuto ? auto.fitAll(work, options) : SPEC.fitAll(work, options)).close());
            assertTrue(e.getCause() instanceof ListenerError, "the cause is the listener's Error: " + e.getCause());
            assertTrue(e.getMessage().contains("listener"), e.getMessage());
        }
        assertEquals(batches, NativeDiagnostics.liveArimaBatches0(), "no fitted batch is left behind");
        assertEquals(models, NativeDiagnostics.liveArimaModels0());
    }

    @Test
    void anErrorInAReportWhileTheCallRunsCancelsItAndLeaksNothing() throws Exception {
        long batches = NativeDiagnostics.liveArimaBatches0();
        double[][] work = longWork();
        for (Executor executor : new Executor[] {null, Runnable::run}) {
            AtomicBoolean thrown = new AtomicBoolean();
            ListenerError error = new ListenerError();
            // Throws once only: the final report would not throw, so only the running call can fail.
            Consumer<BatchProgress> listener = p -> {
                if (thrown.compareAndSet(false, true)) {
                    throw error;
                }
            };
            CancellationToken cleanup = new CancellationToken();
            BatchOptions options = BatchOptions.defaults().cancellation(cleanup)
                    .progressInterval(Duration.ofMillis(10));
            BatchOptions withListener = executor == null ? options.onProgress(listener)
                    : options.onProgress(listener, executor);
            try {
                Caller caller = Caller.start(() -> SPEC.fitAll(work, withListener).close());
                Throwable e = caller.outcome(15, "listener Error");
                assertTrue(e instanceof CancellationException, "cancelled, got " + e);
                assertSame(error, e.getCause());
                assertTrue(e.getMessage().contains("listener"), e.getMessage());
            } finally {
                cleanup.cancel();
            }
        }
        assertEquals(batches, NativeDiagnostics.liveArimaBatches0(), "no fitted batch is left behind");
    }

    @Test
    void reportsNeverOverlapOnAPoolOfManyThreadsOrWithTheFinalReport() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (Executor executor : new Executor[] {pool, null}) {
                AtomicInteger inside = new AtomicInteger();
                AtomicInteger most = new AtomicInteger();
                List<BatchProgress> reports = new CopyOnWriteArrayList<>();
                CountDownLatch finalSeen = new CountDownLatch(1);
                Consumer<BatchProgress> listener = p -> {
                    most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    try {
                        Thread.sleep(30);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    reports.add(p);
                    inside.decrementAndGet();
                    if (p.done() == p.total()) {
                        finalSeen.countDown();
                    }
                };
                BatchOptions options = BatchOptions.defaults().progressInterval(Duration.ofMillis(10));
                double[][] work = shortWork();
                try (ArimaBatch b = SPEC.fitAll(work, executor == null ? options.onProgress(listener)
                        : options.onProgress(listener, executor))) {
                    assertEquals(work.length, b.size());
                }
                assertTrue(finalSeen.await(30, TimeUnit.SECONDS), "the final counts are reported");
                String what = executor == null ? "own thread" : "pool of 8";
                assertTrue(reports.size() >= 3, what + ": several reports while the batch ran: " + reports);
                assertEquals(1, most.get(), what + ": reports never overlap");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anExceptionOfAReportOnAnExecutorCancelsTheCall() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CancellationToken cleanup = new CancellationToken();
        IllegalStateException boom = new IllegalStateException("listener failed");
        AtomicInteger calls = new AtomicInteger();
        BatchOptions options = BatchOptions.defaults().cancellation(cleanup).progressInterval(Duration.ofMillis(10))
                .onProgress(p -> {
                    calls.incrementAndGet();
                    throw boom;
                }, pool);
        double[][] work = longWork();
        try {
            Caller caller = Caller.start(() -> SPEC.fitAll(work, options).close());
            Throwable e = caller.outcome(15, "listener exception on an executor");
            assertTrue(e instanceof CancellationException, "cancelled, got " + e);
            assertSame(boom, e.getCause());
            assertEquals(1, calls.get(), "no report after the one that threw");
        } finally {
            cleanup.cancel();
            pool.shutdownNow();
        }
    }

    @Test
    void aProgressIntervalMustFitInNanoseconds() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BatchOptions.defaults().progressInterval(Duration.ofSeconds(Long.MAX_VALUE)));
        assertTrue(e.getMessage().contains("interval"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> BatchOptions.defaults().progressInterval(Duration.ofNanos(Long.MAX_VALUE).plusNanos(1)));
        // The longest interval allowed works: the only report is the final one, on the caller.
        List<Thread> reporters = new CopyOnWriteArrayList<>();
        List<BatchProgress> reports = new CopyOnWriteArrayList<>();
        BatchOptions longest = BatchOptions.defaults().progressInterval(Duration.ofNanos(Long.MAX_VALUE))
                .onProgress(p -> {
                    reports.add(p);
                    reporters.add(Thread.currentThread());
                });
        try (ArimaBatch b = SPEC.fitAll(ArimaBatchControlsTest.workload(40, 200), longest)) {
            assertEquals(40, b.size());
        }
        assertEquals(List.of(new BatchProgress(40, 0, 40)), reports);
        assertSame(Thread.currentThread(), reporters.get(0));
    }

    @Test
    void reportsComeFromLagrsThreadsAndTheFinalOneFromTheCaller() throws Exception {
        List<Thread> reporters = new CopyOnWriteArrayList<>();
        BatchOptions options = BatchOptions.defaults().progressInterval(Duration.ofMillis(10))
                .onProgress(p -> reporters.add(Thread.currentThread()));
        SPEC.fitAll(shortWork(), options).close();
        assertTrue(reporters.size() >= 2, "reports while running and a final one: " + reporters);
        assertNotSame(Thread.currentThread(), reporters.get(0));
        assertEquals("lagrs-batch-progress", reporters.get(0).getName());
        assertSame(Thread.currentThread(), reporters.get(reporters.size() - 1));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (lagrsThreadsAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertFalse(lagrsThreadsAlive(), "the call's threads end with it");
    }

    @Test
    void aCancelledCallRunsNoListenerOnTheCallerBeforeItThrows() throws Exception {
        CancellationToken token = new CancellationToken();
        CountDownLatch entered = new CountDownLatch(1);
        List<Thread> reporters = new CopyOnWriteArrayList<>();
        BatchOptions options = BatchOptions.defaults().cancellation(token).progressInterval(Duration.ofMillis(10))
                .onProgress(p -> {
                    reporters.add(Thread.currentThread());
                    entered.countDown();
                });
        double[][] work = longWork();
        try {
            Caller caller = Caller.start(() -> SPEC.fitAll(work, options).close());
            assertTrue(entered.await(60, TimeUnit.SECONDS), "a report started");
            token.cancel();
            Throwable e = caller.outcome(15, "cancelled call");
            assertTrue(e instanceof CancellationException, "cancelled, got " + e);
            assertFalse(reporters.contains(caller.thread()), "no final report on the caller of a cancelled call");
        } finally {
            token.cancel();
        }
    }

    private static boolean lagrsThreadsAlive() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.isAlive()
                && (t.getName().equals("lagrs-batch-watcher") || t.getName().equals("lagrs-batch-progress")));
    }
}
