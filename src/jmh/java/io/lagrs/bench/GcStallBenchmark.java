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
 * <p>Allocating threads each allocate arrays of {@code allocation} bytes in a loop and time
 * every allocation. Three phases: the allocators alone (the GC's own pauses and the machine's
 * scheduling delays: the floor); the allocators while {@code busy} plain Java threads keep as
 * many cores busy as the lagrs calls will, without any JNI (the same CPU contention, so the
 * stalls the machine causes when its cores are taken); and the allocators while the main
 * thread runs lagrs calls over {@code n} values, at least {@code calls} of them and for at
 * least {@code seconds}. The result is the worst single allocation (the longest stall) and the
 * 99.9th percentile in each phase. What lagrs itself adds is the third phase against the
 * second; the time the GC waited for lagrs (JNI critical sections, region copies delaying a
 * safepoint) is read from the JVM's log by {@code gc-stall.sh}.
 *
 * <p>Arguments (all optional, {@code key=value}): {@code stat=median|mean|max|quantile|ewm|diff}
 * (default median), {@code n=50000000}, {@code window=101}, {@code calls=6},
 * {@code seconds=10}, {@code allocators=2}, {@code allocation=1048576},
 * {@code busy=} (threads of the control phase; default the processors for the parallel
 * statistics, 1 for {@code ewm} and {@code diff}, which run on the calling thread),
 * {@code input=array|direct} (default array).
 */
public final class GcStallBenchmark {
    private GcStallBenchmark() {
    }

    /** Allocation latencies of one thread, in a histogram of 10 µs buckets up to 10 s. */
    static final class Allocator extends Thread {
        final long[] buckets = new long[1_000_001];
        final AtomicBoolean stop;
        final int allocation;
        long count;
        long maxNanos;
        Object sink;

        Allocator(AtomicBoolean stop, int i, int allocation) {
            super("allocator-" + i);
            this.stop = stop;
            this.allocation = allocation;
            setDaemon(true);
        }

        @Override
        public void run() {
            while (!stop.get()) {
                long t0 = System.nanoTime();
                byte[] b = new byte[allocation];
                long dt = System.nanoTime() - t0;
                b[(int) (count % allocation)] = 1;
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

    static Phase measure(int allocators, int allocation, Runnable work, double minSeconds) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        Allocator[] threads = new Allocator[allocators];
        for (int i = 0; i < allocators; i++) {
            threads[i] = new Allocator(stop, i, allocation);
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
        int allocation = 1 << 20;
        int busy = -1;
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
                case "allocation" -> allocation = Integer.parseInt(kv[1]);
                case "busy" -> busy = Integer.parseInt(kv[1]);
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
        if (busy < 0) {
            busy = stat.equals("ewm") || stat.equals("diff") ? 1 : Runtime.getRuntime().availableProcessors();
        }
        long floorStart = uptimeMs();
        Phase floor = measure(allocators, allocation, () -> { }, seconds);
        long controlStart = uptimeMs();
        Phase control = measure(allocators, allocation, spin(busy, seconds), 0);
        long lagrsStart = uptimeMs();
        Phase lagrs = measure(allocators, allocation, work, 0);
        long lagrsEnd = uptimeMs();
        System.out.printf(Locale.ROOT, "stat=%s input=%s n=%d window=%d calls=%d allocators=%d allocation=%d busy=%d%n",
                stat, input, n, window, calls, allocators, allocation, busy);
        System.out.printf(Locale.ROOT, "call times (ms, during the busy phase): %s%n", Arrays.toString(
                callNanos.stream().map(v -> String.format(Locale.ROOT, "%.0f", v / 1e6)).toArray()));
        System.out.printf(Locale.ROOT, "%-34s %12s %14s %14s %10s%n", "phase", "allocations", "max stall ms",
                "p99.9 ms", "seconds");
        print("allocators alone (floor)", floor);
        print("allocators + " + busy + " busy Java thread" + (busy == 1 ? "" : "s"), control);
        print("allocators + lagrs calls", lagrs);
        System.out.printf(Locale.ROOT, "STALLS floor %.2f control %.2f lagrs %.2f%n", floor.maxMs, control.maxMs, lagrs.maxMs);
        // For gc-stall.sh, which splits the JVM's log by phase (JVM uptime, ms).
        System.out.printf(Locale.ROOT, "PHASES floor %d %d control %d %d lagrs %d %d%n", floorStart, controlStart,
                controlStart, lagrsStart, lagrsStart, lagrsEnd);
    }

    /**
     * Keeps {@code threads} cores busy for {@code seconds} with arithmetic on a small array: no
     * allocation, no JNI, ordinary safepoint polls. The CPU contention of the lagrs phase
     * without lagrs.
     */
    private static Runnable spin(int threads, double seconds) {
        return () -> {
            Thread[] spinners = new Thread[threads];
            double[] results = new double[threads];
            long end = System.nanoTime() + (long) (seconds * 1e9);
            for (int t = 0; t < threads; t++) {
                int id = t;
                spinners[t] = new Thread(() -> {
                    double[] a = new double[4096];
                    java.util.Arrays.fill(a, 1.0 + id);
                    double acc = 0;
                    while (System.nanoTime() < end) {
                        for (int i = 0; i < a.length; i++) {
                            acc += a[i] * 0.5;
                            a[i] = acc * 1e-9;
                        }
                    }
                    results[id] = acc;
                }, "busy-" + t);
                spinners[t].start();
            }
            for (Thread s : spinners) {
                try {
                    s.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        };
    }

    private static long uptimeMs() {
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
    }

    private static void print(String name, Phase p) {
        System.out.printf(Locale.ROOT, "%-34s %12d %14.2f %14.2f %10.1f%n", name, p.allocations, p.maxMs, p.p999Ms,
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
            return direct ? () -> Rolling.ewmMean(dx, 0.1, dout) : () -> Rolling.ewmMean(x, 0.1, out);
        }
        if (stat.equals("diff")) {
            return direct ? () -> Lags.diff(dx, 1, dout) : () -> Lags.diff(x, 1, out);
        }
        return direct ? () -> Rolling.apply(s, dx, window, window, dout) : () -> Rolling.apply(s, x, window, window, out);
    }
}
