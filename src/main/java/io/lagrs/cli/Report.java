package io.lagrs.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code --plot} directory: a PNG per series (drawn as each series is forecast), an
 * overview grid of a spread of series, and {@code index.html} with the overview, the model
 * table and every chart.
 */
final class Report {
    private static final int GRID_CELLS = 12;
    private static final int GRID_COLUMNS = 3;

    private final Path dir;
    private final LongCsvReader.Catalogue catalogue;
    private final ForecastSettings settings;
    private final String model;
    private final int limit;
    private final int total;
    /** Series shown in the overview: spread evenly over the catalogue. */
    private final Map<Integer, Charts.Data> grid = new ConcurrentHashMap<>();
    private final Map<Integer, String> pngs = new ConcurrentHashMap<>();
    private final List<String[]> rows = new ArrayList<>();
    private int next;
    /** The catalogue positions drawn in the overview. */
    private final java.util.Set<Integer> gridIndices = new java.util.HashSet<>();

    Report(Path dir, LongCsvReader.Catalogue catalogue, ForecastSettings settings, String model, int limit) {
        this.dir = dir;
        this.catalogue = catalogue;
        this.settings = settings;
        this.model = model;
        this.limit = limit;
        this.total = catalogue.series().size();
        // spread over the catalogue, nudged by one more each time so that a catalogue sorted
        // by store and product does not show the same product in every cell
        int step = Math.max(1, total / GRID_CELLS);
        for (int k = 0; k < GRID_CELLS && k < total; k++) {
            gridIndices.add((k * step + k) % total);
        }
    }

    Path index() {
        return dir.resolve("index.html");
    }

    /** Draws series {@code index}'s chart (called from the worker threads). */
    void chart(int index, ForecastCommand.SeriesResult r) {
        if (r.series().length() == 0) {
            return;
        }
        Charts.Data data = data(r);
        if (index < limit) {
            String file = String.format(Locale.ROOT, "series-%05d.png", index);
            try {
                Charts.writePng(Charts.chart(data, Charts.WIDTH, Charts.HEIGHT, false), dir.resolve(file));
            } catch (IOException e) {
                throw new UncheckedIOException(new IOException("cannot write the chart " + dir.resolve(file) + ": "
                        + e.getMessage(), e));
            }
            pngs.put(index, file);
        }
        if (r.ok() && inGrid(index)) {
            grid.put(index, data);
        }
    }

    private boolean inGrid(int index) {
        return gridIndices.contains(index);
    }

    private Charts.Data data(ForecastCommand.SeriesResult r) {
        Modeler.Fit f = r.fit();
        String title = r.series().name() + (f == null ? " (not fitted)" : "  " + f.order());
        String subtitle = r.series().frequencyLabel() + (r.ok() ? "" : ", " + r.error());
        if (r.ok() && !Double.isNaN(r.mase())) {
            subtitle += String.format(Locale.ROOT, "; holdout MASE %.2f, sMAPE %.1f%%", r.mase(), r.smape());
        }
        return new Charts.Data(r.series(), r.trainLength() == 0 ? r.series().length() : r.trainLength(), title,
                subtitle, f == null ? null : f.mean(), f == null ? null : f.lower(), f == null ? null : f.upper(),
                settings.levelsPercent());
    }

    /** Adds a model-table row, in catalogue order. */
    void add(ForecastCommand.SeriesResult r) {
        Modeler.Fit f = r.fit();
        List<String> row = new ArrayList<>(List.of(Integer.toString(next++), r.series().name(),
                f == null ? "" : f.order(), f == null ? "" : Numbers.format(round(f.aicc())), r.ok() ? "ok" : "failed",
                r.ok() ? "" : r.error()));
        if (settings.holdout() != null) {
            row.add(Numbers.format(round(r.mase())));
            row.add(Numbers.format(round(r.smape())));
            for (int k = 0; k < settings.levels().length; k++) {
                row.add(r.coverage() == null ? "" : Numbers.format(round(r.coverage()[k])));
            }
        }
        rows.add(row.toArray(new String[0]));
    }

