package io.lagrs;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * How a batch call ({@link Arima#fitAll(double[][], BatchOptions)}, and the flat
 * {@code values + offsets} form) runs: on how many threads, who is told of its progress, and
 * what cancels it. Immutable; each {@code with}-style method returns a new instance.
 *
 * <pre>{@code
 * CancellationToken stop = new CancellationToken();
 * BatchOptions options = BatchOptions.defaults()
 *         .threads(4)
 *         .onProgress(p -> log.info("{} of {} fitted, {} failed", p.done(), p.total(), p.failed()))
 *         .cancellation(stop);
 * try (ArimaBatch b = Arima.order(1, 1, 1).fitAll(series, options)) { ... }
 * }</pre>
 *
 * <p><b>Threads.</b> Each call runs on a thread pool of its own, created for the call and
 * ended after it; it never uses or configures a pool the application may share (such as
 * rayon's global pool or the common {@link java.util.concurrent.ForkJoinPool}).
 *
 * <p><b>Cancellation.</b> A call stops within a second when its {@link CancellationToken} is
 * cancelled or when the calling thread is interrupted ({@link Thread#interrupt()}), even while
 * long series are being fitted and whatever its progress listener is doing. It then throws
 * {@link java.util.concurrent.CancellationException} and keeps no result (every native state
 * of the call is freed); an interrupted caller's interrupt status stays set. A call made on an
 * already interrupted thread, or with an already cancelled token, throws at once. A cancel that
 * arrives after every series has finished has no effect on the result (the call only stops
 * waiting for a progress report still running, see {@link #onProgress(Consumer)}).
 */
public final class BatchOptions {
    /** The most threads one call may use. */
    public static final int MAX_THREADS = 1024;

    private static final BatchOptions DEFAULTS = new BatchOptions(0, null, null, null, Duration.ofMillis(200));

    private final int threads;
    private final Consumer<BatchProgress> listener;
    private final Executor executor;
    private final CancellationToken token;
    private final Duration interval;

    private BatchOptions(int threads, Consumer<BatchProgress> listener, Executor executor,
            CancellationToken token, Duration interval) {
        this.threads = threads;
        this.listener = listener;
        this.executor = executor;
        this.token = token;
        this.interval = interval;
    }

    /**
     * All cores, no progress listener, no token (interrupting the caller still cancels).
     *
     * @return the shared default options
     */
    public static BatchOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Runs the call on {@code threads} threads (default: {@link Runtime#availableProcessors()}).
     * One thread fits the series one after another on a single worker.
     *
     * @param threads number of worker threads, 1 to {@value #MAX_THREADS}
     * @return new options with this setting; these options are unchanged
     * @throws IllegalArgumentException unless {@code 1 <= threads <= MAX_THREADS}
     */
    public BatchOptions threads(int threads) {
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("threads must be in [1, " + MAX_THREADS + "], got " + threads);
        }
        return new BatchOptions(threads, listener, executor, token, interval);
    }

    /**
     * Tells {@code listener} the progress while the call runs: at most once per
     * {@link #progressInterval(Duration) interval} and only when the counts changed, on a
     * daemon thread lagrs starts for the call ({@code lagrs-batch-progress}), then once more
     * with the final counts on the calling thread before the call returns. Reports never
     * overlap, so the listener needs no locking, and lagrs holds no lock of its own while the
     * listener runs. A slow listener gets fewer reports (only the newest counts wait for it),
     * never a backlog.
     *
     * <p>A listener cannot hold the call: cancelling and interrupting work within a second
     * whatever it does, and a cancelled call throws without a final report (its exception
     * says how many series had finished). When every series is done, the call waits for a
     * report still running for at most a second, and not at all once it is cancelled or
     * interrupted; a report still running then is abandoned (it finishes on its own thread,
     * after the call returned) and the final report is left out, so that reports still never
     * overlap.
     *
     * <p>If the listener throws anything (an {@code Error} too) before the call returns, the
     * call is cancelled, every native state of it is freed, and its
     * {@code CancellationException} has that exception as its cause. An abandoned report's
     * exception, thrown after the call returned, stays with the thread that ran it.
     *
     * @param listener receives the counts of series done, failed and in total
     * @return new options with this setting; these options are unchanged
     * @throws NullPointerException if listener is null
     */
    public BatchOptions onProgress(Consumer<BatchProgress> listener) {
        Checks.notNull(listener, "listener");
        return new BatchOptions(threads, listener, null, token, interval);
    }

    /**
     * As {@link #onProgress(Consumer)}, but every report is handed to {@code executor} (e.g. a
     * UI thread or the application's own pool) instead of running on lagrs' thread or the
     * calling thread. Reports still never overlap, even on a pool of many threads: the next
     * report is handed over only after the previous one has run. An exception thrown by a
     * report, or by {@code executor.execute}, while the call runs cancels the call as for
     * {@link #onProgress(Consumer)}. The final report is handed over before the call returns
     * and may run after it; its exception stays with the executor. A report the executor has
     * not started when the call returns is skipped.
     *
     * @param listener receives the counts of series done, failed and in total
     * @param executor runs each call of the listener
     * @return new options with this setting; these options are unchanged
     * @throws NullPointerException if listener or executor is null
     */
    public BatchOptions onProgress(Consumer<BatchProgress> listener, Executor executor) {
        Checks.notNull(listener, "listener");
        Checks.notNull(executor, "executor");
        return new BatchOptions(threads, listener, executor, token, interval);
    }

    /**
     * Cancels the call when {@code token} is cancelled (see the class description).
     *
     * @param token the token whose {@code cancel()} stops the call
     * @return new options with this setting; these options are unchanged
     * @throws NullPointerException if token is null
     */
    public BatchOptions cancellation(CancellationToken token) {
        Checks.notNull(token, "token");
        return new BatchOptions(threads, listener, executor, token, interval);
    }

    /**
     * The shortest time between two progress reports; default 200 ms.
     *
     * @param interval minimum time between reports, at least 10 ms and at most
     *     {@link Long#MAX_VALUE} nanoseconds (about 292 years)
     * @return new options with this setting; these options are unchanged
     * @throws NullPointerException if interval is null
     * @throws IllegalArgumentException if interval is shorter than 10 ms or longer than
     *     {@link Long#MAX_VALUE} nanoseconds
     */
    public BatchOptions progressInterval(Duration interval) {
        Checks.notNull(interval, "interval");
        if (interval.compareTo(Duration.ofMillis(10)) < 0) {
            throw new IllegalArgumentException("interval must be at least 10 ms, got " + interval);
        }
        // A call counts the interval in nanoseconds (System.nanoTime), so it must fit a long.
        if (interval.compareTo(Duration.ofNanos(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("interval must be at most Long.MAX_VALUE ns (about 292 years), got "
                    + interval);
        }
        return new BatchOptions(threads, listener, executor, token, interval);
    }

    /** The thread count a call uses: the chosen one, or one per available processor. */
    int threadCount() {
        return threads > 0 ? threads : Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors());
    }

    Consumer<BatchProgress> listener() {
        return listener;
    }

    Executor executor() {
        return executor;
    }

    CancellationToken token() {
        return token;
    }

    Duration interval() {
        return interval;
    }

    @Override
    public String toString() {
        return "BatchOptions[threads=" + (threads > 0 ? threads : "all cores") + ", progress="
                + (listener != null) + ", cancellation=" + (token != null) + ", interval=" + interval + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BatchOptions b && threads == b.threads && listener == b.listener
                && executor == b.executor && token == b.token && interval.equals(b.interval);
    }

    @Override
    public int hashCode() {
        return Objects.hash(threads, System.identityHashCode(listener), System.identityHashCode(executor),
                System.identityHashCode(token), interval);
    }
}
