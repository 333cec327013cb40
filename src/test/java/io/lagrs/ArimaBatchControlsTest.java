package io.lagrs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Batch controls of Arima.fitAll: flat input, threads, progress, cancellation, interrupts. */
class ArimaBatchControlsTest {
    private static final Arima SPEC = Arima.order(1, 0, 1);

    /** Series that take a while each: enough of them keep a batch busy for many seconds. */
    static double[][] workload(int count, int length) {
        double[][] series = new double[count][];
        for (int i = 0; i < count; i++) {
            series[i] = ArimaModelTest.arma11(length, 1000 + i);
        }
        return series;
    }

    static double[] flatten(double[][] series, int[] offsets) {
        int total = 0;
        for (int j = 0; j < series.length; j++) {
            offsets[j] = total;
            total += series[j].length;
        }
        offsets[series.length] = total;
        double[] values = new double[total];
        for (int j = 0; j < series.length; j++) {
            System.arraycopy(series[j], 0, values, offsets[j], series[j].length);
        }
        return values;
    }

    @Test
    void flatFormMatchesRowsAndABadSeriesInTheMiddleFailsAlone() {
        double[][] series = workload(9, 120);
        series[4] = series[4].clone();
        series[4][7] = Double.POSITIVE_INFINITY;
        int[] offsets = new int[series.length + 1];
        double[] values = flatten(series, offsets);
        try (ArimaBatch rows = SPEC.fitAll(series); ArimaBatch flat = SPEC.fitAll(values, offsets)) {
            assertEquals(9, flat.size());
            for (int i = 0; i < 9; i++) {
                assertEquals(i != 4, flat.succeeded(i), "series " + i);
                assertEquals(rows.error(i), flat.error(i));
                if (i != 4) {
                    assertNull(flat.error(i));
                    try (ArimaModel a = rows.model(i); ArimaModel b = flat.model(i)) {
                        assertArrayEquals(a.coefficients(), b.coefficients(), 0.0);
                    }
                }
            }
            assertTrue(flat.error(4).toLowerCase().contains("infinit"), flat.error(4));
        }
    }

    @Test
    void emptyAndNullInputs() {
        try (ArimaBatch none = SPEC.fitAll(new double[0], new int[] {0})) {
            assertEquals(0, none.size());
        }
        try (ArimaBatch b = SPEC.fitAll(new double[][] {ArimaModelTest.arma11(80, 1), null})) {
            assertTrue(b.succeeded(0));
            assertEquals("series[1] is null", b.error(1));
        }
        assertThrows(NullPointerException.class, () -> SPEC.fitAll((double[][]) null));
        assertThrows(NullPointerException.class, () -> SPEC.fitAll(new double[1][], null));
        assertThrows(NullPointerException.class, () -> SPEC.fitAll(null, new int[] {0}));
        assertThrows(NullPointerException.class, () -> SPEC.fitAll(new double[0], null));
    }

