package io.lagrs.cli;

import io.lagrs.CrossValidationResult;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The charts of {@code cv --plot DIR}: per series its actuals and each window's forecasts per
 * model (a colour per model, as {@link Charts}); {@code errors.png}, the sMAPE of each model by
 * step ahead over every series and window (a scale-free error, so that series of any size
 * weigh alike); and {@code index.html} showing them.
 */
final class CvCharts {
    /** Windows are drawn after this many seasons (or 24 points) of history before the first cutoff. */
    private static final int CONTEXT = 24;

    private CvCharts() {
    }

    static void write(Path dir, List<CvTables.Group> groups, List<String> names, List<Double> levels, int limit)
            throws IOException {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UserError("cannot create the plot directory " + dir + ": " + e.getMessage(), e);
        }
        List<String[]> pictures = new ArrayList<>();
        int index = 0;
        for (CvTables.Group g : groups) {
            for (int j = 0; j < g.series().size(); j++, index++) {
                if (pictures.size() >= limit || g.result().seriesError(j) != null) {
                    continue;
                }
                RegularSeries s = g.series().get(j);
                String file = Report.pngName(s.name(), index);
                Charts.writePng(windows(s, j, g.result(), names), dir.resolve(file));
                pictures.add(new String[] {file, s.name()});
            }
        }
        if (!groups.isEmpty()) {
            Charts.writePng(errors(groups, names), dir.resolve("errors.png"));
        }
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("index.html"), StandardCharsets.UTF_8)) {
            w.write("<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>lagrs cv</title></head><body>\n");
            w.write("<h1>Cross-validation of " + esc(String.join(", ", names)) + "</h1>\n");
            w.write("<h2>sMAPE by step ahead</h2>\n<img src=\"errors.png\" alt=\"errors by model and step\">\n");
            w.write("<h2>Windows per series</h2>\n");
            for (String[] p : pictures) {
                w.write("<div><img src=\"" + esc(p[0]) + "\" alt=\"" + esc(p[1]) + "\" loading=\"lazy\"></div>\n");
            }
            w.write("</body></html>\n");
        }
    }

    /** Series j of a group: its actuals from a little before the first window, every window's means. */
    static XYChart windows(RegularSeries s, int j, CrossValidationResult r, List<String> names) {
        int[] owner = r.series();
        int[] time = r.times();
        int[] cutoff = r.cutoffs();
        int firstRow = -1;
        int lastRow = -1;
        for (int i = 0; i < owner.length; i++) {
            if (owner[i] == j) {
                firstRow = firstRow < 0 ? i : firstRow;
                lastRow = i;
            }
        }
        XYChart chart = new XYChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT).title(s.name())
                .xAxisTitle("windows of " + r.horizon() + " steps; cutoffs at their first point").yAxisTitle("value")
                .build();
        int from = Math.max(0, cutoff[firstRow] - Math.max(CONTEXT, 2 * s.season()));
        TimeAxis axis = Charts.styleWithTimeAxis(chart, s, from, s.length() - 1, Charts.WIDTH, false);
        List<Object> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int t = from; t < s.length(); t++) {
            x.add(axis.position(s, t));
            y.add(s.values()[t]);
        }
        XYSeries actual = chart.addSeries("actual", x, y);
        actual.setMarker(SeriesMarkers.NONE);
        actual.setLineColor(new Color(0x26, 0x26, 0x26));
        for (int m = 0; m < names.size(); m++) {
            double[] mean = r.mean(m);
            int window = 0;
            for (int i = firstRow; i <= lastRow; ) {
                // one window: the rows of one cutoff, drawn from the cutoff's actual
                int c = cutoff[i];
                List<Object> fx = new ArrayList<>(List.of(axis.position(s, c)));
                List<Double> fy = new ArrayList<>(List.of(s.values()[c]));
                for (; i <= lastRow && cutoff[i] == c; i++) {
                    fx.add(axis.position(s, time[i]));
                    fy.add(mean[i]);
                }
                if (fy.stream().skip(1).allMatch(v -> Double.isNaN(v))) {
                    continue; // this model failed the window
                }
                XYSeries f = chart.addSeries(names.get(m) + (window == 0 ? "" : " #" + window), fx, fy);
                f.setShowInLegend(window == 0);
                f.setMarker(SeriesMarkers.NONE);
                f.setLineColor(Charts.color(m));
                f.setLineStyle(new BasicStroke(2f));
                window++;
            }
        }
        return chart;
    }

    /** sMAPE (R's accuracy: 200 |a - f| / (|a| + |f|)) per model and step ahead, over every row. */
    static double[][] smapeByStep(List<CvTables.Group> groups, int models) {
        int h = groups.isEmpty() ? 0 : groups.get(0).result().horizon();
        double[][] sum = new double[models][h];
        int[][] count = new int[models][h];
        for (CvTables.Group g : groups) {
            CrossValidationResult r = g.result();
            int[] time = r.times();
            int[] cutoff = r.cutoffs();
            double[] actual = r.actual();
            for (int m = 0; m < models; m++) {
                double[] mean = r.mean(m);
                for (int i = 0; i < actual.length; i++) {
                    double e = 200 * Math.abs(actual[i] - mean[i]) / (Math.abs(actual[i]) + Math.abs(mean[i]));
                    if (Double.isFinite(e)) {
                        sum[m][time[i] - cutoff[i] - 1] += e;
                        count[m][time[i] - cutoff[i] - 1]++;
                    }
                }
            }
        }
        double[][] out = new double[models][h];
        for (int m = 0; m < models; m++) {
            for (int k = 0; k < h; k++) {
                out[m][k] = count[m][k] == 0 ? Double.NaN : sum[m][k] / count[m][k];
            }
        }
        return out;
    }

    private static XYChart errors(List<CvTables.Group> groups, List<String> names) {
        double[][] smape = smapeByStep(groups, names.size());
        XYChart chart = new XYChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT)
                .title("sMAPE by step ahead, over every series and window").xAxisTitle("step ahead")
                .yAxisTitle("sMAPE (%)").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE).setPlotBackgroundColor(Color.WHITE)
                .setPlotBorderVisible(false);
        chart.getStyler().setLocale(Locale.ROOT);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Horizontal);
        for (int m = 0; m < names.size(); m++) {
            double[] steps = new double[smape[m].length];
            for (int k = 0; k < steps.length; k++) {
                steps[k] = k + 1;
            }
            if (java.util.Arrays.stream(smape[m]).allMatch(Double::isNaN)) {
                continue; // no forecast of this model anywhere
            }
            XYSeries line = chart.addSeries(names.get(m), steps, smape[m]);
            line.setLineColor(Charts.color(m));
            line.setMarkerColor(Charts.color(m));
            line.setMarker(SeriesMarkers.CIRCLE);
        }
        return chart;
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
