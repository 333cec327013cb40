package io.lagrs.spark;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/**
 * The regular time grid of one series, inferred from its observation times, so that the series
 * can be laid out as equally spaced values (missing steps as NaN) and its future times produced
 * in the same type.
 *
 * <p>The grid's unit is chosen from the times themselves: calendar months when every time falls
 * on the same day of the month (or every one on the last day of its month) at the same time of
 * day, as monthly, quarterly and yearly data do; calendar days when every time is at the same
 * time of day (dates always are), so daily and weekly timestamps stay at their local time across
 * daylight-saving changes; otherwise the raw number (integers, or microseconds for timestamps).
 * The step is the most frequent difference between consecutive times in that unit (the smallest
 * of equally frequent ones). Every time must then lie a whole number of steps after the first.
 */
final class TimeGrid {
    /** Gaps are filled with NaN, but a series may at most double in length that way. */
    static final int MAX_FILL_FACTOR = 2;

    private enum Unit { MONTH, DAY, RAW }

    private final TimeKind kind;
    private final ZoneId zone;
    private final Unit unit;
    private final long step;
    private final long lastIndex;
    /** For MONTH: the anchor day of month, or 0 for "last day of the month". */
    private final int dayOfMonth;
    /** For MONTH and DAY on timestamps: the local time of day. */
    private final LocalTime timeOfDay;
    private final double[] values;

    private TimeGrid(TimeKind kind, ZoneId zone, Unit unit, long step, long lastIndex, int dayOfMonth,
            LocalTime timeOfDay, double[] values) {
        this.kind = kind;
        this.zone = zone;
        this.unit = unit;
        this.step = step;
        this.lastIndex = lastIndex;
        this.dayOfMonth = dayOfMonth;
        this.timeOfDay = timeOfDay;
        this.values = values;
    }

    /** Thrown for a series whose times do not form a regular grid; becomes that series' error. */
    static final class IrregularTimeException extends Exception {
        private static final long serialVersionUID = 1L;

        IrregularTimeException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The grid of a series observed at the first {@code n} of {@code times} (ascending) with
     * {@code values}. Neither array is kept: the caller may reuse them.
     *
     * @param zone the session time zone: calendar months and days of timestamps are local to it
     *     (pass UTC for timestamp_ntz, whose long form is its wall-clock time read as UTC)
     * @throws IrregularTimeException if fewer than two times are given, a time repeats, the times
     *     are not on one regular grid, or filling the gaps would more than double the series
     */
    static TimeGrid infer(TimeKind kind, ZoneId zone, long[] times, double[] values, int n)
            throws IrregularTimeException {
        return infer(kind, zone, times, values, n, new Scratch());
    }

    /**
     * Working arrays for {@link #infer}, kept by a caller that infers the grids of many series
     * one after another (a partition's), so that each series does not allocate its own.
     */
    static final class Scratch {
        private long[] days = new long[0];
        private long[] microsOfDay = new long[0];
        private long[] months = new long[0];
        private long[] daysOfMonth = new long[0];

        private void ensure(int n) {
            if (days.length < n) {
                days = new long[n];
                microsOfDay = new long[n];
                months = new long[n];
                daysOfMonth = new long[n];
            }
        }
    }

    /** {@link #infer(TimeKind, ZoneId, long[], double[], int)} working in {@code scratch}. */
    static TimeGrid infer(TimeKind kind, ZoneId zone, long[] times, double[] values, int n, Scratch scratch)
            throws IrregularTimeException {
        if (n < 2) {
            throw new IrregularTimeException("at least two observations are needed to infer the time step, got " + n);
        }
        for (int i = 1; i < n; i++) {
            if (times[i] == times[i - 1]) {
                throw new IrregularTimeException("time " + format(kind, zone, times[i]) + " occurs more than once");
            }
        }
        Unit unit = Unit.RAW;
        int dayOfMonth = 0;
        LocalTime timeOfDay = LocalTime.MIDNIGHT;
        long[] index = times;
        if (kind.isCalendar()) {
            // Local day and time of day of each time, as numbers (no object per observation).
            scratch.ensure(n);
            long[] days = scratch.days;
            long[] microsOfDay = scratch.microsOfDay;
            for (int i = 0; i < n; i++) {
                localDayAndTime(kind, zone, times[i], days, microsOfDay, i);
            }
            timeOfDay = LocalTime.ofNanoOfDay(microsOfDay[0] * 1000);
            long[] months = scratch.months;
            long[] daysOfMonth = scratch.daysOfMonth;
            monthsAndDays(days, n, months, daysOfMonth);
            long firstDay = daysOfMonth[0];
            boolean sameTimeOfDay = true;
            boolean sameDay = true;
            boolean allMonthEnds = true;
            for (int i = 0; i < n; i++) {
                long day = daysOfMonth[i];
                sameTimeOfDay &= microsOfDay[i] == microsOfDay[0];
                sameDay &= day == firstDay;
                allMonthEnds &= day == lengthOfMonth(months[i]);
            }
            if (sameTimeOfDay) {
                if (allMonthEnds || sameDay) {
                    unit = Unit.MONTH;
                    dayOfMonth = allMonthEnds ? 0 : (int) firstDay;
                    index = months;
                } else {
                    unit = Unit.DAY;
                    index = days;
                }
            }
        }
        long step = mostFrequentDifference(index, n);
        double[] filled = fill(kind, zone, times, index, values, n, step);
        TimeGrid grid = new TimeGrid(kind, zone, unit, step, index[n - 1], dayOfMonth, timeOfDay, filled);
        grid.future(1); // a series whose very next time cannot be represented fails here, not later
        return grid;
    }

