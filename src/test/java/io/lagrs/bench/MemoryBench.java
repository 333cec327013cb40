package io.lagrs.bench;

import io.lagrs.Arima;
import io.lagrs.ArimaBatch;
import io.lagrs.ArimaModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Resident memory of two workloads, read from /proc/self/status (Linux), for
 * docs/BENCHMARKS.md; run by scripts/bench/memory.sh.
 *
 * <ul>
 *   <li>{@code cycles close|forget N}: N fits of an AR(1) on 200 values, each model closed at
 *       once, or never closed (left to the Cleaner). Prints the peak and final RSS.</li>
 *   <li>{@code fitall N LENGTH}: one {@code Arima.fitAll(values, offsets)} over N series of
 *       LENGTH values in the flat layout. Prints the peak RSS.</li>
 * </ul>
 */
public final class MemoryBench {
    private MemoryBench() {
    }

    public static void main(String[] args) throws IOException {
        switch (args[0]) {
            case "cycles" -> cycles(args[1].equals("close"), Integer.parseInt(args[2]));
            case "fitall" -> fitAll(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException("usage: cycles close|forget N | fitall N LENGTH");
        }
    }

    private static void cycles(boolean close, int n) throws IOException {
        Random random = new Random(1);
        double[][] pool = new double[16][200];
        for (double[] y : pool) {
            double x = 0;
            for (int t = 0; t < y.length; t++) {
                x = 0.6 * x + random.nextGaussian();
                y[t] = 10 + x;
            }
        }
        Arima spec = Arima.order(1, 0, 0);
        long start = System.nanoTime();
        for (int i = 1; i <= n; i++) {
            ArimaModel m = spec.fit(pool[i % pool.length]);
            if (close) {
                m.close();
            }
            if (i % (n / 10) == 0) {
                System.out.printf("%s cycles=%d rss_mib=%.1f peak_mib=%.1f%n", close ? "close" : "forget", i,
                        mib("VmRSS"), mib("VmHWM"));
            }
        }
        System.out.printf("RESULT cycles %s n=%d peak_rss_mib=%.1f final_rss_mib=%.1f seconds=%.1f%n",
                close ? "close" : "forget", n, mib("VmHWM"), mib("VmRSS"), (System.nanoTime() - start) / 1e9);
    }

    private static void fitAll(int n, int length) throws IOException {
        Random random = new Random(2);
        double[] values = new double[n * length];
        int[] offsets = new int[n + 1];
        for (int j = 0; j < n; j++) {
            offsets[j + 1] = offsets[j] + length;
            double x = 0;
            for (int t = 0; t < length; t++) {
                x = 0.5 * x + random.nextGaussian();
                values[offsets[j] + t] = 100 + x;
            }
        }
        System.out.printf("input ready: rss_mib=%.1f%n", mib("VmRSS"));
        long start = System.nanoTime();
        try (ArimaBatch batch = Arima.order(1, 0, 1).fitAll(values, offsets)) {
            int failed = 0;
            for (int j = 0; j < batch.size(); j++) {
                failed += batch.succeeded(j) ? 0 : 1;
            }
            System.out.printf("RESULT fitall n=%d length=%d failed=%d seconds=%.1f rss_mib=%.1f peak_rss_mib=%.1f%n",
                    n, length, failed, (System.nanoTime() - start) / 1e9, mib("VmRSS"), mib("VmHWM"));
        }
    }

    /** A /proc/self/status field in MiB. */
    private static double mib(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }
}
