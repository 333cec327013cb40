package io.lagrs.bench;

import io.lagrs.Arima;
import io.lagrs.ArimaBatch;
import io.lagrs.ArimaModel;
import io.lagrs.BatchForecast;
import io.lagrs.BatchOptions;
import io.lagrs.CrossValidation;
import io.lagrs.CrossValidationResult;
import io.lagrs.ModelSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Resident memory of two workloads, read from /proc/self/status (Linux), for
 * docs/BENCHMARKS.md; run by scripts/bench/memory.sh.
 *
 * <ul>
 *   <li>{@code cycles close|forget N}: N fits of an AR(1) on 200 values, each model closed at
 *       once, or never closed (left to the Cleaner). Prints the peak and final RSS.</li>
 *   <li>{@code cv N LENGTH [SPEC SPEC]}: one {@code CrossValidation.run} over N series (3 windows,
 *       2 models: the two SPECs, by default arima(0,1,1)(0,1,1)[12] and snaive[12]);</li>
 *   <li>{@code fitall N LENGTH}: one {@code Arima.fitAll(values, offsets)} over N series of
 *       LENGTH values in the flat layout. Prints the peak RSS.</li>
 *   <li>{@code forecastall N LENGTH SPEC H [LEVEL...]}: one {@code ModelSpec.forecastAll} of SPEC
 *       (e.g. {@code auto_ets[12]}) over N positive monthly series of LENGTH values in the flat
 *       layout, H steps, with the given interval levels. Prints the peak RSS.</li>
 *   <li>{@code forecaststream N LENGTH SPEC H [LEVEL...]}: the same input through the streamed
 *       {@code forecastAll} (a {@link io.lagrs.BatchForecastSink} that counts the failures and
 *       keeps nothing). Prints the peak RSS.</li>
 * </ul>
 */
public final class MemoryBench {
    private MemoryBench() {
    }

    public static void main(String[] args) throws IOException {
        switch (args[0]) {
            case "cycles" -> cycles(args[1].equals("close"), Integer.parseInt(args[2]));
            case "fitall" -> fitAll(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            case "cv" -> crossValidate(Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                    args.length > 4 ? List.of(args[3], args[4]) : List.of("arima(0,1,1)(0,1,1)[12]", "snaive[12]"));
            case "forecastall", "forecaststream" -> forecastAll(args[0].equals("forecaststream"),
                    Integer.parseInt(args[1]), Integer.parseInt(args[2]), args[3],
                    Integer.parseInt(args[4]), java.util.Arrays.stream(args, 5, args.length)
                            .mapToDouble(Double::parseDouble).toArray());
            default -> throw new IllegalArgumentException(
                    "usage: cycles close|forget N | fitall N LENGTH | cv N LENGTH [SPEC SPEC] | forecastall|forecaststream N LEN SPEC H [LEVEL...]");
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

    /**
     * One {@code CrossValidation.run} over N monthly series: 3 windows of h = 12, 12 apart, two
     * models with 80% and 95% intervals.
     */
    private static void crossValidate(int n, int length, List<String> specs) throws IOException {
        Random random = new Random(3);
        double[] values = new double[n * length];
        int[] offsets = new int[n + 1];
        for (int j = 0; j < n; j++) {
            offsets[j + 1] = offsets[j] + length;
            double level = 100;
            for (int t = 0; t < length; t++) {
                level += random.nextGaussian();
                values[offsets[j] + t] = level + 5 * Math.sin(2 * Math.PI * t / 12);
            }
        }
        System.out.printf("input ready: rss_mib=%.1f%n", mib("VmRSS"));
        long start = System.nanoTime();
        CrossValidationResult r = CrossValidation.builder().horizon(12).stepSize(12).windows(3).levels(0.8, 0.95)
                .period(12).build()
                .run(List.of(ModelSpec.parse(specs.get(0)), ModelSpec.parse(specs.get(1))), values, offsets);
        int failed = 0;
        for (int j = 0; j < r.seriesCount(); j++) {
            failed += r.seriesError(j) == null ? 0 : 1;
        }
        System.out.printf("RESULT cv %s n=%d length=%d rows=%d failed=%d mase=%.4f,%.4f seconds=%.1f rss_mib=%.1f "
                + "peak_rss_mib=%.1f%n", specs, n, length, r.rowCount(), failed,
                r.overall(0, CrossValidationResult.Measure.MASE), r.overall(1, CrossValidationResult.Measure.MASE),
                (System.nanoTime() - start) / 1e9, mib("VmRSS"), mib("VmHWM"));
    }

    private static void forecastAll(boolean stream, int n, int length, String spec, int h, double[] levels)
            throws IOException {
        Random random = new Random(4);
        double[] values = new double[n * length];
        int[] offsets = new int[n + 1];
        for (int j = 0; j < n; j++) {
            offsets[j + 1] = offsets[j] + length;
            double level = 100;
            for (int t = 0; t < length; t++) {
                level += random.nextGaussian();
                values[offsets[j] + t] = level * (1 + 0.1 * Math.sin(2 * Math.PI * t / 12));
            }
        }
        System.out.printf("input ready: rss_mib=%.1f%n", mib("VmRSS"));
        long start = System.nanoTime();
        int[] failed = new int[1];
        if (stream) {
            ModelSpec.parse(spec).forecastAll(values, offsets, h, levels, BatchOptions.defaults(),
                    (first, chunk) -> failed[0] += failures(chunk));
        } else {
            failed[0] = failures(ModelSpec.parse(spec).forecastAll(values, offsets, h, levels, BatchOptions.defaults()));
        }
        System.out.printf("RESULT %s spec=%s n=%d length=%d h=%d levels=%d failed=%d seconds=%.1f "
                + "rss_mib=%.1f peak_rss_mib=%.1f%n", stream ? "forecaststream" : "forecastall", spec, n, length, h,
                levels.length, failed[0], (System.nanoTime() - start) / 1e9, mib("VmRSS"), mib("VmHWM"));
    }

    private static int failures(BatchForecast f) {
        int failed = 0;
        for (int j = 0; j < f.size(); j++) {
            failed += f.succeeded(j) ? 0 : 1;
        }
        return failed;
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
