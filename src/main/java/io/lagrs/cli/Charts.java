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
 */
final class Charts {
    static final int WIDTH = 900;
    static final int HEIGHT = 460;
    private static final int MAX_HISTORY = 240;
    private static final Color HISTORY = new Color(0x26, 0x26, 0x26);
    private static final Color FORECAST = new Color(0x1f, 0x5f, 0xbf);
    private static final Color ACTUAL = new Color(0xd6, 0x27, 0x28);
    private static final Color[] BANDS = {new Color(0x1f, 0x5f, 0xbf, 0x30), new Color(0x1f, 0x5f, 0xbf, 0x58)};

    private Charts() {
    }

    /** What one chart shows. */
    record Data(RegularSeries series, int trainLength, String title, String subtitle, double[] mean, double[][] lower,
            double[][] upper, double[] levelsPercent) {
    }

    /** One series' chart, {@code scale} 1 for a full chart, smaller lettering for grid cells. */
    static XYChart chart(Data d, int width, int height, boolean small) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(d.title())
                .xAxisTitle(small ? null : d.subtitle()).yAxisTitle(null).build();
        style(chart, d.series(), small);
        RegularSeries s = d.series();
        int first = Math.max(0, d.trainLength() - MAX_HISTORY);
        List<Object> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int i = first; i < d.trainLength(); i++) {
            x.add(axisValue(s, i));
            y.add(s.values()[i]);
        }
        if (d.mean() != null) {
            int h = d.mean().length;
            // bands widest first, so the narrower one is drawn on top
            for (int k = d.lower().length - 1; k >= 0; k--) {
                List<Object> bx = new ArrayList<>();
                List<Double> by = new ArrayList<>();
                for (int i = 0; i < h; i++) {
                    bx.add(axisValue(s, d.trainLength() + i));
                    by.add(finiteOr(d.upper()[k][i], d.mean()[i]));
                }
                for (int i = h - 1; i >= 0; i--) {
                    bx.add(axisValue(s, d.trainLength() + i));
                    by.add(finiteOr(d.lower()[k][i], d.mean()[i]));
                }
                XYSeries band = chart.addSeries(Numbers.level(d.levelsPercent()[k]) + "% interval", bx, by);
                band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
                band.setMarker(SeriesMarkers.NONE);
                // the widest band lightest; where bands overlap their shades add up
                band.setFillColor(BANDS[Math.min(BANDS.length - 1, d.lower().length - 1 - k)]);
                band.setLineColor(new Color(0, 0, 0, 0));
            }
        }
        XYSeries history = chart.addSeries("history", x, y);
        history.setMarker(SeriesMarkers.NONE);
        history.setLineColor(HISTORY);
        history.setLineStyle(new BasicStroke(small ? 1.6f : 1.8f));
        if (d.mean() != null) {
            List<Object> fx = new ArrayList<>();
            List<Double> fy = new ArrayList<>();
            for (int i = 0; i < d.mean().length; i++) {
                fx.add(axisValue(s, d.trainLength() + i));
                fy.add(d.mean()[i]);
            }
            XYSeries forecast = chart.addSeries("forecast", fx, fy);
            forecast.setMarker(SeriesMarkers.NONE);
            forecast.setLineColor(FORECAST);
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

    private static void style(XYChart chart, RegularSeries s, boolean small) {
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
        st.setLegendVisible(!small);
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
        switch (s.unit()) {
            case MONTHS: {
                long months = Math.round(x * 12);
                java.time.YearMonth m = TimeFormat.yearMonth(months);
                return m.getMonthValue() == 1 ? Integer.toString(m.getYear())
                        : m.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH) + " " + m.getYear();
            }
            case DAYS:
                return LocalDate.ofEpochDay(Math.round(x)).toString();
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
    private static Object axisValue(RegularSeries s, int i) {
        long key = s.key(i);
        return switch (s.unit()) {
            case NUMBER, DAYS -> (double) key;
            case MONTHS -> key / 12.0;
            case SECONDS -> key / 86_400.0;
        };
    }

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
