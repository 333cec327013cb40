package io.lagrs.spark;

import io.lagrs.Arima;
import io.lagrs.ArimaBatch;
import io.lagrs.ArimaModel;
import io.lagrs.AutoArima;
import io.lagrs.BatchOptions;
import io.lagrs.Forecast;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.expressions.UnsafeArrayData;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * The executor side of {@link LagrsSpark#forecast}: turns one partition of chunk rows
 * ({@link SeriesChunks}), sorted by id then first time, into forecast rows
 * {@code (id, time as long, step, mean, lower[], upper[], model, error)}, all as Spark's
 * internal rows (a timestamp_ntz time is a long there too).
 *
 * <p>Series are read a batch at a time and each batch is fitted by one native
 * {@link Arima#fitAll} (or {@link AutoArima#fitAll}) call, which fits its series in parallel on
 * {@code spec.threads()} threads (the cores Spark gives the task). Rows
 * are produced lazily, batch by batch, so a partition never holds more than one batch of input
 * and output. Anything wrong with one series (irregular times, a failed fit) becomes that
 * series' error row; nothing about a series can fail the task.
 */
final class ForecastPartition implements InternalPartitions.PartitionFunction {
    private static final long serialVersionUID = 1L;

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
        private final Arima arima = spec.isAuto() ? null : spec.toArima();
        private final AutoArima auto = spec.isAuto() ? spec.toAutoArima() : null;
        private final String model = spec.modelName();
        private final UTF8String modelUtf8 = UTF8String.fromString(model);
        private final ZoneId zone = kind == TimeKind.TIMESTAMP_NTZ ? ZoneOffset.UTC : ZoneId.of(zoneId).normalized();
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
            List<double[]> toFit = new ArrayList<>(m);
            int[] fitIndex = new int[m];
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
                    future[j] = grid.future(spec.horizon());
                    fitIndex[j] = toFit.size();
                    toFit.add(grid.values());
                } catch (TimeGrid.IrregularTimeException e) {
                    errors[j] = e.getMessage();
                }
            }

            Forecast[][] byLevel = new Forecast[Math.max(levels.length, 1)][];
            String[] fitErrors = new String[toFit.size()];
            String[] models = new String[toFit.size()];
            if (!toFit.isEmpty()) {
                long start = System.nanoTime();
                try (ArimaBatch fits = fit(toFit, arima, auto, options)) {
                    for (int i = 0; i < fitErrors.length; i++) {
                        fitErrors[i] = fits.error(i);
                        if (auto != null && fitErrors[i] == null) {
                            try (ArimaModel chosen = fits.model(i)) {
                                models[i] = describe(chosen);
                            }
                        }
                    }
                    // With no levels, the point forecasts still come from a forecast call.
                    double[] asked = levels.length == 0 ? new double[] {0.95} : levels;
                    for (int l = 0; l < asked.length; l++) {
                        byLevel[l] = fits.forecast(spec.horizon(), asked[l]);
                    }
                } catch (CancellationException e) {
                    throw e; // Spark interrupted the task (job cancelled, task killed): stop, do not report
                } catch (RuntimeException e) {
                    // A failure of the whole call (not of one series) is every series' error.
                    Arrays.fill(fitErrors, String.valueOf(e.getMessage()));
                    Arrays.fill(byLevel, null);
                }
                if (metrics != null) {
                    metrics.addBatch(System.nanoTime() - start);
                }
            }

            int failed = 0;
            for (int j = 0; j < m; j++) {
                Object id = batch.id(j);
                int i = fitIndex[j];
                String error = errors[j];
                if (error == null && (fitErrors[i] != null || byLevel[0] == null || byLevel[0][i] == null)) {
                    error = fitErrors[i] != null ? fitErrors[i] : "forecast failed";
                }
                if (error != null) {
                    failed++;
                    out.add(new GenericInternalRow(new Object[] {id, null, null, null, null, null, modelUtf8,
                        UTF8String.fromString(error)}));
                    continue;
                }
                UTF8String name = models[i] != null ? UTF8String.fromString(models[i]) : modelUtf8;
                double[] mean = byLevel[0][i].mean();
                for (int k = 0; k < spec.horizon(); k++) {
                    double[] lower = new double[levels.length];
                    double[] upper = new double[levels.length];
                    for (int l = 0; l < levels.length; l++) {
                        lower[l] = byLevel[l][i].lower()[k];
                        upper[l] = byLevel[l][i].upper()[k];
                    }
                    ArrayData lowerData = UnsafeArrayData.fromPrimitiveArray(lower);
                    ArrayData upperData = UnsafeArrayData.fromPrimitiveArray(upper);
                    out.add(new GenericInternalRow(new Object[] {id, future[j][k], k + 1, mean[k], lowerData, upperData,
                        name, null}));
                }
            }
            if (metrics != null) {
                metrics.addSeries(m, failed);
            }
        }
    }

    /** One native call for the whole batch, laid out flat (values and offsets: no per-series arrays cross the bridge). */
    private static ArimaBatch fit(List<double[]> series, Arima arima, AutoArima auto, BatchOptions options) {
        int[] offsets = new int[series.size() + 1];
        for (int i = 0; i < series.size(); i++) {
            offsets[i + 1] = Math.addExact(offsets[i], series.get(i).length);
        }
        double[] values = new double[offsets[series.size()]];
        for (int i = 0; i < series.size(); i++) {
            System.arraycopy(series.get(i), 0, values, offsets[i], series.get(i).length);
        }
        return auto != null ? auto.fitAll(values, offsets, options) : arima.fitAll(values, offsets, options);
    }

    /** A chosen model named as {@link Arima#toString()} names a specification. */
    static String describe(ArimaModel m) {
        int[] o = m.order();
        Arima a = Arima.order(o[0], o[1], o[2]);
        if (o[3] + o[4] + o[5] > 0) {
            a = a.seasonal(o[3], o[4], o[5], o[6]);
        }
        return a.includeMean(!Double.isNaN(m.mean())).includeDrift(!Double.isNaN(m.drift())).toString();
    }
}
