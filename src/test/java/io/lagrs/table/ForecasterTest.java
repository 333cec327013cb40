package io.lagrs.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lagrs.FittedModel;
import io.lagrs.IntervalForecast;
import io.lagrs.ModelSpec;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForecasterTest {
    /** Monthly dates (first of the month) from 2020-01: a seasonal series, a short one, an off-grid one. */
    static SeriesTable catalogue() {
        List<String> ids = new ArrayList<>();
        List<Object> times = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int t = 0; t < 48; t++) {
            ids.add("seasonal");
            times.add(LocalDate.of(2020, 1, 1).plusMonths(t));
            values.add(100 + 2.0 * t + 15 * Math.sin(2 * Math.PI * t / 12) + ((t * 7919) % 13 - 6));
        }
        for (int t = 0; t < 30; t++) {
            ids.add("falling");
            times.add(LocalDate.of(2021, 1, 1).plusMonths(t));
            values.add(Math.max(0, 60 - 2.0 * t + ((t * 31) % 7 - 3)));
        }
        ids.add("one");
        times.add(LocalDate.of(2022, 1, 1));
        values.add(5.0);
        return SeriesTable.ofColumns(ids.toArray(String[]::new), times.toArray(),
                values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    @Test
    void oneCallForecastsEverySeriesWithIdsDatesLabelsAndAnErrorPerSeries() throws Exception {
        SeriesTable table = catalogue();
        ForecastTable f = Forecaster.forecast(table, 12, new double[] {0.8, 0.95}, "auto_arima", "snaive");
        assertEquals(6, f.results());
        assertEquals(2 * 2 * 12, f.size(), "two series with grids, two models, 12 steps");
        assertEquals("seasonal", f.id(0));
        assertEquals(LocalDate.of(2024, 1, 1), f.time(0));
        assertEquals("2024-12-01", f.timeText(11));
        assertEquals(1, f.step(0));
        assertTrue(f.label(0).startsWith("ARIMA("), f.label(0));
        assertEquals("snaive", f.model(12));
        assertEquals("Seasonal naive method", f.label(12));
        assertEquals("one", f.resultId(4));
        assertTrue(f.resultError(4).contains("at least two observations"), f.resultError(4));
        assertNull(f.resultLabel(4));

        // the same numbers as fitting the series alone
        try (FittedModel m = ModelSpec.parse("auto_arima[12]").fit(table.values(0))) {
            IntervalForecast alone = m.forecast(12, new double[] {0.8, 0.95});
            for (int i = 0; i < 12; i++) {
                assertEquals(alone.mean()[i], f.mean(i), 1e-9);
                assertEquals(alone.lower(1)[i], f.lower(i, 1), 1e-9);
                assertEquals(alone.upper(0)[i], f.upper(i, 0), 1e-9);
            }
            assertEquals(m.label(), f.label(0));
        }

        StringWriter csv = new StringWriter();
        f.writeCsv(csv);
        String[] lines = csv.toString().split("\n");
        assertEquals("series,time,model,label,mean,lower_80,upper_80,lower_95,upper_95", lines[0]);
        assertEquals(1 + f.size(), lines.length);
        assertTrue(lines[1].startsWith("seasonal,2024-01-01,auto_arima,"), lines[1]);
        assertTrue(lines[1].contains("," + f.mean(0) + ","), lines[1]);
    }

    @Test
    void defaultsAreTheDefaultModelTwiceTheSeasonAnd80And95() {
        ForecastTable f = Forecaster.of().forecast(catalogue());
        assertArrayEquals(new double[] {0.8, 0.95}, f.levels());
        assertArrayEquals(new String[] {Defaults.MODEL}, f.models());
        assertEquals(24, Defaults.horizon(12));
        assertEquals(10, Defaults.horizon(1));
        assertEquals(2 * 24, f.size(), "two monthly series, 24 steps each");
        assertEquals(LocalDate.of(2025, 12, 1), f.time(23));
    }

    @Test
    void nonNegativeClipsMeansAndBoundsAtZeroAndChangesNothingElse() {
        SeriesTable table = catalogue();
        Forecaster drift = Forecaster.of("drift").horizon(30).levels(0.95);
        ForecastTable raw = drift.forecast(table);
        ForecastTable clipped = drift.nonNegative(true).forecast(table);
        int below = 0;
        for (int row = 0; row < raw.size(); row++) {
            below += raw.lower(row, 0) < 0 ? 1 : 0;
            assertEquals(Math.max(0, raw.mean(row)), clipped.mean(row));
            assertEquals(Math.max(0, raw.lower(row, 0)), clipped.lower(row, 0));
            assertEquals(Math.max(0, raw.upper(row, 0)), clipped.upper(row, 0));
        }
        assertTrue(below > 10, "the falling series' bounds go below zero unclipped: " + below);
    }

    @Test
    void aBoxCoxThatCannotTakeAValueNamesTheValueAndItsTimeForEveryFamily() {
        String[] ids = new String[30];
        Object[] times = new Object[30];
        double[] values = new double[30];
        for (int t = 0; t < 30; t++) {
            ids[t] = "sku";
            times[t] = LocalDate.of(2020, 1, 1).plusMonths(t);
            values[t] = t == 4 ? 0 : 10 + t % 4;
        }
        ForecastTable f = Forecaster.of("auto_arima(lambda=0)", "naive(lambda=0)").horizon(3)
                .forecast(SeriesTable.ofColumns(ids, times, values));
        for (int r = 0; r < 2; r++) {
            assertEquals("sku", f.resultId(r));
            assertTrue(f.resultError(r).contains("lambda = 0 cannot transform the value 0 at 2020-05-01"),
                    f.resultModel(r) + ": " + f.resultError(r));
        }
    }

    @Test
    void badArgumentsAreRejectedNamingThem() {
        assertThrows(IllegalArgumentException.class, () -> Forecaster.of("no_such_model"));
        assertThrows(IllegalArgumentException.class, () -> Forecaster.of("naive", "naive"));
        assertThrows(IllegalArgumentException.class, () -> Forecaster.of().levels(95));
        assertThrows(IllegalArgumentException.class, () -> Forecaster.of().horizon(-1));
        assertThrows(NullPointerException.class, () -> Forecaster.of().forecast(null));
    }

    @Test
    void progressCountsEverySeriesAndModel() {
        List<Integer> done = new java.util.concurrent.CopyOnWriteArrayList<>();
        Forecaster.of("naive", "mean").horizon(3).onProgress(p -> done.add(p.done())).forecast(catalogue());
        assertTrue(!done.isEmpty() && done.stream().allMatch(d -> d <= 6), done.toString());
        assertEquals(6, done.stream().mapToInt(Integer::intValue).max().getAsInt(), done.toString());
    }
}
