package io.lagrs.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Forecasts every series of a long-format CSV with one or several models: the options
 * ({@link ForecastSettings} checks them), then reading, fitting ({@link BatchFitter}, the
 * library's batch path), and writing ({@link ForecastWriter}, {@link Report}) chunk by chunk,
 * so that the series' data are released as they are written.
 */
@Command(name = "forecast", mixinStandardHelpOptions = true, sortOptions = false,
        usageHelpAutoWidth = true,
        description = {"Fits a model to every series of a long-format CSV (series,time,value) and writes",
            "point forecasts with prediction intervals, one row per series and future time,",
            "plus a table of the fitted models. With no --input it runs on the bundled sample data.",
            "",
            "Model: auto ARIMA (R's forecast::auto.arima, its defaults) with each series' season, and the",
            "seasonal naive method for a series it cannot fit (" + io.lagrs.table.Defaults.MODEL + ");",
            "--model SPEC chooses another (repeatable: several side by side), --order fixes an ARIMA order.",
            "Gaps in time become missing values, which ARIMA handles as R does.",
            ""},
        footer = {"", "Outputs (each written to a temporary file, then moved into place):",
            "  FILE.csv         series,time,mean,lower_80,upper_80,lower_95,upper_95",
            "                   (several models: series,time,M,M-lo-80,M-hi-80,... per model M)",
            "  FILE-models.csv  series,order,aicc,sigma2,loglik,status,error,",
            "                   n,missing,gaps,frequency[,mase,smape,coverage_80,...]",
            "                   (several models: a row per series and model, a model column)",
            "  DIR/index.html   (--plot) a chart per series, an overview, the model table",
            "",
            "Exit codes: 0 done (series that failed are listed in the summary and the model",
            "table); 1 with --strict only: some series failed or rows were skipped;",
            "2 bad arguments, unreadable input, unwritable output.",
            "",
            "Example:",
            "  java -jar lagrs-all.jar forecast --input sales.csv --holdout 12 --plot plots"})
final class ForecastCommand implements Callable<Integer> {
    @Mixin
    InputOptions in = new InputOptions();

    static final String DEFAULT_OUTPUT = "forecast.csv";

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.csv",
            description = "Where to write the forecasts (default: " + DEFAULT_OUTPUT + ").")
    Path output;

    @Option(names = "--models", paramLabel = "FILE.csv",
            description = "Where to write the model table (default: the output name + -models.csv).")
    Path models;

    @Option(names = {"-H", "--horizon"}, paramLabel = "H",
            description = "Steps to forecast (default as R's forecast(): twice the season, or 10 for series without one; with --holdout: the holdout length).")
    Integer horizon;

    @Option(names = {"-l", "--level"}, paramLabel = "PERCENT",
            description = "Prediction interval level in percent, repeatable (default: 80 and 95, as R). 0.95 is read as 95.")
    List<Double> levels;

    @Option(names = {"-m", "--model"}, paramLabel = "SPEC",
            description = {"Model spec, repeatable (several models side by side, a column group each):",
                "auto_arima, arima(p,d,q), arima(p,d,q)(P,D,Q), naive, snaive, mean, drift,",
                "window_average(k), seasonal_window_average(k), options as auto_arima(ic=bic),",
                "snaive(lambda=0), fallbacks as auto_arima|snaive. A model without [m] takes each",
                "series' season where its family has one; an explicit [m] wins. Default: " + io.lagrs.table.Defaults.MODEL,
                "(intermittent series: croston_sba, others: auto_arima; see docs/API.md)."})
    List<String> modelTexts;

    @Option(names = "--select", paramLabel = "cv",
            description = {"cv: fit per series the --model chosen by cross-validation (the spec best_of(M1, M2, ...;",
                "by=--select-by, h=the horizon, windows=--select-windows)); needs --horizon or --holdout."})
    String select;

    @Option(names = "--select-by", paramLabel = "MEASURE", defaultValue = "mase",
            description = "With --select cv: mae, rmse, mase, rmsse or smape (default: ${DEFAULT-VALUE}).")
    String selectBy;

    @Option(names = "--select-windows", paramLabel = "N", defaultValue = "3",
            description = "With --select cv: windows of the cross-validation (default: ${DEFAULT-VALUE}).")
    int selectWindows;

    @Option(names = "--order", paramLabel = "p,d,q[,P,D,Q]",
            description = "Shorthand for --model arima(p,d,q)(P,D,Q): one ARIMA order for every series, P,D,Q with the season.")
    String order;

    @Option(names = {"-s", "--season"}, paramLabel = "S",
            description = "Seasonal period for every series (default: from the frequency, see --freq).")
    Integer season;

    @Option(names = "--lambda", paramLabel = "L",
            description = "Box-Cox transform with this lambda (0 = log) around every model, forecasts transformed back, as R's lambda = L: adds lambda=L to each model spec without a lambda of its own. Default: none.")
    Double lambda;

    @Option(names = "--xreg", paramLabel = "COL[,COL...]", split = ",",
            description = {"Regressor columns of the input (promotions, prices): regression with ARIMA errors,",
                "as R's auto.arima(y, xreg = ); the models must be auto_arima or arima (default: auto_arima).",
                "Their values over the horizon come from --future (or, with --holdout, from the input)."})
    List<String> xreg;

    @Option(names = "--future", paramLabel = "FILE.csv",
            description = "The regressors' future values: the same id and time columns as the input and the --xreg columns, a row per series and future time. A missing value fails that series, naming it and the time.")
    Path future;

    @Option(names = "--fourier", paramLabel = "PERIOD:K", split = ",",
            description = "Fourier terms as regressors (R's fourier(y, K)) for long or several seasons, e.g. 52.18:10 or 7:3,365.25:10; repeatable. Adds fourier=[...] to each auto_arima or arima model, --order's too (default model: auto_arima(seasonal=false)); any other model is a usage error.")
    List<String> fourier;

    @Option(names = "--holdout", paramLabel = "H",
            description = "Hold back the last H points of every series, forecast them and report MASE, sMAPE and interval coverage per series and overall. A series too short to keep 2 points is forecast from all its points and reported unscored.")
    Integer holdout;

    @Option(names = "--non-negative",
            description = "Clip forecasts and interval bounds at zero (demand that cannot be negative): values below 0 are written as 0; the models are unchanged.")
    boolean nonNegative;

    @Option(names = "--plot", paramLabel = "DIR",
            description = "Write charts to DIR: one PNG per series, overview.png (a grid of series) and index.html showing them all with the model table.")
    Path plotDir;

    @Option(names = "--plot-limit", paramLabel = "N", defaultValue = "2000",
            description = "At most N per-series charts (default: ${DEFAULT-VALUE}); the table lists every series.")
    int plotLimit;

    @Option(names = {"-t", "--threads"}, paramLabel = "N",
            description = "Series fitted at once, by the library's batch calls (default: the number of processors, here ${sys:lagrs.cpus}; at most 1024).")
    Integer threads;

    @Option(names = "--progress", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Show a progress bar on standard error for runs over a second, when it is a terminal (default: on; --no-progress turns it off).")
    boolean progress;

    @Option(names = {"-v", "--verbose"}, description = "Show stack traces of errors.")
    boolean verbose;

    static {
        System.setProperty("lagrs.cpus", Integer.toString(Runtime.getRuntime().availableProcessors()));
    }

    /** Series per chunk: fitted, written and released together. */
    private static final int CHUNK = 4096;

    @Override
    public Integer call() throws Exception {
        long startNanos = System.nanoTime();
        PrintStream err = System.err;
        ForecastSettings settings = ForecastSettings.of(this);
        Path output = this.output != null ? this.output : Path.of(DEFAULT_OUTPUT);
        Path modelsPath = models != null ? models : siblingWithSuffix(output, "-models.csv");
        List<OutputPaths.Output> outputs = new ArrayList<>(List.of(
                new OutputPaths.Output("--output", output, this.output == null),
                new OutputPaths.Output("--models", modelsPath, models == null)));
        if (plotDir != null) {
            outputs.add(new OutputPaths.Output("--plot", plotDir.resolve("index.html"), false));
        }
        OutputPaths.check(in.input, outputs);
        AtomicFile.checkWritable(output);
        AtomicFile.checkWritable(modelsPath);
        Path plots = plotDir == null ? null : preparePlotDir(plotDir);

        io.lagrs.table.SeriesTable catalogue = LongCsvReader.read(in, progress && Progress.stderrIsTerminal());
        List<RegularSeries> series = LongCsvReader.series(catalogue);
        catalogue.problems().report().forEach(line -> err.println(line));
        if (in.strict && catalogue.problems().skipped() > 0) {
            err.println("--strict: " + catalogue.problems().skipped() + " rows were skipped; nothing written");
            return 1;
        }

        RegressorInput regressors = xreg == null || xreg.isEmpty() ? null
                : RegressorInput.read(in, xreg, future, catalogue.timeType());
        // no more threads than series: a batch call never uses more either
        int threads = Math.min(settings.threads(), Math.max(1, series.size()));
        RunSummary summary = new RunSummary(settings);
        Report report = plots == null ? null : new Report(plots, catalogue, settings, plotLimit);
        try (AtomicFile forecastFile = AtomicFile.create(output);
                AtomicFile modelFile = AtomicFile.create(modelsPath);
                Progress bar = new Progress("forecast", BatchFitter.steps(series.size(), settings),
                        progress && Progress.stderrIsTerminal())) {
            ForecastWriter writer = new ForecastWriter(new CsvWriter(forecastFile.writer()),
                    new CsvWriter(modelFile.writer()), settings);
            BatchFitter fitter = new BatchFitter(settings, bar, regressors);
            for (int from = 0; from < series.size(); from += CHUNK) {
                int to = Math.min(series.size(), from + CHUNK);
                List<SeriesResult> results = fitter.fit(series.subList(from, to), from);
                if (report != null) {
                    report.chart(results, threads);
                }
                for (SeriesResult r : results) {
                    writer.write(r);
                    summary.add(r);
                    if (report != null) {
                        report.add(r);
                    }
                }
                // their data are no longer needed
                series.subList(from, to).replaceAll(s -> null);
            }
            writer.flush();
            if (report != null) {
                report.finish(summary.lines(catalogue, threads, (System.nanoTime() - startNanos) / 1e9));
            }
            bar.close();
            forecastFile.commit();
            modelFile.commit();
        }
        summary.lines(catalogue, threads, (System.nanoTime() - startNanos) / 1e9).forEach(err::println);
        err.println("forecasts: " + output.toAbsolutePath());
        err.println("models:    " + modelsPath.toAbsolutePath());
        if (report != null) {
            err.println("charts:    " + report.index().toAbsolutePath());
        }
        return in.strict && summary.anyFailed() ? 1 : 0;
    }

    static Path siblingWithSuffix(Path file, String suffix) {
        String name = file.getFileName().toString();
        String stem = name.toLowerCase(Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return file.resolveSibling(stem + suffix);
    }

    private static Path preparePlotDir(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UserError("cannot create the plot directory " + dir + ": " + e.getMessage(), e);
        }
        if (!Files.isWritable(dir)) {
            throw new UserError("cannot write to the plot directory " + dir + ": permission denied");
        }
        return dir;
    }
}
