package io.lagrs.cli;

import io.lagrs.BatchOptions;
import io.lagrs.CrossValidation;
import io.lagrs.CrossValidationResult;
import io.lagrs.ModelSpec;
import io.lagrs.table.SeasonalSpec;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Backtests model specs on every series of a long-format CSV with {@link CrossValidation}: the
 * long table of every window's forecasts (statsforecast's {@code cross_validation} layout) and
 * an accuracy table per model and series.
 */
@Command(name = "cv", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Rolling-origin cross-validation of model specs on every series of a long-format CSV",
            "(series,time,value): --windows windows of --horizon steps, --step apart, the last ending with",
            "the series. Writes series,time,cutoff,actual and per model its mean and bounds (--output),",
            "and model,series,bias,mae,rmse,mase,rmsse,smape, coverage and msis per level (--accuracy;",
            "series ALL: the mean over series). With no --input it runs on the bundled sample data.", ""},
        footer = {"", "Exit codes: 0 success (failed series and windows are reported); 1 with --strict only:",
            "some series or windows failed or rows were skipped; 2 bad arguments, unreadable input,",
            "unwritable output."})
final class CvCommand implements Callable<Integer> {
    @Mixin
    InputOptions in = new InputOptions();

    @Option(names = {"-m", "--model"}, paramLabel = "SPEC", required = true,
            description = "A model spec text (repeatable), e.g. auto_arima[12], snaive[12], best_of(...).")
    List<String> models = new ArrayList<>();

    @Option(names = {"-H", "--horizon"}, paramLabel = "H", defaultValue = "12",
            description = "Steps forecast from each origin (default: ${DEFAULT-VALUE}).")
    int horizon;

    @Option(names = "--windows", paramLabel = "N", defaultValue = "3", description = "Windows per series (default: ${DEFAULT-VALUE}).")
    int windows;

    @Option(names = "--step", paramLabel = "S", description = "Observations between origins (default: the horizon).")
    Integer step;

    @Option(names = {"-l", "--level"}, paramLabel = "L", split = ",",
            description = "Interval levels in percent (default: 80,95).")
    List<Double> levels = new ArrayList<>(List.of(80.0, 95.0));

    @Option(names = {"-s", "--season"}, paramLabel = "S",
            description = {"Season of every series (default: each series' own, see --freq): model texts without [m]",
                "get it as in forecast, and it is the lag of the MASE, RMSSE and MSIS scales."})
    Integer season;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.csv", required = true, description = "The long table of forecasts.")
    Path output;

    @Option(names = "--accuracy", paramLabel = "FILE.csv", description = "The accuracy table per model and series.")
    Path accuracy;

    @Option(names = "--plot", paramLabel = "DIR",
            description = {"Write charts to DIR: per series the actuals and each window's forecasts per model,",
                "errors.png (sMAPE by model and step ahead over all series and windows) and index.html."})
    Path plotDir;

    @Option(names = "--plot-limit", paramLabel = "N", defaultValue = "200",
            description = "At most N per-series charts (default: ${DEFAULT-VALUE}).")
    int plotLimit;

    @Option(names = {"-t", "--threads"}, paramLabel = "N", description = "Threads (default: all cores).")
    Integer threads;

