package io.lagrs.spark;

import io.lagrs.BatchForecast;
import io.lagrs.BatchOptions;
import io.lagrs.ModelSpec;
import io.lagrs.table.Defaults;
import io.lagrs.table.SeasonalSpec;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
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
 * The executor side of {@link LagrsSpark#forecast}: turns one partition of chunk rows
 * ({@link SeriesChunks}), sorted by id then first time, into forecast rows
 * {@code (id, time as long, step, mean, lower[], upper[], model, error, spec)}, all as Spark's
 * internal rows (a timestamp_ntz time is a long there too).
 *
 * <p>Series are read a batch at a time and each batch goes, once per model, to one native
 * {@link ModelSpec#forecastAll} call, which fits and forecasts its series in parallel on
 * {@code spec.threads()} threads (the cores Spark gives the task) at every level at once and
 * keeps no fitted model. Rows are produced lazily, batch by batch, so a partition never holds
 * more than one batch of input and output. Anything wrong with one series (irregular times, a
 * failed fit) becomes that series' error row for that model; nothing about a series can fail
 * the task.
 */
final class ForecastPartition implements InternalPartitions.PartitionFunction {
    private static final long serialVersionUID = 2L;

    private final ForecastSpec spec; // threads() already resolved to the task's cores
    private final DataType idType;
    private final TimeKind kind;
    private final String zoneId;
    private final ForecastMetrics metrics; // may be null

    ForecastPartition(ForecastSpec spec, DataType idType, TimeKind kind, String zoneId, ForecastMetrics metrics) {
        this.spec = spec;
        this.idType = idType;
        this.kind = kind;
        this.zoneId = zoneId;
        this.metrics = metrics;
    }

    @Override
    public Iterator<InternalRow> apply(Iterator<InternalRow> chunks) {
        return new Rows(chunks);
    }

    private final class Rows implements Iterator<InternalRow> {
        private final SeriesChunks.Reader reader;
        private final SeriesBatch batch = new SeriesBatch(spec.batchSize(), false);
        private final List<ModelSpec> models = spec.perSeason() ? List.of() : spec.models();
        private final List<SeasonalSpec> seasonal = spec.perSeason()
                ? spec.specs().stream().map(SeasonalSpec::new).toList() : List.of();
        private final UTF8String[] specTexts = spec.specs().stream().map(UTF8String::fromString)
                .toArray(UTF8String[]::new);
        private final ZoneId zone = kind == TimeKind.TIMESTAMP_NTZ ? ZoneOffset.UTC : ZoneId.of(zoneId).normalized();
        private final int horizon = spec.horizon();
        private final double[] levels = spec.levels();
        private final BatchOptions options = BatchOptions.defaults().threads(spec.threads());
        // One series' times and values for TimeGrid.infer (which keeps neither), reused.
        private long[] seriesTimes = new long[0];
        private double[] seriesValues = new double[0];
        private final TimeGrid.Scratch gridScratch = new TimeGrid.Scratch();
        private List<InternalRow> out = new ArrayList<>();
        private int next;
        private boolean done;

        Rows(Iterator<InternalRow> chunks) {
            this.reader = new SeriesChunks.Reader(chunks, idType);
        }

        @Override
        public boolean hasNext() {
            while (next == out.size() && !done) {
                long start = System.nanoTime();
                out = new ArrayList<>();
                next = 0;
                if (reader.read(batch)) {
                    forecastBatch();
                } else {
                    done = true;
                }
                if (metrics != null) {
                    metrics.addPartitionNanos(System.nanoTime() - start);
                }
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

        private void forecastBatch() {
            int m = batch.size();
            String[] errors = new String[m];
            long[][] future = new long[m][];
            // Series sharing a season and a horizon go to one native call per model.
            Map<List<Integer>, List<Integer>> groups = new LinkedHashMap<>();
            int[] fitIndex = new int[m];
            double[][] grids = new double[m][];
            for (int j = 0; j < m; j++) {
                fitIndex[j] = -1;
                int from = batch.offset(j);
                int n = batch.offset(j + 1) - from;
                if (batch.nullTimes(j) > 0) {
                    errors[j] = "time is null in " + batch.nullTimes(j) + " of " + (n + batch.nullTimes(j)) + " rows";
                    continue;
                }
                try {
                    if (seriesTimes.length < n) {
                        seriesTimes = new long[n];
                        seriesValues = new double[n];
                    }
                    System.arraycopy(batch.times(), from, seriesTimes, 0, n);
                    System.arraycopy(batch.values(), from, seriesValues, 0, n);
                    TimeGrid grid = TimeGrid.infer(kind, zone, seriesTimes, seriesValues, n, gridScratch);
                    int season = spec.perSeason() ? grid.season() : 1;
                    int h = horizon > 0 ? horizon : Defaults.horizon(grid.season());
                    future[j] = grid.future(h);
                    grids[j] = grid.values();
                    groups.computeIfAbsent(List.of(season, h), k -> new ArrayList<>()).add(j);
                } catch (TimeGrid.IrregularTimeException e) {
                    errors[j] = e.getMessage();
                }
            }

            // results[s][j], callErrors[s][j]: model s on series j (null where not run)
            BatchForecast[][] results = new BatchForecast[specTexts.length][m];
            String[][] callErrors = new String[specTexts.length][m];
            groups.forEach((key, members) -> {
                List<double[]> toFit = new ArrayList<>(members.size());
                for (int g = 0; g < members.size(); g++) {
                    fitIndex[members.get(g)] = g;
                    toFit.add(grids[members.get(g)]);
                }
                Flat flat = Flat.of(toFit);
                for (int s = 0; s < specTexts.length; s++) {
                    long start = System.nanoTime();
                    BatchForecast r = null;
                    String callError = null;
                    try {
                        ModelSpec model = spec.perSeason() ? seasonal.get(s).forSeason(key.get(0)) : models.get(s);
                        r = model.forecastAll(flat.values, flat.offsets, key.get(1), levels, options);
                    } catch (CancellationException e) {
                        throw e; // Spark interrupted the task (job cancelled, task killed): stop, do not report
                    } catch (RuntimeException e) {
                        // A failure of the whole call (not of one series) is every series' error.
                        callError = String.valueOf(e.getMessage());
                    }
                    for (int j : members) {
                        results[s][j] = r;
                        callErrors[s][j] = callError;
                    }
                    if (metrics != null) {
                        metrics.addBatch(System.nanoTime() - start);
                    }
                }
            });

            // Most series of a batch share a handful of labels: encode each once.
            Map<String, UTF8String> labels = new HashMap<>();
            int failed = 0;
            for (int j = 0; j < m; j++) {
                Object id = batch.id(j);
                int i = fitIndex[j];
                boolean anyFailed = false;
                for (int s = 0; s < results.length; s++) {
                    String error = errors[j] != null ? errors[j]
                            : callErrors[s][j] != null ? callErrors[s][j]
                            : results[s][j].error(i);
                    if (error != null) {
                        anyFailed = true;
                        out.add(ForecastRows.error(id, specTexts[s], error));
                        continue;
                    }
                    UTF8String label = labels.computeIfAbsent(results[s][j].label(i), UTF8String::fromString);
                    ForecastRows.add(out, id, future[j], results[s][j].forecast(i), label, specTexts[s],
                            spec.isNonNegative());
                }
                if (anyFailed) {
                    failed++;
                }
            }
            if (metrics != null) {
                metrics.addSeries(m, failed);
            }
        }
    }

    /** A batch laid out flat (values and offsets): no per-series arrays cross the bridge, once for every model. */
    record Flat(double[] values, int[] offsets) {
        static Flat of(List<double[]> series) {
            int[] offsets = new int[series.size() + 1];
            for (int i = 0; i < series.size(); i++) {
                offsets[i + 1] = Math.addExact(offsets[i], series.get(i).length);
            }
            double[] values = new double[offsets[series.size()]];
            for (int i = 0; i < series.size(); i++) {
                System.arraycopy(series.get(i), 0, values, offsets[i], series.get(i).length);
            }
            return new Flat(values, offsets);
        }
    }
}
