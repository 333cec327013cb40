package io.lagrs;

import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import java.util.function.LongUnaryOperator;

/**
 * One batch call in flight: the native counters and cancel flag of the call (its handle is
 * passed to the native fitting function), a watcher thread that turns an interrupt of the
 * calling thread into a native cancel (a token's cancel reaches the run directly) and takes the
 * progress counts, and the {@link ProgressReports} that hand those counts to the listener.
 *
 * <p>The watcher never runs user code and never waits for it: the listener runs on a thread of
 * its own (or the executor), so whatever it does, a cancel or an interrupt reaches the native
 * side within the watcher's tick, and the end of the call waits for it only as
 * {@link ProgressReports} bounds. No lock of lagrs is held while user code runs.
 *
 * <p>For any "fit all" entry point: {@code BatchRun.run("AutoArima.fitAll", n, options,
 * run -> fitAll0(..., run), ArimaBatch::free0)} returns the results' handle, or throws
 * {@link CancellationException} as {@link BatchOptions} documents. The native side takes the
 * run's control with {@code batch::control(run)} (jni/src/batch.rs).
 */
final class BatchRun extends NativeHandle {
    /** How often the watcher looks at the calling thread's interrupt status. */
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final int total;

    private BatchRun(long handle, int total) {
        super(handle, BatchRun::free0, "BatchRun");
        this.total = total;
    }

    /**
     * Runs {@code fit} (given this run's handle, returning the results' handle) on the calling
     * thread, watched as {@link BatchOptions} describes.
     *
     * @param what the public call, for messages ("Arima.fitAll")
     * @param freeResults frees the results' handle when the call is cancelled after all
     * @throws CancellationException if the call was cancelled (see {@link BatchOptions})
     */
    static long run(String what, int total, BatchOptions options, LongUnaryOperator fit, LongConsumer freeResults) {
        Checks.notNull(options, "options");
        Thread caller = Thread.currentThread();
        CancellationToken token = options.token();
        if (caller.isInterrupted()) {
            throw new CancellationException(what + " not started: the calling thread is interrupted");
        }
        if (token != null && token.isCancelled()) {
            throw new CancellationException(what + " not started: its cancellation token is cancelled");
        }
        NativeLibrary.load();
        try (BatchRun run = new BatchRun(create0(total, options.threadCount()), total)) {
            ProgressReports reports = options.listener() == null ? null
                    : new ProgressReports(options.listener(), options.executor(), run::cancel);
            try {
                long results = 0;
                Throwable sinkFailure = null;
                try {
                    results = run.fitWatched(caller, options, reports, fit);
                } catch (SinkFailure f) {
                    sinkFailure = f.getCause();
                }
                return run.outcome(what, caller, token, reports, results, sinkFailure, freeResults);
            } finally {
                if (reports != null) {
                    reports.end();
                }
            }
        }
    }

    /** Runs the native fit while the watcher (and the reports, if any) run. */
    private long fitWatched(Thread caller, BatchOptions options, ProgressReports reports, LongUnaryOperator fit) {
        CancellationToken token = options.token();
        Watcher watcher = new Watcher(this, caller, reports, options.interval().toNanos());
        try {
            if (token != null) {
                token.register(this);
            }
            if (reports != null) {
                reports.start();
            }
            watcher.start();
            return call(fit::applyAsLong);
        } finally {
            watcher.stop();
            if (token != null) {
                token.unregister(this);
            }
        }
    }

