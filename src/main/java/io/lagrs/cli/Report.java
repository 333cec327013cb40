package io.lagrs.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The {@code --plot} directory: a PNG per series (drawn as each chunk of series is forecast),
 * an overview grid of a spread of series, and {@code index.html} with the overview, the model
 * table (a row per series and model) and every chart.
 */
final class Report {
    private static final int GRID_CELLS = 12;
    private static final int GRID_COLUMNS = 3;

    private final Path dir;
    private final io.lagrs.table.SeriesTable catalogue;
    private final ForecastSettings settings;
    private final int limit;
    private final int total;
    /** Series shown in the overview: spread evenly over the catalogue. */
    private final Map<Integer, Charts.Data> grid = new ConcurrentHashMap<>();
    private final Map<Integer, Png> pngs = new ConcurrentHashMap<>();
    /** Model-table rows: catalogue index, series name, whether it failed, then the cells. */
    private final List<Row> rows = new ArrayList<>();
    private int seriesCount;
    /** The catalogue positions drawn in the overview. */
    private final Set<Integer> gridIndices = new HashSet<>();

    private record Row(int index, String series, boolean failed, List<String> cells) {
    }

    private record Png(String file, String series) {
    }

    Report(Path dir, io.lagrs.table.SeriesTable catalogue, ForecastSettings settings, int limit) {
        this.dir = dir;
        this.catalogue = catalogue;
        this.settings = settings;
        this.limit = limit;
        this.total = catalogue.size();
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

    /**
     * Draws the charts of a chunk of results on {@code threads} threads (drawing a PNG takes
     * longer than fitting most series) and keeps the overview's cells.
     */
    void chart(List<SeriesResult> results, int threads) throws IOException {
        List<Callable<Void>> work = new ArrayList<>();
        for (SeriesResult r : results) {
            if (r.series().length() > 0 && (r.index() < limit || gridIndices.contains(r.index()))) {
                work.add(() -> {
                    chart(r);
                    return null;
                });
            }
        }
        if (work.isEmpty()) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, work.size()), r -> {
            Thread t = new Thread(r, "lagrs-charts");
            t.setDaemon(true);
            return t;
        });
        try {
            for (Future<Void> f : pool.invokeAll(work)) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while drawing the charts", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private void chart(SeriesResult r) {
        Charts.Data data = data(r);
        if (r.index() < limit) {
            String file = pngName(r.series().name(), r.index());
            try {
                Charts.writePng(Charts.chart(data, Charts.WIDTH, Charts.HEIGHT, false), dir.resolve(file));
            } catch (IOException e) {
                throw new UncheckedIOException(new IOException("cannot write the chart " + dir.resolve(file) + ": "
                        + e.getMessage(), e));
            }
            pngs.put(r.index(), new Png(file, r.series().name()));
        }
        if (r.anyOk() && gridIndices.contains(r.index())) {
            grid.put(r.index(), data);
        }
    }

