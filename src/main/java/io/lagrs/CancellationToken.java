package io.lagrs;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Cancels batch calls from any thread: pass it with {@link BatchOptions#cancellation}, call
 * {@link #cancel()} when the work is no longer wanted. Every call using the token (now running
 * or started later) then stops within a second, even while long series are being fitted, and
 * throws {@link java.util.concurrent.CancellationException}. Cancelling is permanent and
 * idempotent; one token may serve many calls. Thread-safe.
 */
public final class CancellationToken {
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final Set<BatchRun> running = ConcurrentHashMap.newKeySet();

    /** A token not yet cancelled. */
    public CancellationToken() {
    }

    /** Cancels every call using this token; calls started later are cancelled at once. */
    public void cancel() {
        if (cancelled.compareAndSet(false, true)) {
            for (BatchRun run : running) {
                run.cancel();
            }
        }
    }

    /**
     * Whether {@link #cancel()} was called.
     *
     * @return true once {@link #cancel()} has been called
     */
    public boolean isCancelled() {
        return cancelled.get();
    }

    void register(BatchRun run) {
        running.add(run);
        // A cancel racing with the add above has either seen the run or set the flag first.
        if (cancelled.get()) {
            run.cancel();
        }
    }

    void unregister(BatchRun run) {
        running.remove(run);
    }
}
