import io.lagrs.Arima;
import io.lagrs.ArimaBatch;
import io.lagrs.ArimaModel;
import io.lagrs.AutoArima;
import io.lagrs.BatchOptions;
import io.lagrs.Forecast;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Java-level ARIMA speed, for comparing two builds of lagrs on identical work.
 *
 * <p>Usage: {@code java -cp lagrs-all.jar EngineOverheadBench.java [PASSES] [AUTO_PASSES]}
 * (defaults 3 and 1). Uses only API that predates the model-agnostic engine, so the same file
 * runs against a jar from before and after it. Every case simulates its series from a fixed
 * seed, runs an untimed warm-up (the whole set for the fixed orders, the first 20 series for
 * auto ARIMA), then timed passes, and prints one line:
 * {@code case=.. series=.. thread_cpu_ms=.. process_cpu_ms=.. wall_ms=.. checksum=..}
 * with the per-series median over the timed passes.
 *
 * <p>Thread CPU time is the calling thread's, so it is what a single-threaded caller pays and
 * is barely moved by other processes on a shared machine. A batch with {@code threads(1)}
 * fits on its own pool thread, which the calling thread's clock does not see, so batch cases
 * report thread CPU as NaN and are read by process CPU (which also counts the JIT and the GC).
 * The checksum (sum of all forecast means) should be identical between builds whose numerics
 * did not change.
 */
public final class EngineOverheadBench {
    private static final int N = 120;
    private static final int H = 12;
    private static final double LEVEL = 0.95;
    /** Calls of the whole set per timed pass for the fixed orders (about 0.2-0.6 ms a fit). */
    private static final int REPS = 2;
    private static final int AUTO_WARM_UP = 20;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    public static void main(String[] args) {
        int passes = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int autoPasses = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        double[][] nonSeasonal = simulate(300, 11L, false);
        double[][] seasonal = simulate(300, 12L, true);
        double[][] mixed = simulate(100, 13L, true);
        for (int i = 0; i < mixed.length; i += 2) {
            mixed[i] = simulate(1, 14L + i, false)[0];
        }
        Arima arima111 = Arima.order(1, 1, 1);
        Arima airline = Arima.order(0, 1, 1).seasonal(0, 1, 1, 12);
        AutoArima auto = AutoArima.builder().seasonalPeriod(12).build();
        BatchOptions one = BatchOptions.defaults().threads(1);

        measure("fit_arima111", nonSeasonal, passes, REPS, nonSeasonal.length, y -> fitAndForecast(arima111.fit(y)));
        measure("fit_airline", seasonal, passes, REPS, seasonal.length, y -> fitAndForecast(airline.fit(y)));
        run("fitAll_arima111", nonSeasonal, passes, REPS, nonSeasonal.length, false,
                ys -> batch(arima111.fitAll(ys, one)));
        run("fitAll_airline", seasonal, passes, REPS, seasonal.length, false, ys -> batch(airline.fitAll(ys, one)));
        measure("auto_arima", mixed, autoPasses, 1, AUTO_WARM_UP, y -> fitAndForecast(auto.fit(y)));
    }

    private static double fitAndForecast(ArimaModel model) {
        try (model) {
            return sum(model.forecast(H, LEVEL));
        }
    }

    private static double batch(ArimaBatch batch) {
        try (batch) {
            double total = 0;
            for (Forecast f : batch.forecast(H, LEVEL)) {
                total += f == null ? 0 : sum(f);
            }
            return total;
        }
    }

    private static double sum(Forecast f) {
        return Arrays.stream(f.mean()).sum();
    }

    private static void measure(String name, double[][] ys, int passes, int reps, int warmUp,
                                ToDoubleFunction<double[]> work) {
        run(name, ys, passes, reps, warmUp, true, all -> {
            double total = 0;
            for (double[] y : all) {
                total += work.applyAsDouble(y);
            }
            return total;
        });
    }

