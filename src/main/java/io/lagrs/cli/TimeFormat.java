package io.lagrs.cli;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How the time column of a file is written, recognised from its first data row: a whole
 * number, a month ({@code 2024-03}), a date ({@code 2024-03-01}) or a timestamp
 * ({@code 2024-03-01T13:00}, {@code 2024-03-01 13:00:00}, optionally ending in {@code Z}).
 * Times are read into a number in the format's natural unit (the number itself, months, days or
 * seconds since 1970) and written back in the same format, so forecast times look like the
 * input's.
 */
final class TimeFormat {
    /** The kinds of time column. */
    enum Kind {
        INTEGER("whole numbers"), MONTH("months (yyyy-MM)"), DATE("dates (yyyy-MM-dd)"), TIMESTAMP("timestamps");

        final String description;

        Kind(String description) {
            this.description = description;
        }
    }

    /** The unit of a time key. */
    enum Unit { NUMBER, MONTHS, DAYS, SECONDS }

    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z?");

    final Kind kind;
    /** For timestamps: how to write them back ('T' or ' ' between date and time, seconds, Z). */
    private final DateTimeFormatter timestampOut;
    private final boolean zulu;

    private TimeFormat(Kind kind, DateTimeFormatter timestampOut, boolean zulu) {
        this.kind = kind;
        this.timestampOut = timestampOut;
        this.zulu = zulu;
    }

    /** The format of {@code text}, or null if it is none of the known ones. */
    static TimeFormat detect(String text) {
        if (INTEGER.matcher(text).matches()) {
            return new TimeFormat(Kind.INTEGER, null, false);
        }
        if (MONTH.matcher(text).matches()) {
            return new TimeFormat(Kind.MONTH, null, false);
        }
        if (DATE.matcher(text).matches()) {
            return new TimeFormat(Kind.DATE, null, false);
        }
        if (TIMESTAMP.matcher(text).matches()) {
            boolean zulu = text.endsWith("Z");
            String separator = text.charAt(10) == 'T' ? "'T'" : "' '";
            boolean seconds = text.length() - (zulu ? 1 : 0) > 16;
            DateTimeFormatter out = DateTimeFormatter.ofPattern("yyyy-MM-dd" + separator + "HH:mm" + (seconds ? ":ss" : ""),
                    Locale.ROOT);
            return new TimeFormat(Kind.TIMESTAMP, out, zulu);
        }
        return null;
    }

    /** The unit in which {@link #parse(String)} counts. */
    Unit unit() {
        return switch (kind) {
            case INTEGER -> Unit.NUMBER;
            case MONTH -> Unit.MONTHS;
            case DATE -> Unit.DAYS;
            case TIMESTAMP -> Unit.SECONDS;
        };
    }

    /**
     * The time key of {@code text} in {@link #unit()}.
     *
     * @throws IllegalArgumentException with a short reason if text is not in this format
     */
    long parse(String text) {
        try {
            switch (kind) {
                case INTEGER:
                    if (INTEGER.matcher(text).matches()) {
                        return Long.parseLong(text);
                    }
                    break;
                case MONTH:
                    if (MONTH.matcher(text).matches()) {
                        return monthKey(YearMonth.parse(text));
                    }
                    break;
                case DATE:
                    if (DATE.matcher(text).matches()) {
                        return LocalDate.parse(text).toEpochDay();
                    }
                    break;
                case TIMESTAMP:
                    if (TIMESTAMP.matcher(text).matches()) {
                        String plain = text.endsWith("Z") ? text.substring(0, text.length() - 1) : text;
                        return LocalDateTime.parse(plain.replace(' ', 'T')).toEpochSecond(ZoneOffset.UTC);
                    }
                    break;
                default:
                    break;
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("time is not a valid " + kind.name().toLowerCase(Locale.ROOT)
                    + ": '" + text + "'");
        }
        throw new IllegalArgumentException("time '" + text + "' is not in the file's format (" + kind.description + ")");
    }

    /**
     * Writes a key in this format; {@code unit} is MONTHS for dates read as a monthly calendar.
     *
     * @throws java.time.DateTimeException or ArithmeticException for a key beyond the calendar
     */
    String format(long key, Unit unit, int dayOfMonth) {
        return switch (kind) {
            case INTEGER -> Long.toString(key);
            case MONTH -> yearMonth(key).toString();
            case DATE -> unit == Unit.MONTHS ? onDay(yearMonth(key), dayOfMonth).toString()
                    : LocalDate.ofEpochDay(key).toString();
            case TIMESTAMP -> LocalDateTime.ofEpochSecond(key, 0, ZoneOffset.UTC).format(timestampOut) + (zulu ? "Z" : "");
        };
    }

    static long monthKey(YearMonth m) {
        return m.getYear() * 12L + m.getMonthValue() - 1;
    }

    /** @throws java.time.DateTimeException or ArithmeticException if the year is beyond the calendar */
    static YearMonth yearMonth(long monthKey) {
        return YearMonth.of(Math.toIntExact(Math.floorDiv(monthKey, 12)), (int) Math.floorMod(monthKey, 12) + 1);
    }

    /** The date on {@code dayOfMonth} of month m; 0 means the last day of the month. */
    static LocalDate onDay(YearMonth m, int dayOfMonth) {
        return dayOfMonth == 0 || dayOfMonth > m.lengthOfMonth() ? m.atEndOfMonth() : m.atDay(dayOfMonth);
    }

    @Override
    public String toString() {
        return kind.description;
    }
}
