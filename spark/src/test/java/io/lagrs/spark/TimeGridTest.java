package io.lagrs.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class TimeGridTest {
    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static TimeGrid grid(TimeKind kind, ZoneId zone, long... times) throws Exception {
        double[] values = new double[times.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = i + 1;
        }
        return TimeGrid.infer(kind, zone, times, values, times.length);
    }

    private static long day(String date) {
        return LocalDate.parse(date).toEpochDay();
    }

    private static long micros(LocalDateTime local, ZoneId zone) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, local.atZone(zone).toInstant());
    }

    @Test
    void integerTimesStepByTheirMostFrequentDifferenceAndGapsBecomeNaN() throws Exception {
        TimeGrid g = grid(TimeKind.LONG, UTC, 10, 15, 20, 30, 35);
        assertArrayEquals(new double[] {1, 2, 3, Double.NaN, 4, 5}, g.values());
        assertArrayEquals(new long[] {40, 45, 50}, g.future(3));
    }

    @Test
    void equallyFrequentDifferencesGoToTheSmallerStepAndOnlyTheFirstDifferencesDoNotDecide() throws Exception {
        TimeGrid tie = grid(TimeKind.LONG, UTC, 0, 2, 3, 5, 6); // differences 2, 1, 2, 1
        assertArrayEquals(new double[] {1, Double.NaN, 2, 3, Double.NaN, 4, 5}, tie.values());
        TimeGrid late = grid(TimeKind.LONG, UTC, 0, 5, 6, 7, 8, 9); // 5 first, then four steps of 1
        assertArrayEquals(new double[] {1, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 2, 3, 4, 5, 6},
                late.values());
        var offGrid = assertThrows(TimeGrid.IrregularTimeException.class,
                () -> grid(TimeKind.LONG, UTC, 0, 3, 6, 7)); // step 3, then 7 is off the grid
        assertTrue(offGrid.getMessage().contains("not a whole number of steps"), offGrid.getMessage());
        // Reused arrays: only the first n entries count, and the result does not depend on the rest.
        long[] times = {0, 2, 4, 99, -5};
        double[] values = {1, 2, 3, 42, 42};
        assertArrayEquals(new double[] {1, 2, 3}, TimeGrid.infer(TimeKind.LONG, UTC, times, values, 3).values());
    }

    @Test
    void monthlyDatesOnTheFirstStepByCalendarMonths() throws Exception {
        TimeGrid g = grid(TimeKind.DATE, UTC, day("2023-11-01"), day("2023-12-01"), day("2024-01-01"),
                day("2024-02-01"));
        assertEquals(4, g.values().length);
        assertArrayEquals(new long[] {day("2024-03-01"), day("2024-04-01")}, g.future(2));
    }

    @Test
    void monthEndDatesStayOnMonthEnds() throws Exception {
        TimeGrid g = grid(TimeKind.DATE, UTC, day("2023-12-31"), day("2024-01-31"), day("2024-02-29"),
                day("2024-03-31"));
        assertArrayEquals(new long[] {day("2024-04-30"), day("2024-05-31"), day("2024-06-30")}, g.future(3));
    }

    @Test
    void quarterlyAndYearlyDatesKeepTheirStep() throws Exception {
        TimeGrid q = grid(TimeKind.DATE, UTC, day("2023-01-15"), day("2023-04-15"), day("2023-07-15"));
        assertArrayEquals(new long[] {day("2023-10-15"), day("2024-01-15")}, q.future(2));
        TimeGrid y = grid(TimeKind.DATE, UTC, day("2020-03-01"), day("2021-03-01"), day("2023-03-01"));
        assertArrayEquals(new double[] {1, 2, Double.NaN, 3}, y.values());
        assertArrayEquals(new long[] {day("2024-03-01")}, y.future(1));
    }

    @Test
    void weeklyDatesStepBySevenDays() throws Exception {
        TimeGrid g = grid(TimeKind.DATE, UTC, day("2024-01-01"), day("2024-01-08"), day("2024-01-15"));
        assertArrayEquals(new long[] {day("2024-01-22")}, g.future(1));
    }

    @Test
    void dailyTimestampsKeepTheirLocalTimeAcrossDaylightSaving() throws Exception {
        // Berlin moves its clocks forward on 2024-03-31: that day has 23 hours.
        LocalDateTime start = LocalDateTime.parse("2024-03-28T09:00");
        long[] times = new long[4];
        for (int i = 0; i < 4; i++) {
            times[i] = micros(start.plusDays(i), BERLIN);
        }
        TimeGrid g = grid(TimeKind.TIMESTAMP, BERLIN, times);
        assertEquals(4, g.values().length);
        assertArrayEquals(new long[] {micros(LocalDateTime.parse("2024-04-01T09:00"), BERLIN),
            micros(LocalDateTime.parse("2024-04-02T09:00"), BERLIN)}, g.future(2));
    }

    @Test
    void hourlyTimestampsStepByTheirDifference() throws Exception {
        long hour = 3_600_000_000L;
        long t0 = micros(LocalDateTime.parse("2024-05-01T00:00"), UTC);
        TimeGrid g = grid(TimeKind.TIMESTAMP, UTC, t0, t0 + hour, t0 + 2 * hour);
        assertArrayEquals(new long[] {t0 + 3 * hour}, g.future(1));
    }

    @Test
    void monthlyTimestampsStepByCalendarMonthsInTheSessionZone() throws Exception {
        long[] times = {micros(LocalDateTime.parse("2024-01-01T00:00"), BERLIN),
            micros(LocalDateTime.parse("2024-02-01T00:00"), BERLIN),
            micros(LocalDateTime.parse("2024-03-01T00:00"), BERLIN)};
        TimeGrid g = grid(TimeKind.TIMESTAMP, BERLIN, times);
        assertArrayEquals(new long[] {micros(LocalDateTime.parse("2024-04-01T00:00"), BERLIN)}, g.future(1));
    }

    @Test
    void irregularRepeatedOrTooFewTimesAreRejectedWithTheReason() {
        var offGrid = assertThrows(TimeGrid.IrregularTimeException.class, () -> grid(TimeKind.LONG, UTC, 0, 2, 4, 5));
        assertTrue(offGrid.getMessage().contains("not a whole number of steps"), offGrid.getMessage());
        var repeated = assertThrows(TimeGrid.IrregularTimeException.class, () -> grid(TimeKind.LONG, UTC, 0, 1, 1, 2));
        assertTrue(repeated.getMessage().contains("more than once"), repeated.getMessage());
        var single = assertThrows(TimeGrid.IrregularTimeException.class, () -> grid(TimeKind.LONG, UTC, 7));
        assertTrue(single.getMessage().contains("at least two"), single.getMessage());
        var sparse = assertThrows(TimeGrid.IrregularTimeException.class, () -> grid(TimeKind.LONG, UTC, 0, 1, 2, 100));
        assertTrue(sparse.getMessage().contains("gaps"), sparse.getMessage());
        var farApart = assertThrows(TimeGrid.IrregularTimeException.class,
                () -> grid(TimeKind.LONG, UTC, Long.MIN_VALUE, 0, Long.MAX_VALUE));
        assertTrue(farApart.getMessage().contains("too far apart"), farApart.getMessage());
    }

    @Test
    void futureTimesBeyondAnIntColumnAreAnErrorNotAWrap() {
        var e = assertThrows(TimeGrid.IrregularTimeException.class,
                () -> grid(TimeKind.INTEGER, UTC, Integer.MAX_VALUE - 2, Integer.MAX_VALUE - 1, Integer.MAX_VALUE));
        assertTrue(e.getMessage().contains("int"), e.getMessage());
    }

    @Test
    void monthsCountedOnFromDayToDayAgreeWithJavaTime() {
        java.util.Random rng = new java.util.Random(5);
        for (int k = 0; k < 2_000; k++) {
            int n = 1 + rng.nextInt(200);
            long[] days = new long[n];
            days[0] = k % 3 == 0 ? rng.nextInt() / 2 : rng.nextInt(200_000) - 100_000;
            int maxGap = switch (k % 4) { case 0 -> 2; case 1 -> 40; case 2 -> 800; default -> 100_000; };
            for (int i = 1; i < n; i++) {
                days[i] = days[i - 1] + rng.nextInt(maxGap); // ascending, repeats allowed
            }
            long[] months = new long[n];
            long[] daysOfMonth = new long[n];
            TimeGrid.monthsAndDays(days, n, months, daysOfMonth);
            for (int i = 0; i < n; i++) {
                LocalDate d = LocalDate.ofEpochDay(days[i]);
                assertEquals(d.getYear() * 12L + d.getMonthValue() - 1, months[i], d::toString);
                assertEquals(d.getDayOfMonth(), daysOfMonth[i], d::toString);
            }
        }
    }

    @Test
    void calendarArithmeticAgreesWithJavaTime() {
        java.util.Random rng = new java.util.Random(3);
        for (int k = 0; k < 200_000; k++) {
            // Dates (int days) and timestamps (about +-290,000 years) reach this far; near 1970 most often.
            long day = k % 2 == 0 ? rng.nextInt() : rng.nextInt(200_000) - 100_000;
            LocalDate d = LocalDate.ofEpochDay(day);
            long md = TimeGrid.monthAndDay(day);
            assertEquals(d.getYear() * 12L + d.getMonthValue() - 1, md >> 5, d::toString);
            assertEquals(d.getDayOfMonth(), md & 31, d::toString);
            assertEquals(d.lengthOfMonth(), TimeGrid.lengthOfMonth(md >> 5), d::toString);
        }
    }
}
