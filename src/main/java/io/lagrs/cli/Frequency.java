package io.lagrs.cli;

import java.util.Locale;

/**
 * The sampling frequency of a series: its time step and the seasonal period it implies
 * (R's {@code frequency()} of a {@code ts}: monthly 12, quarterly 4, weekly 52, daily 7,
 * hourly 24, yearly 1).
 */
enum Frequency {
    HOURLY(24), DAILY(7), WEEKLY(52), MONTHLY(12), QUARTERLY(4), YEARLY(1);

    final int season;

    Frequency(int season) {
        this.season = season;
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The step of this frequency in {@code unit}, or 0 if a time in that unit cannot have it. */
    long step(TimeFormat.Unit unit) {
        return switch (unit) {
            case NUMBER -> 1;
            case MONTHS -> switch (this) {
                case MONTHLY -> 1;
                case QUARTERLY -> 3;
                case YEARLY -> 12;
                default -> 0;
            };
            case DAYS -> switch (this) {
                case DAILY -> 1;
                case WEEKLY -> 7;
                default -> 0;
            };
            case SECONDS -> switch (this) {
                case HOURLY -> 3600;
                case DAILY -> 86_400;
                case WEEKLY -> 604_800;
                default -> 0;
            };
        };
    }

    /** Whether dates at this frequency are counted in months (monthly, quarterly, yearly). */
    boolean calendarMonths() {
        return this == MONTHLY || this == QUARTERLY || this == YEARLY;
    }

    /** The frequency whose step in {@code unit} is {@code step}, or null (numbers: always null). */
    static Frequency of(TimeFormat.Unit unit, long step) {
        if (unit == TimeFormat.Unit.NUMBER) {
            return null;
        }
        for (Frequency f : values()) {
            if (f.step(unit) == step) {
                return f;
            }
        }
        return null;
    }
}
