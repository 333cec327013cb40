package io.lagrs.bench;

/**
 * Deterministic benchmark inputs: uniform doubles in [-0.5, 0.5) from a 64-bit LCG (Knuth's
 * MMIX constants). The same generator is used by the Rust {@code rolling_bench} example and
 * reproduced by {@code scripts/bench/rolling_side_by_side.py}, so all three time the same
 * numbers.
 */
final class BenchData {
    private BenchData() {
    }

    static final long MULTIPLIER = 6364136223846793005L;
    static final long INCREMENT = 1442695040888963407L;

    /** {@code n} values; value {@code i} comes from the LCG state after {@code i + 1} steps. */
    static double[] uniform(int n, long seed) {
        double[] x = new double[n];
        fill(x, 0, n, seed);
        return x;
    }

    /** Fills {@code x[from .. to)} and returns the generator state after the last value. */
    static long fill(double[] x, int from, int to, long state) {
        long s = state;
        for (int i = from; i < to; i++) {
            s = s * MULTIPLIER + INCREMENT;
            x[i] = (s >>> 11) * 0x1.0p-53 - 0.5;
        }
        return s;
    }
}
