package io.lagrs.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files a command will write, checked before any work is done: none may be the input or
 * another output, however it is spelled (relative, with {@code ..},
 * through a symbolic or hard link). Writing one over the input would destroy the data being
 * read, and two outputs in one file would leave only the last.
 */
final class OutputPaths {
    /** One output: the option that names it, where it goes, and whether the name is a default. */
    record Output(String option, Path path, boolean byDefault) {
        String describe() {
            return option + " " + path + (byDefault ? " (the default)" : "");
        }
    }

    private OutputPaths() {
    }

    /**
     * @param input the input file, or null for the bundled sample
     * @throws UserError naming the option whose file is the input or an earlier output
     */
    static void check(Path input, List<Output> outputs) {
        List<Output> earlier = new ArrayList<>();
        for (Output o : outputs) {
            if (input != null && sameFile(o.path(), input)) {
                throw new UserError(o.describe() + " is the input file; name another with " + o.option());
            }
            for (Output e : earlier) {
                if (sameFile(o.path(), e.path())) {
                    throw new UserError(o.describe() + " is the same file as " + e.option() + "; name another with "
                            + o.option());
                }
            }
            earlier.add(o);
        }
    }

    static boolean sameFile(Path a, Path b) {
        if (resolved(a).equals(resolved(b))) {
            return true;
        }
        try {
            // hard links: two names, one file
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /** The path with every link resolved; for a file not yet there, its directory's real path and its name. */
    private static Path resolved(Path p) {
        Path absolute = p.toAbsolutePath();
        try {
            return absolute.toRealPath();
        } catch (IOException e) {
            // not there (yet), or not a file system path (a pipe)
        }
        Path parent = absolute.getParent();
        if (parent != null && absolute.getFileName() != null) {
            try {
                return parent.toRealPath().resolve(absolute.getFileName());
            } catch (IOException e) {
                // the directory is missing: AtomicFile.checkWritable says so
            }
        }
        return absolute.normalize();
    }
}
