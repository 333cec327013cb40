package io.lagrs.cli;

import io.lagrs.Accuracy;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Forecasts every series of a long-format CSV: one model per series, fitted in parallel,
 * forecasts with prediction intervals in the input's own time format, a model table, and
 * optionally accuracy on held-back data and charts.
 */
@Command(name = "forecast", mixinStandardHelpOptions = true, sortOptions = false,
        usageHelpAutoWidth = true,
        description = {"Fits a model to every series of a long-format CSV (series,time,value) and writes",
            "point forecasts with prediction intervals, one row per series and future time,",
            "plus a table of the fitted models. With no --input it runs on the bundled sample data.",
            "",
            "Model: auto ARIMA (R's forecast::auto.arima, its defaults) with each series' season;",
            "--order fixes one order for every series.",
            "Gaps in time become missing values, which ARIMA handles as R does.",
            ""},
        footer = {"", "Outputs (each written to a temporary file, then moved into place):",
            "  FILE.csv         series,time,mean,lower_80,upper_80,lower_95,upper_95",
            "  FILE-models.csv  series,order,aicc,sigma2,loglik,status,error,",
            "                   n,missing,gaps,frequency[,mase,smape,coverage_80,...]",
            "  DIR/index.html   (--plot) a chart per series, an overview, the model table",
            "",
            "Exit codes: 0 every series forecast; 1 some series failed, or rows were",
            "skipped with --strict; 2 bad arguments, unreadable input, unwritable output.",
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

    @Option(names = "--order", paramLabel = "p,d,q[,P,D,Q]",
            description = "ARIMA order for every series; P,D,Q use the season (default: see above).")
    String order;

    @Option(names = {"-s", "--season"}, paramLabel = "S",
            description = "Seasonal period for every series (default: from the frequency, see --freq).")
    Integer season;

    @Option(names = "--lambda", paramLabel = "L",
            description = "Box-Cox transform with this lambda before fitting (0 = log), forecasts transformed back, as forecast::Arima(lambda = L). Default: none.")
    Double lambda;

    @Option(names = "--holdout", paramLabel = "H",
            description = "Hold back the last H points of every series, forecast them and report MASE, sMAPE and interval coverage per series and overall.")
    Integer holdout;

    @Option(names = "--plot", paramLabel = "DIR",
            description = "Write charts to DIR: one PNG per series, overview.png (a grid of series) and index.html showing them all with the model table.")
    Path plotDir;

    @Option(names = "--plot-limit", paramLabel = "N", defaultValue = "2000",
            description = "At most N per-series charts (default: ${DEFAULT-VALUE}); the table lists every series.")
    int plotLimit;

    @Option(names = {"-t", "--threads"}, paramLabel = "N",
            description = "Series fitted at once (default: the number of processors, here ${sys:lagrs.cpus}).")
    Integer threads;

    @Option(names = "--progress", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Show a progress bar on standard error for runs over a second, when it is a terminal (default: on; --no-progress turns it off).")
    boolean progress;

    @Option(names = {"-v", "--verbose"}, description = "Show stack traces of errors.")
    boolean verbose;

    static {
        System.setProperty("lagrs.cpus", Integer.toString(Runtime.getRuntime().availableProcessors()));
    }

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
        NativeCheck.require();

        LongCsvReader.Catalogue catalogue = LongCsvReader.read(in, progress && Progress.stderrIsTerminal());
        List<RegularSeries> series = new ArrayList<>(catalogue.series().size());
        for (LongCsvReader.SeriesBuffer b : catalogue.series()) {
            b.finish(catalogue.problems(), catalogue.format());
            series.add(RegularSeries.of(b, catalogue.format(), in.frequency, catalogue.problems()));
            b.release();
        }
        catalogue.problems().report().forEach(line -> err.println(line));
        if (in.strict && catalogue.problems().skipped() > 0) {
            err.println("--strict: " + catalogue.problems().skipped() + " rows were skipped; nothing written");
            return 1;
        }

        Modeler modeler = new Modeler(settings.order(), lambda);
        Summary summary = new Summary(settings.levelsPercent());
        summary.holdout(settings.holdout());
        // no more threads than series: each thread takes one series at a time
        int nThreads = Math.min(settings.threads(), Math.max(1, series.size()));
        Report report = plots == null ? null : new Report(plots, catalogue, settings, modeler.describe(), plotLimit);
        try (AtomicFile forecastFile = AtomicFile.create(output);
                AtomicFile modelFile = AtomicFile.create(modelsPath);
                Progress bar = new Progress("forecast", series.size(), progress && Progress.stderrIsTerminal())) {
            CsvWriter forecasts = new CsvWriter(forecastFile.writer());
            CsvWriter modelTable = new CsvWriter(modelFile.writer());
            forecasts.plainRow(forecastHeader(settings.levelsPercent()));
            modelTable.plainRow(modelHeader(settings));
            ExecutorService pool = Executors.newFixedThreadPool(nThreads, r -> {
                Thread t = new Thread(r, "lagrs-forecast");
                t.setDaemon(true);
                return t;
            });
            try {
                int chunk = Math.max(64, 16 * nThreads);
                for (int from = 0; from < series.size(); from += chunk) {
                    List<Future<SeriesResult>> futures = new ArrayList<>();
                    for (int i = from; i < Math.min(series.size(), from + chunk); i++) {
                        RegularSeries s = series.get(i);
                        int index = i;
                        futures.add(pool.submit(() -> {
                            SeriesResult r = forecastOne(s, modeler, settings);
                            if (report != null) {
                                report.chart(index, r);
                            }
                            bar.step(1);
                            return r;
                        }));
                    }
                    for (int i = 0; i < futures.size(); i++) {
                        SeriesResult r = get(futures.get(i));
                        write(r, forecasts, modelTable, settings);
                        summary.add(r);
                        if (report != null) {
                            report.add(r);
                        }
                        series.set(from + i, null); // its data are no longer needed
                    }
                }
            } finally {
                pool.shutdownNow();
            }
            forecasts.flush();
            modelTable.flush();
            if (report != null) {
                report.finish(summary.lines(catalogue, nThreads, (System.nanoTime() - startNanos) / 1e9));
            }
            bar.close();
            forecastFile.commit();
            modelFile.commit();
        }
        summary.lines(catalogue, nThreads, (System.nanoTime() - startNanos) / 1e9).forEach(err::println);
        err.println("forecasts: " + output.toAbsolutePath());
        err.println("models:    " + modelsPath.toAbsolutePath());
        if (report != null) {
            err.println("charts:    " + report.index().toAbsolutePath());
        }
        return summary.failed() > 0 ? 1 : 0;
    }

    /** The result for one series: what the model tables, the forecast file and the charts need. */
    record SeriesResult(RegularSeries series, int trainLength, int period, Modeler.Fit fit, String error,
            double mase, double smape, double[] coverage) {
        boolean ok() {
            return error == null;
        }
    }

    static SeriesResult forecastOne(RegularSeries s, Modeler modeler, ForecastSettings settings) {
        int period = settings.season() != null ? settings.season() : s.season();
        if (s.failure() != null) {
            return new SeriesResult(s, 0, period, null, s.failure(), Double.NaN, Double.NaN, null);
        }
        int n = s.length();
        int train = settings.holdout() != null ? n - settings.holdout() : n;
        if (train < 2) {
            return new SeriesResult(s, Math.max(0, train), period, null, settings.holdout() != null
                    ? "too short for the holdout (no more points than --holdout)"
                    : "too short to fit (fewer than 2 points)", Double.NaN, Double.NaN, null);
        }
        int h = settings.holdout() != null ? settings.holdout()
                : settings.horizon() != null ? settings.horizon() : period > 1 ? 2 * period : 10;
        String beyond = s.cannotReach(train + h);
        if (beyond != null) {
            return new SeriesResult(s, train, period, null, beyond, Double.NaN, Double.NaN, null);
        }
        double[] y = Arrays.copyOf(s.values(), train);
        if (allMissing(y)) {
            return new SeriesResult(s, train, period, null, "no observed values", Double.NaN, Double.NaN, null);
        }
        Modeler.Fit fit;
        try {
            fit = modeler.fit(y, period, h, settings.levels());
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new SeriesResult(s, train, period, null, message, Double.NaN, Double.NaN, null);
        }
        double mase = Double.NaN;
        double smape = Double.NaN;
        double[] coverage = null;
        if (settings.holdout() != null) {
            double[] actual = Arrays.copyOfRange(s.values(), train, n);
            mase = Accuracy.mase(y, actual, fit.mean(), period);
            smape = Accuracy.smape(actual, fit.mean());
            coverage = new double[settings.levels().length];
            for (int k = 0; k < coverage.length; k++) {
                coverage[k] = Accuracy.coverage(actual, fit.lower()[k], fit.upper()[k]);
            }
        }
        return new SeriesResult(s, train, period, fit, null, mase, smape, coverage);
    }

    private static boolean allMissing(double[] y) {
        for (double v : y) {
            if (!Double.isNaN(v)) {
                return false;
            }
        }
        return true;
    }

    static List<String> forecastHeader(double[] levelsPercent) {
        List<String> header = new ArrayList<>(List.of("series", "time", "mean"));
        for (double p : levelsPercent) {
            header.add("lower_" + Numbers.level(p));
            header.add("upper_" + Numbers.level(p));
        }
        return header;
    }

    static List<String> modelHeader(ForecastSettings settings) {
        List<String> header = new ArrayList<>(List.of("series", "order", "aicc", "sigma2", "loglik", "status", "error",
                "n", "missing", "gaps", "frequency"));
        if (settings.holdout() != null) {
            header.add("mase");
            header.add("smape");
            for (double p : settings.levelsPercent()) {
                header.add("coverage_" + Numbers.level(p));
            }
        }
        return header;
    }

    private static void write(SeriesResult r, CsvWriter forecasts, CsvWriter models, ForecastSettings settings)
            throws IOException {
        RegularSeries s = r.series();
        Modeler.Fit fit = r.fit();
        if (fit != null) {
            for (int i = 0; i < fit.mean().length; i++) {
                forecasts.text(s.name()).plain(s.time(r.trainLength() + i)).plain(Numbers.format(fit.mean()[i]));
                for (int k = 0; k < settings.levels().length; k++) {
                    forecasts.plain(Numbers.format(fit.lower()[k][i])).plain(Numbers.format(fit.upper()[k][i]));
                }
                forecasts.endRow();
            }
        }
        models.text(s.name()).plain(fit == null ? "" : fit.order())
                .plain(fit == null ? "" : Numbers.format(fit.aicc()))
                .plain(fit == null ? "" : Numbers.format(fit.sigma2()))
                .plain(fit == null ? "" : Numbers.format(fit.logLikelihood()))
                .plain(r.ok() ? "ok" : "failed").text(r.ok() ? "" : r.error())
                .plain(Integer.toString(s.length())).plain(Integer.toString(s.missing() + s.gaps()))
                .plain(Integer.toString(s.gaps())).plain(s.failure() == null ? s.frequencyLabel() : "");
        if (settings.holdout() != null) {
            models.plain(Numbers.format(r.mase())).plain(Numbers.format(r.smape()));
            for (int k = 0; k < settings.levels().length; k++) {
                models.plain(r.coverage() == null ? "" : Numbers.format(r.coverage()[k]));
            }
        }
        models.endRow();
    }

    private static SeriesResult get(Future<SeriesResult> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(e.getCause());
        }
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

    /** Counts, failure reasons grouped, and the accuracy totals, for the end-of-run summary. */
    static final class Summary {
        private final double[] levelsPercent;
        private int fitted;
        private int failed;
        private long gaps;
        private long missing;
        private final Map<String, List<String>> failures = new LinkedHashMap<>();
        private final Map<String, Integer> failureCounts = new LinkedHashMap<>();
        private final Map<String, String> examples = new LinkedHashMap<>();
        private double maseSum;
        private int maseCount;
        private double smapeSum;
        private int smapeCount;
        private long[] inside;
        private long[] points;

        Summary(double[] levelsPercent) {
            this.levelsPercent = levelsPercent;
            this.inside = new long[levelsPercent.length];
            this.points = new long[levelsPercent.length];
        }

        void add(SeriesResult r) {
            gaps += r.series().gaps();
            missing += r.series().missing();
            if (!r.ok()) {
                failed++;
                // numbers vary between series; the reason does not
                String reason = r.error().replaceAll("\\d+(\\.\\d+)?", "#");
                failureCounts.merge(reason, 1, Integer::sum);
                examples.putIfAbsent(reason, r.error());
                List<String> names = failures.computeIfAbsent(reason, k -> new ArrayList<>());
                if (names.size() < 5) {
                    names.add(r.series().name());
                }
                return;
            }
            fitted++;
            if (Double.isFinite(r.mase())) {
                maseSum += r.mase();
                maseCount++;
            }
            if (Double.isFinite(r.smape())) {
                smapeSum += r.smape();
                smapeCount++;
            }
            if (r.coverage() != null) {
                double[] actual = Arrays.copyOfRange(r.series().values(), r.trainLength(), r.series().length());
                for (int k = 0; k < levelsPercent.length; k++) {
                    for (int i = 0; i < actual.length; i++) {
                        if (!Double.isNaN(actual[i])) {
                            points[k]++;
                            if (actual[i] >= r.fit().lower()[k][i] && actual[i] <= r.fit().upper()[k][i]) {
                                inside[k]++;
                            }
                        }
                    }
                }
            }
        }

        int failed() {
            return failed;
        }

        /** Mean MASE over the series where it is finite, or NaN. */
        double meanMase() {
            return maseCount == 0 ? Double.NaN : maseSum / maseCount;
        }

        double meanSmape() {
            return smapeCount == 0 ? Double.NaN : smapeSum / smapeCount;
        }

        /** Pooled coverage: held-back points inside their interval over all held-back points. */
        double coverage(int k) {
            return points[k] == 0 ? Double.NaN : (double) inside[k] / points[k];
        }

        String accuracyLine(Integer holdout) {
            StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                    "holdout %d: mean MASE %.3f (%d series), mean sMAPE %.2f%%, coverage", holdout, meanMase(),
                    maseCount, meanSmape()));
            for (int k = 0; k < levelsPercent.length; k++) {
                s.append(String.format(Locale.ROOT, " %s%%: %.1f%%", Numbers.level(levelsPercent[k]), 100 * coverage(k)));
            }
            return s.toString();
        }

        /** The run in a few lines: what was read, fitted and failed (reasons grouped), accuracy. */
        List<String> lines(LongCsvReader.Catalogue c, int threads, double seconds) {
            List<String> lines = new ArrayList<>();
            lines.add(String.format(Locale.ROOT, "read %d rows, %d series (times as %s) from %s", c.rows(),
                    fitted + failed, c.format() == null ? "?" : c.format().kind.description, c.source()));
            if (gaps > 0 || missing > 0) {
                lines.add(String.format(Locale.ROOT,
                        "missing values: %d gaps in time filled with NaN, %d missing values in rows", gaps, missing));
            }
            lines.add(String.format(Locale.ROOT, "fitted %d series, failed %d, in %.1f s (%d thread%s)", fitted, failed,
                    seconds, threads, threads == 1 ? "" : "s"));
            failures.forEach((reason, names) -> {
                int n = failureCounts.get(reason);
                lines.add(String.format(Locale.ROOT, "  %d failed: %s (%s%s)", n, examples.get(reason),
                        String.join(", ", names), n > names.size() ? ", ..." : ""));
            });
            if (holdoutShown) {
                lines.add(accuracyLine(holdout));
            }
            return lines;
        }

        private boolean holdoutShown;
        private Integer holdout;

        void holdout(Integer h) {
            holdout = h;
            holdoutShown = h != null;
        }
    }
}
