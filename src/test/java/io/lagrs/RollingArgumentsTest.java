package io.lagrs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Bad arguments get a clear exception naming the argument, from Java and native checks alike. */
class RollingArgumentsTest {
    private static final double[] X = {1, 2, 3, 4, 5};

    @Test
    void nullArraysThrowNullPointerExceptionNamingThem() {
        assertEquals("x must not be null",
                assertThrows(NullPointerException.class, () -> Rolling.mean(null, 3)).getMessage());
        assertEquals("out must not be null",
                assertThrows(NullPointerException.class, () -> Rolling.mean(X, 3, 3, null)).getMessage());
        assertEquals("offsets must not be null", assertThrows(NullPointerException.class,
                () -> Rolling.applyMany(RollingStatistic.MEAN, X, null, 2, 2)).getMessage());
        assertThrows(NullPointerException.class, () -> Lags.lag(null, 1));
        assertThrows(NullPointerException.class, () -> Rolling.ewmMean(null, 0.5));
    }

    @Test
    void badWindowsAndMinPeriodsThrowIllegalArgumentException() {
        assertMessageNames("window", () -> Rolling.mean(X, 0));
        assertMessageNames("window", () -> Rolling.sum(X, -3, 0));
        assertMessageNames("minPeriods", () -> Rolling.mean(X, 3, 4));
        assertMessageNames("minPeriods", () -> Rolling.median(X, 3, -1));
        assertMessageNames("q", () -> Rolling.quantile(X, 3, 1.5));
        assertMessageNames("q", () -> Rolling.quantile(X, 3, Double.NaN));
        assertMessageNames("alpha", () -> Rolling.ewmMean(X, 0.0));
        assertMessageNames("alpha", () -> Rolling.ewmMean(X, 1.01));
        assertMessageNames("out", () -> Rolling.mean(X, 2, 2, new double[4]));
        assertMessageNames("k", () -> Lags.diff(X, -1));
    }

    @Test
    void badOffsetsThrowIllegalArgumentException() {
        assertMessageNames("offsets", () -> Rolling.applyMany(RollingStatistic.MEAN, X, new int[] {1, 5}, 2, 2));
        assertMessageNames("offsets", () -> Rolling.applyMany(RollingStatistic.MEAN, X, new int[] {0, 3, 2, 5}, 2, 2));
        assertMessageNames("offsets", () -> Rolling.applyMany(RollingStatistic.MEAN, X, new int[] {0, 4}, 2, 2));
        assertMessageNames("offsets", () -> Rolling.applyMany(RollingStatistic.MEAN, X, new int[0], 2, 2));
    }

    @Test
    void emptyInputGivesEmptyOutput() {
        assertArrayEquals(new double[0], Rolling.mean(new double[0], 3));
        assertArrayEquals(new double[0], Rolling.median(new double[0], 3, 1));
        assertArrayEquals(new double[0], Lags.pctChange(new double[0], 1));
        assertArrayEquals(new double[0], Rolling.ewmMean(new double[0], 0.3));
    }

    @Test
    void outMayBeTheInputArray() {
        double[] x = {1, 2, 3, 4, 5};
        Rolling.mean(x, 2, 2, x);
        assertArrayEquals(new double[] {Double.NaN, 1.5, 2.5, 3.5, 4.5}, x);
        double[] y = {4, Double.NaN, 2};
        double[] expected = Rolling.ewmMean(y, 0.5);
        Rolling.ewmMean(y, 0.5, y);
        assertArrayEquals(expected, y);
    }

    @Test
    void ewmMeanIntoAnArrayChecksIt() {
        assertEquals("out must not be null",
                assertThrows(NullPointerException.class, () -> Rolling.ewmMean(X, 0.5, null)).getMessage());
        assertMessageNames("out", () -> Rolling.ewmMean(X, 0.5, new double[4]));
        assertMessageNames("alpha", () -> Rolling.ewmMean(X, 2.0, new double[5]));
        double[] out = new double[5];
        Rolling.ewmMean(X, 0.5, out);
        assertArrayEquals(Rolling.ewmMean(X, 0.5), out);
    }

    @Test
    void lagsIntoAnArrayCheckIt() {
        assertEquals("out must not be null",
                assertThrows(NullPointerException.class, () -> Lags.lag(X, 1, null)).getMessage());
        assertEquals("x must not be null",
                assertThrows(NullPointerException.class, () -> Lags.diff(null, 1, new double[5])).getMessage());
        assertMessageNames("out", () -> Lags.pctChange(X, 1, new double[4]));
        assertMessageNames("k", () -> Lags.diff(X, -1, new double[5]));
        double[] out = new double[5];
        Lags.lag(X, 2, out);
        assertArrayEquals(Lags.lag(X, 2), out);
        Lags.pctChange(X, 1, out);
        assertArrayEquals(Lags.pctChange(X, 1), out);
    }

    private static void assertMessageNames(String argument, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        // The core names one element of an array argument as "offsets[0]".
        assertTrue(e.getMessage().startsWith(argument + " ") || e.getMessage().startsWith(argument + "["),
                e.getMessage());
    }
}
