package io.lagrs.cli;

import io.lagrs.Lags;
import io.lagrs.Rolling;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Writes lag and rolling-window features for every series of a long-format CSV: the inputs of a
 * demand model (lag 1, lag at the season, first difference, rolling mean and standard
 * deviation, rolling min and max), on each series' regular time grid so that a gap in time is a
 * missing value, never a shorter lag.
 */
@Command(name = "features", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Lag and rolling-window features per series of a long-format CSV (series,time,value),",
            "pandas semantics: lag1, lag<season>, diff1, and rolling mean, std (ddof 1), min and max",
            "over the last W points (empty until W points are observed). Each series is put on its",
            "regular time grid first: a time missing from the file gets a row with an empty value, so",
            "lags never reach across a gap. With no --input it runs on the bundled sample data.",
            ""},
        footer = {"", "Exit codes: 0 done (a series that fits no time grid is reported and left out);",
            "1 with --strict only: a series fits no grid or rows were skipped; 2 bad arguments,",
            "unreadable input, unwritable output."})
final class FeaturesCommand implements Callable<Integer> {
    @Mixin
    InputOptions in = new InputOptions();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.csv",
            description = "Where to write (default: standard output). A file is written to a temporary file and moved into place.")
    Path output;

    @Option(names = {"-w", "--window"}, paramLabel = "W", defaultValue = "12",
            description = "Rolling window length (default: ${DEFAULT-VALUE}).")
    int window;

    @Option(names = {"-s", "--season"}, paramLabel = "S",
            description = "Seasonal lag (default: the season of each series' frequency, see --freq; 12 for whole-number times).")
    Integer season;

    @Option(names = {"-v", "--verbose"}, description = "Show stack traces of errors.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        if (window < 1) {
            throw new UserError("--window must be >= 1, got " + window);
        }
        if (season != null && season < 1) {
            throw new UserError("--season must be >= 1, got " + season);
        }
        boolean toFile = output != null && !output.toString().equals("-");
        if (toFile) {
            OutputPaths.check(in.input, List.of(new OutputPaths.Output("--output", output, false)));
            AtomicFile.checkWritable(output);
        }
        NativeCheck.require();
        PrintStream err = System.err;
        io.lagrs.table.SeriesTable catalogue = LongCsvReader.read(in);
        List<RegularSeries> series = LongCsvReader.series(catalogue);
        catalogue.problems().report().forEach(err::println);
        if (in.strict && catalogue.problems().skipped() > 0) {
            err.println("--strict: " + catalogue.problems().skipped() + " rows were skipped; nothing written");
            return 1;
        }
        int commonSeason = -1;
        for (RegularSeries s : series) {
            if (s.failure() == null) {
                int lag = lagOf(s);
                commonSeason = commonSeason == -1 || commonSeason == lag ? lag : 0;
            }
        }
        String lagName = commonSeason > 0 ? "lag" + commonSeason : "lag_season";
        List<String> header = List.of("series", "time", "value", "lag1", lagName, "diff1", "mean" + window,
                "std" + window, "min" + window, "max" + window);
        int failed = 0;
        long gaps = 0;
        if (toFile) {
            try (AtomicFile file = AtomicFile.create(output)) {
                CsvWriter out = new CsvWriter(file.writer());
                out.plainRow(header);
                failed = writeAll(series, out, err);
                out.flush();
                file.commit();
            }
        } else {
            BufferedWriter stdout = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
            CsvWriter out = new CsvWriter(stdout);
            out.plainRow(header);
            failed = writeAll(series, out, err);
            out.flush();
        }
        for (RegularSeries s : series) {
            gaps += s.gaps();
        }
        err.printf(Locale.ROOT, "features for %d series written%s (%d gaps in time filled as missing values)%s%n",
                series.size() - failed, toFile ? " to " + output.toAbsolutePath() : "", gaps,
                failed > 0 ? "; " + failed + " series failed" : "");
        return in.strict && failed > 0 ? 1 : 0;
    }

    private int lagOf(RegularSeries s) {
        if (season != null) {
            return season;
        }
        return s.frequency() != null ? s.frequency().season() : 12;
    }

    private int writeAll(List<RegularSeries> series, CsvWriter out, PrintStream err) throws java.io.IOException {
        int failed = 0;
        for (RegularSeries s : series) {
            if (s.failure() != null) {
                err.println("series " + s.name() + " failed: " + s.failure());
                failed++;
                continue;
            }
            write(out, s);
        }
        return failed;
    }

    private void write(CsvWriter out, RegularSeries s) throws java.io.IOException {
        double[] x = s.values();
        double[][] columns = {
            Lags.lag(x, 1), Lags.lag(x, lagOf(s)), Lags.diff(x, 1),
            Rolling.mean(x, window), Rolling.std(x, window), Rolling.min(x, window), Rolling.max(x, window),
        };
        for (int i = 0; i < x.length; i++) {
            out.text(s.name()).plain(s.time(i)).plain(Numbers.format(x[i]));
            for (double[] column : columns) {
                out.plain(Numbers.format(column[i]));
            }
            out.endRow();
        }
    }
}
