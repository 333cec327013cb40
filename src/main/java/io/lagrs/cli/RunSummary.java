package io.lagrs.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The end-of-run summary: what was read, and per model the series fitted and failed (reasons
 * grouped) and the accuracy totals.
 */
final class RunSummary {
    private final ForecastSettings settings;
    private final List<Tally> tallies = new ArrayList<>();
    private int series;
    private long gaps;
    private long missing;
    private int unscored;
    private final List<String> unscoredNames = new ArrayList<>();

    RunSummary(ForecastSettings settings) {
        this.settings = settings;
        for (int k = 0; k < settings.models().size(); k++) {
            tallies.add(new Tally(settings.levelsPercent().length));
        }
    }

    void add(SeriesResult r) {
        series++;
        gaps += r.series().gaps();
        missing += r.series().missing();
        if (r.unscored(settings.holdout())) {
            unscored++;
            if (unscoredNames.size() < 5) {
                unscoredNames.add(r.series().name());
            }
        }
        for (int k = 0; k < tallies.size(); k++) {
            tallies.get(k).add(r, r.models().get(k));
        }
    }

    /** Whether some model failed on some series. */
    boolean anyFailed() {
        return tallies.stream().anyMatch(t -> t.failed > 0);
    }

    /** Mean MASE of model k over the series where it is finite, or NaN. */
    double meanMase(int k) {
        Tally t = tallies.get(k);
        return t.maseCount == 0 ? Double.NaN : t.maseSum / t.maseCount;
    }

    /** The run in a few lines: what was read, fitted and failed (reasons grouped), accuracy. */
    List<String> lines(io.lagrs.table.SeriesTable c, int threads, double seconds) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "read %d rows, %d series (times as %s) from %s", c.rows(), series,
                c.timeType().description(), c.source()));
        if (gaps > 0 || missing > 0) {
            lines.add(String.format(Locale.ROOT,
                    "missing values: %d gaps in time filled with NaN, %d missing values in rows", gaps, missing));
        }
        if (unscored > 0) {
            lines.add(String.format(Locale.ROOT, "%d series too short for --holdout %d: forecast from all their points,"
                    + " not scored (%s%s)", unscored, settings.holdout(), String.join(", ", unscoredNames),
                    unscored > unscoredNames.size() ? ", ..." : ""));
        }
        String time = String.format(Locale.ROOT, "in %.1f s (%d thread%s)", seconds, threads, threads == 1 ? "" : "s");
        boolean several = settings.severalModels();
        if (several) {
            lines.add(String.format(Locale.ROOT, "%d models %s", tallies.size(), time));
        }
        for (int k = 0; k < tallies.size(); k++) {
            Tally t = tallies.get(k);
            String prefix = several ? settings.models().get(k).name() + ": " : "";
            lines.add(String.format(Locale.ROOT, "%sfitted %d series, failed %d", prefix, t.fitted, t.failed)
                    + (several ? "" : ", " + time));
            t.failures.forEach((reason, names) -> {
                int n = t.failureCounts.get(reason);
                lines.add(String.format(Locale.ROOT, "  %d failed: %s (%s%s)", n, t.examples.get(reason),
                        String.join(", ", names), n > names.size() ? ", ..." : ""));
            });
            if (settings.holdout() != null) {
                lines.add((several ? "  " : "") + accuracyLine(k));
            }
        }
        return lines;
    }

    private String accuracyLine(int k) {
        Tally t = tallies.get(k);
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "holdout %d: mean MASE %.3f (%d series), mean sMAPE %.2f%%, coverage", settings.holdout(), meanMase(k),
                t.maseCount, t.smapeCount == 0 ? Double.NaN : t.smapeSum / t.smapeCount));
        for (int j = 0; j < t.points.length; j++) {
            double coverage = t.points[j] == 0 ? Double.NaN : (double) t.inside[j] / t.points[j];
            // NaN: no held-back point had an interval (window averages have none)
            s.append(String.format(Locale.ROOT, " %s%%: %s", Numbers.level(settings.levelsPercent()[j]),
                    Double.isNaN(coverage) ? "none" : String.format(Locale.ROOT, "%.1f%%", 100 * coverage)));
        }
        return s.toString();
    }

    /** One model's counts, failure reasons and accuracy sums. */
    private static final class Tally {
        private int fitted;
        private int failed;
        private final Map<String, List<String>> failures = new LinkedHashMap<>();
        private final Map<String, Integer> failureCounts = new LinkedHashMap<>();
        private final Map<String, String> examples = new LinkedHashMap<>();
        private double maseSum;
        private int maseCount;
        private double smapeSum;
        private int smapeCount;
        private final long[] inside;
        private final long[] points;

        Tally(int levels) {
            inside = new long[levels];
            points = new long[levels];
        }

        void add(SeriesResult r, SeriesResult.ModelResult m) {
            if (!m.ok()) {
                failed++;
                // numbers vary between series; the reason does not
                String reason = m.error().replaceAll("\\d+(\\.\\d+)?", "#");
                failureCounts.merge(reason, 1, Integer::sum);
                examples.putIfAbsent(reason, m.error());
                List<String> names = failures.computeIfAbsent(reason, x -> new ArrayList<>());
                if (names.size() < 5) {
                    names.add(r.series().name());
                }
                return;
            }
            fitted++;
            if (Double.isFinite(m.mase())) {
                maseSum += m.mase();
                maseCount++;
            }
            if (Double.isFinite(m.smape())) {
                smapeSum += m.smape();
                smapeCount++;
            }
            if (m.coverage() != null) {
                // pooled: held-back points inside their interval over all held-back points
                // (a model without intervals, NaN bounds, has no coverage, as Accuracy.coverage)
                double[] values = r.series().values();
                for (int k = 0; k < points.length; k++) {
                    for (int i = 0; i + r.trainLength() < r.series().length(); i++) {
                        double actual = values[r.trainLength() + i];
                        if (!Double.isNaN(actual) && !Double.isNaN(m.lower()[k][i]) && !Double.isNaN(m.upper()[k][i])) {
                            points[k]++;
                            if (actual >= m.lower()[k][i] && actual <= m.upper()[k][i]) {
                                inside[k]++;
                            }
                        }
                    }
                }
            }
        }
    }
}
