package io.lagrs.spark;

import io.lagrs.BatchForecast;
import io.lagrs.BatchOptions;
import io.lagrs.BatchRegressors;
import io.lagrs.ModelSpec;
import io.lagrs.table.Defaults;
import io.lagrs.table.SeasonalSpec;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * The executor side of {@link LagrsSpark#forecast(org.apache.spark.sql.Dataset,
 * org.apache.spark.sql.Dataset, ForecastSpec)}: one partition of {@link XregForecast#rows}
 * (chunk rows sorted by id, then history before future, then first time), joined back into
 * series sorted by time, into the rows of {@link ForecastPartition} ({@link ForecastRows}).
 *
 * <p>Each series' regressors must be known wherever it is fitted and forecast: a history time
 * the series has no row for (a gap its grid would fill), a null regressor value, or a future
 * time of the horizon without a row or with a null value is that series' error, naming the
 * series and the time, never a value made up. Future rows past the horizon are not read.
 * Series sharing a season and a horizon go to one native
 * {@link ModelSpec#forecastAll(double[], int[], BatchRegressors, BatchRegressors, int, double[], BatchOptions)}
 * call per model; whatever fails one series fails only its rows.
 */
final class XregPartition implements InternalPartitions.PartitionFunction {
    private static final long serialVersionUID = 1L;

    private final ForecastSpec spec; // threads() already resolved to the task's cores
    private final DataType idType;
    private final TimeKind kind;
    private final String zoneId;

    XregPartition(ForecastSpec spec, DataType idType, TimeKind kind, String zoneId) {
        this.spec = spec;
        this.idType = idType;
        this.kind = kind;
        this.zoneId = zoneId;
    }

    @Override
    public Iterator<InternalRow> apply(Iterator<InternalRow> rows) {
        return new Rows(rows);
    }

    /** One series as read: its history and future rows (in time order once sorted); NaN for a null value. */
    private static final class Series {
        final Object id;
        final int k;
        long[] t = new long[16];
        double[] v = new double[16];
        double[][] x;
        int n;
        int nullTimes;
        long[] ft = new long[4];
        double[][] fx;
        int fn;

        Series(Object id, int k) {
            this.id = id;
            this.k = k;
            this.x = new double[k][16];
            this.fx = new double[k][4];
        }

        /** A chunk row {@code (id, t0, nullTimes, t[], v[], x[], f)} of this series. */
        void add(InternalRow chunk) {
            nullTimes += chunk.getInt(2);
            boolean future = chunk.getInt(6) == 1;
            long[] ct = chunk.getArray(3).toLongArray();
            double[] cv = chunk.getArray(4).toDoubleArray();
            double[] cx = chunk.getArray(5).toDoubleArray();
            for (int i = 0; i < ct.length; i++) {
                add(future, ct[i], cv[i], cx, ct.length, i);
            }
        }

        private void add(boolean future, long time, double value, double[] cx, int size, int i) {
            int at = future ? fn++ : n++;
            if (future && at == ft.length) {
                ft = Arrays.copyOf(ft, 2 * at);
                fx = Arrays.stream(fx).map(c -> Arrays.copyOf(c, 2 * at)).toArray(double[][]::new);
            } else if (!future && at == t.length) {
                t = Arrays.copyOf(t, 2 * at);
                v = Arrays.copyOf(v, 2 * at);
                x = Arrays.stream(x).map(c -> Arrays.copyOf(c, 2 * at)).toArray(double[][]::new);
            }
            (future ? ft : t)[at] = time;
            if (!future) {
                v[at] = value;
            }
            for (int j = 0; j < k; j++) {
                (future ? fx : x)[j][at] = cx[j * size + i];
            }
        }

        /**
         * History and future each sorted by time, values and regressors carried along (stable:
         * repeated times keep their order, for the grid to refuse). Chunks sorted by their first
         * time are usually in order already, which is checked first.
         */
        void sortByTime() {
            sort(t, n, v, x);
            sort(ft, fn, null, fx);
        }

        private static void sort(long[] times, int count, double[] values, double[][] columns) {
            boolean sorted = true;
            for (int i = 1; i < count && sorted; i++) {
                sorted = times[i - 1] <= times[i];
            }
            if (sorted) {
                return;
            }
            Integer[] order = new Integer[count];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, (a, b) -> Long.compare(times[a], times[b])); // stable (TimSort)
            long[] st = new long[count];
            Arrays.setAll(st, i -> times[order[i]]);
            System.arraycopy(st, 0, times, 0, count);
            for (double[] column : values == null ? columns : append(columns, values)) {
                double[] sc = new double[count];
                Arrays.setAll(sc, i -> column[order[i]]);
                System.arraycopy(sc, 0, column, 0, count);
            }
        }

        private static double[][] append(double[][] columns, double[] column) {
            double[][] all = Arrays.copyOf(columns, columns.length + 1);
            all[columns.length] = column;
            return all;
        }
    }

    /** A series ready to forecast: its grid values, regressor rows and future regressor values. */
    private record Ready(double[] y, double[][] x, double[][] future, long[] times) {
    }

    private final class Rows implements Iterator<InternalRow> {
        private final Iterator<InternalRow> in;
        private final String[] names = spec.regressors;
        private final List<ModelSpec> models = spec.perSeason() ? List.of() : spec.models();
        private final List<SeasonalSpec> seasonal = spec.perSeason()
                ? spec.specs().stream().map(SeasonalSpec::new).toList() : List.of();
        private final UTF8String[] specTexts = spec.specs().stream().map(UTF8String::fromString)
                .toArray(UTF8String[]::new);
        private final ZoneId zone = kind == TimeKind.TIMESTAMP_NTZ ? ZoneOffset.UTC : ZoneId.of(zoneId).normalized();
        private final BatchOptions options = BatchOptions.defaults().threads(spec.threads());
        private final TimeGrid.Scratch scratch = new TimeGrid.Scratch();
        private Series pending;
        private List<InternalRow> out = new ArrayList<>();
        private int next;

        Rows(Iterator<InternalRow> in) {
            this.in = in;
        }

        @Override
        public boolean hasNext() {
            while (next == out.size() && (pending != null || in.hasNext())) {
                out = new ArrayList<>();
                next = 0;
                forecastBatch(readBatch());
            }
            return next < out.size();
        }

        @Override
        public InternalRow next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return out.get(next++);
        }

        /** Up to batchSize whole series; the first row of the next one is kept in {@link #pending}. */
        private List<Series> readBatch() {
            List<Series> batch = new ArrayList<>();
            Series current = pending;
            pending = null;
            while (in.hasNext()) {
                InternalRow row = in.next();
                Object id = row.isNullAt(0) ? null : row.get(0, idType);
                if (current == null || !InternalPartitions.sameKey(current.id, id)) {
                    Series started = new Series(InternalPartitions.copy(id), names.length);
                    started.add(row);
                    if (current != null) {
                        batch.add(current);
                        if (batch.size() == spec.batchSize()) {
                            pending = started;
                            return batch;
                        }
                    }
                    current = started;
                } else {
                    current.add(row);
                }
            }
            if (current != null) {
                batch.add(current);
            }
            return batch;
        }

        private void forecastBatch(List<Series> batch) {
            int m = batch.size();
            String[] errors = new String[m];
            Ready[] ready = new Ready[m];
            Map<List<Integer>, List<Integer>> groups = new LinkedHashMap<>();
            for (int j = 0; j < m; j++) {
                try {
                    int[] seasonAndH = new int[2];
                    ready[j] = prepare(batch.get(j), seasonAndH);
                    groups.computeIfAbsent(List.of(seasonAndH[0], seasonAndH[1]), key -> new ArrayList<>()).add(j);
                } catch (TimeGrid.IrregularTimeException e) {
                    errors[j] = e.getMessage();
                }
            }
            BatchForecast[][] results = new BatchForecast[specTexts.length][m];
            int[] index = new int[m];
            groups.forEach((key, members) -> {
                for (int g = 0; g < members.size(); g++) {
                    index[members.get(g)] = g;
                }
                forecastGroup(key.get(0), key.get(1), members, ready, results, errors);
            });
            for (int j = 0; j < m; j++) {
                Object id = batch.get(j).id;
                for (int s = 0; s < specTexts.length; s++) {
                    BatchForecast r = results[s][j];
                    String error = errors[j] != null ? errors[j] : r.error(index[j]);
                    if (error != null) {
                        out.add(ForecastRows.error(id, specTexts[s], error));
                    } else {
                        ForecastRows.add(out, id, ready[j].times(), r.forecast(index[j]),
                                UTF8String.fromString(r.label(index[j])), specTexts[s], spec.isNonNegative());
                    }
                }
            }
        }

        /** One native call per model for the series of one season and horizon. */
        private void forecastGroup(int season, int h, List<Integer> members, Ready[] ready, BatchForecast[][] results,
                String[] errors) {
            int[] offsets = new int[members.size() + 1];
            for (int g = 0; g < members.size(); g++) {
                offsets[g + 1] = Math.addExact(offsets[g], ready[members.get(g)].y().length);
            }
            double[] values = new double[offsets[members.size()]];
            double[][] x = new double[names.length][values.length];
            double[][] future = new double[names.length][Math.multiplyExact(h, members.size())];
            for (int g = 0; g < members.size(); g++) {
                Ready r = ready[members.get(g)];
                System.arraycopy(r.y(), 0, values, offsets[g], r.y().length);
                for (int c = 0; c < names.length; c++) {
                    System.arraycopy(r.x()[c], 0, x[c], offsets[g], r.y().length);
                    System.arraycopy(r.future()[c], 0, future[c], g * h, h);
                }
            }
            BatchRegressors xreg = BatchRegressors.of(names, x);
            BatchRegressors ahead = BatchRegressors.of(names, future);
            for (int s = 0; s < specTexts.length; s++) {
                BatchForecast r = null;
                String callError = null;
                try {
                    ModelSpec model = spec.perSeason() ? seasonal.get(s).forSeason(season) : models.get(s);
                    r = model.forecastAll(values, offsets, xreg, ahead, h, spec.levels(), options);
                } catch (CancellationException e) {
                    throw e; // Spark interrupted the task: stop, do not report
                } catch (RuntimeException e) {
                    callError = String.valueOf(e.getMessage()); // the whole call failed: every series' error
                }
                for (int j : members) {
                    results[s][j] = r;
                    if (callError != null && errors[j] == null) {
                        errors[j] = callError;
                    }
                }
            }
        }

        /**
         * The series on its grid with its regressors and their values at the horizon's times;
         * {@code seasonAndH} gets its season (1 unless per-season) and horizon.
         *
         * @throws TimeGrid.IrregularTimeException for anything that keeps this series from a
         *     forecast, the message naming the series and the time
         */
        private Ready prepare(Series s, int[] seasonAndH) throws TimeGrid.IrregularTimeException {
            String who = "series '" + s.id + "': ";
            if (s.nullTimes > 0) {
                throw new TimeGrid.IrregularTimeException(who + "time is null in " + s.nullTimes + " rows");
            }
            if (s.n == 0) {
                throw new TimeGrid.IrregularTimeException(who + "no history rows, only future values");
            }
            s.sortByTime();
            TimeGrid grid = TimeGrid.infer(kind, zone, s.t, s.v, s.n, scratch);
            double[] y = grid.values();
            for (int i = 0; y.length != s.n && i < y.length; i++) {
                if (i >= s.n || grid.at(i) != s.t[i]) {
                    throw new TimeGrid.IrregularTimeException(who + "no row at time " + format(grid.at(i))
                            + " (a gap): the regressors there are unknown");
                }
            }
            double[][] x = new double[names.length][];
            for (int c = 0; c < names.length; c++) {
                x[c] = Arrays.copyOf(s.x[c], s.n);
                requireKnown(who + "regressor '" + names[c] + "'", x[c], s.t);
            }
            int season = grid.season();
            int h = spec.horizon() > 0 ? spec.horizon() : Defaults.horizon(season);
            long[] times = grid.future(h);
            double[][] future = new double[names.length][h];
            for (int step = 0; step < h; step++) {
                int at = Arrays.binarySearch(s.ft, 0, s.fn, times[step]);
                if (at < 0) {
                    throw new TimeGrid.IrregularTimeException(who + "the future Dataset has no row at time "
                            + format(times[step]) + " (step " + (step + 1) + " of " + h + ")");
                }
                if ((at > 0 && s.ft[at - 1] == times[step]) || (at + 1 < s.fn && s.ft[at + 1] == times[step])) {
                    throw new TimeGrid.IrregularTimeException(who + "the future Dataset has two rows at time "
                            + format(times[step]));
                }
                for (int c = 0; c < names.length; c++) {
                    future[c][step] = s.fx[c][at];
                    if (Double.isNaN(future[c][step])) {
                        throw new TimeGrid.IrregularTimeException(who + "future value of regressor '" + names[c]
                                + "' is missing (null or NaN) at time " + format(times[step]));
                    }
                }
            }
            seasonAndH[0] = spec.perSeason() ? season : 1;
            seasonAndH[1] = h;
            return new Ready(y, x, future, times);
        }

        private void requireKnown(String what, double[] column, long[] t) throws TimeGrid.IrregularTimeException {
            for (int i = 0; i < column.length; i++) {
                if (Double.isNaN(column[i])) {
                    throw new TimeGrid.IrregularTimeException(what + " is missing (null or NaN) at time " + format(t[i]));
                }
            }
        }

        private String format(long t) {
            return TimeGrid.format(kind, zone, t);
        }
    }
}
