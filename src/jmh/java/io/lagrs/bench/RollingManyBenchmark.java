package io.lagrs.bench;

import io.lagrs.Rolling;
import io.lagrs.RollingStatistic;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rolling mean, window 12, over {@code series} = 1e6 series of {@code length} = 60 values
 * (6e7 doubles, 480 MB, plus as much for the output).
 *
 * <ul>
 *   <li>{@code lagrsManyFlat}: one {@code Rolling.applyMany(MEAN, values, offsets, 12, 12, out)}
 *       over the flat (Arrow list) layout;
 *   <li>{@code lagrsPerSeries}: {@code Rolling.mean(x[j], 12, 12, out[j])} for each of the
 *       1e6 separate arrays, one JNI call per series;
 *   <li>{@code javaLoopFlat}: a plain Java running-sum loop over the flat layout, for scale;
 *   <li>{@code javaLoopPerSeries}: the same loop over the 1e6 separate arrays: with
 *       {@code lagrsPerSeries} it separates the cost of the JNI call per series from the cost
 *       of touching 2e6 small arrays.
 * </ul>
 *
 * Divide the score by {@code series} for the per-series time.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class RollingManyBenchmark {
    static final int WINDOW = 12;

    @State(Scope.Benchmark)
    public static class Flat {
        @Param("1000000")
        public int series;
        @Param("60")
        public int length;

        double[] values;
        int[] offsets;
        double[] out;

        @Setup(Level.Trial)
        public void setUp() {
            int n = Math.multiplyExact(series, length);
            values = BenchData.uniform(n, 3);
            offsets = new int[series + 1];
            for (int j = 0; j <= series; j++) {
                offsets[j] = j * length;
            }
            out = new double[n];
        }
    }

    @State(Scope.Benchmark)
    public static class Split {
        @Param("1000000")
        public int series;
        @Param("60")
        public int length;

        double[][] x;
        double[][] out;

        @Setup(Level.Trial)
        public void setUp() {
            // The same numbers as Flat, one array per series.
            x = new double[series][];
            out = new double[series][];
            long state = 3;
            for (int j = 0; j < series; j++) {
                x[j] = new double[length];
                state = BenchData.fill(x[j], 0, length, state);
                out[j] = new double[length];
            }
        }
    }

    @Benchmark
    public double[] lagrsManyFlat(Flat d) {
        Rolling.applyMany(RollingStatistic.MEAN, d.values, d.offsets, WINDOW, WINDOW, d.out);
        return d.out;
    }

    @Benchmark
    public double[][] lagrsPerSeries(Split d) {
        double[][] x = d.x;
        double[][] out = d.out;
        for (int j = 0; j < x.length; j++) {
            Rolling.mean(x[j], WINDOW, WINDOW, out[j]);
        }
        return out;
    }

    @Benchmark
    public double[] javaLoopFlat(Flat d) {
        double[] v = d.values;
        int[] offsets = d.offsets;
        double[] out = d.out;
        int w = WINDOW;
        for (int j = 0; j + 1 < offsets.length; j++) {
            int a = offsets[j];
            int b = offsets[j + 1];
            double sum = 0.0;
            for (int i = a; i < b; i++) {
                sum += v[i];
                if (i - a >= w) {
                    sum -= v[i - w];
                }
                out[i] = i - a >= w - 1 ? sum / w : Double.NaN;
            }
        }
        return out;
    }

    @Benchmark
    public double[][] javaLoopPerSeries(Split d) {
        double[][] xs = d.x;
        double[][] outs = d.out;
        int w = WINDOW;
        for (int j = 0; j < xs.length; j++) {
            double[] x = xs[j];
            double[] out = outs[j];
            double sum = 0.0;
            for (int i = 0; i < x.length; i++) {
                sum += x[i];
                if (i >= w) {
                    sum -= x[i - w];
                }
                out[i] = i >= w - 1 ? sum / w : Double.NaN;
            }
        }
        return outs;
    }
}