    /**
     * One untimed call on the first {@code warmUp} series, then {@code passes} timed passes of
     * {@code reps} calls on all series each (reps > 1 lifts short passes above the process
     * clock's tick).
     */
    private static void run(String name, double[][] ys, int passes, int reps, int warmUp, boolean threadCpu,
                            ToDoubleFunction<double[][]> work) {
        work.applyAsDouble(Arrays.copyOf(ys, warmUp));
        double checksum = Double.NaN;
        double[] thread = new double[passes];
        double[] process = new double[passes];
        double[] wall = new double[passes];
        double fits = (double) ys.length * reps;
        for (int p = 0; p < passes; p++) {
            long t0 = THREADS.getCurrentThreadCpuTime();
            long c0 = OS.getProcessCpuTime();
            long w0 = System.nanoTime();
            for (int r = 0; r < reps; r++) {
                double sum = work.applyAsDouble(ys);
                if (p == 0 && r == 0) {
                    checksum = sum;
                } else if (Double.doubleToLongBits(sum) != Double.doubleToLongBits(checksum)) {
                    throw new IllegalStateException(name + ": pass " + p + " gave another checksum");
                }
            }
            wall[p] = (System.nanoTime() - w0) / 1e6 / fits;
            process[p] = (OS.getProcessCpuTime() - c0) / 1e6 / fits;
            thread[p] = (THREADS.getCurrentThreadCpuTime() - t0) / 1e6 / fits;
        }
        System.out.printf("case=%s series=%d passes=%d reps=%d thread_cpu_ms=%.4f process_cpu_ms=%.4f wall_ms=%.4f"
                        + " checksum=%.12g%n", name, ys.length, passes, reps, threadCpu ? median(thread) : Double.NaN,
                median(process), median(wall), checksum);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /**
     * Series of N monthly values: ARIMA(1,1,1) or the airline model (0,1,1)(0,1,1)[12], with
     * coefficients drawn per series inside the stationary and invertible region.
     */
    private static double[][] simulate(int count, long seed, boolean seasonalModel) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] out = new double[count][];
        int burn = 60;
        for (int i = 0; i < count; i++) {
            double[] e = new double[N + burn];
            for (int t = 0; t < e.length; t++) {
                e[t] = gaussian(rng);
            }
            double[] w = new double[e.length];
            if (seasonalModel) {
                double theta = -rng.nextDouble(0.2, 0.8);
                double seasonalTheta = -rng.nextDouble(0.2, 0.8);
                for (int t = 0; t < e.length; t++) {
                    w[t] = e[t] + (t >= 1 ? theta * e[t - 1] : 0) + (t >= 12 ? seasonalTheta * e[t - 12] : 0)
                            + (t >= 13 ? theta * seasonalTheta * e[t - 13] : 0);
                }
                double[] y = new double[e.length];
                for (int t = 0; t < e.length; t++) {
                    double lag1 = t >= 1 ? y[t - 1] : 0;
                    double lag12 = t >= 12 ? y[t - 12] : 0;
                    double lag13 = t >= 13 ? y[t - 13] : 0;
                    y[t] = w[t] + lag1 + lag12 - lag13;
                }
                out[i] = Arrays.copyOfRange(y, burn, burn + N);
            } else {
                double phi = rng.nextDouble(-0.7, 0.7);
                double theta = rng.nextDouble(-0.7, 0.7);
                double level = 0;
                double prev = 0;
                double[] y = new double[e.length];
                for (int t = 0; t < e.length; t++) {
                    double x = phi * prev + e[t] + (t >= 1 ? theta * e[t - 1] : 0);
                    prev = x;
                    level += x;
                    y[t] = 100 + level;
                }
                out[i] = Arrays.copyOfRange(y, burn, burn + N);
            }
        }
        return out;
    }

    private static double gaussian(SplittableRandom rng) {
        // Box-Muller, so the draws do not depend on java.util.Random's internal state.
        double u = 1 - rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
