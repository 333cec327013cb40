package io.lagrs.cli;

import io.lagrs.table.TimeType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * How a chart lays one series' time on its numeric x axis, so that the ticks XChart places
 * fall on calendar boundaries.
 *
 * <p>XChart (3.8) puts ticks at whole multiples of a step of 1, 2 or 5 times a power of ten of
 * the axis unit, the power chosen from the span, the plot's width and the tick spacing hint; its
 * labels only name the positions. So the unit is chosen to make whole multiples meaningful, and
 * the hint is raised until no step below the smallest meaningful one can be chosen:
 * <ul>
 *   <li>months and quarters: one grid step (a month, a quarter...) per unit, steps of at least
 *       one unit; a span of three years or more in years, steps of at least half a year (a step
 *       of a fifth of a year would fall mid-month). Months are counted from year 0, so whole
 *       quarters and years start in January;
 *   <li>weeks (long daily series): weeks from the Monday 1970-01-05, steps of at least a week;
 *   <li>days and whole numbers: steps of at least one.
 * </ul>
 * Timestamps are drawn in (fractional) days with the plain hint.
 */
final class TimeAxis {
    /** 1970-01-05, the first Monday of the epoch: weeks counted from it make whole ticks Mondays. */
    private static final long MONDAY = 4;
    /** Grids of a year and longer spans are drawn in years. */
    private static final int YEARS_FROM_MONTHS = 36;

    private final RegularSeries.Axis kind;
    /** For {@link RegularSeries.Axis#MONTHS}: months per axis unit. */
    private final long monthsPerUnit;
    /** The smallest step XChart may choose, in axis units: 1, or 0.5 for years. */
    private final double minStep;

    private TimeAxis(RegularSeries.Axis kind, long monthsPerUnit, double minStep) {
        this.kind = kind;
        this.monthsPerUnit = monthsPerUnit;
        this.minStep = minStep;
    }

    /**
     * The axis of a chart of grid points {@code from} to {@code to} (inclusive; {@code to} may
     * run past the series: forecast times) of {@code s}.
     */
    static TimeAxis of(RegularSeries s, int from, int to) {
        RegularSeries.Axis kind = s.axis();
        if (kind != RegularSeries.Axis.MONTHS || to <= from) {
            return new TimeAxis(kind, 1, kind == RegularSeries.Axis.SECONDS ? 0 : 1);
        }
        long step = Math.max(1, s.monthStep());
        long spanMonths = s.axisKey(to) - s.axisKey(from);
        if (step < 12 && spanMonths >= YEARS_FROM_MONTHS) {
            return new TimeAxis(kind, 12, 0.5);
        }
        return new TimeAxis(kind, step, 1);
    }

    /** Months per axis unit (months axes only; 1 otherwise). */
    long monthsPerUnit() {
        return monthsPerUnit;
    }

    /** The x value of grid point i of s. */
    double position(RegularSeries s, int i) {
        long key = s.axisKey(i);
        return switch (kind) {
            case NUMBER, DAYS -> (double) key;
            case WEEKS -> (key - MONDAY) / 7.0;
            case MONTHS -> key / (double) monthsPerUnit;
            case SECONDS -> key / 86_400.0;
        };
    }

    /**
     * The tick spacing hint (pixels) for a chart {@code width} pixels wide whose x values span
     * {@code span} axis units: at least {@code base}, and large enough that XChart's step is at
     * least {@link #minStep}. XChart takes the span times the hint over the plot's width (less
     * than the chart's) and rounds it up to 1 when above 0.75 (of a power of ten), to 0.5 when
     * above 0.35; the hint is chosen a little above those thresholds.
     */
    int spacingHint(int base, int width, double span) {
        if (minStep == 0 || !(span > 0)) {
            return base;
        }
        double threshold = minStep == 1 ? 0.76 : 0.36;
        return Math.max(base, (int) Math.floor(threshold * width / span) + 1);
    }

    /**
     * The label of the tick at x: the month ({@code yyyy-MM}), day or date and time it stands
     * for, or the number itself.
     */
    String label(double x) {
        switch (kind) {
            case MONTHS: {
                YearMonth m = (YearMonth) TimeType.MONTH.value(Math.round(x * monthsPerUnit));
                return String.format(Locale.ROOT, "%04d-%02d", m.getYear(), m.getMonthValue());
            }
            case DAYS:
                return LocalDate.ofEpochDay(Math.round(x)).toString();
            case WEEKS:
                return LocalDate.ofEpochDay(Math.round(x * 7) + MONDAY).toString();
            case SECONDS: {
                LocalDateTime t = LocalDateTime.ofEpochSecond(Math.round(x * 86_400), 0, ZoneOffset.UTC);
                return t.getHour() == 0 && t.getMinute() == 0 ? t.toLocalDate().toString()
                        : t.toLocalDate() + String.format(Locale.ROOT, " %02d:%02d", t.getHour(), t.getMinute());
            }
            default:
                return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
        }
    }
}
