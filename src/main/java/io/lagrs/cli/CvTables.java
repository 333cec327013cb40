package io.lagrs.cli;

import io.lagrs.CrossValidationResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The two tables of the {@code cv} command, over the groups of series it ran apart (one per
 * season: each group's model texts are completed with its season), models named as given.
 */
final class CvTables {
    private CvTables() {
    }

    /** Series of one season and their cross-validation, models in the order of the run's names. */
    record Group(List<RegularSeries> series, CrossValidationResult result) {
    }

    /** series,time,cutoff,actual, then per model its mean and, per level, lo and hi. */
    static void writeLong(CsvWriter out, List<Group> groups, List<String> names, List<Double> levels)
            throws IOException {
        List<String> header = new ArrayList<>(List.of("series", "time", "cutoff", "actual"));
        for (String spec : names) {
            header.add(spec);
            for (double level : levels) {
                header.add(spec + "-lo-" + Numbers.format(level));
                header.add(spec + "-hi-" + Numbers.format(level));
            }
        }
        out.plainRow(header);
        for (Group g : groups) {
            CrossValidationResult r = g.result();
            List<double[]> columns = new ArrayList<>();
            for (int m = 0; m < names.size(); m++) {
                columns.add(r.mean(m));
                for (int k = 0; k < levels.size(); k++) {
                    columns.add(r.lower(m, k));
                    columns.add(r.upper(m, k));
                }
            }
            int[] owner = r.series();
            int[] cutoff = r.cutoffs();
            int[] time = r.times();
            double[] actual = r.actual();
            for (int i = 0; i < actual.length; i++) {
                RegularSeries s = g.series().get(owner[i]);
                out.text(s.name()).plain(s.time(time[i])).plain(s.time(cutoff[i])).plain(Numbers.format(actual[i]));
                for (double[] column : columns) {
                    out.plain(Numbers.format(column[i]));
                }
                out.endRow();
            }
        }
        out.flush();
    }

    /**
     * model,series and every measure; a row per model and series, then per model the mean over
     * every series where the measure is defined (series ALL).
     */
    static void writeAccuracy(CsvWriter out, List<Group> groups, List<String> names, List<Double> levels)
            throws IOException {
        List<String> header = new ArrayList<>(List.of("model", "series"));
        for (CrossValidationResult.Measure m : CrossValidationResult.Measure.values()) {
            header.add(m.name().toLowerCase(java.util.Locale.ROOT));
        }
        for (double level : levels) {
            header.add("coverage_" + Numbers.format(level));
            header.add("msis_" + Numbers.format(level));
        }
        out.plainRow(header);
        int width = header.size() - 2;
        for (int m = 0; m < names.size(); m++) {
            double[] sum = new double[width];
            int[] count = new int[width];
            for (Group g : groups) {
                CrossValidationResult r = g.result();
                List<double[]> columns = new ArrayList<>();
                for (CrossValidationResult.Measure measure : CrossValidationResult.Measure.values()) {
                    columns.add(r.accuracy(m, measure));
                }
                for (int k = 0; k < levels.size(); k++) {
                    columns.add(r.coverage(m, k));
                    columns.add(r.msis(m, k));
                }
                for (int j = 0; j < r.seriesCount(); j++) {
                    if (r.seriesError(j) != null) {
                        continue;
                    }
                    out.text(names.get(m)).text(g.series().get(j).name());
                    for (int c = 0; c < width; c++) {
                        double v = columns.get(c)[j];
                        out.plain(Numbers.format(v));
                        if (!Double.isNaN(v)) {
                            sum[c] += v;
                            count[c]++;
                        }
                    }
                    out.endRow();
                }
            }
            out.text(names.get(m)).text("ALL");
            for (int c = 0; c < width; c++) {
                out.plain(Numbers.format(count[c] == 0 ? Double.NaN : sum[c] / count[c]));
            }
            out.endRow();
        }
        out.flush();
    }
}
