package io.lagrs;

import java.lang.reflect.UndeclaredThrowableException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The progress reports of one batch call ({@link BatchRun}), handed to the listener one at a
 * time and never while a lock of lagrs is held.
 *
 * <p>The call's watcher {@link #offer offers} the latest counts and never waits; a daemon
 * thread of the call, {@code lagrs-batch-progress}, runs the listener (or hands the report to
 * the listener's executor and waits until it has run) before it takes the next one. Only the
 * newest report not yet taken is kept, so a slow listener gets fewer reports, never a queue.
 *
 * <p>Nothing of lagrs waits for the listener without a bound: when the series are done the
 * calling thread waits at most {@link #LAST_REPORT_WAIT_NANOS} for a report still running
 * (not at all once the call is cancelled or its thread interrupted), and then abandons it: the
 * report ends on its own thread, and the final report is left out so as not to overlap it. A
 * listener that blocks, spins, or waits for a lock the calling thread holds therefore cannot
 * hold the call. A cancelled call gets no final report: it throws at once.
 *
 * <p>Whatever the listener throws ({@code Error}s too) while the call is running cancels the
 * call and becomes its {@link CancellationException}'s cause ({@link #finish}); once the call
 * has returned, an exception of an abandoned report is left to the thread that ran it.
 */
final class ProgressReports {
    /** How long the end of a call waits for a report still running. */
    static final long LAST_REPORT_WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** How often that wait looks at the token (a cancel does not wake it). */
    private static final long TICK_MILLIS = 20;

    private final Consumer<BatchProgress> listener;
    private final Executor executor;
    private final Runnable cancel;
    private final Thread thread;

    private final Object lock = new Object();
    /** The newest report not yet taken. Guarded by lock, as are the fields below. */
    private BatchProgress pending;
    /** A report was taken and has not finished (or was handed to the executor and not run). */
    private boolean busy;
    /** No report starts any more. */
    private boolean closed;
    /** The call has returned or thrown: a listener's exception is no longer the call's. */
    private boolean ended;
    private Throwable failure;

    /**
     * @param executor runs each report, or null for the call's own thread
     * @param cancel cancels the call (after the listener threw)
     */
    ProgressReports(Consumer<BatchProgress> listener, Executor executor, Runnable cancel) {
        this.listener = listener;
        this.executor = executor;
        this.cancel = cancel;
        this.thread = new Thread(this::deliverLoop, "lagrs-batch-progress");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Makes {@code p} the next report; never waits for the listener. */
    void offer(BatchProgress p) {
        synchronized (lock) {
            if (!closed) {
                pending = p;
                lock.notifyAll();
            }
        }
    }

    /**
     * Called by the calling thread once the fit is over: stops the reports, waits for one still
     * running as the class describes, then gives the listener the final counts, unless the call
     * was cut short (a cancelled call runs no more user code: it throws at once), a report is
     * still running, or the listener has already thrown.
     *
     * @param cutShort whether the call was cancelled before every series had finished
     * @return what the listener threw while the call ran (it cancels the call), or null
     */
    Throwable finish(boolean cutShort, BatchProgress last, CancellationToken token) {
        synchronized (lock) {
            closed = true;
            pending = null;
            if (!cutShort) {
                awaitIdle(token);
            }
            ended = true;
            lock.notifyAll();
            if (failure != null || cutShort || busy) {
                return failure;
            }
        }
        return finalReport(last);
    }

    /** Ends the reports at once (the call failed); idempotent. */
    void end() {
        synchronized (lock) {
            closed = true;
            ended = true;
            pending = null;
            lock.notifyAll();
        }
    }

    /** Waits, holding lock, while a report runs: at most the bound, and only while uncancelled. */
    private void awaitIdle(CancellationToken token) {
        long deadline = System.nanoTime() + LAST_REPORT_WAIT_NANOS;
        Thread caller = Thread.currentThread();
        while (busy && failure == null && !caller.isInterrupted() && (token == null || !token.isCancelled())) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                lock.wait(Math.max(1, Math.min(TICK_MILLIS, TimeUnit.NANOSECONDS.toMillis(left))));
            } catch (InterruptedException e) {
                // wait() cleared the caller's interrupt status, which must stay set.
                caller.interrupt();
                return;
            }
        }
    }

    /** The report with the final counts: on the calling thread, or handed to the executor. */
    private Throwable finalReport(BatchProgress last) {
        try {
            if (executor == null) {
                listener.accept(last);
            } else {
                // Runs after the call may have returned: its exception stays with the executor.
                executor.execute(() -> listener.accept(last));
            }
            return null;
        } catch (Throwable t) {
            return t;
        }
    }

    private void deliverLoop() {
        while (true) {
            BatchProgress p;
            synchronized (lock) {
                while (pending == null && !closed) {
                    waitIgnoringInterrupts();
                }
                if (closed) {
                    return;
                }
                p = pending;
                pending = null;
                busy = true;
            }
            if (executor == null) {
                runListener(p);
            } else {
                handOver(p);
            }
        }
    }

    /** Gives {@code p} to the executor and waits until it has run or the call has ended. */
    private void handOver(BatchProgress p) {
        try {
            executor.execute(() -> {
                synchronized (lock) {
                    if (ended) {
                        return; // a stale report the call no longer waits for
                    }
                }
                runListener(p);
            });
        } catch (Throwable rejected) {
            // A rejection after the call ended concerns nobody: there is nothing left to cancel.
            settle(rejected);
            return;
        }
        synchronized (lock) {
            while (busy && !ended) {
                waitIgnoringInterrupts();
            }
        }
    }

    /** Runs the listener on the current thread, holding no lock. */
    private void runListener(BatchProgress p) {
        Throwable thrown = null;
        try {
            listener.accept(p);
        } catch (Throwable t) {
            thrown = t;
        }
        if (settle(thrown)) {
            // The call is over: the exception belongs to the thread that ran the listener.
            if (thrown instanceof RuntimeException e) {
                throw e;
            }
            if (thrown instanceof Error e) {
                throw e;
            }
            throw new UndeclaredThrowableException(thrown);
        }
    }

    /**
     * Marks the running report finished. A failure while the call runs cancels it.
     *
     * @return whether {@code thrown} came after the call ended (so it cancels nothing)
     */
    private boolean settle(Throwable thrown) {
        boolean cancels;
        synchronized (lock) {
            busy = false;
            cancels = thrown != null && !ended;
            if (cancels) {
                failure = thrown;
                closed = true;
                pending = null;
            }
            lock.notifyAll();
        }
        if (cancels) {
            cancel.run();
        }
        return thrown != null && !cancels;
    }

    /** Only a listener can interrupt this thread, and that must not end its loop. */
    private void waitIgnoringInterrupts() {
        try {
            lock.wait();
        } catch (InterruptedException ignored) {
            // The flag is now clear; the condition is checked again by the caller's loop.
        }
    }
}
