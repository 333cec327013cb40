package io.lagrs.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Forecast charts (XChart, PNG): the history, the forecast with its interval bands, and the
 * held-back actuals; time on a date axis. Sized and lettered to stay legible as thumbnails.
 * With several models, each model's forecast and its narrowest band in a colour of its own,
 * named in the legend.
 */
final class Charts {
    static final int WIDTH = 900;
    static final int HEIGHT = 460;
    private static final int MAX_HISTORY = 240;
    private static final Color HISTORY = new Color(0x26, 0x26, 0x26);
    private static final Color FORECAST = new Color(0x1f, 0x5f, 0xbf);
    private static final Color ACTUAL = new Color(0xd6, 0x27, 0x28);
    private static final Color[] BANDS = {new Color(0x1f, 0x5f, 0xbf, 0x30), new Color(0x1f, 0x5f, 0xbf, 0x58)};
    /** Distinct on white and from the history's black and the held-back red (Tableau's hues). */
    private static final Color[] MODEL_COLORS = {FORECAST, new Color(0xff, 0x7f, 0x0e), new Color(0x2c, 0xa0, 0x2c),
        new Color(0x94, 0x67, 0xbd), new Color(0x8c, 0x56, 0x4b), new Color(0xe3, 0x77, 0xc2),
        new Color(0x17, 0xbe, 0xcf), new Color(0xbc, 0xbd, 0x22)};

    private Charts() {
    }

    /** One model's forecast on a chart: its name in the legend, the mean and the bounds per level. */
    record Line(String name, double[] mean, double[][] lower, double[][] upper) {
    }

    /** What one chart shows: the history, each model's forecast (none if no model forecast it). */
    record Data(RegularSeries series, int trainLength, String title, String subtitle, List<Line> lines,
            double[] levelsPercent) {
    }