    @Option(names = {"-v", "--verbose"}, description = "Show stack traces of errors.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        settings(1); // the settings' own rules, before any input is read
        if (plotLimit < 0) {
            throw new UserError("--plot-limit must be >= 0, got " + plotLimit);
        }
        List<OutputPaths.Output> outs = new ArrayList<>(List.of(new OutputPaths.Output("--output", output, false)));
        if (accuracy != null) {
            outs.add(new OutputPaths.Output("--accuracy", accuracy, false));
        }
        if (plotDir != null) {
            outs.add(new OutputPaths.Output("--plot", plotDir.resolve("index.html"), false));
        }
        OutputPaths.check(in.input, outs);
        NativeCheck.require();
        List<SeasonalSpec> specs = new ArrayList<>();
        for (String text : models) {
            try {
                specs.add(new SeasonalSpec(text));
            } catch (IllegalArgumentException e) {
                throw new UserError("--model: " + e.getMessage());
            }
        }
        List<String> names = specs.stream().map(SeasonalSpec::text).toList();
        PrintStream err = System.err;
        io.lagrs.table.SeriesTable catalogue = LongCsvReader.read(in);
        // series by season: each season's model texts are completed with it, as forecast does
        Map<Integer, List<RegularSeries>> bySeason = new TreeMap<>();
        for (RegularSeries s : LongCsvReader.series(catalogue)) {
            if (s.failure() != null) {
                err.println("series " + s.name() + " failed: " + s.failure());
            } else {
                bySeason.computeIfAbsent(season != null ? season : Math.max(1, s.season()), m -> new ArrayList<>()).add(s);
            }
        }
        catalogue.problems().report().forEach(err::println);
        if (in.strict && catalogue.problems().skipped() > 0) {
            err.println("--strict: " + catalogue.problems().skipped() + " rows were skipped; nothing written");
            return 1;
        }
        BatchOptions options = BatchOptions.defaults();
        if (threads != null) {
            if (threads < 1) {
                throw new UserError("--threads must be >= 1, got " + threads);
            }
            options = options.threads(threads);
        }
        List<CvTables.Group> groups = new ArrayList<>();
        int failed = 0;
        int done = 0;
        int failedWindows = 0;
        for (Map.Entry<Integer, List<RegularSeries>> e : bySeason.entrySet()) {
            List<RegularSeries> group = e.getValue();
            List<ModelSpec> completed = new ArrayList<>();
            try {
                for (SeasonalSpec spec : specs) {
                    completed.add(spec.forSeason(e.getKey()));
                }
            } catch (IllegalArgumentException ex) {
                for (RegularSeries s : group) {
                    err.println("series " + s.name() + " failed: --model: " + ex.getMessage());
                }
                failed += group.size();
                continue;
            }
            double[][] rows = group.stream().map(RegularSeries::values).toArray(double[][]::new);
            CrossValidationResult r = settings(e.getKey()).run(completed, rows, options);
            groups.add(new CvTables.Group(group, r));
            for (int j = 0; j < r.seriesCount(); j++) {
                if (r.seriesError(j) != null) {
                    err.println("series " + group.get(j).name() + " failed: " + r.seriesError(j));
                    failed++;
                } else {
                    done++;
                }
            }
            for (int m = 0; m < completed.size(); m++) {
                for (int w = 0; w < r.windowCount(); w++) {
                    failedWindows += r.windowError(m, w) == null ? 0 : 1;
                }
            }
        }
        try (AtomicFile file = AtomicFile.create(output)) {
            CvTables.writeLong(new CsvWriter(file.writer()), groups, names, levels);
            file.commit();
        }
        if (accuracy != null) {
            try (AtomicFile file = AtomicFile.create(accuracy)) {
                CvTables.writeAccuracy(new CsvWriter(file.writer()), groups, names, levels);
                file.commit();
            }
        }
        if (plotDir != null) {
            CvCharts.write(plotDir, groups, names, levels, plotLimit);
        }
        err.printf(Locale.ROOT, "cross-validated %d models on %d series (%d windows each) to %s%s%s%n", specs.size(),
                done, windows, output.toAbsolutePath(), failed > 0 ? "; " + failed + " series failed" : "",
                failedWindows > 0 ? "; " + failedWindows + " model windows failed" : "");
        if (plotDir != null) {
            err.println("charts: " + plotDir.resolve("index.html").toAbsolutePath());
        }
        return in.strict && (failed > 0 || failedWindows > 0) ? 1 : 0;
    }

    private CrossValidation settings(int period) {
        double[] fractions = new double[levels.size()];
        for (int k = 0; k < fractions.length; k++) {
            fractions[k] = levels.get(k) / 100;
        }
        try {
            return CrossValidation.builder().horizon(horizon).stepSize(step == null ? horizon : step).windows(windows)
                    .levels(fractions).period(Math.max(1, period)).build();
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage().replace("stepSize", "--step").replace("h must", "--horizon must")
                    .replace("windows must", "--windows must").replace("period", "--season")
                    .replace("level must be in (0, 1)", "--level must be in (0, 100)"));
        }
    }
}
