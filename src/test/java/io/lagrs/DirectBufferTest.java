package io.lagrs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import org.junit.jupiter.api.Test;

/** Direct DoubleBuffer overloads give the array methods' results and refuse what they cannot read. */
class DirectBufferTest {
    private static DoubleBuffer direct(int n) {
        return ByteBuffer.allocateDirect(8 * n).order(ByteOrder.nativeOrder()).asDoubleBuffer();
    }

    private static double[] data(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.sin(i * 0.37) * 10 + (i % 7 == 0 ? Double.NaN : i * 0.01);
        }
        return x;
    }

    private static double[] drain(DoubleBuffer b) {
        double[] out = new double[b.remaining()];
        b.duplicate().get(out);
        return out;
    }

    @Test
    void everyStatisticMatchesTheArrayMethod() {
        double[] x = data(1000);
        DoubleBuffer in = direct(x.length).put(x).flip();
        RollingStatistic[] stats = {RollingStatistic.MEAN, RollingStatistic.SUM, RollingStatistic.VAR,
            RollingStatistic.STD, RollingStatistic.MIN, RollingStatistic.MAX, RollingStatistic.MEDIAN,
            RollingStatistic.quantile(0.3)};
        for (RollingStatistic s : stats) {
            DoubleBuffer out = direct(x.length);
            Rolling.apply(s, in, 20, 5, out);
            assertArrayEquals(Rolling.apply(s, x, 20, 5), drain(out), s.toString());
        }
        DoubleBuffer out = direct(x.length);
        Rolling.ewmMean(in, 0.2, out);
        assertArrayEquals(Rolling.ewmMean(x, 0.2), drain(out));
    }

    @Test
    void lagsMatchTheArrayMethods() {
        double[] x = data(300);
        DoubleBuffer in = direct(x.length).put(x).flip();
        DoubleBuffer out = direct(x.length);
        Lags.lag(in, 3, out);
        assertArrayEquals(Lags.lag(x, 3), drain(out));
        Lags.diff(in, 5, out);
        assertArrayEquals(Lags.diff(x, 5), drain(out));
        Lags.pctChange(in, 1, out);
        assertArrayEquals(Lags.pctChange(x, 1), drain(out));
    }

    @Test
    void positionAndRemainingSelectTheRangeAndAreLeftUnchanged() {
        double[] x = data(100);
        DoubleBuffer in = direct(120).put(new double[10]).put(x).put(new double[10]);
        in.position(10).limit(110);
        DoubleBuffer out = direct(105);
        out.position(5);
        Rolling.apply(RollingStatistic.MAX, in, 4, 1, out);
        assertEquals(10, in.position());
        assertEquals(110, in.limit());
        assertEquals(5, out.position());
        assertArrayEquals(Rolling.max(x, 4, 1), drain(out));
        // A slice starts at its own position 0.
        DoubleBuffer sliced = direct(100);
        Rolling.apply(RollingStatistic.MAX, in.slice(), 4, 1, sliced);
        assertArrayEquals(Rolling.max(x, 4, 1), drain(sliced));
    }

    @Test
    void badBuffersThrowNamingThem() {
        DoubleBuffer good = direct(10);
        assertMessageStarts("x", () -> Rolling.apply(RollingStatistic.MEAN, DoubleBuffer.allocate(10), 2, 2, good));
        assertMessageStarts("out", () -> Rolling.apply(RollingStatistic.MEAN, good, 2, 2, DoubleBuffer.allocate(10)));
        DoubleBuffer bigEndian = ByteBuffer.allocateDirect(80).order(ByteOrder.BIG_ENDIAN).asDoubleBuffer();
        if (ByteOrder.nativeOrder() != ByteOrder.BIG_ENDIAN) {
            assertMessageStarts("x", () -> Rolling.apply(RollingStatistic.MEAN, bigEndian, 2, 2, direct(10)));
        }
        assertMessageStarts("out", () -> Rolling.apply(RollingStatistic.MEAN, good, 2, 2, direct(10).asReadOnlyBuffer()));
        assertMessageStarts("out", () -> Rolling.apply(RollingStatistic.MEAN, good, 2, 2, direct(9)));
        assertMessageStarts("out", () -> Rolling.apply(RollingStatistic.MEAN, good, 2, 2, good.duplicate()));
        assertMessageStarts("window", () -> Rolling.apply(RollingStatistic.MEAN, good, 0, 0, direct(10)));
        assertMessageStarts("k", () -> Lags.lag(good, -1, direct(10)));
        assertMessageStarts("alpha", () -> Rolling.ewmMean(good, 2.0, direct(10)));
        assertThrows(NullPointerException.class, () -> Rolling.apply(RollingStatistic.MEAN, null, 2, 2, good));
        assertThrows(NullPointerException.class, () -> Lags.diff(good, 1, null));
    }

    @Test
    void emptyBuffersGiveNothing() {
        Rolling.apply(RollingStatistic.MEDIAN, direct(0), 3, 1, direct(0));
        Lags.lag(direct(0), 2, direct(0));
    }

    private static void assertMessageStarts(String argument, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().startsWith(argument + " "), e.getMessage());
    }
}