    /** One series' chart, {@code small} for grid cells (smaller lettering and legend). */
    static XYChart chart(Data d, int width, int height, boolean small) {
        int first = Math.max(0, d.trainLength() - MAX_HISTORY);
        // a long series shows its last MAX_HISTORY points: the axis says so
        String shown = first == 0 ? "" : String.format(Locale.ROOT, "last %,d of %,d points shown", MAX_HISTORY,
                d.trainLength());
        String xTitle = small ? (shown.isEmpty() ? "time" : "time, " + shown)
                : d.subtitle() + (shown.isEmpty() ? "" : (d.subtitle().isEmpty() ? "" : "; ") + shown);
        XYChart chart = new XYChartBuilder().width(width).height(height).title(d.title())
                .xAxisTitle(xTitle).yAxisTitle("value").build();
        style(chart, d.series(), small);
        if (d.lines().size() > 3) {
            // more entries than fit in one row under the chart: a column beside it
            chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
            chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        }
        RegularSeries s = d.series();
        List<Object> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int i = first; i < d.trainLength(); i++) {
            x.add(axisValue(s, i));
            y.add(s.values()[i]);
        }
        boolean several = d.lines().size() > 1;
        for (int m = 0; m < d.lines().size(); m++) {
            Line line = d.lines().get(m);
            if (several) {
                // one band per model, its narrowest level, in the model's colour
                band(chart, s, d.trainLength(), line, 0, line.name() + " " + Numbers.level(d.levelsPercent()[0]) + "%",
                        translucent(color(m), 0x38)).setShowInLegend(false);
                continue;
            }
            // bands widest first, so the narrower one is drawn on top; where they overlap their shades add up
            for (int k = line.lower().length - 1; k >= 0; k--) {
                band(chart, s, d.trainLength(), line, k, Numbers.level(d.levelsPercent()[k]) + "% interval",
                        BANDS[Math.min(BANDS.length - 1, line.lower().length - 1 - k)]);
            }
        }
        XYSeries history = chart.addSeries("history", x, y);
        history.setMarker(SeriesMarkers.NONE);
        history.setLineColor(HISTORY);
        history.setLineStyle(new BasicStroke(small ? 1.6f : 1.8f));
        for (int m = 0; m < d.lines().size(); m++) {
            Line line = d.lines().get(m);
            List<Object> fx = new ArrayList<>();
            List<Double> fy = new ArrayList<>();
            for (int i = 0; i < line.mean().length; i++) {
                fx.add(axisValue(s, d.trainLength() + i));
                fy.add(line.mean()[i]);
            }
            XYSeries forecast = chart.addSeries(several ? line.name() : "forecast", fx, fy);
            forecast.setMarker(SeriesMarkers.NONE);
            forecast.setLineColor(several ? color(m) : FORECAST);
            forecast.setLineStyle(new BasicStroke(small ? 2f : 2.4f));
        }
        if (d.trainLength() < s.length()) {
            List<Object> ax = new ArrayList<>();
            List<Double> ay = new ArrayList<>();
            for (int i = d.trainLength(); i < s.length(); i++) {
                ax.add(axisValue(s, i));
                ay.add(s.values()[i]);
            }
            XYSeries actual = chart.addSeries("held back", ax, ay);
            actual.setMarker(SeriesMarkers.CIRCLE);
            actual.setMarkerColor(ACTUAL);
            actual.setLineColor(ACTUAL);
            actual.setLineStyle(new BasicStroke(1.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
                    new float[] {4f, 4f}, 0f));
        }
        return chart;
    }

    /** The interval band of level k of a line, as a filled polygon (NaN bounds drawn at the mean). */
    private static XYSeries band(XYChart chart, RegularSeries s, int trainLength, Line line, int k, String name,
            Color fill) {
        int h = line.mean().length;
        List<Object> bx = new ArrayList<>();
        List<Double> by = new ArrayList<>();
        for (int i = 0; i < h; i++) {
            bx.add(axisValue(s, trainLength + i));
            by.add(finiteOr(line.upper()[k][i], line.mean()[i]));
        }
        for (int i = h - 1; i >= 0; i--) {
            bx.add(axisValue(s, trainLength + i));
            by.add(finiteOr(line.lower()[k][i], line.mean()[i]));
        }
        XYSeries band = chart.addSeries(name, bx, by);
        band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        band.setMarker(SeriesMarkers.NONE);
        band.setFillColor(fill);
        band.setLineColor(new Color(0, 0, 0, 0));
        return band;
    }

    /** The colour of model m when several are drawn: distinct hues, the first the one-model blue. */
    static Color color(int m) {
        return MODEL_COLORS[m % MODEL_COLORS.length];
    }

    private static Color translucent(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    static void style(XYChart chart, RegularSeries s, boolean small) {
        var st = chart.getStyler();
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setPlotBorderVisible(false);
        st.setPlotGridLinesColor(new Color(0xe4, 0xe4, 0xe4));
        st.setChartTitleBoxVisible(false);
        st.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, small ? 15 : 20));
        st.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, small ? 12 : 15));
        st.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, small ? 12 : 14));
        st.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        st.setLegendVisible(true);
        if (small) {
            st.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
            st.setLegendPadding(2);
        }
        st.setLegendPosition(Styler.LegendPosition.OutsideS);
        st.setLegendLayout(Styler.LegendLayout.Horizontal);
        st.setLegendBorderColor(new Color(0xcc, 0xcc, 0xcc));
        st.setLegendBackgroundColor(new Color(255, 255, 255, 220));
        st.setChartPadding(small ? 6 : 12);
        st.setMarkerSize(small ? 4 : 6);
        st.setAntiAlias(true);
        st.setLocale(Locale.ROOT);
        st.setYAxisDecimalPattern("#,##0.##");
        st.setXAxisTickMarkSpacingHint(small ? 90 : 110);
        st.setxAxisTickLabelsFormattingFunction(x -> tickLabel(s, x));
    }

    /**
     * Calendar times are drawn on a numeric axis, as R's plot of a ts: months as decimal years
     * (ticks on whole years read "2019"), days and timestamps as (fractional) epoch days; each
     * tick is labelled with the date it stands for.
     */
    private static String tickLabel(RegularSeries s, double x) {
        switch (s.axis()) {
            case MONTHS: {
                long months = Math.round(x * 12);
                java.time.YearMonth m = (java.time.YearMonth) io.lagrs.table.TimeType.MONTH.value(months);
                return m.getMonthValue() == 1 ? Integer.toString(m.getYear())
                        : m.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH) + " " + m.getYear();
            }
            case DAYS:
                return LocalDate.ofEpochDay(Math.round(x)).toString();
            case WEEKS:
                return LocalDate.ofEpochDay(Math.round(x * 7) + MONDAY).toString();
            case SECONDS: {
                java.time.LocalDateTime t = java.time.LocalDateTime.ofEpochSecond(Math.round(x * 86_400), 0, ZoneOffset.UTC);
                return t.getHour() == 0 && t.getMinute() == 0 ? t.toLocalDate().toString()
                        : t.toLocalDate() + String.format(Locale.ROOT, " %02d:%02d", t.getHour(), t.getMinute());
            }
            default:
                return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
        }
    }

    /** The x value of grid point i: a Date for calendar times, a number otherwise. */
    static Object axisValue(RegularSeries s, int i) {
        long key = s.axisKey(i);
        return switch (s.axis()) {
            case NUMBER, DAYS -> (double) key;
            case WEEKS -> (key - MONDAY) / 7.0;
            case MONTHS -> key / 12.0;
            case SECONDS -> key / 86_400.0;
        };
    }

    /** 1970-01-05, the first Monday of the epoch: weeks counted from it make whole ticks Mondays. */
    private static final long MONDAY = 4;

    private static double finiteOr(double v, double fallback) {
        return Double.isFinite(v) ? v : fallback;
    }

    /** Writes one chart as PNG. */
    static void writePng(XYChart chart, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        }
    }

    /** Writes a grid of small charts, {@code columns} wide, as one PNG. */
    static void writeGrid(List<Data> data, int columns, Path file) throws IOException {
        List<XYChart> charts = new ArrayList<>();
        for (Data d : data) {
            charts.add(chart(d, 460, 290, true));
        }
        int rows = (charts.size() + columns - 1) / columns;
        while (charts.size() < rows * columns) {
            XYChart blank = new XYChartBuilder().width(460).height(290).title(" ").build();
            blank.getStyler().setChartBackgroundColor(Color.WHITE).setPlotBackgroundColor(Color.WHITE)
                    .setPlotBorderVisible(false).setLegendVisible(false);
            blank.getStyler().setAxisTicksVisible(false);
            blank.getStyler().setPlotGridLinesVisible(false);
            blank.addSeries(" ", new double[] {0}, new double[] {0}).setMarker(SeriesMarkers.NONE);
            charts.add(blank);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            BitmapEncoder.saveBitmap(charts, rows, columns, out, BitmapEncoder.BitmapFormat.PNG);
        }
    }
}