    /** The values on the grid, one per step from the first time to the last, NaN where missing. */
    double[] values() {
        return values;
    }

    /**
     * The {@code h} times after the last one, in the long form of the time column.
     *
     * @throws IrregularTimeException if a future time cannot be represented in the column's type
     */
    long[] future(int h) throws IrregularTimeException {
        long[] out = new long[h];
        for (int k = 1; k <= h; k++) {
            long idx;
            try {
                idx = Math.addExact(lastIndex, Math.multiplyExact(step, (long) k));
            } catch (ArithmeticException e) {
                throw new IrregularTimeException("future time " + k + " steps ahead is out of range");
            }
            out[k - 1] = fromIndex(idx);
        }
        return out;
    }

    private long fromIndex(long idx) throws IrregularTimeException {
        try {
            switch (unit) {
                case RAW:
                    if (kind == TimeKind.INTEGER && (idx < Integer.MIN_VALUE || idx > Integer.MAX_VALUE)) {
                        throw new IrregularTimeException("future time " + idx + " does not fit an int time column");
                    }
                    return idx;
                case DAY:
                    return fromLocalDate(LocalDate.ofEpochDay(idx));
                case MONTH:
                    LocalDate first = LocalDate.of(Math.toIntExact(Math.floorDiv(idx, 12L)),
                            (int) Math.floorMod(idx, 12L) + 1, 1);
                    int day = dayOfMonth == 0 ? first.lengthOfMonth() : Math.min(dayOfMonth, first.lengthOfMonth());
                    return fromLocalDate(first.withDayOfMonth(day));
                default:
                    throw new AssertionError(unit);
            }
        } catch (java.time.DateTimeException | ArithmeticException e) {
            throw new IrregularTimeException("future time out of range: " + e.getMessage());
        }
    }

    private long fromLocalDate(LocalDate date) {
        if (kind == TimeKind.DATE) {
            return date.toEpochDay();
        }
        if (zone instanceof ZoneOffset offset) { // ZoneOffset.getRules() builds new rules on every call
            return Math.addExact(Math.multiplyExact(LocalDateTime.of(date, timeOfDay).toEpochSecond(offset), 1_000_000L),
                    timeOfDay.getNano() / 1000);
        }
        Instant instant = ZonedDateTime.of(date, timeOfDay, zone).toInstant();
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
    }

    private static final long MICROS_PER_DAY = 86_400_000_000L;

    /**
     * The month (months since year 0: {@code year * 12 + month - 1}) shifted left by 5 bits, plus
     * the day of month, of an epoch day in the proleptic Gregorian calendar, as
     * {@link LocalDate#ofEpochDay} gives them; without an object per call (this runs for every
     * observation). H. Hinnant's {@code civil_from_days}.
     */
    static long monthAndDay(long epochDay) {
        long z = epochDay + 719_468; // days since 0000-03-01
        long era = Math.floorDiv(z, 146_097L);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100); // from March 1st
        long mp = (5 * dayOfYear + 2) / 153; // month from March: 0..11
        long day = dayOfYear - (153 * mp + 2) / 5 + 1;
        long month = mp < 10 ? mp + 3 : mp - 9;
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        return ((year * 12 + month - 1) << 5) | day;
    }

    /**
     * {@link #monthAndDay} of the first {@code n} ascending epoch days, split into
     * {@code months} and {@code daysOfMonth}. Each day is counted on from the month of the one
     * before (a series' days are usually a few weeks apart at most), without the divisions of a
     * full conversion; a day far from the one before is converted in full.
     */
    static void monthsAndDays(long[] days, int n, long[] months, long[] daysOfMonth) {
        long month = 0;
        long monthStart = 0; // epoch day of the 1st of that month
        int length = 0;
        for (int i = 0; i < n; i++) {
            long d = days[i];
            if (i == 0 || d < monthStart || d - monthStart > 400) {
                long md = monthAndDay(d);
                month = md >> 5;
                monthStart = d - (md & 31) + 1;
                length = lengthOfMonth(month);
            }
            while (d - monthStart >= length) {
                monthStart += length;
                month++;
                length = lengthOfMonth(month);
            }
            months[i] = month;
            daysOfMonth[i] = d - monthStart + 1;
        }
    }

