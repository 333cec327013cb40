package io.lagrs;

import java.util.Objects;

/** Argument checks shared by the public API, so every message names its argument the same way. */
final class Checks {
    private Checks() {
    }

    static <T> T notNull(T value, String name) {
        return Objects.requireNonNull(value, () -> name + " must not be null");
    }

    static void window(int window, int minPeriods) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be >= 1, got " + window);
        }
        if (minPeriods < 0 || minPeriods > window) {
            throw new IllegalArgumentException(
                    "minPeriods must be in [0, window=" + window + "], got " + minPeriods);
        }
    }

    static void sameLength(double[] x, double[] out, String xName) {
        if (out.length != x.length) {
            throw new IllegalArgumentException("out must have the length of " + xName + " ("
                    + x.length + "), got " + out.length);
        }
    }

    static void nonNegative(int value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, got " + value);
        }
    }
}
