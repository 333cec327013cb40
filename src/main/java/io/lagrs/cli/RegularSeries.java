package io.lagrs.cli;

import io.lagrs.table.Frequency;
import io.lagrs.table.RegularGrid;
import io.lagrs.table.SeriesTable;
import io.lagrs.table.TimeType;

/**
 * One series of the input table as the command line works with it: its values on the regular
 * grid the library's rule gave it ({@link RegularGrid}), NaN where the file had no row (a gap)
 * or a missing value; {@link #failure()} is set, and the values empty, when no grid fits.
 */
final class RegularSeries {
    /** How the chart axis counts time. */
    enum Axis { NUMBER, MONTHS, WEEKS, DAYS, SECONDS }

    /** Daily series longer than this are drawn in weeks, so that whole ticks fall on Mondays. */
    private static final int DAYS_AXIS_LIMIT = 56;

    private final SeriesTable table;
    private final int index;
    private final double[] values;

    RegularSeries(SeriesTable table, int index) {
        this.table = table;
        this.index = index;
        this.values = table.values(index);
    }

    String name() {
        return table.id(index);
    }

    double[] values() {
        return values;
    }

    int gaps() {
        return table.gaps(index);
    }

    int missing() {
        return table.missing(index);
    }

    String failure() {
        return table.error(index);
    }

    Frequency frequency() {
        return table.frequency(index);
    }

    /** The time of grid point i (i may run past the end: future times), in the file's format. */
    String time(int i) {
        return table.timeText(index, i);
    }

    /**
     * Why the grid cannot be extended to {@code count} points, or null if it can: the time of
     * the last point must be representable and writable in the file's format (whole-number
     * times stop at Long.MAX_VALUE, calendars at year 999999999).
     */
    String cannotReach(int count) {
        try {
            time(count - 1);
            return null;
        } catch (ArithmeticException | java.time.DateTimeException e) {
            return "its " + (count - length()) + " forecast times after " + time(length() - 1)
                    + " would run past the largest time that can be written";
        }
    }

    /** The time key of grid point k (k may run past the end: future times). */
    long key(int k) {
        return table.key(index, k);
    }

    /** The type of the input's times. */
    TimeType timeType() {
        return table.timeType();
    }

    /** The seasonal period its frequency implies (1 when unknown). */
    int season() {
        return table.season(index);
    }

    /** The length of the grid. */
    int length() {
        return values.length;
    }

    /** The frequency in words, for reports. */
    String frequencyLabel() {
        Frequency f = frequency();
        if (f != null) {
            return f.label();
        }
        RegularGrid g = table.grid(index);
        if (g == null) {
            return "";
        }
        String unit = switch (g.unit()) {
            case MONTHS -> " months";
            case DAYS -> " days";
            case RAW -> switch (table.timeType()) {
                case INTEGER -> "";
                case MONTH -> " months";
                case DATE -> " days";
                case TIMESTAMP -> " seconds";
            };
        };
        return "step " + g.step() + unit;
    }

    /** A message from fitting this series with its positions as the file's times. */
    String inUserTerms(String message) {
        return table.inUserTerms(index, message);
    }

    /** How a chart counts this series' time. */
    Axis axis() {
        RegularGrid g = table.grid(index);
        if (table.timeType() == TimeType.MONTH || g != null && g.unit() == RegularGrid.Unit.MONTHS) {
            return Axis.MONTHS;
        }
        return switch (table.timeType()) {
            case INTEGER -> Axis.NUMBER;
            case DATE -> length() > DAYS_AXIS_LIMIT ? Axis.WEEKS : Axis.DAYS;
            default -> Axis.SECONDS;
        };
    }

    /** For a {@link Axis#MONTHS} axis: the grid's step in months (3 for quarters). */
    long monthStep() {
        return table.grid(index).step();
    }

    /** Grid point i on the chart's axis: months, epoch days, seconds or the number itself. */
    long axisKey(int i) {
        return axis() == Axis.MONTHS ? table.grid(index).index(i) : table.key(index, i);
    }
}
