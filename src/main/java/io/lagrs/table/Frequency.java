package io.lagrs.table;

import java.util.Locale;

/**
 * The sampling frequency of a series: its time step and the seasonal period it implies
 * (R's {@code frequency()} of a {@code ts}: monthly 12, quarterly 4, weekly 52, daily 7,
 * hourly 24, yearly 1).
 */
public enum Frequency {
    /** Every hour; season 24. */
    HOURLY(24),
    /** Every day; season 7. */
    DAILY(7),
    /** Every week; season 52. */
    WEEKLY(52),
    /** Every month; season 12. */
    MONTHLY(12),
    /** Every quarter; season 4. */
    QUARTERLY(4),
    /** Every year; no season. */
    YEARLY(1);

    private final int season;

    Frequency(int season) {
        this.season = season;
    }

    /** @return the seasonal period R gives this frequency */
    public int season() {
        return season;
    }

    /** @return the name in lower case, as the command line writes it */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether dates at this frequency are counted in months (monthly, quarterly, yearly). */
    boolean calendarMonths() {
        return this == MONTHLY || this == QUARTERLY || this == YEARLY;
    }

    /** The step of this frequency in a grid unit for times of type {@code type}, or 0 if none. */
    long step(TimeType type, RegularGrid.Unit unit) {
        return switch (unit) {
            case MONTHS -> monthSteps();
            case DAYS -> this == DAILY ? 1 : this == WEEKLY ? 7 : 0;
            case RAW -> switch (type) {
                case INTEGER -> 1;
                case MONTH -> monthSteps();
                case DATE -> this == DAILY ? 1 : this == WEEKLY ? 7 : 0;
                case TIMESTAMP -> this == HOURLY ? 3600 : this == DAILY ? 86_400 : this == WEEKLY ? 604_800 : 0;
            };
        };
    }

    private long monthSteps() {
        return this == MONTHLY ? 1 : this == QUARTERLY ? 3 : this == YEARLY ? 12 : 0;
    }

    /** The grid unit this frequency fixes for times of {@code type}. */
    RegularGrid.Unit unit(TimeType type) {
        if (type == TimeType.INTEGER) {
            return RegularGrid.Unit.RAW;
        }
        if (type == TimeType.MONTH) {
            return RegularGrid.Unit.MONTHS;
        }
        if (calendarMonths()) {
            return RegularGrid.Unit.MONTHS;
        }
        return this == HOURLY ? RegularGrid.Unit.RAW : RegularGrid.Unit.DAYS;
    }

    /** The frequency of a grid of times of {@code type}, or null when it is none of these. */
    static Frequency of(TimeType type, RegularGrid grid) {
        return of(grid, type, 1);
    }

    /**
     * The frequency of a grid laid by {@link RegularGrid} for times of {@code type} whose raw
     * numbers count {@code rawPerSecond} units a second (1 for seconds, 1,000,000 for Spark's
     * microseconds); null for whole numbers and for steps that are none of these.
     *
     * @param grid the grid
     * @param type the kind of the times
     * @param rawPerSecond raw timestamp units per second
     * @return the frequency, or null
     */
    public static Frequency of(RegularGrid grid, TimeType type, long rawPerSecond) {
        if (type == TimeType.INTEGER) {
            return null;
        }
        for (Frequency f : values()) {
            long step = f.step(type, grid.unit());
            if (grid.unit() == RegularGrid.Unit.RAW && type == TimeType.TIMESTAMP) {
                step *= rawPerSecond;
            }
            if (step == grid.step()) {
                return f;
            }
        }
        return null;
    }
}
