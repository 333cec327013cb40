package io.lagrs.table;

import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * The one rule by which lagrs lays a series' observation times on a regular grid, used alike by
 * {@link SeriesTable}, the command line and Spark, so the same data get the same grid everywhere:
 *
 * <ol>
 *   <li><b>Unit.</b> Calendar times (dates, timestamps) at one time of day that all fall on one
 *       day of the month, or all on the last day of their month, count in calendar
 *       {@linkplain Unit#MONTHS months} (monthly, quarterly, yearly data: 31- and 28-day months are
 *       one step); other calendar times at one time of day count in
 *       {@linkplain Unit#DAYS days} (daily, weekly); anything else in its
 *       {@linkplain Unit#RAW own number} (whole numbers, seconds or microseconds).
 *   <li><b>Step.</b> The most frequent difference between consecutive times in that unit; of
 *       equally frequent ones the smaller.
 *   <li><b>Grid.</b> Every time must lie a whole number of steps after the first, else the series
 *       fails, naming the time; a time that occurs twice fails it too. Grid points with no
 *       observation are missing values (NaN), but gaps may at most make the series
 *       {@value #MAX_FILL_FACTOR} times as long as its observations. At least two observations
 *       are needed, unless the frequency is given.
 * </ol>
 *
 * <p>A given frequency (the command line's {@code --freq}) fixes the unit and the step; the
 * rest of the rule is the same. Immutable.
 */
public final class RegularGrid {
    /** How grid positions are counted. */
    public enum Unit {
        /** Calendar months, {@code year * 12 + month - 1}. */
        MONTHS,
        /** Calendar days since 1970-01-01. */
        DAYS,
        /** The times' own numbers. */
        RAW
    }

    /** Gaps are filled with NaN, but a series may at most double in length that way. */
    public static final int MAX_FILL_FACTOR = 2;

    private final Unit unit;
    private final int dayOfMonth;
    private final long timeOfDay;
    private final long step;
    private final long first;
    private final double[] values;
    private final int length;
    private final int gaps;

    private RegularGrid(Unit unit, int dayOfMonth, long timeOfDay, long step, long first, double[] values, int gaps) {
        this(unit, dayOfMonth, timeOfDay, step, first, values, values.length, gaps);
    }

    private RegularGrid(Unit unit, int dayOfMonth, long timeOfDay, long step, long first, double[] values, int length,
            int gaps) {
        this.unit = unit;
        this.dayOfMonth = dayOfMonth;
        this.timeOfDay = timeOfDay;
        this.step = step;
        this.first = first;
        this.values = values;
        this.length = length;
        this.gaps = gaps;
    }

    /** This grid without its values (a table keeps them flat, once). */
    RegularGrid withoutValues() {
        return new RegularGrid(unit, dayOfMonth, timeOfDay, step, first, new double[0], length, gaps);
    }

    /** Working arrays kept by a caller that infers the grids of many series one after another. */
    public static final class Scratch {
        private long[] months = new long[0];
        private long[] daysOfMonth = new long[0];

        private void ensure(int n) {
            if (months.length < n) {
                months = new long[n];
                daysOfMonth = new long[n];
            }
        }
    }

    /**
     * Lays one series on its grid by the rule of the class description. No array is kept.
     *
     * @param raw the times as numbers, ascending (whole numbers, or the caller's long form of
     *     its calendar times)
     * @param days for calendar times, each time's local epoch day; null for plain numbers
     * @param timeOfDay for calendar times, each time's local time of day in any unit (only
     *     compared); null when every time is at midnight (dates)
     * @param values the observations, NaN for missing
     * @param n how many of the arrays' entries are the series
     * @param unit a given unit, or null to infer it
     * @param step a given step in that unit, or 0 to infer it
     * @param describe the time of observation i in the user's terms, for messages
     * @param scratch working arrays, may be reused
     * @return the grid with the values laid on it
     * @throws IrregularTimesException if no grid fits, naming the time
     */
    public static RegularGrid infer(long[] raw, long[] days, long[] timeOfDay, double[] values, int n, Unit unit,
            long step, IntFunction<String> describe, Scratch scratch) throws IrregularTimesException {
        if (n < (step > 0 ? 1 : 2)) {
            throw new IrregularTimesException("at least two observations are needed to infer the time step, got " + n);
        }
        for (int i = 1; i < n; i++) {
            if (raw[i] == raw[i - 1]) {
                throw new IrregularTimesException("time " + describe.apply(i) + " occurs more than once");
            }
        }
        Unit chosen = Unit.RAW;
        int dayOfMonth = 0;
        long tod = timeOfDay == null ? 0 : timeOfDay[0];
        long[] index = raw;
        if (days != null) {
            boolean sameTimeOfDay = true;
            for (int i = 1; i < n && timeOfDay != null; i++) {
                sameTimeOfDay &= timeOfDay[i] == tod;
            }
            scratch.ensure(n);
            Calendar.monthsAndDays(days, n, scratch.months, scratch.daysOfMonth);
            long firstDay = scratch.daysOfMonth[0];
            boolean sameDay = true;
            boolean monthEnds = true;
            for (int i = 0; i < n; i++) {
                sameDay &= scratch.daysOfMonth[i] == firstDay;
                monthEnds &= scratch.daysOfMonth[i] == Calendar.lengthOfMonth(scratch.months[i]);
            }
            if (unit == Unit.MONTHS || unit == null && sameTimeOfDay && (monthEnds || sameDay) && n >= 2) {
                chosen = Unit.MONTHS;
                dayOfMonth = monthEnds ? 0 : (int) firstDay;
                index = scratch.months;
            } else if (unit == Unit.DAYS || unit == null && sameTimeOfDay) {
                if (!sameTimeOfDay) {
                    throw new IrregularTimesException("time " + describe.apply(firstOther(timeOfDay, n))
                            + " is at another time of day than the first, " + describe.apply(0));
                }
                chosen = Unit.DAYS;
                index = days;
            }
        } else if (unit != null && unit != Unit.RAW) {
            throw new IllegalArgumentException("times that are plain numbers have no calendar " + unit);
        }
        long s = step > 0 ? step : mostFrequentDifference(index, n, describe);
        return fill(chosen, dayOfMonth, tod, s, index, values, n, describe);
    }

    private static int firstOther(long[] timeOfDay, int n) {
        for (int i = 1; i < n; i++) {
            if (timeOfDay[i] != timeOfDay[0]) {
                return i;
            }
        }
        return 0;
    }

    private static RegularGrid fill(Unit unit, int dayOfMonth, long tod, long step, long[] index, double[] values, int n,
            IntFunction<String> describe) throws IrregularTimesException {
        long span;
        try {
            span = Math.subtractExact(index[n - 1], index[0]);
        } catch (ArithmeticException e) {
            throw new IrregularTimesException("the first and last times are too far apart: " + describe.apply(0)
                    + " and " + describe.apply(n - 1));
        }
        if (span == step * (n - 1L) && isEvenlySpaced(index, n, step)) {
            return new RegularGrid(unit, dayOfMonth, tod, step, index[0], Arrays.copyOf(values, n), 0);
        }
        long length = span / step + 1;
        if (length > (long) MAX_FILL_FACTOR * n) {
            throw new IrregularTimesException("filling the gaps would make " + length + " steps out of " + n
                    + " observations (step " + step + " " + unitName(unit) + "); at most " + MAX_FILL_FACTOR
                    + "x is allowed");
        }
        double[] out = new double[(int) length];
        Arrays.fill(out, Double.NaN);
        long previous = -1;
        for (int i = 0; i < n; i++) {
            long offset = index[i] - index[0];
            if (offset % step != 0) {
                throw new IrregularTimesException("time " + describe.apply(i) + " is not a whole number of steps ("
                        + step + " " + unitName(unit) + ") after the first time " + describe.apply(0));
            }
            long slot = offset / step;
            if (slot == previous) {
                throw new IrregularTimesException("times " + describe.apply(i - 1) + " and " + describe.apply(i)
                        + " fall in one step (" + step + " " + unitName(unit) + ")");
            }
            previous = slot;
            out[(int) slot] = values[i];
        }
        return new RegularGrid(unit, dayOfMonth, tod, step, index[0], out, (int) (length - n));
    }

    private static String unitName(Unit unit) {
        return switch (unit) {
            case MONTHS -> "months";
            case DAYS -> "days";
            case RAW -> "units";
        };
    }

    /** The mode of the consecutive differences of an ascending array; ties go to the smaller one. */
    private static long mostFrequentDifference(long[] index, int n, IntFunction<String> describe)
            throws IrregularTimesException {
        long[] diffs = new long[n - 1];
        boolean regular = true;
        for (int i = 1; i < n; i++) {
            try {
                diffs[i - 1] = Math.subtractExact(index[i], index[i - 1]);
            } catch (ArithmeticException e) {
                throw new IrregularTimesException("times " + describe.apply(i - 1) + " and " + describe.apply(i)
                        + " are too far apart");
            }
            regular &= diffs[i - 1] == diffs[0];
        }
        if (regular) {
            return diffs[0];
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

    private static boolean isEvenlySpaced(long[] index, int n, long step) {
        for (int i = 1; i < n; i++) {
            if (index[i] - index[i - 1] != step) {
                return false;
            }
        }
        return true;
    }

    /** @return the unit grid positions are counted in */
    public Unit unit() {
        return unit;
    }

    /** @return for {@link Unit#MONTHS}: the day of the month of every time, 0 for month ends */
    public int dayOfMonth() {
        return dayOfMonth;
    }

    /** @return for calendar times: the first time's time of day, as the caller gave it */
    public long timeOfDay() {
        return timeOfDay;
    }

    /** @return the step, in {@link #unit()} */
    public long step() {
        return step;
    }

    /**
     * The values laid on the grid by {@link #infer}; a grid taken from a {@link SeriesTable}
     * has none (the table holds them: {@link SeriesTable#values(int)}).
     *
     * @return a copy of the values, NaN where there was no observation
     */
    public double[] values() {
        return values.clone();
    }

    /** @return the number of grid points */
    public int length() {
        return length;
    }

    /** @return grid points with no observation */
    public int gaps() {
        return gaps;
    }

    /**
     * The position of grid point {@code k} in {@link #unit()}; k may run past the end (future
     * times).
     *
     * @param k the grid point, from 0
     * @return {@code first + k * step}
     * @throws ArithmeticException if it does not fit a long
     */
    public long index(long k) {
        return Math.addExact(first, Math.multiplyExact(k, step));
    }

    /** The values, without a copy, for callers in this package. */
    double[] valuesShared() {
        return values;
    }
}
