package io.lagrs.cli;

import io.lagrs.Regressors;
import io.lagrs.table.RegressorColumns;
import io.lagrs.table.TimeType;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The regressors of {@code forecast --xreg}: their columns in the input (over the fit, and over
 * a holdout) and in the {@code --future} file (the horizon), looked up by series and time. A
 * value missing at a time the fit or the forecast needs fails that series with a message naming
 * the series, the column and the time: never a silent zero.
 */
final class RegressorInput {
    private final List<String> names;
    private final RegressorColumns input;
    private final RegressorColumns future;

    private RegressorInput(List<String> names, RegressorColumns input, RegressorColumns future) {
        this.names = names;
        this.input = input;
        this.future = future;
    }

    /**
     * Reads the regressor columns of the input and of the future file.
     *
     * @param future the --future file, or null (then only a holdout can be forecast)
     * @throws UserError if a file cannot be read, lacks a column, or its times are not the input's
     */
    static RegressorInput read(InputOptions in, List<String> names, Path future, TimeType inputTimes) {
        if (in.input == null) {
            throw new UserError("--xreg needs --input: the bundled sample data have no regressor columns");
        }
        RegressorColumns x = columns(in.input, in, names, "--input");
        RegressorColumns f = future == null ? null : columns(future, in, names, "--future");
        for (RegressorColumns c : new RegressorColumns[] {x, f}) {
            if (c != null && c.timeType() != null && inputTimes != null && c.timeType() != inputTimes) {
                throw new UserError(c.source() + " has times of another kind (" + c.timeType().description()
                        + ") than the input's (" + inputTimes.description() + ")");
            }
        }
        return new RegressorInput(List.copyOf(names), x, f);
    }

    private static RegressorColumns columns(Path file, InputOptions in, List<String> names, String option) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return RegressorColumns.read(reader, file.toString(), in.idColumn, in.timeColumn, names, in.delimiterChar());
        } catch (IllegalArgumentException e) {
            throw new UserError(option + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UserError("cannot read " + file + " (" + option + "): " + e.getMessage(), e);
        }
    }

    /** The regressors over the first {@code train} points of the series. */
    Regressors training(RegularSeries s, int train) {
        return Regressors.of(names.toArray(String[]::new), values(s, input, 0, train, "in the input"));
    }

    /**
     * The regressors at the {@code h} times after the first {@code train} points: from the input
     * over a holdout, from the --future file after the series' end.
     */
    double[][] future(RegularSeries s, int train, int h) {
        if (train + h <= s.length()) {
            return values(s, input, train, train + h, "in the input");
        }
        if (future == null) {
            throw new IllegalArgumentException("the forecast needs the regressors' future values: give them with --future FILE");
        }
        return values(s, future, train, train + h, "in " + future.source() + " (--future)");
    }

    private double[][] values(RegularSeries s, RegressorColumns from, int start, int end, String where) {
        long[] keys = new long[end - start];
        for (int k = start; k < end; k++) {
            keys[k - start] = s.key(k);
        }
        double[][] out = from.at(s.name(), keys);
        for (int j = 0; j < out.length; j++) {
            for (int k = 0; k < keys.length; k++) {
                if (Double.isNaN(out[j][k])) {
                    throw new IllegalArgumentException("series " + s.name() + ": no value of regressor '" + names.get(j)
                            + "' at time " + s.time(start + k) + " " + where);
                }
            }
        }
        return out;
    }
}