    @Test
    void malformedOffsetsAreRejected() {
        double[] values = new double[10];
        for (int[] offsets : List.of(new int[0], new int[] {1, 10}, new int[] {0, 6, 4, 10},
                new int[] {0, 9}, new int[] {0, 11}, new int[] {0, -3, 10})) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> SPEC.fitAll(values, offsets).close());
            assertTrue(e.getMessage().contains("offsets"), e.getMessage());
        }
    }

    @Test
    void threadCountsAreCheckedAndOneThreadGivesTheSameModels() {
        assertThrows(IllegalArgumentException.class, () -> BatchOptions.defaults().threads(0));
        assertThrows(IllegalArgumentException.class, () -> BatchOptions.defaults().threads(BatchOptions.MAX_THREADS + 1));
        double[][] series = workload(6, 100);
        try (ArimaBatch one = SPEC.fitAll(series, BatchOptions.defaults().threads(1));
                ArimaBatch all = SPEC.fitAll(series)) {
            for (int i = 0; i < series.length; i++) {
                try (ArimaModel a = one.model(i); ArimaModel b = all.model(i)) {
                    assertArrayEquals(a.coefficients(), b.coefficients(), 0.0);
                }
            }
        }
    }

    /** Threads of this process named by lagrs' batch pools (Linux: /proc/self/task/N/comm). */
    private static long batchThreads() throws IOException {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            return tasks.filter(t -> {
                try {
                    return Files.readString(t.resolve("comm")).strip().matches("lagrs-batch-\\d+");
                } catch (IOException gone) {
                    return false;
                }
            }).count();
        }
    }

    /** The batch threads once there are at least {@code wanted}, or at {@code deadline} (nanoTime). */
    private static long awaitBatchThreads(int wanted, long deadline) throws IOException, InterruptedException {
        long count = batchThreads();
        while (count < wanted && System.nanoTime() < deadline) {
            Thread.sleep(5);
            count = batchThreads();
        }
        return count;
    }

    @Test
    void aCallRunsOnAPoolOfItsOwnWithTheThreadsAskedFor() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "needs Linux /proc");
        for (int threads : new int[] {1, 3}) {
            // The pools of earlier calls end their threads soon after the call, not at once.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (batchThreads() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(0, batchThreads(), "no batch threads are left between calls");
            AtomicReference<Long> seen = new AtomicReference<>(0L);
            // A pool's threads are all started when the call begins, but on a loaded machine one
            // may not have run (and named itself) before the work is done. The listener runs while
            // the call's pool is alive (its final report before the call returns), so it waits for
            // the threads asked for; a smaller pool never gets there and the deadline ends the wait.
            long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            int wanted = threads;
            BatchOptions options = BatchOptions.defaults().threads(threads)
                    .progressInterval(Duration.ofMillis(10))
                    .onProgress(p -> {
                        try {
                            seen.accumulateAndGet(awaitBatchThreads(wanted, waitUntil), Math::max);
                        } catch (IOException | InterruptedException e) {
                            throw new RuntimeException(e);
                        }
                    });
            try (ArimaBatch b = SPEC.fitAll(workload(60, 400), options)) {
                assertEquals(60, b.size());
            }
            // Other tests may run batches at the same time only in other JVMs (surefire runs
            // classes one after another), so every lagrs-batch thread seen is this call's.
            assertEquals(threads, seen.get(), "batch threads seen during a call with threads(" + threads + ")");
        }
    }

    @Test
    void progressIsReportedWhileRunningAndEndsWithTheFinalCounts() {
        double[][] series = workload(300, 300);
        for (int i = 0; i < series.length; i += 50) {
            series[i] = new double[] {1, 2}; // too short: fails
        }
        List<BatchProgress> reports = new CopyOnWriteArrayList<>();
        List<Thread> threads = new CopyOnWriteArrayList<>();
        BatchOptions options = BatchOptions.defaults().progressInterval(Duration.ofMillis(10))
                .onProgress(p -> {
                    reports.add(p);
                    threads.add(Thread.currentThread());
                });
        try (ArimaBatch b = SPEC.fitAll(series, options)) {
            int failed = 0;
            for (int i = 0; i < b.size(); i++) {
                failed += b.succeeded(i) ? 0 : 1;
            }
            assertEquals(6, failed);
            assertEquals(new BatchProgress(300, 6, 300), reports.get(reports.size() - 1));
        }
        assertTrue(reports.size() >= 2, "reports while running and a final one: " + reports);
        for (int k = 1; k < reports.size(); k++) {
            assertTrue(reports.get(k).done() >= reports.get(k - 1).done(), "done never goes back: " + reports);
            assertTrue(reports.get(k).failed() >= reports.get(k - 1).failed());
        }
        assertTrue(threads.stream().anyMatch(t -> t != Thread.currentThread()),
                "reports while running come from lagrs' watcher thread");
        assertSame(Thread.currentThread(), threads.get(threads.size() - 1), "the final report comes from the caller");
    }

    @Test
    void progressCanBeHandedToAnExecutor() throws Exception {
        CountDownLatch finalSeen = new CountDownLatch(1);
        AtomicBoolean onExecutor = new AtomicBoolean(true);
        Thread caller = Thread.currentThread();
        java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            BatchOptions options = BatchOptions.defaults().onProgress(p -> {
                if (Thread.currentThread() == caller) {
                    onExecutor.set(false);
                }
                if (p.done() == p.total()) {
                    finalSeen.countDown();
                }
            }, executor);
            SPEC.fitAll(workload(20, 100), options).close();
            assertTrue(finalSeen.await(30, TimeUnit.SECONDS));
            assertTrue(onExecutor.get());
        } finally {
            executor.shutdown();
        }
    }

    /** Runs a batch far longer than the test on another thread; returns when it has started. */
    private static CompletableFuture<Throwable> longBatch(Arima spec, double[][] series, BatchOptions options,
            AtomicReference<Thread> runner, AtomicBoolean interruptedAfter) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                spec.fitAll(series, options.onProgress(p -> started.countDown())
                        .progressInterval(Duration.ofMillis(10))).close();
                outcome.complete(null);
            } catch (Throwable e) {
                interruptedAfter.set(Thread.currentThread().isInterrupted());
                outcome.complete(e);
            }
        }, "long-batch");
        runner.set(t);
        t.start();
        assertTrue(started.await(60, TimeUnit.SECONDS), "the batch started");
        return outcome;
    }

    /** Thousands of ordinary series: minutes of work, cancelled between series. */
    private static double[][] manySeries() {
        return workload(4000, 2000);
    }

    /**
     * Two very long seasonal series: each fit alone takes tens of seconds (38 s measured on a
     * busy 2-core machine), so only a cancel inside the optimiser can return within a second.
     */
    private static final Arima LONG_SPEC = Arima.order(2, 1, 2).seasonal(1, 1, 1, 12);

    private static double[][] veryLongSeries() {
        double[][] series = new double[2][200_000];
        for (double[] y : series) {
            for (int t = 0; t < y.length; t++) {
                y[t] = Math.sin(t * 7919 % 1009) + Math.cos(t * 1e-3);
            }
        }
        return series;
    }

    @Test
    void aCancelledTokenStopsTheCallWithinASecond() throws Exception {
        CancellationToken token = new CancellationToken();
        AtomicReference<Thread> runner = new AtomicReference<>();
        AtomicBoolean interrupted = new AtomicBoolean();
        long before = System.nanoTime();
        CompletableFuture<Throwable> outcome = longBatch(SPEC, manySeries(), BatchOptions.defaults().cancellation(token),
                runner, interrupted);
        long cancelAt = System.nanoTime();
        token.cancel();
        Throwable e = outcome.get(30, TimeUnit.SECONDS);
        long latencyMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cancelAt);
        assertTrue(e instanceof CancellationException, "cancelled: " + e);
        assertTrue(e.getMessage().contains("cancelled"), e.getMessage());
        assertFalse(interrupted.get());
        assertTrue(latencyMillis < 1000, "returned " + latencyMillis + " ms after the cancel");
        assertTrue(token.isCancelled());
        // A token once cancelled cancels later calls at once.
        assertThrows(CancellationException.class,
                () -> SPEC.fitAll(workload(2, 80), BatchOptions.defaults().cancellation(token)));
        assertTrue(TimeUnit.NANOSECONDS.toMillis(cancelAt - before) < 60_000);
    }

    @Test
    void interruptingTheCallerStopsTheCallWithinASecondAndKeepsTheInterruptStatus() throws Exception {
        AtomicReference<Thread> runner = new AtomicReference<>();
        AtomicBoolean interrupted = new AtomicBoolean();
        CompletableFuture<Throwable> outcome = longBatch(SPEC, manySeries(), BatchOptions.defaults(), runner, interrupted);
        long interruptAt = System.nanoTime();
        runner.get().interrupt();
        Throwable e = outcome.get(30, TimeUnit.SECONDS);
        long latencyMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - interruptAt);
        assertTrue(e instanceof CancellationException, "cancelled: " + e);
        assertTrue(e.getMessage().contains("interrupted"), e.getMessage());
        assertTrue(interrupted.get(), "the interrupt status stays set");
        assertTrue(latencyMillis < 1000, "returned " + latencyMillis + " ms after the interrupt");
    }

    @Test
    void cancellingWhileVeryLongSeriesAreFittedReturnsWithinASecond() throws Exception {
        for (boolean byInterrupt : new boolean[] {false, true}) {
            CancellationToken token = new CancellationToken();
            AtomicReference<Thread> runner = new AtomicReference<>();
            AtomicBoolean interrupted = new AtomicBoolean();
            CompletableFuture<Throwable> outcome = longBatch(LONG_SPEC, veryLongSeries(),
                    BatchOptions.defaults().threads(2).cancellation(token), runner, interrupted);
            Thread.sleep(200); // well inside both fits
            long cancelAt = System.nanoTime();
            if (byInterrupt) {
                runner.get().interrupt();
            } else {
                token.cancel();
            }
            Throwable e = outcome.get(60, TimeUnit.SECONDS);
            long latencyMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cancelAt);
            assertTrue(e instanceof CancellationException, "cancelled: " + e);
            assertEquals(byInterrupt, interrupted.get());
            assertTrue(latencyMillis < 1000, (byInterrupt ? "interrupt" : "cancel") + ": returned "
                    + latencyMillis + " ms later");
        }
    }

    @Test
    void anInterruptedThreadDoesNotStartACall() {
        Thread.currentThread().interrupt();
        try {
            assertThrows(CancellationException.class, () -> SPEC.fitAll(workload(2, 80)));
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aListenerThatThrowsCancelsTheCallWithItAsTheCause() {
        IllegalStateException boom = new IllegalStateException("listener failed");
        CancellationException e = assertThrows(CancellationException.class, () -> SPEC.fitAll(workload(50, 200),
                BatchOptions.defaults().onProgress(p -> {
                    throw boom;
                })));
        assertSame(boom, e.getCause());
    }

    @Test
    void aCancelAfterTheLastSeriesHasNoEffect() {
        CancellationToken token = new CancellationToken();
        BatchOptions options = BatchOptions.defaults().cancellation(token).onProgress(p -> {
            if (p.done() == p.total()) {
                token.cancel();
            }
        });
        try (ArimaBatch b = SPEC.fitAll(workload(4, 80), options)) {
            assertNotNull(b);
            assertTrue(b.succeeded(3));
        }
        assertTrue(token.isCancelled());
    }
}
