package io.lagrs.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code java -jar lagrs-<v>-all.jar}. Exit codes: 0 success, 1 some series
 * failed (or, with {@code --strict}, rows were skipped), 2 bad arguments (no command among
 * them), unreadable input or unwritable output (one line on standard error; {@code --verbose}
 * adds the stack trace).
 */
@Command(name = "lagrs", mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = {"Forecasts and features for many time series at once, from a long-format CSV",
            "(series,time,value). Run a command with --help for its options."},
        subcommands = {ForecastCommand.class, FeaturesCommand.class, CvCommand.class})
public final class Main implements Callable<Integer> {

    /** Runs one command ({@code forecast}, {@code features}; {@code --help} lists them) and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (for tests: no System.exit). */
    static int run(String... args) {
        System.setProperty("java.awt.headless", "true");
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(Main::handle);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli.execute(args);
    }

    /** One line for a user's mistake or an I/O failure; the stack trace only with --verbose. */
    private static int handle(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        CommandLine.ParseResult last = parsed;
        while (last.hasSubcommand()) {
            last = last.subcommand();
        }
        boolean verbose = last.hasMatchedOption("--verbose");
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        String message = cause instanceof UserError ? cause.getMessage()
                : cause instanceof java.io.IOException ? cause.getMessage()
                : "unexpected error: " + cause + (verbose ? "" : " (--verbose shows where)");
        cmd.getErr().println("lagrs " + cmd.getCommandName() + ": " + message);
        if (verbose) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            cmd.getErr().print(trace);
        }
        cmd.getErr().flush();
        return 2;
    }

    /** No command given: a usage error, like an unknown option (help asked for is --help, exit 0). */
    @Override
    public Integer call() {
        CommandLine.usage(this, System.err);
        return 2;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"lagrs " + io.lagrs.NativeLibrary.version() + " ("
                    + io.lagrs.NativeLibrary.platform() + ")"};
        }
    }
}
