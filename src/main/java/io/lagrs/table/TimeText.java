package io.lagrs.table;

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
 * Times are read into their {@link TimeType} key and written back in the same format, so
 * forecast times look like the input's.
 */
final class TimeText {
    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z?");
    private static final DateTimeFormatter ISO_OUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT);

    final TimeType type;
    /** For timestamps: how to write them back ('T' or ' ' between date and time, seconds, Z). */
    private final DateTimeFormatter timestampOut;
    private final boolean zulu;

    private TimeText(TimeType type, DateTimeFormatter timestampOut, boolean zulu) {
        this.type = type;
        this.timestampOut = timestampOut;
        this.zulu = zulu;
    }

    /** The default text form of a type (timestamps as {@code 2024-03-01T13:00:00Z}). */
    static TimeText of(TimeType type) {
        return new TimeText(type, type == TimeType.TIMESTAMP ? ISO_OUT : null, true);
    }

    /** The format of {@code text}, or null if it is none of the known ones. */
    static TimeText detect(String text) {
        if (INTEGER.matcher(text).matches()) {
            return of(TimeType.INTEGER);
        }
        if (MONTH.matcher(text).matches()) {
            return of(TimeType.MONTH);
        }
        if (DATE.matcher(text).matches()) {
            return of(TimeType.DATE);
        }
        if (TIMESTAMP.matcher(text).matches()) {
            boolean zulu = text.endsWith("Z");
            String separator = text.charAt(10) == 'T' ? "'T'" : "' '";
            boolean seconds = text.length() - (zulu ? 1 : 0) > 16;
            DateTimeFormatter out = DateTimeFormatter.ofPattern("yyyy-MM-dd" + separator + "HH:mm" + (seconds ? ":ss" : ""),
                    Locale.ROOT);
            return new TimeText(TimeType.TIMESTAMP, out, zulu);
        }
        return null;
    }

    /**
     * The key of {@code text}.
     *
     * @throws IllegalArgumentException with a short reason if text is not in this format
     */
    long parse(String text) {
        try {
            switch (type) {
                case INTEGER:
                    if (INTEGER.matcher(text).matches()) {
                        return Long.parseLong(text);
                    }
                    break;
                case MONTH:
                    if (MONTH.matcher(text).matches()) {
                        return type.key(YearMonth.parse(text));
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
            throw new IllegalArgumentException("time is not a valid " + type.name().toLowerCase(Locale.ROOT)
                    + ": '" + text + "'");
        }
        throw new IllegalArgumentException("time '" + text + "' is not in the file's format (" + type.description() + ")");
    }

    /**
     * Writes a key in this format.
     *
     * @throws java.time.DateTimeException or ArithmeticException for a key beyond the calendar
     */
    String format(long key) {
        return switch (type) {
            case INTEGER -> Long.toString(key);
            case MONTH, DATE -> type.value(key).toString();
            case TIMESTAMP -> LocalDateTime.ofEpochSecond(key, 0, ZoneOffset.UTC).format(timestampOut) + (zulu ? "Z" : "");
        };
    }

    @Override
    public String toString() {
        return type.description();
    }
}
