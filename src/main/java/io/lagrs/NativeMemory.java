package io.lagrs;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Accounts for the native memory held by live {@link NativeHandle}s and, when much of it may
 * be garbage, helps the {@link java.lang.ref.Cleaner} along, as the JDK does for direct
 * buffers ({@code java.nio.Bits.reserveMemory}).
 *
 * <p>Why: a model is a few dozen bytes of Java heap in front of kilobytes of native state.
 * Forgotten models are freed by the Cleaner only after a garbage collection finds them, and a
 * small heap may go a long time between collections while native memory grows. So when the
 * native bytes held by unclosed objects pass a trigger, the thread creating a new object asks
 * for a collection ({@link System#gc()}, a hint the JVM may ignore) and waits, at most
 * {@link #MAX_WAIT_MILLIS} ms, while the Cleaner frees what the collection found. The trigger
 * is {@code lagrs.nativeMemoryThreshold} (bytes, default 32 MiB; 0 turns the help off) or twice
 * the bytes still held after the last help, whichever is larger: a program that keeps many
 * models open on purpose pays one collection per doubling, not one per model.
 */
final class NativeMemory {
    static final long DEFAULT_THRESHOLD = 32L << 20;
    /** The longest one thread waits for the Cleaner after asking for a collection. */
    static final long MAX_WAIT_MILLIS = 500;

    private static final AtomicLong LIVE = new AtomicLong();
    private static final AtomicLong HELPS = new AtomicLong();
    private static final ReentrantLock HELPING = new ReentrantLock();
    private static volatile long threshold = Long.getLong("lagrs.nativeMemoryThreshold", DEFAULT_THRESHOLD);
    private static volatile long trigger = threshold;

    private NativeMemory() {
    }

    /** Bytes of native memory behind {@code handle} (0 for kinds not accounted). */
    static long bytesOf(long handle) {
        return bytes0(handle);
    }

    /** Records a new native object of {@code bytes}; may help the Cleaner first (bounded wait). */
    static void allocated(long bytes) {
        long live = LIVE.addAndGet(bytes);
        if (threshold > 0 && live > trigger) {
            help();
        }
    }

    /** Records that a native object of {@code bytes} was freed. */
    static void released(long bytes) {
        long live = LIVE.addAndGet(-bytes);
        // Once most of what raised the trigger is gone, lower it again.
        long t = trigger;
        if (t > threshold && live < t / 4) {
            trigger = Math.max(threshold, 2 * live);
        }
    }

    /** Native bytes held by objects not yet freed (closed or cleaned). */
    static long liveBytes() {
        return LIVE.get();
    }

    /** How many times a collection was requested: for tests and measurements. */
    static long helps() {
        return HELPS.get();
    }

    /** For tests: sets the threshold (0 turns the help off) and resets the trigger. */
    static void setThreshold(long bytes) {
        threshold = bytes;
        trigger = bytes;
    }

    static long threshold() {
        return threshold;
    }

    private static void help() {
        // One thread helps at a time; the others go on (the helper's collection serves them too).
        if (!HELPING.tryLock()) {
            return;
        }
        try {
            if (LIVE.get() <= trigger) {
                return;
            }
            HELPS.incrementAndGet();
            System.gc();
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_WAIT_MILLIS);
            long last = LIVE.get();
            long sleep = 1;
            long slept = 0;
            int idle = 0;
            boolean interrupted = false;
            // Wait while the Cleaner frees what the collection found: until below half the
            // threshold, until it has been idle for three naps (after the first 16 ms, which
            // reference processing may need to start), or until the deadline.
            while (LIVE.get() > threshold / 2 && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(sleep);
                } catch (InterruptedException e) {
                    interrupted = true;
                    break;
                }
                slept += sleep;
                long now = LIVE.get();
                idle = now < last ? 0 : idle + 1;
                if (idle >= 3 && slept >= 16) {
                    break;
                }
                last = now;
                sleep = Math.min(sleep * 2, 32);
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            trigger = Math.max(threshold, 2 * LIVE.get());
        } finally {
            HELPING.unlock();
        }
    }

    private static native long bytes0(long handle);
}
