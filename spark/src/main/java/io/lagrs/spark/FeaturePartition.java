package io.lagrs.spark;

import io.lagrs.Lags;
import io.lagrs.Rolling;
import io.lagrs.RollingStatistic;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The executor side of {@link LagrsSpark#features}: one partition of rows {@code (id, time,
 * value)}, sorted by id then time, becomes the same rows with the feature columns appended.
 * Series are read a batch at a time; each rolling statistic is computed for the whole batch by
 * one native call ({@link Rolling#applyMany}, windows never crossing series), the per-series
 * transforms by the library's single-series functions.
 */
final class FeaturePartition implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final FeatureSpec spec;

    FeaturePartition(FeatureSpec spec) {
        this.spec = spec;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> input) {
        return new Rows(input);
    }

    private final class Rows implements Iterator<Row> {
        private final SeriesBatch.Reader reader;
        private final SeriesBatch batch = new SeriesBatch(spec.batchSize(), true);
        private final List<FeatureSpec.Feature> features = spec.features();
        private final RollingStatistic[] statistics = new RollingStatistic[features.size()];
        private double[][] columns = new double[features.size()][];
        private int next;
        private boolean done;

        Rows(Iterator<Row> input) {
            this.reader = new SeriesBatch.Reader(input);
            for (int f = 0; f < statistics.length; f++) {
                if (features.get(f).kind() == FeatureSpec.Kind.ROLLING) {
                    statistics[f] = FeatureSpec.parseStatistic(features.get(f).statistic());
                }
            }
        }

        @Override
        public boolean hasNext() {
            while (next == batch.length() && !done) {
                next = 0;
                if (reader.read(batch)) {
                    compute();
                } else {
                    done = true;
                }
            }
            return next < batch.length();
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            int i = next++;
            Object[] fields = new Object[3 + columns.length];
            fields[0] = batch.id(seriesOf(i));
            fields[1] = batch.timeObjects()[i];
            fields[2] = batch.nullValues()[i] ? null : batch.values()[i];
            for (int f = 0; f < columns.length; f++) {
                fields[3 + f] = columns[f][i];
            }
            return RowFactory.create(fields);
        }

        private int series = 0;

        /** The series of flat row {@code i}; rows are handed out in order, so this only moves forward. */
        private int seriesOf(int i) {
            if (i == 0) {
                series = 0;
            }
            while (batch.offset(series + 1) <= i) {
                series++;
            }
            return series;
        }

        private void compute() {
            int length = batch.length();
            double[] values = Arrays.copyOf(batch.values(), length);
            int[] offsets = batch.offsets();
            for (int f = 0; f < columns.length; f++) {
                FeatureSpec.Feature feature = features.get(f);
                if (feature.kind() == FeatureSpec.Kind.ROLLING) {
                    columns[f] = Rolling.applyMany(statistics[f], values, offsets, feature.k(), feature.minPeriods());
                    continue;
                }
                double[] out = new double[length];
                for (int j = 0; j + 1 < offsets.length; j++) {
                    double[] y = Arrays.copyOfRange(values, offsets[j], offsets[j + 1]);
                    double[] r = switch (feature.kind()) {
                        case LAG -> Lags.lag(y, feature.k());
                        case DIFF -> Lags.diff(y, feature.k());
                        case PCT_CHANGE -> Lags.pctChange(y, feature.k());
                        case EWM_MEAN -> Rolling.ewmMean(y, feature.alpha());
                        case ROLLING -> throw new AssertionError("handled above");
                    };
                    System.arraycopy(r, 0, out, offsets[j], r.length);
                }
                columns[f] = out;
            }
        }
    }
}
