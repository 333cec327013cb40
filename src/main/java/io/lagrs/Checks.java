package io.lagrs;

import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.util.Objects;

/**
 * The argument checks made in Java: nulls, and what the native library cannot see (buffer
 * properties) or must know before it starts. Every other rule is checked, and worded, by the
 * native core.
 */
final class Checks {
    private Checks() {
    }

    static <T> T notNull(T value, String name) {
        return Objects.requireNonNull(value, () -> name + " must not be null");
    }

    /** A direct buffer in native byte order, which the native library can read in place. */
    static void directInput(DoubleBuffer buffer, String name) {
        notNull(buffer, name);
        if (!buffer.isDirect()) {
            throw new IllegalArgumentException(name + " must be a direct buffer");
        }
        // The native code reads the memory as native doubles; ByteBuffer.asDoubleBuffer() views
        // are big-endian unless the ByteBuffer's order was set.
        if (buffer.order() != ByteOrder.nativeOrder()) {
            throw new IllegalArgumentException(name + " must be in native byte order (ByteOrder.nativeOrder())");
        }
    }

    /** {@link #directInput} that can also be written. */
    static void directOutput(DoubleBuffer buffer, String name) {
        directInput(buffer, name);
        if (buffer.isReadOnly()) {
            throw new IllegalArgumentException(name + " must not be read-only");
        }
    }

    static void nonNegative(int value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, got " + value);
        }
    }
}