    private static double round(double v) {
        return Double.isFinite(v) ? Math.round(v * 1000) / 1000.0 : v;
    }

    /** Writes overview.png and index.html. */
    void finish(List<String> summary) throws IOException {
        List<Charts.Data> cells = new ArrayList<>();
        grid.keySet().stream().sorted().forEach(i -> cells.add(grid.get(i)));
        if (!cells.isEmpty()) {
            Charts.writeGrid(cells, Math.min(GRID_COLUMNS, cells.size()), dir.resolve("overview.png"));
        }
        try (AtomicFile html = AtomicFile.create(index())) {
            writeHtml(html.writer(), !cells.isEmpty(), summary);
            html.commit();
        }
    }

    private void writeHtml(BufferedWriter w, boolean overview, List<String> summary) throws IOException {
        w.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>lagrs forecast: "
                + esc(catalogue.source()) + "</title>\n<style>\n"
                + "body{font-family:system-ui,sans-serif;margin:24px;color:#222}\n"
                + "table{border-collapse:collapse;font-size:14px}td,th{padding:3px 8px;border-bottom:1px solid #ddd;text-align:left}\n"
                + "tr.failed td{color:#b00}\n.grid{display:flex;flex-wrap:wrap;gap:8px}\n"
                + ".grid figure{margin:0;width:452px}.grid img{width:450px;border:1px solid #ddd}\n"
                + "figcaption{font-size:13px}\n</style></head><body>\n");
        w.write("<h1>Forecasts</h1>\n<p>Input: " + esc(catalogue.source()) + ", " + rows.size() + " series. Model: "
                + esc(model) + ". Intervals: " + levelsText() + ".</p>\n<pre>");
        for (String line : summary) {
            w.write(esc(line) + "\n");
        }
        w.write("</pre>\n");
        if (overview) {
            w.write("<h2>Overview</h2>\n<img src=\"overview.png\" alt=\"overview of a spread of series\" style=\"max-width:100%\">\n");
        }
        w.write("<h2>Models</h2>\n<table><tr><th>#</th><th>series</th><th>model</th><th>AICc</th><th>status</th><th>error</th>");
        if (settings.holdout() != null) {
            w.write("<th>MASE</th><th>sMAPE %</th>");
            for (double p : settings.levelsPercent()) {
                w.write("<th>coverage " + Numbers.level(p) + "%</th>");
            }
        }
        w.write("</tr>\n");
        for (String[] row : rows) {
            int i = Integer.parseInt(row[0]);
            String name = pngs.containsKey(i) ? "<a href=\"#s" + i + "\">" + esc(row[1]) + "</a>" : esc(row[1]);
            w.write("<tr" + ("failed".equals(row[4]) ? " class=\"failed\"" : "") + "><td>" + (i + 1) + "</td><td>" + name
                    + "</td>");
            for (int c = 2; c < row.length; c++) {
                w.write("<td>" + esc(row[c]) + "</td>");
            }
            w.write("</tr>\n");
        }
        w.write("</table>\n<h2>Every series</h2>\n");
        if (pngs.size() < rows.size()) {
            w.write("<p>Charts of the first " + pngs.size() + " series (--plot-limit).</p>\n");
        }
        w.write("<div class=\"grid\">\n");
        for (String[] row : rows) {
            int i = Integer.parseInt(row[0]);
            String png = pngs.get(i);
            if (png != null) {
                w.write("<figure id=\"s" + i + "\"><a href=\"" + png + "\"><img loading=\"lazy\" src=\"" + png
                        + "\" alt=\"" + esc(row[1]) + "\"></a><figcaption>" + esc(row[1]) + "</figcaption></figure>\n");
            }
        }
        w.write("</div>\n</body></html>\n");
    }

    private String levelsText() {
        List<String> parts = new ArrayList<>();
        for (double p : settings.levelsPercent()) {
            parts.add(Numbers.level(p) + "%");
        }
        return String.join(", ", parts);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
