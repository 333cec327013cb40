package io.lagrs.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lagrs.Lags;
import io.lagrs.Rolling;
import io.lagrs.RollingStatistic;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FeaturesTest {
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkTestSession.get();
    }

    private static final StructType SCHEMA = new StructType().add("store", DataTypes.IntegerType)
            .add("day", DataTypes.LongType).add("units", DataTypes.DoubleType);

    @Test
    void featuresEqualTheSingleSeriesFunctionsAndNeverCrossSeries() {
        Random rng = new Random(17);
        Map<Integer, double[]> series = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        for (int id = 0; id < 25; id++) {
            double[] y = new double[5 + rng.nextInt(30)];
            for (int t = 0; t < y.length; t++) {
                y[t] = rng.nextInt(10) == 0 ? Double.NaN : 50 + 10 * rng.nextGaussian();
                rows.add(RowFactory.create(id, 100L + t, Double.isNaN(y[t]) ? null : y[t]));
            }
            series.put(id, y);
        }
        Collections.shuffle(rows, rng); // the job must order rows by time itself
        FeatureSpec spec = FeatureSpec.columns("store", "day", "units").lag(1).lag(7).diff(1).pctChange(2)
                .rolling(RollingStatistic.MEAN, 4).rolling(RollingStatistic.quantile(0.9), 5, 2).ewmMean(0.3)
                .batchSize(4);
        Dataset<Row> result = LagrsSpark.features(spark.createDataFrame(rows, SCHEMA), spec);
        assertArrayEquals(new String[] {"store", "day", "units", "lag_1", "lag_7", "diff_1", "pct_change_2",
            "rolling_mean_4", "rolling_q90_5", "ewm_mean_0_3"}, result.schema().fieldNames());

        Map<Integer, List<Row>> byId = new HashMap<>();
        for (Row r : result.collectAsList()) {
            byId.computeIfAbsent(r.getInt(0), k -> new ArrayList<>()).add(r);
        }
        assertEquals(series.keySet(), byId.keySet());
        for (var e : series.entrySet()) {
            double[] y = e.getValue();
            List<Row> got = byId.get(e.getKey());
            assertEquals(y.length, got.size());
            got.sort((a, b) -> Long.compare(a.getLong(1), b.getLong(1)));
            double[][] expected = {Lags.lag(y, 1), Lags.lag(y, 7), Lags.diff(y, 1), Lags.pctChange(y, 2),
                Rolling.mean(y, 4), Rolling.quantile(y, 5, 2, 0.9), Rolling.ewmMean(y, 0.3)};
            for (int t = 0; t < y.length; t++) {
                Row r = got.get(t);
                assertEquals(100L + t, r.getLong(1));
                if (Double.isNaN(y[t])) {
                    assertNull(r.get(2), "a null value stays null");
                } else {
                    assertEquals(y[t], r.getDouble(2));
                }
                for (int f = 0; f < expected.length; f++) {
                    assertEquals(expected[f][t], r.getDouble(3 + f), 0.0, "series " + e.getKey() + " t " + t + " f " + f);
                }
            }
        }
    }

    @Test
    void rollingMeanAgreesWithCommonsMath() {
        double[] y = new double[40];
        List<Row> rows = new ArrayList<>();
        Random rng = new Random(2);
        for (int t = 0; t < y.length; t++) {
            y[t] = rng.nextGaussian();
            rows.add(RowFactory.create(1, (long) t, y[t]));
        }
        List<Row> got = LagrsSpark.features(spark.createDataFrame(rows, SCHEMA),
                FeatureSpec.columns("store", "day", "units").rolling(RollingStatistic.STD, 6)).orderBy("day").collectAsList();
        for (int t = 0; t < y.length; t++) {
            double actual = got.get(t).getDouble(3);
            if (t < 5) {
                assertTrue(Double.isNaN(actual));
                continue;
            }
            DescriptiveStatistics window = new DescriptiveStatistics();
            for (int i = t - 5; i <= t; i++) {
                window.addValue(y[i]);
            }
            assertEquals(window.getStandardDeviation(), actual, 1e-12);
        }
    }

    @Test
    void badSpecificationsAreRejectedBeforeTheJobRuns() {
        Dataset<Row> df = spark.createDataFrame(List.of(RowFactory.create(1, 1L, 1.0)), SCHEMA);
        var none = assertThrows(IllegalArgumentException.class,
                () -> LagrsSpark.features(df, FeatureSpec.columns("store", "day", "units")));
        assertTrue(none.getMessage().contains("no features"), none.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FeatureSpec.columns("a", "b", "c").lag(1).lag(1));
        assertThrows(IllegalArgumentException.class, () -> FeatureSpec.columns("a", "b", "c").lag(-1));
        assertThrows(IllegalArgumentException.class,
                () -> FeatureSpec.columns("a", "b", "c").rolling(RollingStatistic.MEAN, 3, 4));
        assertThrows(IllegalArgumentException.class, () -> FeatureSpec.columns("a", "b", "c").ewmMean(0));
        Dataset<Row> lagged = df.withColumnRenamed("units", "lag_1");
        var clash = assertThrows(IllegalArgumentException.class,
                () -> LagrsSpark.features(lagged, FeatureSpec.columns("store", "day", "lag_1").lag(1)));
        assertTrue(clash.getMessage().contains("'lag_1' has the name of an input column"), clash.getMessage());
    }
}
