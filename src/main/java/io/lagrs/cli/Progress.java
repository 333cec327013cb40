package io.lagrs.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on standard error (me.tongfei:progressbar) that appears only once a run has
 * taken more than a second, and only when standard error is a terminal: logs and pipes stay
 * clean.
 */
final class Progress implements AutoCloseable {
    private static final long SHOW_AFTER_NANOS = 1_000_000_000L;

    private final boolean enabled;
    private final long total;
    private final String task;
    private final long startNanos = System.nanoTime();
    private long done;
    private ProgressBar bar;

    Progress(String task, long total, boolean enabled) {
        this.task = task;
        this.total = total;
        this.enabled = enabled;
    }

    /** Records n more items done; shows the bar once the run is older than a second. */
    synchronized void step(long n) {
        stepTo(done + n);
    }

    /**
     * Records that {@code count} items are done in all (a batch call's listener reports its
     * running count); a count below the last one is ignored.
     */
    synchronized void stepTo(long count) {
        if (count <= done) {
            return;
        }
        done = count;
        if (!enabled) {
            return;
        }
        long elapsed = System.nanoTime() - startNanos;
        if (bar == null && elapsed > SHOW_AFTER_NANOS && done < total) {
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err)).setUpdateIntervalMillis(200)
                    .startsFrom(0, Duration.ofNanos(elapsed)).build();
        }
        if (bar != null) {
            bar.stepTo(done);
        }
    }

    /** The items done so far. */
    synchronized long done() {
        return done;
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.stepTo(done);
            bar.close();
            bar = null;
        }
    }

    /**
     * Whether standard error is an interactive terminal. The JDK only tells whether a console
     * is attached (standard input and output); on Linux, standard error's own descriptor is
     * checked too, so that {@code 2>log} keeps the log free of bar updates.
     */
    static boolean stderrIsTerminal() {
        if (System.console() == null) {
            return false;
        }
        Path fd2 = Path.of("/proc/self/fd/2");
        try {
            if (Files.exists(fd2)) {
                String target = Files.readSymbolicLink(fd2).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            }
        } catch (Exception e) {
            return false;
        }
        return true;
    }
}
