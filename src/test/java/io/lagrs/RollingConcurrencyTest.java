package io.lagrs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Many Java threads computing long (parallel, vectorized) windows at once get each their own answer. */
class RollingConcurrencyTest {

    @Test
    void concurrentCallersDoNotDisturbEachOther() throws Exception {
        int n = 200_000;
        List<double[]> inputs = new ArrayList<>();
        List<double[]> expected = new ArrayList<>();
        RollingStatistic[] stats = {RollingStatistic.MEAN, RollingStatistic.SUM, RollingStatistic.MEDIAN,
            RollingStatistic.MAX, RollingStatistic.STD, RollingStatistic.quantile(0.25)};
        for (int t = 0; t < 12; t++) {
            Random random = new Random(t);
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = random.nextDouble() < 0.01 ? Double.NaN : random.nextGaussian() * (t + 1);
            }
            inputs.add(x);
            expected.add(Rolling.apply(stats[t % stats.length], x, 30 + t, 10));
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            for (int round = 0; round < 3; round++) {
                List<Future<double[]>> results = new ArrayList<>();
                for (int t = 0; t < inputs.size(); t++) {
                    int task = t;
                    results.add(pool.submit(() -> Rolling.apply(stats[task % stats.length], inputs.get(task), 30 + task, 10)));
                }
                for (int t = 0; t < inputs.size(); t++) {
                    assertArrayEquals(expected.get(t), results.get(t).get(60, TimeUnit.SECONDS), "task " + t);
                }
            }
        } finally {
            pool.shutdown();
        }
    }
}
