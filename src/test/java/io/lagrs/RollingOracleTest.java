package io.lagrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every rolling statistic against Commons Math computed window by window from scratch, on
 * random data with random NaN patterns: an oracle independent of both pandas and our code.
 */
class RollingOracleTest {
    /** Relative tolerance where both sides compute the same quantity in the same way. */
    private static final double EXACT = 1e-12;

    @ParameterizedTest(name = "n={0} window={1} minPeriods={2} nanRate={3}")
    @CsvSource({
        "200, 1, 1, 0.0",
        "200, 5, 5, 0.0",
        "500, 7, 3, 0.2",
        "500, 30, 1, 0.5",
        "300, 50, 0, 0.1",
        "100, 150, 10, 0.1",
        // Long enough that the native side splits the input into parallel chunks.
        "300000, 64, 32, 0.05",
    })
    void matchesCommonsMathWindowByWindow(int n, int window, int minPeriods, double nanRate) {
        Random random = new Random(n * 31L + window);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextDouble() < nanRate ? Double.NaN : 1000.0 + random.nextGaussian() * 5.0;
        }
        check(RollingStatistic.MEAN, x, window, minPeriods, DescriptiveStatistics::getMean, 1, EXACT);
        // pandas sums an empty window to 0 when minPeriods allows it.
        check(RollingStatistic.SUM, x, window, minPeriods, s -> s.getN() == 0 ? 0.0 : s.getSum(), 0, EXACT);
        // Online add/remove updates and Commons Math's two passes round differently, by about
        // eps * (mean / sd)^2 = 2e-16 * 4e4 here: 1e-10 relative leaves room and still catches errors.
        check(RollingStatistic.VAR, x, window, minPeriods, DescriptiveStatistics::getVariance, 2, 1e-10);
        check(RollingStatistic.STD, x, window, minPeriods, DescriptiveStatistics::getStandardDeviation, 2, 1e-10);
        check(RollingStatistic.MIN, x, window, minPeriods, DescriptiveStatistics::getMin, 1, EXACT);
        check(RollingStatistic.MAX, x, window, minPeriods, DescriptiveStatistics::getMax, 1, EXACT);
        check(RollingStatistic.MEDIAN, x, window, minPeriods, s -> linearQuantile(s, 0.5), 1, EXACT);
        for (double q : new double[] {0.0, 0.1, 0.9, 1.0}) {
            check(RollingStatistic.quantile(q), x, window, minPeriods, s -> linearQuantile(s, q), 1, EXACT);
        }
    }

    /** Quantile with linear interpolation between order statistics, as pandas (R type 7). */
    private static double linearQuantile(DescriptiveStatistics s, double q) {
        double[] values = s.getValues();
        if (q == 0.0) {
            return s.getMin();
        }
        return new Percentile().withEstimationType(EstimationType.R_7).evaluate(values, q * 100.0);
    }

    private static void check(RollingStatistic stat, double[] x, int window, int minPeriods,
            ToDoubleFunction<DescriptiveStatistics> oracle, int minCount, double relativeTolerance) {
        double[] actual = Rolling.apply(stat, x, window, minPeriods);
        // Checking every window of a long input from scratch is O(n*w): sample the long ones.
        int step = x.length > 10_000 ? 97 : 1;
        for (int i = 0; i < x.length; i += step) {
            DescriptiveStatistics s = new DescriptiveStatistics();
            for (int j = Math.max(0, i - window + 1); j <= i; j++) {
                if (!Double.isNaN(x[j])) {
                    s.addValue(x[j]);
                }
            }
            String where = stat + " at " + i + " of " + Arrays.toString(Arrays.copyOfRange(x, Math.max(0, i - window + 1), Math.min(i + 1, Math.max(0, i - window + 1) + 8)));
            if (s.getN() < Math.max(minPeriods, minCount)) {
                assertTrue(Double.isNaN(actual[i]), where + ": expected NaN, got " + actual[i]);
            } else {
                double expected = oracle.applyAsDouble(s);
                assertEquals(expected, actual[i], relativeTolerance * Math.max(1.0, Math.abs(expected)), where);
            }
        }
    }
}
