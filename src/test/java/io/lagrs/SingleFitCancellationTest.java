package io.lagrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A single fit ({@code Arima.fit}, {@code AutoArima.fit}) is cancelled by an interrupt of the
 * calling thread as a batch call is: {@link CancellationException}, interrupt status kept, an
 * already interrupted thread refused at once; never {@link LagrsException}.
 */
class SingleFitCancellationTest {
    /** Uncancelled, a fit of this model to {@link #veryLongSeries()} takes tens of seconds. */
    private static final Arima LONG_SPEC = Arima.order(2, 1, 2).seasonal(1, 1, 1, 12);

    private static double[] veryLongSeries() {
        double[] y = new double[200_000];
        for (int t = 0; t < y.length; t++) {
            y[t] = Math.sin(t * 7919 % 1009) + Math.cos(t * 1e-3);
        }
        return y;
    }

    /** Runs {@code fit} on a thread of its own, interrupts it mid-fit and returns what it threw. */
    private static void assertInterruptStopsIt(String what, Function<double[], ArimaModel> fit) throws Exception {
        double[] y = veryLongSeries();
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean interruptKept = new AtomicBoolean();
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread runner = new Thread(() -> {
            started.countDown();
            try (ArimaModel m = fit.apply(y)) {
                outcome.complete(null);
            } catch (Throwable e) {
                interruptKept.set(Thread.currentThread().isInterrupted());
                outcome.complete(e);
            }
        }, "single-fit-runner");
        runner.start();
        started.await();
        Thread.sleep(300);
        long interruptAt = System.nanoTime();
        runner.interrupt();
        Throwable e = outcome.get(30, TimeUnit.SECONDS);
        long latencyMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - interruptAt);
        assertTrue(e instanceof CancellationException, what + ": cancelled, got " + e);
        assertTrue(e.getMessage().contains("interrupted"), e.getMessage());
        assertTrue(interruptKept.get(), what + ": the interrupt status stays set");
        assertTrue(latencyMillis < 1000, what + ": returned " + latencyMillis + " ms after the interrupt");
        runner.join();
    }

    @Test
    void interruptingALongFitStopsItWithinASecond() throws Exception {
        assertInterruptStopsIt("Arima.fit", LONG_SPEC::fit);
        AutoArima auto = AutoArima.builder().seasonalPeriod(12).build();
        assertInterruptStopsIt("AutoArima.fit", auto::fit);
    }

    @Test
    void anInterruptedThreadIsRefusedAtOnceAndKeepsItsStatus() {
        double[] y = ArimaModelTest.arma11(100, 4);
        Thread.currentThread().interrupt();
        try {
            CancellationException e = assertThrows(CancellationException.class, () -> Arima.order(1, 0, 1).fit(y));
            assertEquals("Arima.fit not started: the calling thread is interrupted", e.getMessage());
            assertThrows(CancellationException.class, () -> AutoArima.builder().build().fit(y));
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
        // Nothing is left behind: the next fit on this thread works.
        try (ArimaModel m = Arima.order(1, 0, 1).fit(y)) {
            assertEquals(3, m.coefficients().length);
        }
    }

    @Test
    void theWatcherThreadEndsWhenNoFitIsInFlight() throws Exception {
        try (ArimaModel m = Arima.order(1, 0, 0).fit(ArimaModelTest.arma11(60, 5))) {
            assertTrue(Double.isFinite(m.logLikelihood()));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (watcherAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertFalse(watcherAlive(), "lagrs-interrupt-watcher ends after its idle second");
    }

    private static boolean watcherAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("lagrs-interrupt-watcher") && t.isAlive());
    }
}
