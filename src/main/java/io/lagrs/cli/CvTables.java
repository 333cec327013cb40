package io.lagrs.cli;

import io.lagrs.CrossValidationResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The two tables of the {@code cv} command. */
final class CvTables {
    private CvTables() {
    }

    /** series,time,cutoff,actual, then per model its mean and, per level, lo and hi. */
    static void writeLong(CsvWriter out, CrossValidationResult r, List<RegularSeries> series, List<Double> levels)
            throws IOException {
        List<String> header = new ArrayList<>(List.of("series", "time", "cutoff", "actual"));
        int models = r.models().size();
        List<double[]> columns = new ArrayList<>();
        for (int m = 0; m < models; m++) {
            String spec = r.models().get(m);
            header.add(spec);
            columns.add(r.mean(m));
            for (int k = 0; k < levels.size(); k++) {
                header.add(spec + "-lo-" + Numbers.format(levels.get(k)));
                columns.add(r.lower(m, k));
                header.add(spec + "-hi-" + Numbers.format(levels.get(k)));
                columns.add(r.upper(m, k));
            }
        }
        out.plainRow(header);
        int[] owner = r.series();
        int[] cutoff = r.cutoffs();
        int[] time = r.times();
        double[] actual = r.actual();
        for (int i = 0; i < actual.length; i++) {
            RegularSeries s = series.get(owner[i]);
            out.text(s.name()).plain(s.time(time[i])).plain(s.time(cutoff[i])).plain(Numbers.format(actual[i]));
            for (double[] column : columns) {
                out.plain(Numbers.format(column[i]));
            }
            out.endRow();
        }
        out.flush();
    }

    /** model,series and every measure; a row per model and series, then per model the mean (series ALL). */
    static void writeAccuracy(CsvWriter out, CrossValidationResult r, List<RegularSeries> series, List<Double> levels)
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
        for (int m = 0; m < r.models().size(); m++) {
            List<double[]> columns = new ArrayList<>();
            List<Double> overall = new ArrayList<>();
            for (CrossValidationResult.Measure measure : CrossValidationResult.Measure.values()) {
                columns.add(r.accuracy(m, measure));
                overall.add(r.overall(m, measure));
            }
            for (int k = 0; k < levels.size(); k++) {
                columns.add(r.coverage(m, k));
                overall.add(r.overallCoverage(m, k));
                columns.add(r.msis(m, k));
                overall.add(r.overallMsis(m, k));
            }
            for (int j = 0; j < r.seriesCount(); j++) {
                if (r.seriesError(j) != null) {
                    continue;
                }
                out.text(r.models().get(m)).text(series.get(j).name());
                for (double[] column : columns) {
                    out.plain(Numbers.format(column[j]));
                }
                out.endRow();
            }
            out.text(r.models().get(m)).text("ALL");
            for (double v : overall) {
                out.plain(Numbers.format(v));
            }
            out.endRow();
        }
        out.flush();
    }
}