    /** Days in a month given as {@code year * 12 + month - 1}. */
    static int lengthOfMonth(long monthIndex) {
        long year = Math.floorDiv(monthIndex, 12L);
        int month = (int) Math.floorMod(monthIndex, 12L) + 1;
        return switch (month) {
            case 2 -> (Math.floorMod(year, 4L) == 0 && (Math.floorMod(year, 100L) != 0 || Math.floorMod(year, 400L) == 0))
                    ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Sets {@code days[i]} and {@code microsOfDay[i]} to time {@code t}'s local date and time of day. */
    private static void localDayAndTime(TimeKind kind, ZoneId zone, long t, long[] days, long[] microsOfDay, int i) {
        if (kind == TimeKind.DATE) {
            days[i] = t;
            microsOfDay[i] = 0;
        } else if (zone instanceof ZoneOffset offset) {
            long local = Math.addExact(t, offset.getTotalSeconds() * 1_000_000L);
            days[i] = Math.floorDiv(local, MICROS_PER_DAY);
            microsOfDay[i] = Math.floorMod(local, MICROS_PER_DAY);
        } else {
            LocalDateTime local = toLocal(kind, zone, t);
            days[i] = local.toLocalDate().toEpochDay();
            microsOfDay[i] = local.toLocalTime().toNanoOfDay() / 1000;
        }
    }

    private static LocalDateTime toLocal(TimeKind kind, ZoneId zone, long t) {
        if (kind == TimeKind.DATE) {
            return LocalDate.ofEpochDay(t).atStartOfDay();
        }
        if (zone instanceof ZoneOffset offset) { // ZoneOffset.getRules() builds new rules on every call
            return LocalDateTime.ofEpochSecond(Math.floorDiv(t, 1_000_000L), (int) Math.floorMod(t, 1_000_000L) * 1000,
                    offset);
        }
        Instant instant = Instant.EPOCH.plus(t, ChronoUnit.MICROS);
        return LocalDateTime.ofInstant(instant, zone);
    }

    private static String format(TimeKind kind, ZoneId zone, long t) {
        return kind.isCalendar() ? toLocal(kind, zone, t).toString() : Long.toString(t);
    }

    /** The mode of the consecutive differences of an ascending array; ties go to the smaller one. */
    private static long mostFrequentDifference(long[] index, int n) throws IrregularTimeException {
        // The usual case first, with no array: one step throughout. The times are ascending, so a
        // difference that overflowed would be negative and cannot equal a positive first step.
        long first = difference(index, 1);
        boolean regular = first > 0;
        for (int i = 2; i < n && regular; i++) {
            regular = index[i] - index[i - 1] == first;
        }
        if (regular) {
            return first;
        }
        long[] diffs = new long[n - 1];
        for (int i = 1; i < n; i++) {
            diffs[i - 1] = difference(index, i);
        }
        Arrays.sort(diffs);
        long best = diffs[0];
        int bestCount = 0;
        for (int i = 0; i < diffs.length;) {
            int j = i;
            while (j < diffs.length && diffs[j] == diffs[i]) {
                j++;
            }
            if (j - i > bestCount) {
                best = diffs[i];
                bestCount = j - i;
            }
            i = j;
        }
        return best;
    }

    /** {@code index[i] - index[i - 1]}. */
    private static long difference(long[] index, int i) throws IrregularTimeException {
        try {
            return Math.subtractExact(index[i], index[i - 1]);
        } catch (ArithmeticException e) {
            throw new IrregularTimeException("times " + index[i - 1] + " and " + index[i] + " are too far apart");
        }
    }

    /** Whether each of the first {@code n} entries of {@code index} is {@code step} after the one before. */
    private static boolean isEvenlySpaced(long[] index, int n, long step) {
        for (int i = 1; i < n; i++) {
            if (index[i] - index[i - 1] != step) {
                return false;
            }
        }
        return true;
    }

    private static double[] fill(TimeKind kind, ZoneId zone, long[] times, long[] index, double[] values, int n,
            long step) throws IrregularTimeException {
        // Each consecutive difference fits a long (checked above), but their sum may not.
        long span;
        try {
            span = Math.subtractExact(index[n - 1], index[0]);
        } catch (ArithmeticException e) {
            throw new IrregularTimeException("the first and last times are too far apart");
        }
        if (span == step * (n - 1L) && isEvenlySpaced(index, n, step)) {
            return Arrays.copyOf(values, n); // no gaps, the usual case: no division per time
        }
        long length = span / step + 1;
        if (length > (long) MAX_FILL_FACTOR * n) {
            throw new IrregularTimeException("filling the gaps would make " + length + " steps out of " + n
                    + " observations (step " + step + "); at most " + MAX_FILL_FACTOR + "x is allowed");
        }
        double[] out = new double[(int) length];
        Arrays.fill(out, Double.NaN);
        for (int i = 0; i < n; i++) {
            long offset = index[i] - index[0];
            if (offset % step != 0) {
                throw new IrregularTimeException("time " + format(kind, zone, times[i])
                        + " is not a whole number of steps (" + step + ") after the first time "
                        + format(kind, zone, times[0]));
            }
            out[(int) (offset / step)] = values[i];
        }
        return out;
    }
}
