package io.lagrs;

import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;
import java.util.function.LongToDoubleFunction;

/**
 * A Java object that owns one native object through an opaque handle (never a pointer: the
 * native side validates it). Closing is idempotent and thread-safe; after {@link #close()}
 * every use throws {@link IllegalStateException}. A {@link Cleaner} frees the native object if
 * nobody closes it. A close while another thread is inside a native call is safe: the native
 * side keeps the object alive until that call returns.
 *
 * <p>The native bytes each object holds are counted by {@link NativeMemory}, which asks for a
 * garbage collection when many of them may belong to objects nobody closed.
 */
abstract class NativeHandle implements AutoCloseable {
    private static final Cleaner CLEANER = Cleaner.create();

    private final AtomicLong handle;
    private final Cleaner.Cleanable cleanable;
    private final String kind;

    NativeHandle(long handle, LongConsumer free, String kind) {
        this.handle = new AtomicLong(handle);
        this.kind = kind;
        long bytes;
        try {
            bytes = NativeMemory.bytesOf(handle);
        } catch (RuntimeException | Error e) {
            free.accept(handle);
            throw e;
        }
        // The cleaning action must not capture `this`, or the object would never become unreachable.
        this.cleanable = CLEANER.register(this, new Release(handle, free, bytes));
        NativeMemory.allocated(bytes);
    }

    /** Frees the native object once (by close() or by the Cleaner) and updates the count. */
    private record Release(long handle, LongConsumer free, long bytes) implements Runnable {
        @Override
        public void run() {
            try {
                free.accept(handle);
            } finally {
                NativeMemory.released(bytes);
            }
        }
    }

    /** The live handle for one native call. @throws IllegalStateException once closed */
    final long handle() {
        long h = handle.get();
        if (h == 0) {
            throw new IllegalStateException("this " + kind + " is closed");
        }
        return h;
    }

    /**
     * Runs one native call on the live handle. The fence keeps this object reachable until the
     * call returns, so its Cleaner cannot run in the middle of it.
     */
    final <R> R call(LongFunction<R> nativeCall) {
        try {
            return nativeCall.apply(handle());
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /** {@link #call(LongFunction)} for a native call that returns a double. */
    final double callDouble(LongToDoubleFunction nativeCall) {
        try {
            return nativeCall.applyAsDouble(handle());
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /**
     * Whether {@link #close()} has been called.
     *
     * @return true once {@link #close()} has been called
     */
    public final boolean isClosed() {
        return handle.get() == 0;
    }

    /** Frees the native object. Calling it again does nothing. */
    @Override
    public final void close() {
        if (handle.getAndSet(0) != 0) {
            cleanable.clean();
        }
    }
}
