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
 * long series are being fitted. It then throws {@link java.util.concurrent.CancellationException}
 * and keeps no result (every native state of the call is freed); an interrupted caller's
 * interrupt status stays set. A call made on an already interrupted thread, or with an already
 * cancelled token, throws at once. A cancel that arrives after every series has finished has
 * no effect.
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
     * daemon thread lagrs starts for the call, then once more with the final counts on the
     * calling thread before the call returns or throws. Calls never overlap, so the listener
     * needs no locking; keep it quick (a slow listener delays the end of the call). If it
     * throws, the call is cancelled and its {@code CancellationException} has that exception
     * as its cause.
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
     * As {@link #onProgress(Consumer)}, but every call of the listener is handed to
     * {@code executor} (e.g. a UI thread or the application's own pool); ordering and overlap
     * of the calls are then the executor's, and an exception thrown by the listener stays with
     * the executor.
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
     * @param interval minimum time between reports, at least 10 ms
     * @return new options with this setting; these options are unchanged
     * @throws NullPointerException if interval is null
     * @throws IllegalArgumentException if interval is shorter than 10 ms
     */
    public BatchOptions progressInterval(Duration interval) {
        Checks.notNull(interval, "interval");
        if (interval.compareTo(Duration.ofMillis(10)) < 0) {
            throw new IllegalArgumentException("interval must be at least 10 ms, got " + interval);
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
