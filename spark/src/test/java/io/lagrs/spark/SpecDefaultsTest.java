package io.lagrs.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.lagrs.Baseline;
import io.lagrs.table.Defaults;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * Every way of making a {@link ForecastSpec} starts from the library's horizon and levels
 * ({@link Defaults}): twice each series' season (10 steps without one), levels 0.8 and 0.95.
 */
class SpecDefaultsTest {
    @Test
    void everyFactoryStartsFromTheSharedDefaults() {
        Map<String, ForecastSpec> made = new HashMap<>();
        made.put("defaults", ForecastSpec.defaults());
        made.put("model(text)", ForecastSpec.model("naive", "snaive[12]"));
        made.put("model(spec)", ForecastSpec.model(Baseline.naive()));
        made.put("arima", ForecastSpec.arima(0, 1, 1));
        made.put("arima seasonal", ForecastSpec.arima(0, 1, 1).seasonal(0, 1, 1, 12).includeDrift(false));
        made.put("autoArima", ForecastSpec.autoArima(12));
        made.put("auto", ForecastSpec.auto(4));
        made.forEach((how, spec) -> {
            assertEquals(0, spec.horizon(), how + ": each series' default horizon");
            assertArrayEquals(Defaults.levels(), spec.levels(), how);
            ForecastSpec changed = spec.columns("a", "b", "c").batchSize(3).partitions(2).threads(1).nonNegative(true);
            assertEquals(0, changed.horizon(), how + ": kept through other settings");
            assertArrayEquals(Defaults.levels(), changed.levels(), how);
        });
        ForecastSpec set = ForecastSpec.arima(0, 1, 1).horizon(1).levels(0.95);
        assertEquals(1, set.horizon(), "what the user sets wins");
        assertArrayEquals(new double[] {0.95}, set.levels());
        assertArrayEquals(new double[] {0.95}, set.seasonal(0, 1, 1, 12).levels(), "kept by the ARIMA builders");
        assertEquals(1, set.seasonal(0, 1, 1, 12).horizon());
    }

    @Test
    void aSpecFromAFactoryForecastsTwiceEachSeasonAtBothLevels() {
        List<Row> rows = new ArrayList<>();
        for (int t = 0; t < 30; t++) {
            rows.add(RowFactory.create("monthly", Date.valueOf(LocalDate.of(2020, 1, 1).plusMonths(t)), 10.0 + t % 5));
            rows.add(RowFactory.create("quarterly", Date.valueOf(LocalDate.of(2010, 1, 1).plusMonths(3L * t)),
                    20.0 + t % 3));
            rows.add(RowFactory.create("daily", Date.valueOf(LocalDate.of(2024, 2, 1).plusDays(t)), 5.0 + t % 7));
        }
        StructType schema = new StructType().add("id", DataTypes.StringType).add("time", DataTypes.DateType)
                .add("value", DataTypes.DoubleType);
        var df = SparkTestSession.get().createDataFrame(rows, schema);
        Map<String, Integer> steps = new HashMap<>();
        for (Row r : LagrsSpark.forecast(df, ForecastSpec.model("naive")).collectAsList()) {
            assertNull(r.getAs("error"));
            steps.merge(r.getString(0), 1, Integer::sum);
            assertEquals(2, r.getList(r.fieldIndex("lower")).size(), "levels 0.8 and 0.95");
        }
        assertEquals(Map.of("monthly", Defaults.horizon(12), "quarterly", Defaults.horizon(4), "daily",
                Defaults.horizon(7)), steps);

        List<Row> integers = new ArrayList<>();
        for (int t = 0; t < 20; t++) {
            integers.add(RowFactory.create("n", (long) t, (double) (t % 4)));
        }
        StructType numbered = new StructType().add("id", DataTypes.StringType).add("time", DataTypes.LongType)
                .add("value", DataTypes.DoubleType);
        long count = LagrsSpark.forecast(SparkTestSession.get().createDataFrame(integers, numbered),
                ForecastSpec.arima(0, 1, 0)).count();
        assertEquals(10, count, "10 steps without a season, as R's forecast()");
    }
}
