package io.lagrs.bench;

import io.lagrs.Lags;
import io.lagrs.Rolling;
import io.lagrs.RollingStatistic;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How long other threads wait to allocate while long rolling calls run: the time lagrs holds
 * the garbage collector off. Not a JMH benchmark (JMH measures the calling thread); run it with
 * {@code scripts/bench/gc-stall.sh}, which adds {@code -Xlog:gc}.
 *
 * <p>Allocating threads each allocate 1 MiB arrays in a loop and time every allocation. Two
 * phases of equal length: first the allocators alone (the GC's own pauses and the machine's
 * scheduling delays: the floor), then the allocators while the main thread runs rolling calls
 * over {@code n} values, at least {@code calls} of them and for at least {@code seconds}. The
 * result is the worst single allocation (the longest stall) and the 99.9th percentile in each
 * phase.
 *
 * <p>Arguments (all optional, {@code key=value}): {@code stat=median|mean|max|quantile|ewm|diff}
 * (default median), {@code n=50000000}, {@code window=101}, {@code calls=6},
 * {@code seconds=10}, {@code allocators=2}, {@code input=array|direct} (default array).
 */
public final class GcStallBenchmark {
    private static final int ALLOCATION = 1 << 20;

    private GcStallBenchmark() {
    }

    /** Allocation latencies of one thread, in a histogram of 10 µs buckets up to 10 s. */
    static final class Allocator extends Thread {
        final long[] buckets = new long[1_000_001];
        final AtomicBoolean stop;
        long count;
        long maxNanos;
        Object sink;

        Allocator(AtomicBoolean stop, int i) {
            super("allocator-" + i);
            this.stop = stop;
            setDaemon(true);
        }

        @Override
        public void run() {
            while (!stop.get()) {
                long t0 = System.nanoTime();
                byte[] b = new byte[ALLOCATION];
                long dt = System.nanoTime() - t0;
                b[count % ALLOCATION == 0 ? 0 : 1] = 1;
                sink = b;
                count++;
                maxNanos = Math.max(maxNanos, dt);
                buckets[(int) Math.min(buckets.length - 1, dt / 10_000)]++;
            }
        }
    }

    /** One phase's allocations, longest and 99.9th-percentile allocation time, duration. */
    record Phase(long allocations, double maxMs, double p999Ms, double seconds) {
    }

    static Phase measure(int allocators, Runnable work, double minSeconds) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        Allocator[] threads = new Allocator[allocators];
        for (int i = 0; i < allocators; i++) {
            threads[i] = new Allocator(stop, i);
            threads[i].start();
        }
        long t0 = System.nanoTime();
        work.run();
        while ((System.nanoTime() - t0) / 1e9 < minSeconds) {
            Thread.sleep(10);
        }
        stop.set(true);
        long[] merged = new long[threads[0].buckets.length];
        long count = 0;
        long max = 0;
        for (Allocator a : threads) {
            a.join();
            count += a.count;
            max = Math.max(max, a.maxNanos);
            for (int i = 0; i < merged.length; i++) {
                merged[i] += a.buckets[i];
            }
        }
        long rank = (long) Math.ceil(count * 0.999);
        long seen = 0;
        int p999 = 0;
        for (int i = 0; i < merged.length; i++) {
            seen += merged[i];
            if (seen >= rank) {
                p999 = i;
                break;
            }
        }
        return new Phase(count, max / 1e6, (p999 + 1) * 0.01, (System.nanoTime() - t0) / 1e9);
    }

    public static void main(String[] args) throws InterruptedException {
        String stat = "median";
        int n = 50_000_000;
        int window = 101;
        int calls = 6;
        double seconds = 10;
        int allocators = 2;
        String input = "array";
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            switch (kv[0]) {
                case "stat" -> stat = kv[1];
                case "n" -> n = Integer.parseInt(kv[1]);
                case "window" -> window = Integer.parseInt(kv[1]);
                case "calls" -> calls = Integer.parseInt(kv[1]);
                case "seconds" -> seconds = Double.parseDouble(kv[1]);
                case "allocators" -> allocators = Integer.parseInt(kv[1]);
                case "input" -> input = kv[1];
                default -> throw new IllegalArgumentException("unknown argument " + arg);
            }
        }
        double[] x = BenchData.uniform(n, 7);
        double[] out = new double[n];
        DoubleBuffer dx = null;
        DoubleBuffer dout = null;
        if (input.equals("direct")) {
            dx = ByteBuffer.allocateDirect(8 * n).order(ByteOrder.nativeOrder()).asDoubleBuffer().put(x).flip();
            dout = ByteBuffer.allocateDirect(8 * n).order(ByteOrder.nativeOrder()).asDoubleBuffer();
        }
        Runnable one = call(stat, input, x, out, dx, dout, window);
        one.run(); // loads the library and warms up
        java.util.List<Long> callNanos = new java.util.ArrayList<>();
        int minCalls = calls;
        double minSeconds = seconds;
        Runnable work = () -> {
            long start = System.nanoTime();
            while (callNanos.size() < minCalls || (System.nanoTime() - start) / 1e9 < minSeconds) {
                long t0 = System.nanoTime();
                one.run();
                callNanos.add(System.nanoTime() - t0);
            }
        };
        long floorStart = uptimeMs();
        Phase floor = measure(allocators, () -> { }, seconds);
        long busyStart = uptimeMs();
        Phase busy = measure(allocators, work, 0);
        long busyEnd = uptimeMs();
        System.out.printf(Locale.ROOT, "stat=%s input=%s n=%d window=%d calls=%d allocators=%d%n", stat, input, n,
                window, calls, allocators);
        System.out.printf(Locale.ROOT, "call times (ms, during the busy phase): %s%n", Arrays.toString(
                callNanos.stream().map(v -> String.format(Locale.ROOT, "%.0f", v / 1e6)).toArray()));
        System.out.printf(Locale.ROOT, "%-28s %12s %14s %14s %10s%n", "phase", "allocations", "max stall ms",
                "p99.9 ms", "seconds");
        print("allocators alone (floor)", floor);
        print("allocators + lagrs calls", busy);
        // For gc-stall.sh, which splits the JVM's log by phase (JVM uptime, ms).
        System.out.printf(Locale.ROOT, "PHASES floor %d %d busy %d %d%n", floorStart, busyStart, busyStart, busyEnd);
    }

    private static long uptimeMs() {
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
    }

    private static void print(String name, Phase p) {
        System.out.printf(Locale.ROOT, "%-28s %12d %14.2f %14.2f %10.1f%n", name, p.allocations, p.maxMs, p.p999Ms,
                p.seconds);
    }

    private static Runnable call(String stat, String input, double[] x, double[] out, DoubleBuffer dx,
            DoubleBuffer dout, int window) {
        boolean direct = input.equals("direct");
        RollingStatistic s = switch (stat) {
            case "median" -> RollingStatistic.MEDIAN;
            case "mean" -> RollingStatistic.MEAN;
            case "max" -> RollingStatistic.MAX;
            case "quantile" -> RollingStatistic.quantile(0.9);
            case "ewm", "diff" -> null;
            default -> throw new IllegalArgumentException("unknown stat " + stat);
        };
        if (stat.equals("ewm")) {
            return direct ? () -> Rolling.ewmMean(dx, 0.1, dout) : () -> Rolling.ewmMean(x, 0.1);
        }
        if (stat.equals("diff")) {
            return direct ? () -> Lags.diff(dx, 1, dout) : () -> Lags.diff(x, 1);
        }
        return direct ? () -> Rolling.apply(s, dx, window, window, dout) : () -> Rolling.apply(s, x, window, window, out);
    }
}