    /**
     * The results, or the call's {@link CancellationException}; whatever happens here (a
     * listener's {@code Error} included), results that are not returned are freed.
     */
    private long outcome(String what, Thread caller, CancellationToken token, ProgressReports reports, long results,
            Throwable sinkFailure, LongConsumer freeResults) {
        boolean returned = false;
        try {
            // {done, failed, cancelled, total}
            int[] c = call(BatchRun::progress0);
            BatchProgress last = new BatchProgress(c[0], c[1], total);
            boolean cutShort = c[2] > 0 || sinkFailure != null;
            Throwable listenerFailure = reports == null ? null : reports.finish(cutShort, last, token);
            if (listenerFailure == null && !cutShort) {
                returned = true;
                return results;
            }
            if (sinkFailure != null) {
                listenerFailure = sinkFailure;
            }
            String why = sinkFailure != null ? "the sink threw"
                    : listenerFailure != null ? "the progress listener threw"
                    : caller.isInterrupted() ? "the calling thread was interrupted" : "it was cancelled";
            CancellationException e = new CancellationException(what + " stopped because " + why
                    + ": " + last.done() + " of " + total + " series had finished");
            if (listenerFailure != null) {
                e.initCause(listenerFailure);
            }
            throw e;
        } finally {
            if (!returned) {
                freeResults.accept(results);
            }
        }
    }

    /**
     * Whether the run with this handle was cut short (a series was cancelled): a streaming call
     * checks it before handing a chunk to user code, so no cancelled result reaches it.
     */
    static boolean cutShort(long handle) {
        return progress0(handle)[2] > 0;
    }

    /**
     * What user code called on the calling thread during the run (a streaming call's sink)
     * threw, wrapped so that {@link #run} ends the call as for a listener that threw: a
     * {@link CancellationException} with it as the cause, no final report.
     */
    static final class SinkFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SinkFailure(Throwable cause) {
            super(cause);
        }
    }

    /** Asks the native side to stop; a no-op once the run is over. */
    void cancel() {
        try {
            call(h -> {
                cancel0(h);
                return null;
            });
        } catch (IllegalStateException finished) {
            // The run ended (and was closed) before the cancel reached it: nothing to stop.
        }
    }

    BatchProgress progress() {
        int[] c = call(BatchRun::progress0);
        return new BatchProgress(c[0], c[1], total);
    }

    /**
     * The per-call daemon thread that watches: it cancels the run when the calling thread is
     * interrupted and offers the progress counts to the reports. It runs no user code, so
     * nothing a listener does can delay it; a token's cancel reaches the run directly.
     */
    private static final class Watcher implements Runnable {
        private final BatchRun run;
        private final Thread caller;
        private final ProgressReports reports;
        private final long intervalNanos;
        private volatile boolean stopped;
        private Thread thread;

        Watcher(BatchRun run, Thread caller, ProgressReports reports, long intervalNanos) {
            this.run = run;
            this.caller = caller;
            this.reports = reports;
            this.intervalNanos = intervalNanos;
        }

        void start() {
            thread = new Thread(this, "lagrs-batch-watcher");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void run() {
            // Differences of nanoTime stay right when this sum wraps (an interval of ~292 years).
            long nextReport = System.nanoTime() + intervalNanos;
            BatchProgress lastOffered = null;
            while (!stopped) {
                LockSupport.parkNanos(this, TICK_NANOS);
                if (stopped) {
                    return;
                }
                try {
                    if (caller.isInterrupted()) {
                        run.cancel();
                    }
                    long now = System.nanoTime();
                    if (reports != null && now - nextReport >= 0) {
                        nextReport = now + intervalNanos;
                        BatchProgress p = run.progress();
                        if (!p.equals(lastOffered)) {
                            lastOffered = p;
                            reports.offer(p);
                        }
                    }
                } catch (RuntimeException | Error e) {
                    // The run was closed as the call ended (IllegalStateException), or a
                    // failure of this tick: either way the watcher must go on until stopped,
                    // or later interrupts would go unnoticed.
                }
            }
        }

        /**
         * Ends the watcher without waiting for it: a tick under way may still finish, but its
         * native calls meet a closed run and its offer finished reports, and both ignore it.
         */
        void stop() {
            stopped = true;
            LockSupport.unpark(thread);
        }
    }

    private static native long create0(int total, int threads);

    private static native int[] progress0(long handle);

    private static native void cancel0(long handle);

    private static native void free0(long handle);
}
