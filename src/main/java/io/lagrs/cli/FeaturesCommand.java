package io.lagrs.cli;

import io.lagrs.Lags;
import io.lagrs.Rolling;
import java.io.BufferedWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Writes lag and rolling-window features for every series of a long-format CSV: the inputs of a
 * demand model (lag 1, lag at the season, first difference, rolling mean and standard
 * deviation, rolling min and max).
 */
@Command(name = "features", mixinStandardHelpOptions = true,
        description = "Lag and rolling-window features per series (CSV series,time,value).")
final class FeaturesCommand implements Callable<Integer> {
    static final String SAMPLE = "/io/lagrs/sample/sales.csv";

    @Option(names = "--input", paramLabel = "FILE.csv",
            description = "long-format CSV series,time,value (default: the bundled sample data)")
    Path input;

    @Option(names = "--output", paramLabel = "FILE.csv", description = "where to write (default: standard output)")
    Path output;

    @Option(names = "--window", defaultValue = "12", description = "rolling window length (default: ${DEFAULT-VALUE})")
    int window;

    @Option(names = "--season", defaultValue = "12", description = "seasonal lag (default: ${DEFAULT-VALUE})")
    int season;

    @Override
    public Integer call() throws IOException {
        if (window < 1 || season < 1) {
            System.err.println("--window and --season must be >= 1");
            return 2;
        }
        LongFormatCsv.Result data;
        try (Reader reader = open()) {
            data = LongFormatCsv.read(reader);
        }
        data.problems().forEach(p -> System.err.println("skipped " + p));
        try (PrintWriter out = new PrintWriter(writer())) {
            out.println("series,time,value,lag1,lag" + season + ",diff1,mean" + window + ",std"
                    + window + ",min" + window + ",max" + window);
            for (LongFormatCsv.Series s : data.series()) {
                write(out, s);
            }
        }
        System.err.printf(Locale.ROOT, "features for %d series written%n", data.series().size());
        return 0;
    }

    private void write(PrintWriter out, LongFormatCsv.Series s) {
        double[] x = s.values();
        double[][] columns = {
            Lags.lag(x, 1), Lags.lag(x, season), Lags.diff(x, 1),
            Rolling.mean(x, window), Rolling.std(x, window), Rolling.min(x, window), Rolling.max(x, window),
        };
        for (int i = 0; i < x.length; i++) {
            StringBuilder row = new StringBuilder().append(s.name()).append(',').append(s.times()[i])
                    .append(',').append(format(x[i]));
            for (double[] column : columns) {
                row.append(',').append(format(column[i]));
            }
            out.println(row);
        }
    }

    /** Ten significant digits without trailing zeros: enough for data, without float noise. */
    private static String format(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        return new BigDecimal(v).round(SIGNIFICANT).stripTrailingZeros().toPlainString();
    }

    private static final MathContext SIGNIFICANT = new MathContext(10, RoundingMode.HALF_EVEN);

    private Reader open() throws IOException {
        InputStream in = input != null ? Files.newInputStream(input)
                : FeaturesCommand.class.getResourceAsStream(SAMPLE);
        if (in == null) {
            throw new IOException("the bundled sample data " + SAMPLE + " is missing from the jar");
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    private Writer writer() throws IOException {
        return output != null ? Files.newBufferedWriter(output, StandardCharsets.UTF_8)
                : new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
    }
}
