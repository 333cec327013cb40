package io.lagrs.bench;

import io.lagrs.Rolling;
import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
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
 * Rolling mean, window 50, over {@code n} = 1e7 doubles, written into a preallocated array.
 *
 * <ul>
 *   <li>{@code lagrsMean}: {@code Rolling.mean(x, 50, 50, out)} (native, parallel chunks);
 *   <li>{@code arraycopy}: {@code System.arraycopy(x, 0, out, 0, n)}, the memory-bandwidth
 *       floor (read n doubles, write n doubles); goal: lagrs within 1.5x of it;
 *   <li>{@code javaLoop}: the running-sum loop a Java user would write (no NaN handling);
 *   <li>{@code commonsMath}: Commons Math {@code DescriptiveStatistics} with
 *       {@code setWindowSize(50)}, {@code addValue} + {@code getMean} per element (O(window) per element: each
 *       {@code getMean} copies the window and sums it). Same input size as the others.
 * </ul>
 *
 * <p>Every method returns the output array so the JIT cannot drop the work.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class RollingMeanBenchmark {
    static final int WINDOW = 50;

    @State(Scope.Benchmark)
    public static class Data {
        @Param("10000000")
        public int n;

        double[] x;
        double[] out;

        @Setup(Level.Trial)
        public void setUp() {
            x = BenchData.uniform(n, 1);
            out = new double[n];
        }
    }

    @Benchmark
    public double[] lagrsMean(Data d) {
        Rolling.mean(d.x, WINDOW, WINDOW, d.out);
        return d.out;
    }

    @Benchmark
    public double[] arraycopy(Data d) {
        System.arraycopy(d.x, 0, d.out, 0, d.n);
        return d.out;
    }

    @Benchmark
    public double[] javaLoop(Data d) {
        double[] x = d.x;
        double[] out = d.out;
        int w = WINDOW;
        double sum = 0.0;
        for (int i = 0; i < x.length; i++) {
            sum += x[i];
            if (i >= w) {
                sum -= x[i - w];
            }
            out[i] = i >= w - 1 ? sum / w : Double.NaN;
        }
        return out;
    }

    @Benchmark
    public double[] commonsMath(Data d) {
        double[] x = d.x;
        double[] out = d.out;
        DescriptiveStatistics stats = new DescriptiveStatistics(WINDOW);
        for (int i = 0; i < x.length; i++) {
            stats.addValue(x[i]);
            out[i] = i >= WINDOW - 1 ? stats.getMean() : Double.NaN;
        }
        return out;
    }
}
