package io.lagrs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lagrs.table.SeriesTable;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;

/**
 * The ticks XChart places on a chart's time axis fall on month starts (quarter starts for
 * quarterly series) and on Mondays for long daily series: every position XChart asks a label
 * for, while it searches its step and in the end, is recorded and checked.
 */
class TimeAxisTest {
    private static final int[] MONTHLY_LENGTHS = {3, 8, 13, 20, 27, 30, 35, 40, 60, 100, 150, 300};

    @Test
    void monthlyTicksAreMonthStarts() {
        for (int n : MONTHLY_LENGTHS) {
            for (int lines : new int[] {1, 4}) {
                for (boolean small : new boolean[] {false, true}) {
                    RegularSeries s = series(n, 1);
                    checkMonths(s, 12, chart(s, lines, 12, small), 1, n + " months, " + lines + " lines, small " + small);
                }
            }
        }
    }

    @Test
    void quarterlyTicksAreQuarterStarts() {
        for (int n : new int[] {4, 7, 10, 13, 20, 40, 80}) {
            for (boolean small : new boolean[] {false, true}) {
                RegularSeries s = series(n, 3);
                checkMonths(s, 8, chart(s, 1, 8, small), 3, n + " quarters, small " + small);
            }
        }
    }

    @Test
    void longDailyTicksAreMondays() {
        for (int n : new int[] {60, 90, 200, 400}) {
            String[] ids = new String[n];
            Object[] times = new Object[n];
            double[] values = new double[n];
            for (int t = 0; t < n; t++) {
                ids[t] = "d";
                times[t] = LocalDate.of(2023, 3, 3).plusDays(t);
                values[t] = t % 7;
            }
            RegularSeries s = new RegularSeries(SeriesTable.ofColumns(ids, times, values), 0);
            assertEquals(RegularSeries.Axis.WEEKS, s.axis());
            XYChart chart = chart(s, 1, 14, false);
            List<Double> ticks = ticks(chart);
            assertTrue(ticks.size() >= 2, n + " days: " + ticks);
            for (double x : ticks) {
                assertEquals(Math.rint(x), x, 1e-9, n + " days: tick at week " + x);
                LocalDate day = LocalDate.parse(chart.getStyler().getxAxisTickLabelsFormattingFunction().apply(x));
                assertEquals(DayOfWeek.MONDAY, day.getDayOfWeek(), n + " days: " + day);
            }
        }
    }

    @Test
    void monthLabelsNameTheMonthOfTheirPosition() {
        RegularSeries s = series(24, 1);
        TimeAxis axis = TimeAxis.of(s, 0, 23);
        assertEquals(1, axis.monthsPerUnit());
        assertEquals("2019-05", axis.label(axis.position(s, 4)));
        RegularSeries longer = series(48, 1);
        TimeAxis years = TimeAxis.of(longer, 0, 47);
        assertEquals(12, years.monthsPerUnit(), "three years and more are drawn in years");
        assertEquals("2019-01", years.label(2019.0));
        assertEquals("2019-07", years.label(2019.5));
        assertEquals("2022-12", years.label(years.position(longer, 47)));
    }

    /** Monthly (step 1) or quarterly (step 3) values from January 2019. */
    private static RegularSeries series(int n, int step) {
        String[] ids = new String[n];
        Object[] times = new Object[n];
        double[] values = new double[n];
        for (int t = 0; t < n; t++) {
            ids[t] = "m";
            times[t] = YearMonth.of(2019, 1).plusMonths((long) t * step);
            values[t] = 100 + 10 * Math.sin(t);
        }
        return new RegularSeries(SeriesTable.ofColumns(ids, times, values), 0);
    }

    private static XYChart chart(RegularSeries s, int lines, int h, boolean small) {
        List<Charts.Line> forecasts = new ArrayList<>();
        for (int m = 0; m < lines; m++) {
            double[] mean = new double[h];
            Arrays.fill(mean, 100 + m);
            double[][] lower = {mean.clone()};
            double[][] upper = {mean.clone()};
            forecasts.add(new Charts.Line("m" + m, mean, lower, upper));
        }
        Charts.Data data = new Charts.Data(s, s.length(), "t", "", forecasts, new double[] {95});
        return small ? Charts.chart(data, 460, 290, true) : Charts.chart(data, Charts.WIDTH, Charts.HEIGHT, false);
    }

    /**
     * The x values XChart labelled while drawing the chart (its tick positions in data space),
     * except the axis' ends: XChart also labels those, to see whether the format tells them apart.
     */
    private static List<Double> ticks(XYChart chart) {
        List<Double> asked = new ArrayList<>();
        Function<Double, String> label = chart.getStyler().getxAxisTickLabelsFormattingFunction();
        double min = chart.getSeriesMap().values().stream().mapToDouble(v -> Arrays.stream(v.getXData()).min()
                .getAsDouble()).min().getAsDouble();
        double max = chart.getSeriesMap().values().stream().mapToDouble(v -> Arrays.stream(v.getXData()).max()
                .getAsDouble()).max().getAsDouble();
        chart.getStyler().setxAxisTickLabelsFormattingFunction(x -> {
            if (x != min && x != max) {
                asked.add(x);
            }
            return label.apply(x);
        });
        BitmapEncoder.getBufferedImage(chart);
        chart.getStyler().setxAxisTickLabelsFormattingFunction(label);
        return asked;
    }

    private static void checkMonths(RegularSeries s, int h, XYChart chart, int monthsApart, String what) {
        List<Double> ticks = ticks(chart);
        TimeAxis axis = TimeAxis.of(s, 0, s.length() + h - 1);
        double from = axis.position(s, 0);
        double to = axis.position(s, s.length() + h - 1);
        long inside = ticks.stream().filter(x -> x >= from - 1e-9 && x <= to + 1e-9).count();
        assertTrue(inside >= 1, what + ": no tick inside the data, " + ticks);
        long perUnit = axis.monthsPerUnit();
        for (double x : ticks) {
            double months = x * perUnit;
            assertEquals(Math.rint(months), months, 1e-6, what + ": tick at " + x + " is not a whole month");
            long month = Math.round(months);
            assertEquals(0, Math.floorMod(month, monthsApart), what + ": tick at month " + month);
            String text = chart.getStyler().getxAxisTickLabelsFormattingFunction().apply(x);
            assertEquals(YearMonth.of(Math.toIntExact(Math.floorDiv(month, 12)), (int) Math.floorMod(month, 12) + 1)
                    .toString(), text, what);
        }
    }
}
