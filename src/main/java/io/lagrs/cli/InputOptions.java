package io.lagrs.cli;

import io.lagrs.table.Frequency;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options that say where the long-format CSV is and how to read it (shared by every command). */
final class InputOptions {
    @Option(names = "--input", paramLabel = "FILE.csv",
            description = "Long-format CSV, one observation a row: series, time, value. Default: the sample data bundled in the jar (a retail catalogue of monthly series plus AirPassengers and USAccDeaths).")
    Path input;

    @Option(names = "--id-col", paramLabel = "NAME", defaultValue = "series",
            description = "Column naming the series (default: ${DEFAULT-VALUE}).")
    String idColumn;

    @Option(names = "--time-col", paramLabel = "NAME", defaultValue = "time",
            description = "Column with the time (default: ${DEFAULT-VALUE}): a whole number, a month (2024-03), a date (2024-03-01) or a timestamp (2024-03-01T13:00[:00][Z]).")
    String timeColumn;

    @Option(names = "--value-col", paramLabel = "NAME", defaultValue = "value",
            description = "Column with the value (default: ${DEFAULT-VALUE}). Empty, NA and NaN are missing values.")
    String valueColumn;

    @Option(names = "--delimiter", paramLabel = "CHAR",
            description = "Field delimiter (default: detected from the header among , ; tab |). Write tab as '\\t'.")
    String delimiter;

    @Option(names = "--freq", paramLabel = "FREQ",
            description = "Frequency of every series (hourly, daily, weekly, monthly, quarterly or yearly); default: inferred per series by the library's one rule (the most frequent time step; a time off it fails the series). Sets the time step (a missing step is a missing value) and the default season: hourly 24, daily 7, weekly 52, monthly 12, quarterly 4, yearly 1. Whole-number times: step 1, no season.")
    Frequency frequency;

    @Option(names = "--strict",
            description = "Treat any skipped row (malformed, duplicate time) as a failure: report it, write nothing and exit with code 1; with forecast and cv, also exit with code 1 when a series (or a cv window) failed.")
    boolean strict;

    /** The delimiter as a character, or 0 to detect it. */
    char delimiterChar() {
        if (delimiter == null) {
            return 0;
        }
        String d = delimiter.equals("\\t") || delimiter.equalsIgnoreCase("tab") ? "\t" : delimiter;
        if (d.length() != 1) {
            throw new UserError("--delimiter must be one character (or \\t), got '" + delimiter + "'");
        }
        return d.charAt(0);
    }

    /** How the input is named in messages. */
    String inputName() {
        return input == null ? "the bundled sample data" : input.toString();
    }
}
