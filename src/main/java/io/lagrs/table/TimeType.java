package io.lagrs.table;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The kinds of time index a {@link SeriesTable} takes, each held as a {@code long} key: whole
 * numbers as themselves, months as {@code year * 12 + month - 1}, dates as days since
 * 1970-01-01, timestamps as seconds since 1970-01-01T00:00Z (read and written as UTC).
 */
public enum TimeType {
    /** Whole numbers ({@code long}). */
    INTEGER("whole numbers", Long.class),
    /** Months ({@link YearMonth}, text {@code 2024-03}). */
    MONTH("months (yyyy-MM)", YearMonth.class),
    /** Dates ({@link LocalDate}, text {@code 2024-03-01}). */
    DATE("dates (yyyy-MM-dd)", LocalDate.class),
    /** Timestamps ({@link Instant}, text {@code 2024-03-01T13:00[:00][Z]} or with a space). */
    TIMESTAMP("timestamps", Instant.class);

    private final String description;
    private final Class<?> javaType;

    TimeType(String description, Class<?> javaType) {
        this.description = description;
        this.javaType = javaType;
    }

    /** @return the kind in words, for messages */
    public String description() {
        return description;
    }

    /** @return the Java type of times of this kind */
    public Class<?> javaType() {
        return javaType;
    }

    /**
     * The key of a time of this type.
     *
     * @param time a {@link Long} (or any integral {@link Number}), {@link YearMonth},
     *     {@link LocalDate} or {@link Instant}, as the type says
     * @return its key
     * @throws NullPointerException if time is null
     * @throws IllegalArgumentException if time is not of this type
     */
    public long key(Object time) {
        if (time == null) {
            throw new NullPointerException("time must not be null");
        }
        switch (this) {
            case INTEGER:
                if (time instanceof Long || time instanceof Integer || time instanceof Short || time instanceof Byte) {
                    return ((Number) time).longValue();
                }
                break;
            case MONTH:
                if (time instanceof YearMonth m) {
                    return m.getYear() * 12L + m.getMonthValue() - 1;
                }
                break;
            case DATE:
                if (time instanceof LocalDate d) {
                    return d.toEpochDay();
                }
                break;
            case TIMESTAMP:
                if (time instanceof Instant t) {
                    return t.getEpochSecond();
                }
                break;
            default:
                break;
        }
        throw new IllegalArgumentException("time " + time + " is a " + time.getClass().getSimpleName() + ", not "
                + javaType.getSimpleName() + " like the table's other times");
    }

    /**
     * The time of a key.
     *
     * @param key a key of this type
     * @return a {@link Long}, {@link YearMonth}, {@link LocalDate} or {@link Instant}
     * @throws java.time.DateTimeException if the key is beyond the calendar
     * @throws ArithmeticException if the key is beyond the calendar
     */
    public Object value(long key) {
        return switch (this) {
            case INTEGER -> key;
            case MONTH -> YearMonth.of(Math.toIntExact(Math.floorDiv(key, 12L)), (int) Math.floorMod(key, 12L) + 1);
            case DATE -> LocalDate.ofEpochDay(key);
            case TIMESTAMP -> Instant.ofEpochSecond(key);
        };
    }

    /** The key of grid point {@code k} of {@code grid}. */
    long keyAt(RegularGrid grid, long k) {
        long index = grid.index(k);
        return switch (grid.unit()) {
            case RAW -> index;
            case DAYS -> this == DATE ? index : Math.addExact(Math.multiplyExact(index, 86_400L), grid.timeOfDay());
            case MONTHS -> {
                if (this == MONTH) {
                    yield index;
                }
                long day = Calendar.epochDay(index, grid.dayOfMonth());
                yield this == DATE ? day : Math.addExact(Math.multiplyExact(day, 86_400L), grid.timeOfDay());
            }
        };
    }
}
