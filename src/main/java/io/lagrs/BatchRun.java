package io.lagrs;

import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.LongUnaryOperator;

/**
 * One batch call in flight: the native counters and cancel flag of the call (its handle is
 * passed to the native fitting function), and a watcher thread that reports progress and turns
 * an interrupt of the calling thread into a cancel.
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
            Watcher watcher = new Watcher(run, caller, options);
            if (token != null) {
                token.register(run);
            }
            long results;
            try {
                watcher.start();
                results = run.call(fit::applyAsLong);
            } finally {
                watcher.stop();
                if (token != null) {
                    token.unregister(run);
                }
            }
            BatchProgress last = run.progress();
            RuntimeException listenerFailure = watcher.failure;
            if (listenerFailure == null) {
                try {
                    watcher.deliver(last);
                } catch (RuntimeException e) {
                    listenerFailure = e;
                }
            }
            if (listenerFailure != null || run.wasCutShort()) {
                freeResults.accept(results);
                String why = listenerFailure != null ? "the progress listener threw"
                        : caller.isInterrupted() ? "the calling thread was interrupted" : "it was cancelled";
                CancellationException e = new CancellationException(what + " stopped because " + why
                        + ": " + last.done() + " of " + total + " series had finished");
                if (listenerFailure != null) {
                    e.initCause(listenerFailure);
                }
                throw e;
            }
            return results;
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
        // {done, failed, cancelled, total}
        return new BatchProgress(c[0], c[1], total);
    }

    private boolean wasCutShort() {
        return call(BatchRun::progress0)[2] > 0;
    }

    /** The per-call daemon thread: progress reports and interrupt watching. */
    private static final class Watcher implements Runnable {
        private final BatchRun run;
        private final Thread caller;
        private final Consumer<BatchProgress> listener;
        private final java.util.concurrent.Executor executor;
        private final long intervalNanos;
        private final Object lock = new Object();
        private boolean stopped;
        private Thread thread;
        private BatchProgress lastReported;
        volatile RuntimeException failure;

        Watcher(BatchRun run, Thread caller, BatchOptions options) {
            this.run = run;
            this.caller = caller;
            this.listener = options.listener();
            this.executor = options.executor();
            this.intervalNanos = options.interval().toNanos();
        }

        void start() {
            thread = new Thread(this, "lagrs-batch-watcher");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void run() {
            long nextReport = System.nanoTime() + intervalNanos;
            while (true) {
                LockSupport.parkNanos(this, TICK_NANOS);
                synchronized (lock) {
                    if (stopped) {
                        return;
                    }
                    if (caller.isInterrupted()) {
                        run.cancel();
                    }
                    long now = System.nanoTime();
                    if (listener != null && now - nextReport >= 0) {
                        nextReport = now + intervalNanos;
                        BatchProgress p = run.progress();
                        if (!p.equals(lastReported)) {
                            try {
                                deliver(p);
                            } catch (RuntimeException e) {
                                failure = e;
                                run.cancel();
                                return;
                            }
                        }
                    }
                }
            }
        }

        /** Hands one report to the listener (under the lock, so reports never overlap). */
        void deliver(BatchProgress p) {
            if (listener == null) {
                return;
            }
            lastReported = p;
            if (executor != null) {
                executor.execute(() -> listener.accept(p));
            } else {
                listener.accept(p);
            }
        }

        /** Ends the watcher; after this it makes no native call and no report. */
        void stop() {
            synchronized (lock) {
                stopped = true;
            }
            LockSupport.unpark(thread);
        }
    }

    private static native long create0(int total, int threads);

    private static native int[] progress0(long handle);

    private static native void cancel0(long handle);

    private static native void free0(long handle);
}
