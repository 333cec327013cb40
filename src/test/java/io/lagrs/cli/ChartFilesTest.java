package io.lagrs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lagrs.table.SeriesTable;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Chart files named after the series, axes, legends and the history a long chart shows. */
class ChartFilesTest {
    @Test
    void pngFilesAreNamedAfterTheSanitisedIdAndNeverCollide() {
        assertEquals("AirPassengers.png", Report.pngName("AirPassengers", 7));
        assertEquals("sku-1_a.b.png", Report.pngName("sku-1_a.b", 0));
        assertEquals("store01_sku001-3.png", Report.pngName("store01/sku001", 3));
        assertNotEquals(Report.pngName("a/b", 1), Report.pngName("a:b", 2));
        assertEquals("_.._etc_passwd-9.png", Report.pngName("/../etc/passwd", 9));
        assertEquals("_hidden-0.png", Report.pngName(".hidden", 0));
        assertTrue(Report.pngName("x".repeat(500), 1).length() < 120);
    }

    @Test
    void aLongDailyChartSaysHowMuchHistoryItShowsAndTicksFallOnMondays() {
        int n = 400;
        String[] ids = new String[n];
        Object[] times = new Object[n];
        double[] values = new double[n];
        for (int t = 0; t < n; t++) {
            ids[t] = "d";
            times[t] = LocalDate.of(2023, 1, 1).plusDays(t);
            values[t] = 10 + t % 7;
        }
        RegularSeries s = new RegularSeries(SeriesTable.ofColumns(ids, times, values), 0);
        Charts.Data data = new Charts.Data(s, n, "d", "daily", List.of(new Charts.Line("naive", new double[] {1, 2},
                new double[][] {{0, 1}}, new double[][] {{2, 3}})), new double[] {95});
        var chart = Charts.chart(data, Charts.WIDTH, Charts.HEIGHT, false);
        assertEquals("daily; last 240 of 400 points shown", chart.getXAxisTitle());
        assertEquals("value", chart.getYAxisTitle());
        // weeks counted from a Monday: a whole tick is a Monday, labelled with its date
        var label = chart.getStyler().getxAxisTickLabelsFormattingFunction();
        assertEquals("2023-01-02", label.apply(2765.0), "week 2765 after 1970-01-05 is Monday 2023-01-02");
        var small = Charts.chart(data, 460, 290, true);
        assertTrue(small.getStyler().isLegendVisible(), "the overview's cells have a legend");
        assertEquals("time, last 240 of 400 points shown", small.getXAxisTitle());
    }
}
