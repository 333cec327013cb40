package io.lagrs.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Collects observations (series id, time, value) in any order and builds a {@link SeriesTable}:
 * get one from {@link SeriesTable#builder(TimeType)}. Each series is kept as primitive arrays
 * (about 20 bytes an observation) until {@link #build()}. Rows of a series out of time order are
 * sorted (noted in {@link SeriesTable#problems()}); of two rows with one time the first is kept
 * and the second reported. Not thread-safe.
 */
public final class SeriesTableBuilder {
    private final TimeType type;
    final TimeText text;
    final ReadProblems problems;
    private final Map<String, Buffer> byId = new HashMap<>();
    private final List<Buffer> series = new ArrayList<>();
    private Frequency frequency;
    private long rows;

    SeriesTableBuilder(TimeText text, String where) {
        this.type = text.type;
        this.text = text;
        this.problems = new ReadProblems(where);
    }

    /**
     * Gives every series this frequency instead of inferring its step (the command line's
     * {@code --freq}); see {@link RegularGrid}.
     *
     * @param frequency the frequency, or null to infer it per series
     * @return this builder
     */
    public SeriesTableBuilder frequency(Frequency frequency) {
        this.frequency = frequency;
        return this;
    }

    /**
     * Adds one observation.
     *
     * @param id the series
     * @param time its time, of the builder's {@link TimeType} ({@code Long}, {@code YearMonth},
     *     {@code LocalDate} or {@code Instant})
     * @param value the value, NaN for missing
     * @return this builder
     * @throws NullPointerException if id or time is null
     * @throws IllegalArgumentException if id is empty, time is of another type, or value is infinite
     */
    public SeriesTableBuilder add(String id, Object time, double value) {
        Objects.requireNonNull(id, "id");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("id must not be empty (row " + (rows + 1) + ")");
        }
        if (Double.isInfinite(value)) {
            throw new IllegalArgumentException("value must not be infinite (row " + (rows + 1) + ", series " + id + ")");
        }
        rows++;
        addKey(id, type.key(time), value, rows);
        return this;
    }

    void setRows(long count) {
        rows = count;
    }

    int seriesCount() {
        return series.size();
    }

    void addKey(String id, long key, double value, long line) {
        Buffer b = byId.get(id);
        if (b == null) {
            b = new Buffer(id);
            byId.put(id, b);
            series.add(b);
        }
        b.add(key, value, line);
    }

    /**
     * Builds the table: every series laid on its regular grid by {@link RegularGrid}'s rule; a
     * series no grid fits stays in the table with its {@link SeriesTable#error(int)}. The
     * builder hands its rows over: afterwards it is empty.
     *
     * @return the table, series in order of first appearance
     */
    public SeriesTable build() {
        return build("rows");
    }

    SeriesTable build(String source) {
        int m = series.size();
        String[] ids = new String[m];
        RegularGrid[] grids = new RegularGrid[m];
        String[] errors = new String[m];
        int[] missing = new int[m];
        int[] offsets = new int[m + 1];
        List<double[]> values = new ArrayList<>(m);
        RegularGrid.Scratch scratch = new RegularGrid.Scratch();
        long total = 0;
        for (int j = 0; j < m; j++) {
            Buffer b = series.get(j);
            series.set(j, null); // its rows are no longer needed once on the grid
            ids[j] = b.id;
            b.finish();
            double[] v = new double[0];
            try {
                RegularGrid g = grid(b, scratch);
                v = g.valuesShared();
                grids[j] = g.withoutValues();
                for (int i = 0; i < b.size; i++) {
                    missing[j] += Double.isNaN(b.values[i]) ? 1 : 0;
                }
            } catch (IrregularTimesException e) {
                errors[j] = e.getMessage();
            }
            values.add(v);
            total += v.length;
            if (total > Integer.MAX_VALUE - 16) {
                throw new IllegalArgumentException("the table's series have more than " + (Integer.MAX_VALUE - 16)
                        + " grid points in all (at series " + b.id + ")");
            }
            offsets[j + 1] = (int) total;
        }
        double[] flat = new double[(int) total];
        for (int j = 0; j < m; j++) {
            System.arraycopy(values.get(j), 0, flat, offsets[j], values.get(j).length);
        }
        byId.clear();
        series.clear();
        return new SeriesTable(text, ids, grids, errors, missing, flat, offsets, problems, rows, source);
    }

    private RegularGrid grid(Buffer b, RegularGrid.Scratch scratch) throws IrregularTimesException {
        int n = b.size;
        long[] days = null;
        long[] timeOfDay = null;
        if (type == TimeType.DATE) {
            days = b.keys;
        } else if (type == TimeType.MONTH) {
            // months are calendar times on the 1st: the rule counts them in months, as dates
            days = new long[n];
            for (int i = 0; i < n; i++) {
                days[i] = Calendar.epochDay(b.keys[i], 1);
            }
        } else if (type == TimeType.TIMESTAMP) {
            days = new long[n];
            timeOfDay = new long[n];
            for (int i = 0; i < n; i++) {
                days[i] = Math.floorDiv(b.keys[i], 86_400L);
                timeOfDay[i] = Math.floorMod(b.keys[i], 86_400L);
            }
        }
        RegularGrid.Unit unit = null;
        long step = 0;
        if (frequency != null) {
            unit = frequency.unit(type);
            step = frequency.step(type, unit);
            if (step == 0) {
                throw new IrregularTimesException("frequency " + frequency.label() + " does not fit times given as "
                        + type.description());
            }
        }
        long[] keys = b.keys;
        return RegularGrid.infer(keys, days, timeOfDay, b.values, n, unit, step,
                i -> text.format(keys[i]) + " (" + problems.where() + " " + b.lines[i] + ")", scratch);
    }

    /** The observations of one series as added: growing primitive arrays. */
    private final class Buffer {
        final String id;
        long[] keys = new long[16];
        double[] values = new double[16];
        long[] lines = new long[16];
        int size;
        boolean unsorted;

        Buffer(String id) {
            this.id = id;
        }

        void add(long key, double value, long line) {
            if (size > 0 && key < keys[size - 1]) {
                if (!unsorted) {
                    problems.add(ReadProblems.Kind.UNSORTED, line, "time " + text.format(key) + " of series " + id
                            + " comes after " + text.format(keys[size - 1]) + " in the "
                            + ("line".equals(problems.where()) ? "file" : "rows"));
                }
                unsorted = true;
            }
            if (size == keys.length) {
                int capacity = size + (size >> 1) + 1;
                keys = Arrays.copyOf(keys, capacity);
                values = Arrays.copyOf(values, capacity);
                lines = Arrays.copyOf(lines, capacity);
            }
            keys[size] = key;
            values[size] = value;
            lines[size] = line;
            size++;
        }

        /** Sorts rows added out of order (stably) and drops repeated times, keeping the first. */
        void finish() {
            int[] order = new int[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            if (unsorted) {
                // stable: of two rows with one time, the earlier stays first and is kept
                Integer[] boxed = Arrays.stream(order).boxed().toArray(Integer[]::new);
                Arrays.sort(boxed, (a, c) -> Long.compare(keys[a], keys[c]));
                order = Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
            }
            long[] k = new long[size];
            double[] v = new double[size];
            long[] l = new long[size];
            int n = 0;
            for (int i : order) {
                if (n > 0 && keys[i] == k[n - 1]) {
                    problems.add(ReadProblems.Kind.DUPLICATE, lines[i], "duplicate time " + text.format(keys[i])
                            + " for series " + id + " (the first, " + problems.where() + " " + l[n - 1] + ", is kept)");
                    continue;
                }
                k[n] = keys[i];
                v[n] = values[i];
                l[n] = lines[i];
                n++;
            }
            keys = k;
            values = v;
            lines = l;
            size = n;
        }
    }
}
