package io.lagrs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** The edge cases users hit first, each named, with pandas' answer written out by hand. */
class RollingEdgeCasesTest {
    private static final double NaN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void windowLargerThanTheInputGivesNaNUnlessMinPeriodsAllows() {
        double[] x = {1, 2, 3};
        assertArrayEquals(new double[] {NaN, NaN, NaN}, Rolling.mean(x, 10));
        assertArrayEquals(new double[] {1, 1.5, 2}, Rolling.mean(x, 10, 1));
        assertArrayEquals(new double[] {1, 3, 6}, Rolling.sum(x, 10, 1));
    }

    @Test
    void windowOneIsTheInputItself() {
        double[] x = {4, NaN, -2, 7};
        assertArrayEquals(x, Rolling.mean(x, 1));
        assertArrayEquals(x, Rolling.max(x, 1));
        assertArrayEquals(x, Rolling.median(x, 1));
        // A sample variance of one value is undefined.
        assertArrayEquals(new double[] {NaN, NaN, NaN, NaN}, Rolling.var(x, 1));
    }

    @Test
    void minPeriodsZeroSumsEmptyWindowsToZeroButLeavesOtherStatisticsNaN() {
        double[] x = {NaN, NaN, 5, NaN, NaN, NaN};
        assertArrayEquals(new double[] {0, 0, 5, 5, 0, 0}, Rolling.sum(x, 2, 0));
        assertArrayEquals(new double[] {NaN, NaN, 5, 5, NaN, NaN}, Rolling.mean(x, 2, 0));
        assertArrayEquals(new double[] {NaN, NaN, 5, 5, NaN, NaN}, Rolling.min(x, 2, 0));
    }

    @Test
    void allNaNWindowsAreNaNAndTheStatisticRecoversAfterThem() {
        double[] x = {1, 2, NaN, NaN, NaN, 6, 8};
        assertArrayEquals(new double[] {1, 1.5, 2, NaN, NaN, 6, 7}, Rolling.mean(x, 2, 1));
        assertArrayEquals(new double[] {1, 2, 2, NaN, NaN, 6, 8}, Rolling.max(x, 2, 1));
    }

    @Test
    void infinitiesAreSkippedLikeNaNAsPandasDoes() {
        // pandas turns ±inf into NaN before rolling (checked with pandas 2.3).
        double[] x = {1, INF, 2, -INF, 4};
        assertArrayEquals(new double[] {1, 1, 2, 2, 4}, Rolling.sum(x, 2, 1));
        assertArrayEquals(new double[] {1, 1, 2, 2, 4}, Rolling.max(x, 2, 1));
        // Lags keep them, as pandas' shift and diff do.
        assertArrayEquals(new double[] {NaN, 1, INF, 2, -INF}, Lags.lag(x, 1));
        assertArrayEquals(new double[] {NaN, INF, -INF, -INF, INF}, Lags.diff(x, 1));
    }

    @Test
    void aWindowWhoseSumOverflowsStillHasItsMean() {
        // pandas 2.3 gives inf for the second mean (its running sum overflows); the mean of
        // 1e308 and 1.5e308 is representable, so lagrs gives it. Equal values give the value
        // itself in both; the sum is +inf in both.
        double[] x = {1e308, 1.5e308, 1.5e308, 1.0};
        assertArrayEquals(new double[] {1e308, 1.25e308, 1.5e308, 0.75e308 + 0.5}, Rolling.mean(x, 2, 1));
        assertArrayEquals(new double[] {1e308, INF, INF, 1.5e308}, Rolling.sum(x, 2, 1));
    }

    @Test
    void emptyInputGivesEmptyOutputForEveryFunction() {
        double[] empty = {};
        for (RollingStatistic s : new RollingStatistic[] {RollingStatistic.MEAN, RollingStatistic.SUM,
            RollingStatistic.VAR, RollingStatistic.STD, RollingStatistic.MIN, RollingStatistic.MAX,
            RollingStatistic.MEDIAN, RollingStatistic.quantile(0.3)}) {
            assertArrayEquals(empty, Rolling.apply(s, empty, 3, 1));
            assertArrayEquals(empty, Rolling.applyMany(s, empty, new int[] {0}, 3, 1));
        }
        assertArrayEquals(empty, Lags.diff(empty, 2));
    }

    @Test
    void manySeriesIncludingEmptyOnesNeverShareAWindow() {
        double[] values = {1, 2, 3, 10, 20};
        int[] offsets = {0, 3, 3, 5};
        assertArrayEquals(new double[] {NaN, 1.5, 2.5, NaN, 15},
                Rolling.applyMany(RollingStatistic.MEAN, values, offsets, 2, 2));
    }
}
