package io.lagrs.bench;

import io.lagrs.Rolling;
import io.lagrs.RollingStatistic;
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
 * Rolling median, window 101.
 *
 * <ul>
 *   <li>{@code lagrsMedian}: {@code Rolling.apply(MEDIAN, x, 101, 101, out)} over
 *       {@code n} = 1e6 doubles into a preallocated array;
 *   <li>{@code commonsMath}: Commons Math {@code DescriptiveStatistics} with
 *       {@code setWindowSize(101)}, {@code addValue} + {@code getPercentile(50)} per element
 *       (copies and selects the whole window every step). Runs on a smaller input
 *       ({@code commonsN} = 1e5); divide by {@code commonsN} for the per-element time.
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class RollingMedianBenchmark {
    static final int WINDOW = 101;

    @State(Scope.Benchmark)
    public static class Data {
        @Param("1000000")
        public int n;

        double[] x;
        double[] out;

        @Setup(Level.Trial)
        public void setUp() {
            x = BenchData.uniform(n, 2);
            out = new double[n];
        }
    }

    @State(Scope.Benchmark)
    public static class CommonsData {
        @Param("100000")
        public int commonsN;

        double[] x;
        double[] out;

        @Setup(Level.Trial)
        public void setUp() {
            x = BenchData.uniform(commonsN, 2);
            out = new double[commonsN];
        }
    }

    @Benchmark
    public double[] lagrsMedian(Data d) {
        Rolling.apply(RollingStatistic.MEDIAN, d.x, WINDOW, WINDOW, d.out);
        return d.out;
    }

    @Benchmark
    public double[] commonsMath(CommonsData d) {
        double[] x = d.x;
        double[] out = d.out;
        DescriptiveStatistics stats = new DescriptiveStatistics(WINDOW);
        for (int i = 0; i < x.length; i++) {
            stats.addValue(x[i]);
            out[i] = i >= WINDOW - 1 ? stats.getPercentile(50) : Double.NaN;
        }
        return out;
    }
}
