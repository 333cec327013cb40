package io.lagrs.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/**
 * An output file written to a temporary file in the same directory and moved into place by
 * {@link #commit()}: readers never see a half-written file, and a run that fails leaves the
 * previous file (or none) behind. {@link #close()} without commit deletes the temporary file.
 * The file gets the permissions of any newly created file (those the umask allows).
 */
final class AtomicFile implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path target;
    private final Path temporary;
    private final BufferedWriter writer;
    private boolean committed;

    private AtomicFile(Path target, Path temporary, BufferedWriter writer) {
        this.target = target;
        this.temporary = temporary;
        this.writer = writer;
    }

    /** @throws UserError if the directory of target does not exist or cannot be written */
    static AtomicFile create(Path target) {
        Path absolute = target.toAbsolutePath();
        checkWritable(absolute);
        try {
            for (int attempt = 0; ; attempt++) {
                Path temporary = absolute.resolveSibling("." + absolute.getFileName() + "."
                        + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".part");
                OutputStream out;
                try {
                    // not Files.createTempFile, which makes the file private (0600): an output file
                    // gets the permissions the umask gives any new file
                    out = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                } catch (FileAlreadyExistsException e) {
                    if (attempt < 100) {
                        continue;
                    }
                    throw e;
                }
                // a run stopped with Ctrl-C leaves no temporary file behind either
                temporary.toFile().deleteOnExit();
                return new AtomicFile(absolute, temporary,
                        new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UserError("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * Checks, before any work is done, that target can be created: its directory exists and is
     * writable, and target is not a directory.
     *
     * @throws UserError naming the path otherwise
     */
    static void checkWritable(Path target) {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (Files.isDirectory(absolute)) {
            throw new UserError("cannot write " + target + ": it is a directory");
        }
        if (dir == null || !Files.isDirectory(dir)) {
            throw new UserError("cannot write " + target + ": directory " + dir + " does not exist");
        }
        if (!Files.isWritable(dir) || (Files.exists(absolute) && !Files.isWritable(absolute))) {
            throw new UserError("cannot write " + target + ": permission denied");
        }
    }

    BufferedWriter writer() {
        return writer;
    }

    Path target() {
        return target;
    }

    /** Flushes and moves the file into place (atomically where the file system can). */
    void commit() throws IOException {
        writer.close();
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
        committed = true;
    }

    @Override
    public void close() throws IOException {
        if (!committed) {
            try {
                writer.close();
            } finally {
                Files.deleteIfExists(temporary);
            }
        }
    }
}
