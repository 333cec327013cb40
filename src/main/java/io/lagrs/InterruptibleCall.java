package io.lagrs;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * One single-series native call ({@code Arima.fit}, {@code AutoArima.fit}) that an interrupt
 * of the calling thread cancels, as it cancels a batch call ({@link BatchRun}): a long seasonal
 * fit on a long series can take seconds. The call gets the handle of a native cancel flag
 * (jni/src/interruptible.rs), which the core polls at every likelihood evaluation; one shared
 * daemon thread, {@code lagrs-interrupt-watcher}, looks at the interrupt status of every thread
 * inside such a call every 20 ms and sets its flag. The watcher runs only while calls are in
 * flight (it ends after a second without any), so a program that never fits never has it.
 *
 * <p>A cancelled call throws {@link CancellationException} (mapped from the core's
 * cancellation by the bridge, jni/src/error.rs); the interrupt status stays set. An already
 * interrupted thread throws at once. A call that finished before the watcher saw the interrupt
 * returns its result.
 */
final class InterruptibleCall {
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private static final Object LOCK = new Object();
    /** Threads inside a call, and their flags. Guarded by LOCK. */
    private static final Map<Thread, Long> WATCHED = new HashMap<>();
    /** The watcher thread, or null when none runs. Guarded by LOCK. */
    private static Thread watcher;

    private InterruptibleCall() {
    }

    /**
     * Runs {@code call} (given the handle of its cancel flag) on the calling thread, cancelled
     * by an interrupt of that thread.
     *
     * @param what the public call, for messages ("Arima.fit")
     * @throws CancellationException if the thread is or gets interrupted before the call ends
     */
    static <T> T run(String what, LongFunction<T> call) {
        Thread caller = Thread.currentThread();
        if (caller.isInterrupted()) {
            throw new CancellationException(what + " not started: the calling thread is interrupted");
        }
        NativeLibrary.load();
        long flag = create0();
        try {
            watch(caller, flag);
            try {
                return call.apply(flag);
            } finally {
                unwatch(caller);
            }
        } finally {
            // After unwatch: the watcher never touches a freed flag.
            free0(flag);
        }
    }

    private static void watch(Thread caller, long flag) {
        synchronized (LOCK) {
            WATCHED.put(caller, flag);
            if (watcher == null) {
                watcher = new Thread(InterruptibleCall::watchLoop, "lagrs-interrupt-watcher");
                watcher.setDaemon(true);
                watcher.start();
            }
        }
    }

    private static void unwatch(Thread caller) {
        synchronized (LOCK) {
            WATCHED.remove(caller);
        }
    }

    private static void watchLoop() {
        long idleSince = System.nanoTime();
        while (true) {
            LockSupport.parkNanos(TICK_NANOS);
            synchronized (LOCK) {
                long now = System.nanoTime();
                if (!WATCHED.isEmpty()) {
                    idleSince = now;
                } else if (now - idleSince >= IDLE_NANOS) {
                    watcher = null;
                    return;
                }
                for (Map.Entry<Thread, Long> e : WATCHED.entrySet()) {
                    if (e.getKey().isInterrupted()) {
                        try {
                            cancel0(e.getValue());
                        } catch (RuntimeException | Error ignored) {
                            // Cannot happen (the flag lives until its call is unwatched); the
                            // watcher must outlive it anyway.
                        }
                    }
                }
            }
        }
    }

    private static native long create0();

    private static native void cancel0(long flag);

    private static native void free0(long flag);
}
