package io.lagrs.spark;

import io.lagrs.table.Calendar;
import io.lagrs.table.Frequency;
import io.lagrs.table.IrregularTimesException;
import io.lagrs.table.RegularGrid;
import io.lagrs.table.TimeType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * The regular time grid of one series in a Spark job: its times in the session's zone handed to
 * the library's one grid rule ({@link RegularGrid}, the rule of the library's series table and
 * of the command line, so the same data get the same grid everywhere), and its future times
 * produced back in the column's type.
 *
 * <p>For the rule, a calendar time is its local date and time of day in the session time zone
 * (daily and weekly timestamps stay at their local time across daylight-saving changes); other
 * times are their raw number (integers, or microseconds for timestamps).
 */
final class TimeGrid {
    /** Gaps are filled with NaN, but a series may at most double in length that way. */
    static final int MAX_FILL_FACTOR = RegularGrid.MAX_FILL_FACTOR;

    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private final TimeKind kind;
    private final ZoneId zone;
    private final RegularGrid grid;
    private final long lastIndex;
    /** For calendar units on timestamps: the local time of day. */
    private final LocalTime timeOfDay;

    private TimeGrid(TimeKind kind, ZoneId zone, RegularGrid grid, LocalTime timeOfDay) {
        this.kind = kind;
        this.zone = zone;
        this.grid = grid;
        this.lastIndex = grid.index(grid.length() - 1L);
        this.timeOfDay = timeOfDay;
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
     * @throws IrregularTimeException if the library's rule finds no grid
     */
    static TimeGrid infer(TimeKind kind, ZoneId zone, long[] times, double[] values, int n)
            throws IrregularTimeException {
        return infer(kind, zone, times, values, n, new Scratch());
    }

    /** Working arrays kept by a caller that infers the grids of many series one after another. */
    static final class Scratch {
        private long[] days = new long[0];
        private long[] microsOfDay = new long[0];
        private final RegularGrid.Scratch grid = new RegularGrid.Scratch();

        private void ensure(int n) {
            if (days.length < n) {
                days = new long[n];
                microsOfDay = new long[n];
            }
        }
    }

    /** {@link #infer(TimeKind, ZoneId, long[], double[], int)} working in {@code scratch}. */
    static TimeGrid infer(TimeKind kind, ZoneId zone, long[] times, double[] values, int n, Scratch scratch)
            throws IrregularTimeException {
        long[] days = null;
        long[] microsOfDay = null;
        if (kind.isCalendar() && n > 0) {
            scratch.ensure(n);
            days = scratch.days;
            microsOfDay = kind == TimeKind.DATE ? null : scratch.microsOfDay;
            for (int i = 0; i < n; i++) {
                localDayAndTime(kind, zone, times[i], days, scratch.microsOfDay, i);
            }
        }
        try {
            RegularGrid g = RegularGrid.infer(times, days, microsOfDay, values, n, null, 0,
                    i -> format(kind, zone, times[i]), scratch.grid);
            TimeGrid grid = new TimeGrid(kind, zone, g, LocalTime.ofNanoOfDay(g.timeOfDay() * 1000));
            grid.future(1); // a series whose very next time cannot be represented fails here, not later
            return grid;
        } catch (IrregularTimesException e) {
            throw new IrregularTimeException(e.getMessage());
        }
    }

    /** The season of the grid's frequency ({@link Frequency#season()}), 1 when it has none. */
    int season() {
        TimeType type = switch (kind) {
            case INTEGER, LONG -> TimeType.INTEGER;
            case DATE -> TimeType.DATE;
            case TIMESTAMP, TIMESTAMP_NTZ -> TimeType.TIMESTAMP;
        };
        Frequency f = Frequency.of(grid, type, 1_000_000L);
        return f == null ? 1 : f.season();
    }

    /** The values on the grid, one per step from the first time to the last, NaN where missing. */
    double[] values() {
        return grid.values();
    }

    /** The time of grid point {@code k} (0 is the first time), in the long form of the time column. */
    long at(int k) throws IrregularTimeException {
        return fromIndex(grid.index(k));
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
                idx = Math.addExact(lastIndex, Math.multiplyExact(grid.step(), (long) k));
            } catch (ArithmeticException e) {
                throw new IrregularTimeException("future time " + k + " steps ahead is out of range");
            }
            out[k - 1] = fromIndex(idx);
        }
        return out;
    }

    private long fromIndex(long idx) throws IrregularTimeException {
        try {
            switch (grid.unit()) {
                case RAW:
                    if (kind == TimeKind.INTEGER && (idx < Integer.MIN_VALUE || idx > Integer.MAX_VALUE)) {
                        throw new IrregularTimeException("future time " + idx + " does not fit an int time column");
                    }
                    return idx;
                case DAYS:
                    return fromLocalDate(LocalDate.ofEpochDay(idx));
                case MONTHS:
                    return fromLocalDate(LocalDate.ofEpochDay(Calendar.epochDay(idx, grid.dayOfMonth())));
                default:
                    throw new AssertionError(grid.unit());
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

    /** {@link Calendar#monthAndDay}. */
    static long monthAndDay(long epochDay) {
        return Calendar.monthAndDay(epochDay);
    }

    /** {@link Calendar#monthsAndDays}. */
    static void monthsAndDays(long[] days, int n, long[] months, long[] daysOfMonth) {
        Calendar.monthsAndDays(days, n, months, daysOfMonth);
    }

    /** {@link Calendar#lengthOfMonth}. */
    static int lengthOfMonth(long monthIndex) {
        return Calendar.lengthOfMonth(monthIndex);
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

    static String format(TimeKind kind, ZoneId zone, long t) {
        if (kind == TimeKind.DATE) {
            return LocalDate.ofEpochDay(t).toString(); // as a CSV or a table writes it
        }
        return kind.isCalendar() ? toLocal(kind, zone, t).toString() : Long.toString(t);
    }
}
