package io.lagrs.spark;

import io.lagrs.BatchOptions;
import io.lagrs.CrossValidation;
import io.lagrs.CrossValidationResult;
import io.lagrs.ModelSpec;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * The executor side of {@link LagrsSpark#crossValidate}: turns one partition of chunk rows
 * ({@link SeriesChunks}), sorted by id then first time, into the rows of the long
 * cross-validation table {@code (id, time, cutoff, actual, per model mean and bounds, error)},
 * times in their long form. Each batch of series goes to one native
 * {@link CrossValidation#run} call; rows are produced batch by batch. A series whose times fit
 * no grid, or that is too short for its windows, gives one error row; a model that fails in a
 * window leaves its columns null in that window's rows and says why in {@code error}. Nothing
 * about a series fails the task.
 */
final class CvPartition implements InternalPartitions.PartitionFunction {
    private static final long serialVersionUID = 1L;

    private final CvSpec spec; // threads() already resolved to the task's cores
    private final DataType idType;
    private final TimeKind kind;
    private final String zoneId;
    /** Columns per row: id, time, cutoff, actual, the model columns, error. */
    private final int width;

    CvPartition(CvSpec spec, DataType idType, TimeKind kind, String zoneId) {
        this.spec = spec;
        this.idType = idType;
        this.kind = kind;
        this.zoneId = zoneId;
        this.width = 5 + spec.modelColumns().size();
    }

    @Override
    public Iterator<InternalRow> apply(Iterator<InternalRow> chunks) {
        return new Rows(chunks);
    }

    private final class Rows implements Iterator<InternalRow> {
        private final SeriesChunks.Reader reader;
        private final SeriesBatch batch = new SeriesBatch(spec.batchSize(), false);
        private final List<ModelSpec> models = spec.specs().stream().map(ModelSpec::parse).toList();
        private final CrossValidation cv = spec.crossValidation();
        private final int levels = spec.levels().length;
        private final ZoneId zone = kind == TimeKind.TIMESTAMP_NTZ ? ZoneOffset.UTC : ZoneId.of(zoneId).normalized();
        private final BatchOptions options = BatchOptions.defaults().threads(spec.threads());
        private final TimeGrid.Scratch gridScratch = new TimeGrid.Scratch();
        private long[] seriesTimes = new long[0];
        private double[] seriesValues = new double[0];
        private List<InternalRow> out = new ArrayList<>();
        private int next;
        private boolean done;

        Rows(Iterator<InternalRow> chunks) {
            this.reader = new SeriesChunks.Reader(chunks, idType);
        }

        @Override
        public boolean hasNext() {
            while (next == out.size() && !done) {
                out = new ArrayList<>();
                next = 0;
                if (reader.read(batch)) {
                    validateBatch();
                } else {
                    done = true;
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

        private void validateBatch() {
            int m = batch.size();
            TimeGrid[] grids = new TimeGrid[m];
            List<double[]> toRun = new ArrayList<>();
            List<Integer> runIndex = new ArrayList<>(); // batch index of each series run
            for (int j = 0; j < m; j++) {
                int from = batch.offset(j);
                int n = batch.offset(j + 1) - from;
                if (batch.nullTimes(j) > 0) {
                    errorRow(batch.id(j), "time is null in " + batch.nullTimes(j) + " of " + (n + batch.nullTimes(j))
                            + " rows");
                    continue;
                }
                try {
                    if (seriesTimes.length < n) {
                        seriesTimes = new long[n];
                        seriesValues = new double[n];
                    }
                    System.arraycopy(batch.times(), from, seriesTimes, 0, n);
                    System.arraycopy(batch.values(), from, seriesValues, 0, n);
                    grids[j] = TimeGrid.infer(kind, zone, seriesTimes, seriesValues, n, gridScratch);
                    toRun.add(grids[j].values());
                    runIndex.add(j);
                } catch (TimeGrid.IrregularTimeException e) {
                    errorRow(batch.id(j), e.getMessage());
                }
            }
            if (toRun.isEmpty()) {
                return;
            }
            CrossValidationResult r;
            try {
                r = cv.run(models, toRun.toArray(new double[0][]), options);
            } catch (CancellationException e) {
                throw e; // Spark interrupted the task: stop, do not report
            } catch (RuntimeException e) {
                // A failure of the whole call (not of one series) is every series' error.
                for (int j : runIndex) {
                    errorRow(batch.id(j), String.valueOf(e.getMessage()));
                }
                return;
            }
            addRows(r, grids, runIndex);
        }

        private void addRows(CrossValidationResult r, TimeGrid[] grids, List<Integer> runIndex) {
            for (int s = 0; s < r.seriesCount(); s++) {
                if (r.seriesError(s) != null) {
                    errorRow(batch.id(runIndex.get(s)), r.seriesError(s));
                }
            }
            int h = r.horizon();
            int[] owner = r.series();
            int[] cutoff = r.cutoffs();
            int[] time = r.times();
            double[] actual = r.actual();
            double[][] columns = new double[models.size() * (1 + 2 * levels)][];
            for (int m = 0, c = 0; m < models.size(); m++) {
                columns[c++] = r.mean(m);
                for (int k = 0; k < levels; k++) {
                    columns[c++] = r.lower(m, k);
                    columns[c++] = r.upper(m, k);
                }
            }
            for (int i = 0; i < actual.length; i++) {
                int j = runIndex.get(owner[i]);
                Object[] row = new Object[width];
                row[0] = batch.id(j);
                try {
                    row[1] = grids[j].at(time[i]);
                    row[2] = grids[j].at(cutoff[i]);
                } catch (TimeGrid.IrregularTimeException e) {
                    throw new IllegalStateException("a time of the series' own grid: " + e.getMessage(), e);
                }
                row[3] = orNull(actual[i]);
                StringBuilder errors = new StringBuilder();
                int per = 1 + 2 * levels;
                for (int m = 0; m < models.size(); m++) {
                    String failed = r.windowError(m, i / h);
                    if (failed != null) {
                        errors.append(errors.length() == 0 ? "" : "; ").append(spec.specs().get(m)).append(": ")
                                .append(failed);
                    }
                    for (int c = 0; c < per; c++) {
                        row[4 + m * per + c] = failed != null ? null : orNull(columns[m * per + c][i]);
                    }
                }
                row[row.length - 1] = errors.length() == 0 ? null : UTF8String.fromString(errors.toString());
                out.add(new GenericInternalRow(row));
            }
        }

        private void errorRow(Object id, String message) {
            Object[] row = new Object[width];
            row[0] = id;
            row[row.length - 1] = UTF8String.fromString(message);
            out.add(new GenericInternalRow(row));
        }
    }

    /** NaN (a missing actual, a family without intervals) is null, as the command line leaves the cell empty. */
    private static Double orNull(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
