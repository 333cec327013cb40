package io.lagrs.table;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * Many time series, each with an id and a time index (whole numbers, months, dates or
 * timestamps), laid on regular grids by {@link RegularGrid}'s one rule, with gaps as missing
 * values (NaN). The values are stored flat, series after series ({@link #values()} with
 * {@link #offsets()}, the layout every {@code fitAll}/{@code forecastAll} takes). A series whose
 * times fit no grid stays in the table with its {@link #error(int)} and no values. Immutable
 * and thread-safe; it holds no native state.
 *
 * <p>Build one from a long CSV ({@link LongCsv}), from columns
 * ({@link #ofColumns(String[], Object[], double[])}), from arrays
 * ({@link #ofSeries(Map)}) or row by row ({@link #builder(TimeType)}).
 */
public final class SeriesTable {
    private final TimeText text;
    private final String[] ids;
    private final RegularGrid[] grids;
    private final String[] errors;
    private final int[] missing;
    private final double[] values;
    private final int[] offsets;
    private final ReadProblems problems;
    private final long rows;
    private final String source;

    SeriesTable(TimeText text, String[] ids, RegularGrid[] grids, String[] errors, int[] missing, double[] values,
            int[] offsets, ReadProblems problems, long rows, String source) {
        this.text = text;
        this.ids = ids;
        this.grids = grids;
        this.errors = errors;
        this.missing = missing;
        this.values = values;
        this.offsets = offsets;
        this.problems = problems;
        this.rows = rows;
        this.source = source;
    }

    /**
     * A builder for observations added one at a time.
     *
     * @param type the kind of every time
     * @return a new builder
     * @throws NullPointerException if type is null
     */
    public static SeriesTableBuilder builder(TimeType type) {
        return new SeriesTableBuilder(TimeText.of(Objects.requireNonNull(type, "type")), "row");
    }

    /**
     * A table from three columns of equal length, one observation a row, in any order.
     *
     * @param ids the series id of each row
     * @param times the time of each row: all {@link Long}, {@link java.time.YearMonth},
     *     {@link java.time.LocalDate} or {@link java.time.Instant}
     * @param values the value of each row, NaN for missing
     * @return the table
     * @throws NullPointerException if an array or an element of ids or times is null
     * @throws IllegalArgumentException if the lengths differ, the arrays are empty, the times
     *     are of mixed or unsupported types, an id is empty or a value infinite (naming the row)
     */
    public static SeriesTable ofColumns(String[] ids, Object[] times, double[] values) {
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(times, "times");
        Objects.requireNonNull(values, "values");
        if (ids.length != times.length || ids.length != values.length) {
            throw new IllegalArgumentException("ids, times and values must have one length, got " + ids.length + ", "
                    + times.length + " and " + values.length);
        }
        if (ids.length == 0) {
            throw new IllegalArgumentException("ids, times and values are empty");
        }
        SeriesTableBuilder b = builder(typeOf(Objects.requireNonNull(times[0], "times[0]")));
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == null || times[i] == null) {
                throw new NullPointerException((ids[i] == null ? "ids[" : "times[") + i + "] is null");
            }
            b.add(ids[i], times[i], values[i]);
        }
        return b.build();
    }

    /**
     * {@link #ofColumns(String[], Object[], double[])} with whole-number times.
     *
     * @param ids the series id of each row
     * @param times the time of each row
     * @param values the value of each row, NaN for missing
     * @return the table
     */
    public static SeriesTable ofColumns(String[] ids, long[] times, double[] values) {
        Objects.requireNonNull(times, "times");
        return ofColumns(ids, Arrays.stream(times).boxed().toArray(), values);
    }

    /**
     * A table of series given as arrays, each observed at times 1, 2, ..., n (as R's
     * {@code ts}); no gaps are inferred. The map's iteration order is the table's order.
     *
     * @param series id to values (NaN for missing)
     * @return the table
     * @throws NullPointerException if series, a key or a value is null
     * @throws IllegalArgumentException if a key is empty or a value infinite
     */
    public static SeriesTable ofSeries(Map<String, double[]> series) {
        Objects.requireNonNull(series, "series");
        SeriesTableBuilder b = builder(TimeType.INTEGER).frequency(null);
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            double[] y = Objects.requireNonNull(e.getValue(), "series " + e.getKey());
            for (int i = 0; i < y.length; i++) {
                b.add(e.getKey(), (long) i + 1, y[i]);
            }
        }
        return b.build();
    }

    private static TimeType typeOf(Object time) {
        for (TimeType t : TimeType.values()) {
            if (t.javaType().isInstance(time) || t == TimeType.INTEGER && time instanceof Integer) {
                return t;
            }
        }
        throw new IllegalArgumentException("times must be Long, YearMonth, LocalDate or Instant, got "
                + time.getClass().getName());
    }

    /** @return the number of series, with a grid or not */
    public int size() {
        return ids.length;
    }

    /** @return the kind of the times */
    public TimeType timeType() {
        return text.type;
    }

    /**
     * @param i a series, from 0
     * @return its id
     */
    public String id(int i) {
        return ids[Objects.checkIndex(i, ids.length)];
    }

    /** @return every id, in table order (a copy) */
    public String[] ids() {
        return ids.clone();
    }

    /**
     * @param i a series, from 0
     * @return why its times fit no grid, or null if they fit one
     */
    public String error(int i) {
        return errors[Objects.checkIndex(i, ids.length)];
    }

    /**
     * @param i a series, from 0
     * @return its grid (without values: {@link #values(int)}), or null if it has none
     */
    public RegularGrid grid(int i) {
        return grids[Objects.checkIndex(i, ids.length)];
    }

    /**
     * @param i a series, from 0
     * @return its values on the grid (a copy), NaN where missing; empty if it has no grid
     */
    public double[] values(int i) {
        Objects.checkIndex(i, ids.length);
        return Arrays.copyOfRange(values, offsets[i], offsets[i + 1]);
    }

    /** @return every series' values, series after series (a copy); see {@link #offsets()} */
    public double[] values() {
        return values.clone();
    }

    /** @return where each series starts in {@link #values()}, plus the total at the end (a copy) */
    public int[] offsets() {
        return offsets.clone();
    }

    /**
     * @param i a series, from 0
     * @return its number of grid points (0 without a grid)
     */
    public int length(int i) {
        Objects.checkIndex(i, ids.length);
        return offsets[i + 1] - offsets[i];
    }

    /**
     * @param i a series, from 0
     * @return its frequency, or null when its step is none of {@link Frequency}'s
     */
    public Frequency frequency(int i) {
        RegularGrid g = grid(i);
        return g == null ? null : Frequency.of(text.type, g);
    }

    /**
     * The seasonal period of series i: its frequency's ({@link Frequency#season()}), 1 when it
     * has none.
     *
     * @param i a series, from 0
     * @return the season, at least 1
     */
    public int season(int i) {
        Frequency f = frequency(i);
        return f == null ? 1 : f.season();
    }

    /**
     * The time of grid point k of series i as a number ({@link TimeType}'s key); k may run past
     * the end (future times).
     *
     * @param i a series with a grid
     * @param k a grid point, from 0
     * @return the key
     * @throws IllegalStateException if the series has no grid
     * @throws ArithmeticException if the time is beyond a long
     */
    public long key(int i, long k) {
        RegularGrid g = grid(i);
        if (g == null) {
            throw new IllegalStateException("series " + ids[i] + " has no time grid: " + errors[i]);
        }
        return text.type.keyAt(g, k);
    }

    /**
     * The time of grid point k of series i in the input's Java type ({@link TimeType#javaType()}).
     *
     * @param i a series with a grid
     * @param k a grid point, from 0; past the end for future times
     * @return a Long, YearMonth, LocalDate or Instant
     * @throws IllegalStateException if the series has no grid
     * @throws java.time.DateTimeException or ArithmeticException beyond the calendar
     */
    public Object time(int i, long k) {
        return text.type.value(key(i, k));
    }

    /**
     * The time of grid point k of series i written as the input writes its times.
     *
     * @param i a series with a grid
     * @param k a grid point, from 0; past the end for future times
     * @return the text, e.g. {@code 2024-03-01}
     * @throws IllegalStateException if the series has no grid
     * @throws java.time.DateTimeException or ArithmeticException beyond the calendar
     */
    public String timeText(int i, long k) {
        return text.format(key(i, k));
    }

    /**
     * Writes a time of this table's type as its input writes times.
     *
     * @param key a {@link TimeType} key
     * @return the text
     */
    public String formatKey(long key) {
        return text.format(key);
    }

    /**
     * @param i a series, from 0
     * @return grid points with no row in the input
     */
    public int gaps(int i) {
        RegularGrid g = grid(i);
        return g == null ? 0 : g.gaps();
    }

    /**
     * @param i a series, from 0
     * @return rows whose value was missing (NaN, or empty/NA in a file)
     */
    public int missing(int i) {
        return missing[Objects.checkIndex(i, ids.length)];
    }

    /** @return the rows skipped or noted while building, with examples naming lines or rows */
    public ReadProblems problems() {
        return problems;
    }

    /** @return the data rows read or added, usable or not */
    public long rows() {
        return rows;
    }

    /** @return how the input is named in messages (a file name, or "rows") */
    public String source() {
        return source;
    }

    /**
     * This table without the last {@code h} grid points of every series (for a holdout). A
     * series with at most h points keeps none.
     *
     * @param h points to drop from each series, at least 0
     * @return a new table
     * @throws IllegalArgumentException if h is negative
     */
    public SeriesTable dropLast(int h) {
        return dropLastKeeping(h, 0);
    }

    /** {@link #dropLast(int)}, but a series that would keep fewer than {@code min} points keeps all. */
    SeriesTable dropLastKeeping(int h, int min) {
        if (h < 0) {
            throw new IllegalArgumentException("h must be at least 0, got " + h);
        }
        int[] o = new int[offsets.length];
        double[] v = new double[values.length];
        for (int i = 0; i < ids.length; i++) {
            int keep = length(i) - h < min ? length(i) : Math.max(0, length(i) - h);
            System.arraycopy(values, offsets[i], v, o[i], keep);
            o[i + 1] = o[i] + keep;
        }
        return new SeriesTable(text, ids, grids, errors, missing, Arrays.copyOf(v, o[ids.length]), o, problems, rows,
                source);
    }

    private static final java.util.regex.Pattern POSITION =
            java.util.regex.Pattern.compile("y\\[(\\d+)\\](?: = (\\S+))?");

    /**
     * An engine message about series i with its positions ({@code y[4] = 0}) written as the
     * user's times ({@code the value 0 at 2024-05-01}); other text unchanged.
     *
     * @param i a series, from 0
     * @param message a message from fitting its values, or null
     * @return the message in the input's terms (null for null)
     */
    public String inUserTerms(int i, String message) {
        if (message == null || grid(i) == null) {
            return message;
        }
        java.util.regex.Matcher m = POSITION.matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String at;
            try {
                at = timeText(i, Long.parseLong(m.group(1)));
            } catch (RuntimeException e) {
                at = null;
            }
            String text = at == null ? m.group() : "the value " + (m.group(2) == null ? "" : m.group(2) + " ") + "at " + at;
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(text));
        }
        m.appendTail(out);
        return out.toString();
    }

    @Override
    public String toString() {
        long failed = Arrays.stream(errors).filter(Objects::nonNull).count();
        return "SeriesTable[series=" + ids.length + ", times=" + text.type + ", points=" + values.length
                + ", without grid=" + failed + "]";
    }
}