    /**
     * The chart file of a series: its id with every character but letters, digits, '.', '_'
     * and '-' made '_' (and no leading '.'); an id that had to change gets its catalogue
     * position appended, so two ids that change alike ("a/b", "a:b") never share a file.
     */
    static String pngName(String id, int index) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < id.length() && s.length() < 100; i++) {
            char c = id.charAt(i);
            boolean plain = c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' && i > 0);
            s.append(plain ? c : '_');
        }
        String name = s.toString();
        return (name.equals(id) ? name : name + "-" + index) + ".png";
    }

    private Charts.Data data(SeriesResult r) {
        List<Charts.Line> lines = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (int k = 0; k < r.models().size(); k++) {
            SeriesResult.ModelResult m = r.models().get(k);
            String name = settings.models().get(k).name();
            if (m.ok()) {
                // several: the legend names each model as given (their labels are in the table)
                lines.add(new Charts.Line(settings.severalModels() ? name : m.label(), m.mean(), m.lower(),
                        m.upper()));
            } else {
                failures.add(settings.severalModels() ? name + " " + m.error() : m.error());
            }
        }
        String title = r.series().name();
        if (lines.isEmpty()) {
            title += " (not fitted)";
        } else if (!settings.severalModels()) {
            title += "  " + lines.get(0).name();
        }
        String subtitle = r.series().frequencyLabel() + (failures.isEmpty() ? "" : ", " + String.join("; ", failures));
        SeriesResult.ModelResult first = r.models().get(0);
        if (!settings.severalModels() && first.ok() && !Double.isNaN(first.mase())) {
            subtitle += String.format(Locale.ROOT, "; holdout MASE %.2f, sMAPE %.1f%%", first.mase(), first.smape());
        }
        return new Charts.Data(r.series(), r.trainLength() == 0 ? r.series().length() : r.trainLength(), title,
                subtitle, lines, settings.levelsPercent());
    }

    /** Adds the series' model-table rows (one per model), in catalogue order. */
    void add(SeriesResult r) {
        seriesCount++;
        for (int k = 0; k < r.models().size(); k++) {
            SeriesResult.ModelResult m = r.models().get(k);
            List<String> cells = new ArrayList<>();
            if (settings.severalModels()) {
                cells.add(settings.models().get(k).name());
            }
            cells.addAll(List.of(m.ok() ? m.label() : "", Numbers.format(round(m.aicc())), m.ok() ? "ok" : "failed",
                    m.ok() ? "" : m.error()));
            if (settings.holdout() != null) {
                cells.add(Numbers.format(round(m.mase())));
                cells.add(Numbers.format(round(m.smape())));
                for (int j = 0; j < settings.levels().length; j++) {
                    cells.add(m.coverage() == null ? "" : Numbers.format(round(m.coverage()[j])));
                }
            }
            rows.add(new Row(r.index(), r.series().name(), !m.ok(), cells));
        }
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
        w.write("<h1>Forecasts</h1>\n<p>Input: " + esc(catalogue.source()) + ", " + seriesCount + " series. "
                + (settings.severalModels() ? "Models: " : "Model: ") + esc(modelsText()) + ". Intervals: "
                + levelsText() + ".</p>\n<pre>");
        for (String line : summary) {
            w.write(esc(line) + "\n");
        }
        w.write("</pre>\n");
        if (overview) {
            w.write("<h2>Overview</h2>\n<img src=\"overview.png\" alt=\"overview of a spread of series\" style=\"max-width:100%\">\n");
        }
        w.write("<h2>Models</h2>\n<table><tr><th>#</th><th>series</th>"
                + (settings.severalModels() ? "<th>model</th><th>fitted</th>" : "<th>model</th>")
                + "<th>AICc</th><th>status</th><th>error</th>");
        if (settings.holdout() != null) {
            w.write("<th>MASE</th><th>sMAPE %</th>");
            for (double p : settings.levelsPercent()) {
                w.write("<th>coverage " + Numbers.level(p) + "%</th>");
            }
        }
        w.write("</tr>\n");
        for (Row row : rows) {
            int i = row.index();
            String name = pngs.containsKey(i) ? "<a href=\"#s" + i + "\">" + esc(row.series()) + "</a>"
                    : esc(row.series());
            w.write("<tr" + (row.failed() ? " class=\"failed\"" : "") + "><td>" + (i + 1) + "</td><td>" + name
                    + "</td>");
            for (String cell : row.cells()) {
                w.write("<td>" + esc(cell) + "</td>");
            }
            w.write("</tr>\n");
        }
        w.write("</table>\n<h2>Every series</h2>\n");
        if (pngs.size() < seriesCount) {
            w.write("<p>Charts of the first " + pngs.size() + " series (--plot-limit).</p>\n");
        }
        w.write("<div class=\"grid\">\n");
        for (int i : new TreeSet<>(pngs.keySet())) {
            String png = pngs.get(i).file();
            String name = pngs.get(i).series();
            w.write("<figure id=\"s" + i + "\"><a href=\"" + png + "\"><img loading=\"lazy\" src=\"" + png
                    + "\" alt=\"" + esc(name) + "\"></a><figcaption>" + esc(name) + "</figcaption></figure>\n");
        }
        w.write("</div>\n</body></html>\n");
    }

    /** The models as given; a model without [m] takes each series' season. */
    private String modelsText() {
        List<String> names = new ArrayList<>();
        settings.models().forEach(m -> names.add(m.name()));
        return String.join(", ", names) + (settings.season() != null ? " (season " + settings.season() + ")"
                : " (each series' season where the model takes one)");
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
