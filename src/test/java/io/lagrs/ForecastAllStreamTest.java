package io.lagrs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The streamed {@link ModelSpec#forecastAll(double[], int[], int, double[], BatchOptions,
 * BatchForecastSink)}: its chunks, concatenated, are the all-at-once call's result to the bit;
 * a sink that throws, a cancel or an interrupt stops it as a throwing listener would, leaving
 * no native state behind; bad arguments are named.
 */
class ForecastAllStreamTest {
    /** 45,000 series of 60 values, h = 24 and two levels: 120 output values a series, 3 chunks. */
    private static final int SERIES = 45_000;
    private static final int LENGTH = 60;
    private static final int H = 24;
    private static final double[] LEVELS = {0.8, 0.95};
    private static final int[] BROKEN = {3, 17_476, 44_999};
    private static final ModelSpec SPEC = Baseline.seasonalNaive(12);

    private static double[] values(int[] offsets) {
        Random random = new Random(5);
        int n = offsets.length - 1;
        double[] values = new double[n * LENGTH];
        for (int j = 0; j < n; j++) {
            offsets[j + 1] = offsets[j] + LENGTH;
            for (int t = 0; t < LENGTH; t++) {
                values[offsets[j] + t] = 100 + j % 89 + 5 * Math.sin(2 * Math.PI * t / 12) + random.nextGaussian();
            }
        }
        for (int j : BROKEN) {
            if (j < n) {
                values[offsets[j] + 9] = Double.NEGATIVE_INFINITY;
            }
        }
        return values;
    }

    private record Chunk(int first, BatchForecast forecasts, Thread thread) {
    }

    @Test
    void theChunksConcatenatedAreTheWholeBatchToTheBit() {
        int[] offsets = new int[SERIES + 1];
        double[] values = values(offsets);
        BatchForecast all = SPEC.forecastAll(values, offsets, H, LEVELS, BatchOptions.defaults());
        List<Chunk> chunks = new ArrayList<>();
        SPEC.forecastAll(values, offsets, H, LEVELS, BatchOptions.defaults(),
                (first, chunk) -> chunks.add(new Chunk(first, chunk, Thread.currentThread())));
        assertTrue(chunks.size() >= 2, "several chunks: " + chunks.size());
        int next = 0;
        double[] means = new double[SERIES * H];
        for (Chunk c : chunks) {
            assertEquals(next, c.first(), "chunks come in series order, none skipped");
            assertSame(Thread.currentThread(), c.thread(), "the sink runs on the calling thread");
            BatchForecast f = c.forecasts();
            assertEquals(H, f.horizon());
            assertArrayEquals(LEVELS, f.levels());
            System.arraycopy(f.means(), 0, means, next * H, f.size() * H);
            for (int i = 0; i < f.size(); i++) {
                int j = next + i;
                assertEquals(all.error(j), f.error(i), "series " + j);
                assertEquals(all.label(j), f.label(i), "series " + j);
                // IntervalForecast compares its arrays with Arrays.equals: bit for bit.
                assertEquals(all.forecast(j), f.forecast(i), "series " + j);
            }
            next += f.size();
        }
        assertEquals(SERIES, next);
        // Arrays.equals on doubles compares the bits (NaN of failed series included).
        assertTrue(java.util.Arrays.equals(all.means(), means), "means equal to the bit");
        for (int j : BROKEN) {
            assertFalse(all.succeeded(j));
        }
    }

    @Test
    void aThrowingSinkStopsTheCallAndLeavesNothingBehind() {
        int[] offsets = new int[SERIES + 1];
        double[] values = values(offsets);
        long runs = NativeDiagnostics.liveBatchRuns0();
        for (Throwable thrown : new Throwable[] {new IllegalStateException("full disk"), new AssertionError("sink")}) {
            AtomicInteger calls = new AtomicInteger();
            // A listener too: the call must end without its final report hiding the sink's failure.
            BatchOptions options = BatchOptions.defaults().onProgress(p -> { }, Runnable::run);
            CancellationException e = assertThrows(CancellationException.class,
                    () -> SPEC.forecastAll(values, offsets, H, LEVELS, options, (first, chunk) -> {
                        if (calls.incrementAndGet() == 2) {
                            throwUnchecked(thrown);
                        }
                    }));
            assertSame(thrown, e.getCause());
            assertTrue(e.getMessage().contains("sink"), e.getMessage());
            assertEquals(2, calls.get(), "no chunk after the one that threw");
        }
        assertEquals(runs, NativeDiagnostics.liveBatchRuns0(), "the runs' native state is freed");
    }

