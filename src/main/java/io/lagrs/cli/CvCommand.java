package io.lagrs.cli;

import io.lagrs.BatchOptions;
import io.lagrs.CrossValidation;
import io.lagrs.CrossValidationResult;
import io.lagrs.ModelSpec;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
            description = "Seasonal lag of the MASE, RMSSE and MSIS scales (default: the first series' season, see --freq).")
    Integer season;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.csv", required = true, description = "The long table of forecasts.")
    Path output;

    @Option(names = "--accuracy", paramLabel = "FILE.csv", description = "The accuracy table per model and series.")
    Path accuracy;

    @Option(names = {"-t", "--threads"}, paramLabel = "N", description = "Threads (default: all cores).")
    Integer threads;

    @Option(names = {"-v", "--verbose"}, description = "Show stack traces of errors.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        CrossValidation cv = settings();
        List<OutputPaths.Output> outs = new ArrayList<>(List.of(new OutputPaths.Output("--output", output, false)));
        if (accuracy != null) {
            outs.add(new OutputPaths.Output("--accuracy", accuracy, false));
        }
        OutputPaths.check(in.input, outs);
        NativeCheck.require();
        List<ModelSpec> specs = new ArrayList<>();
        for (String text : models) {
            try {
                specs.add(ModelSpec.parse(text));
            } catch (IllegalArgumentException e) {
                throw new UserError("--model: " + e.getMessage());
            }
        }
        PrintStream err = System.err;
        io.lagrs.table.SeriesTable catalogue = LongCsvReader.read(in);
        List<RegularSeries> series = new ArrayList<>();
        for (RegularSeries s : LongCsvReader.series(catalogue)) {
            if (s.failure() != null) {
                err.println("series " + s.name() + " failed: " + s.failure());
            } else {
                series.add(s);
            }
        }
        catalogue.problems().report().forEach(err::println);
        if (in.strict && catalogue.problems().skipped() > 0) {
            err.println("--strict: " + catalogue.problems().skipped() + " rows were skipped; nothing written");
            return 1;
        }
        if (season == null && !series.isEmpty()) {
            cv = settings(series.get(0).season());
        }
        double[][] rows = series.stream().map(RegularSeries::values).toArray(double[][]::new);
        BatchOptions options = BatchOptions.defaults();
        if (threads != null) {
            if (threads < 1) {
                throw new UserError("--threads must be >= 1, got " + threads);
            }
            options = options.threads(threads);
        }
        CrossValidationResult r = cv.run(specs, rows, options);
        try (AtomicFile file = AtomicFile.create(output)) {
            CvTables.writeLong(new CsvWriter(file.writer()), r, series, levels);
            file.commit();
        }
        if (accuracy != null) {
            try (AtomicFile file = AtomicFile.create(accuracy)) {
                CvTables.writeAccuracy(new CsvWriter(file.writer()), r, series, levels);
                file.commit();
            }
        }
        int failed = 0;
        for (int j = 0; j < r.seriesCount(); j++) {
            if (r.seriesError(j) != null) {
                err.println("series " + series.get(j).name() + " failed: " + r.seriesError(j));
                failed++;
            }
        }
        int failedWindows = 0;
        for (int m = 0; m < specs.size(); m++) {
            for (int w = 0; w < r.windowCount(); w++) {
                failedWindows += r.windowError(m, w) == null ? 0 : 1;
            }
        }
        err.printf(Locale.ROOT, "cross-validated %d models on %d series (%d windows) to %s%s%s%n", specs.size(),
                series.size() - failed, r.windowCount(), output.toAbsolutePath(),
                failed > 0 ? "; " + failed + " series failed" : "",
                failedWindows > 0 ? "; " + failedWindows + " model windows failed" : "");
        return in.strict && (failed > 0 || failedWindows > 0) ? 1 : 0;
    }

    private CrossValidation settings() {
        return settings(season == null ? 1 : season);
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
