package io.lagrs.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * held-back actuals; time on a numeric axis whose ticks fall on calendar boundaries
 * ({@link TimeAxis}). Sized and lettered to stay legible as thumbnails.
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
        RegularSeries s = d.series();
        int last = Math.max(s.length(), d.trainLength() + d.lines().stream().mapToInt(l -> l.mean().length).max()
                .orElse(0)) - 1;
        TimeAxis axis = styleWithTimeAxis(chart, s, first, last, width, small);
        if (d.lines().size() > 3) {
            // more entries than fit in one row under the chart: a column beside it
            chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
            chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        }
        List<Object> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int i = first; i < d.trainLength(); i++) {
            x.add(axis.position(s, i));
            y.add(s.values()[i]);
        }
        boolean several = d.lines().size() > 1;
        for (int m = 0; m < d.lines().size(); m++) {
            Line line = d.lines().get(m);
            if (several) {
                // one band per model, its narrowest level, in the model's colour
                band(chart, axis, s, d.trainLength(), line, 0,
                        line.name() + " " + Numbers.level(d.levelsPercent()[0]) + "%", translucent(color(m), 0x38)).setShowInLegend(false);
                continue;
            }
            // bands widest first, so the narrower one is drawn on top; where they overlap their shades add up
            for (int k = line.lower().length - 1; k >= 0; k--) {
                band(chart, axis, s, d.trainLength(), line, k, Numbers.level(d.levelsPercent()[k]) + "% interval",
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
                fx.add(axis.position(s, d.trainLength() + i));
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
                ax.add(axis.position(s, i));
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
    private static XYSeries band(XYChart chart, TimeAxis axis, RegularSeries s, int trainLength, Line line, int k,
            String name, Color fill) {
        int h = line.mean().length;
        List<Object> bx = new ArrayList<>();
        List<Double> by = new ArrayList<>();
        for (int i = 0; i < h; i++) {
            bx.add(axis.position(s, trainLength + i));
            by.add(finiteOr(line.upper()[k][i], line.mean()[i]));
        }
        for (int i = h - 1; i >= 0; i--) {
            bx.add(axis.position(s, trainLength + i));
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

    /**
     * {@link #style}, with the x axis of grid points {@code first} to {@code last} of {@code s}
     * laid out so that ticks fall on calendar boundaries.
     */
    static TimeAxis styleWithTimeAxis(XYChart chart, RegularSeries s, int first, int last, int width, boolean small) {
        TimeAxis axis = TimeAxis.of(s, first, last);
        style(chart, small);
        double span = last > first ? axis.position(s, last) - axis.position(s, first) : 0;
        chart.getStyler().setXAxisTickMarkSpacingHint(axis.spacingHint(small ? 90 : 110, width, span));
        chart.getStyler().setxAxisTickLabelsFormattingFunction(axis::label);
        return axis;
    }

    private static void style(XYChart chart, boolean small) {
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