    private static void throwUnchecked(Throwable t) {
        if (t instanceof Error e) {
            throw e;
        }
        throw (RuntimeException) t;
    }

    @Test
    void aCancelOrAnInterruptFromTheSinkStopsTheCall() {
        int[] offsets = new int[SERIES + 1];
        double[] values = values(offsets);
        long runs = NativeDiagnostics.liveBatchRuns0();
        CancellationToken token = new CancellationToken();
        AtomicInteger calls = new AtomicInteger();
        CancellationException cancelled = assertThrows(CancellationException.class,
                () -> SPEC.forecastAll(values, offsets, H, LEVELS, BatchOptions.defaults().cancellation(token),
                        (first, chunk) -> {
                            calls.incrementAndGet();
                            token.cancel();
                        }));
        assertEquals(1, calls.get(), "no chunk is handed out after the cancel");
        assertTrue(cancelled.getMessage().contains("cancelled"), cancelled.getMessage());

        calls.set(0);
        try {
            CancellationException interrupted = assertThrows(CancellationException.class,
                    () -> SPEC.forecastAll(values, offsets, H, LEVELS, BatchOptions.defaults(), (first, chunk) -> {
                        calls.incrementAndGet();
                        Thread.currentThread().interrupt();
                    }));
            assertTrue(interrupted.getMessage().contains("interrupted"), interrupted.getMessage());
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt status stays set");
            assertEquals(1, calls.get(), "no chunk is handed out after the interrupt");
        } finally {
            Thread.interrupted();
        }
        assertEquals(runs, NativeDiagnostics.liveBatchRuns0(), "the runs' native state is freed");
    }

    @Test
    void badArgumentsAreNamed() {
        int[] offsets = new int[4];
        double[] values = values(offsets);
        BatchOptions o = BatchOptions.defaults();
        BatchForecastSink sink = (first, chunk) -> {
            throw new AssertionError("no chunk for a bad call");
        };
        assertNamed(NullPointerException.class, "values", () -> SPEC.forecastAll(null, offsets, H, LEVELS, o, sink));
        assertNamed(NullPointerException.class, "offsets", () -> SPEC.forecastAll(values, null, H, LEVELS, o, sink));
        assertNamed(NullPointerException.class, "levels", () -> SPEC.forecastAll(values, offsets, H, null, o, sink));
        assertNamed(NullPointerException.class, "options", () -> SPEC.forecastAll(values, offsets, H, LEVELS, null, sink));
        assertNamed(NullPointerException.class, "sink",
                () -> SPEC.forecastAll(values, offsets, H, LEVELS, o, (BatchForecastSink) null));
        assertNamed(IllegalArgumentException.class, "offsets",
                () -> SPEC.forecastAll(values, new int[] {0, 60, 50, 180}, H, LEVELS, o, sink));
        assertNamed(IllegalArgumentException.class, "offsets",
                () -> SPEC.forecastAll(values, new int[] {0, 60}, H, LEVELS, o, sink));
        assertNamed(IllegalArgumentException.class, "offsets",
                () -> SPEC.forecastAll(values, new int[0], H, LEVELS, o, sink));
        assertNamed(IllegalArgumentException.class, "h", () -> SPEC.forecastAll(values, offsets, 0, LEVELS, o, sink));
        assertNamed(IllegalArgumentException.class, "level",
                () -> SPEC.forecastAll(values, offsets, H, new double[] {0.8, 1.5}, o, sink));
    }

    private static void assertNamed(Class<? extends RuntimeException> type, String name, Runnable call) {
        RuntimeException e = assertThrows(type, call::run);
        assertTrue(e.getMessage() != null && e.getMessage().contains(name), name + ": " + e.getMessage());
    }
}
