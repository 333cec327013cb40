package io.lagrs.cli;

import java.util.Arrays;

/**
 * One series on a regular time grid: {@code values[i]} is the value at time
 * {@code start + i * step} (in {@code unit}), NaN where the file had no row (a gap) or a
 * missing value. {@code failure} is set, and {@code values} empty, when no regular grid fits.
 *
 * @param name series name
 * @param format how the file writes times
 * @param unit unit of start and step (months for dates that fall on one day of each month)
 * @param dayOfMonth for dates counted in months: their day of the month (0 = month end)
 * @param start time key of the first value
 * @param step time step in unit
 * @param frequency the frequency, or null when unknown (whole-number times, unusual steps)
 * @param values the values on the grid
 * @param gaps grid points with no row in the file
 * @param missing rows whose value was missing (empty, NA, NaN)
 * @param failure why no grid fits, or null
 */
record RegularSeries(String name, TimeFormat format, TimeFormat.Unit unit, int dayOfMonth, long start, long step,
        Frequency frequency, double[] values, int gaps, int missing, String failure) {

    /** The time of grid point i (i may run past the end: future times), in the file's format. */
    String time(int i) {
        return format.format(key(i), unit, dayOfMonth);
    }

    long key(int i) {
        return start + i * step;
    }

    /**
     * Why the grid cannot be extended to {@code count} points, or null if it can: the time of
     * the last point must be representable and writable in the file's format (whole-number
     * times stop at Long.MAX_VALUE, calendars at year 999999999).
     */
    String cannotReach(int count) {
        try {
            format.format(Math.addExact(start, Math.multiplyExact(count - 1L, step)), unit, dayOfMonth);
            return null;
        } catch (ArithmeticException | java.time.DateTimeException e) {
            return "its " + (count - length()) + " forecast times after " + time(length() - 1)
                    + " would run past the largest time that can be written";
        }
    }

    /** The seasonal period its frequency implies (1 when unknown). */
    int season() {
        return frequency == null ? 1 : frequency.season;
    }

    /** The length of the grid. */
    int length() {
        return values.length;
    }

    /** The frequency in words, for reports. */
    String frequencyLabel() {
        if (frequency != null) {
            return frequency.label();
        }
        return "step " + step + (unit == TimeFormat.Unit.NUMBER ? "" : " " + unit.name().toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * Places the rows of one series (sorted, without duplicates) on its regular grid.
     *
     * @param forced the frequency every series has (--freq), or null to infer it from the
     *     smallest time step of this series
     * @param problems where rows off the step are reported (and skipped)
     */
    static RegularSeries of(LongCsvReader.SeriesBuffer b, TimeFormat format, Frequency forced, Problems problems) {
        int n = b.size;
        long[] keys = Arrays.copyOf(b.keys, n);
        TimeFormat.Unit unit = format.unit();
        int dayOfMonth = 1;
        int anchor = format.kind == TimeFormat.Kind.DATE ? monthAnchor(keys) : -1;
        if (format.kind == TimeFormat.Kind.DATE && n > 0 && (forced != null ? forced.calendarMonths() : anchor >= 0)) {
            // dates at monthly or coarser steps: count in months, so that 31 and 28 day months are one step
            dayOfMonth = anchor >= 0 ? anchor : java.time.LocalDate.ofEpochDay(keys[0]).getDayOfMonth();
            for (int i = 0; i < n; i++) {
                keys[i] = TimeFormat.monthKey(java.time.YearMonth.from(java.time.LocalDate.ofEpochDay(keys[i])));
            }
            unit = TimeFormat.Unit.MONTHS;
        }
        long step;
        Frequency frequency;
        if (forced != null) {
            step = forced.step(unit);
            if (step == 0) {
                return failed(b.name, format, unit, "--freq " + forced.label() + " does not fit times given as "
                        + format.kind.description);
            }
            frequency = forced;
        } else {
            step = smallestStep(keys, n);
            frequency = Frequency.of(unit, step);
        }
        if (n == 0) {
            return failed(b.name, format, unit, "no observations");
        }
        long span;
        try {
            span = Math.subtractExact(keys[n - 1], keys[0]) / step;
        } catch (ArithmeticException e) {
            return failed(b.name, format, unit, "times too far apart: " + format.format(b.keys[0], format.unit(), 1)
                    + " to " + format.format(b.keys[n - 1], format.unit(), 1));
        }
        if (span + 1 > 20L * n + 1000) {
            return failed(b.name, format, unit, "times too irregular: " + n + " observations spread over "
                    + (span + 1) + " steps");
        }
        double[] values = new double[(int) span + 1];
        Arrays.fill(values, Double.NaN);
        int observed = 0;
        int missing = 0;
        long previousSlot = -1;
        for (int i = 0; i < n; i++) {
            long offset = keys[i] - keys[0];
            if (offset % step != 0) {
                problems.add(Problems.Kind.OFF_GRID, b.lines[i], "time " + format.format(b.keys[i], format.unit(), 1)
                        + " of series " + b.name + " is off its time step (" + stepLabel(step, unit) + ")");
                continue;
            }
            long slot = offset / step;
            if (slot == previousSlot) {
                problems.add(Problems.Kind.DUPLICATE, b.lines[i], "series " + b.name + " already has a value for "
                        + format.format(b.keys[i], format.unit(), 1) + "'s period (the first is kept)");
                continue;
            }
            previousSlot = slot;
            values[(int) slot] = b.values[i];
            observed++;
            if (Double.isNaN(b.values[i])) {
                missing++;
            }
        }
        return new RegularSeries(b.name, format, unit, dayOfMonth, keys[0], step, frequency, values,
                values.length - observed, missing, null);
    }

    private static RegularSeries failed(String name, TimeFormat format, TimeFormat.Unit unit, String why) {
        return new RegularSeries(name, format, unit, 1, 0, 1, null, new double[0], 0, 0, why);
    }

    private static long smallestStep(long[] keys, int n) {
        long step = Long.MAX_VALUE;
        for (int i = 1; i < n; i++) {
            step = Math.min(step, keys[i] - keys[i - 1]);
        }
        return step == Long.MAX_VALUE || step <= 0 ? 1 : step;
    }

    /**
     * For dates (epoch days, sorted) at least 28 days apart that all fall on one day of the
     * month: that day, or 0 when they are all month ends; -1 otherwise (not a monthly calendar).
     */
    private static int monthAnchor(long[] days) {
        if (days.length < 2) {
            return -1;
        }
        boolean sameDay = true;
        boolean monthEnds = true;
        int first = java.time.LocalDate.ofEpochDay(days[0]).getDayOfMonth();
        for (int i = 0; i < days.length; i++) {
            java.time.LocalDate d = java.time.LocalDate.ofEpochDay(days[i]);
            sameDay &= d.getDayOfMonth() == first;
            monthEnds &= d.getDayOfMonth() == d.lengthOfMonth();
            if (i > 0 && days[i] - days[i - 1] < 28) {
                return -1;
            }
        }
        return monthEnds ? 0 : sameDay ? first : -1;
    }

    private static String stepLabel(long step, TimeFormat.Unit unit) {
        return unit == TimeFormat.Unit.NUMBER ? Long.toString(step) : step + " " + unit.name().toLowerCase(java.util.Locale.ROOT);
    }
}
