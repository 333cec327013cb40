package io.lagrs.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code java -jar lagrs-<v>-all.jar}. */
@Command(name = "lagrs", mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Time-series features for many series at once.",
        subcommands = {FeaturesCommand.class})
public final class Main implements Runnable {

    /** Runs one command ({@code features}; {@code --help} lists them) and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (for tests: no System.exit). */
    static int run(String... args) {
        return new CommandLine(new Main()).execute(args);
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"lagrs " + io.lagrs.NativeLibrary.version() + " ("
                    + io.lagrs.NativeLibrary.platform() + ")"};
        }
    }
}
