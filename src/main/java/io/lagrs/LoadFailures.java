package io.lagrs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Words the headline of a native-library load failure after its actual cause, with the fix for
 * that cause: a read-only or unwritable temp directory, a {@code noexec} mount, a library the
 * operating system rejects, a {@code -Dlagrs.library.path} directory without the library. Pure
 * functions of what the loader observed, so each wording is tested without breaking a machine.
 */
final class LoadFailures {
    private static final String TMPDIR_FIX = "Set -D" + NativeLibrary.TMPDIR_PROPERTY
            + "=DIR to a writable directory on a filesystem that allows executing files.";

    private LoadFailures() {
    }

    /** {@code -Dlagrs.library.path=dir} names a directory that does not hold the library. */
    static String notFoundInOverride(String dir, String libraryFile, String platform, boolean dirExists) {
        return "the lagrs native library was not found in " + dir + " (-D" + NativeLibrary.LIBRARY_PATH_PROPERTY
                + "): expected the file " + libraryFile + " for platform " + platform
                + (dirExists ? "" : "; the directory does not exist");
    }

    /** The library file exists in the override directory, but the operating system refused it. */
    static String overrideRejected(Path file, Throwable error) {
        return "could not load the lagrs native library " + file + " (-D" + NativeLibrary.LIBRARY_PATH_PROPERTY
                + "): " + error.getMessage() + osHint(error.getMessage());
    }

    /** Copying the library out of its jar into the temp directory failed. */
    static String extractionFailed(Path tmpdir, IOException error) {
        FileSystemException fs = find(error, FileSystemException.class);
        String reason = fs == null ? String.valueOf(error) : fs.getClass().getSimpleName() + ": " + fs.getMessage();
        String problem;
        if (fs != null && String.valueOf(fs.getReason()).toLowerCase(Locale.ROOT).contains("read-only")) {
            problem = "the temporary directory " + tmpdir + " is on a read-only filesystem";
        } else if (find(error, AccessDeniedException.class) != null
                || String.valueOf(error.getMessage()).toLowerCase(Locale.ROOT).contains("permission denied")) {
            problem = "the temporary directory " + tmpdir + " is not writable";
        } else {
            problem = "it could not be written to the temporary directory " + tmpdir;
        }
        return "could not extract the lagrs native library from its jar: " + problem + " (" + reason + "). "
                + TMPDIR_FIX;
    }

    /**
     * The extracted copy exists but {@code System.load} failed: on a {@code noexec} mount the
     * directory is the cause; otherwise the operating system's own reason is the headline.
     */
    static String extractedRejected(Path tmpdir, boolean noexec, String source, Throwable error) {
        if (noexec || looksLikeNoexec(error.getMessage())) {
            return "could not load the lagrs native library extracted into " + tmpdir + ": that directory is on a "
                    + "filesystem mounted noexec, which forbids loading libraries from it (" + error.getMessage()
                    + "). " + TMPDIR_FIX;
        }
        return "the operating system could not load the lagrs native library from " + source + ": "
                + error.getMessage() + osHint(error.getMessage());
    }

    /** Whether {@code dir} lies on a mount whose options include {@code noexec}, per {@code /proc/self/mounts}. */
    static boolean isNoexec(String mounts, Path dir) {
        String path = dir.toAbsolutePath().normalize().toString();
        String best = null;
        boolean noexec = false;
        for (String line : mounts.split("\n")) {
            String[] fields = line.split(" ");
            if (fields.length < 4) {
                continue;
            }
            String mountPoint = unescape(fields[1]);
            boolean contains = path.equals(mountPoint) || mountPoint.equals("/")
                    || path.startsWith(mountPoint.endsWith("/") ? mountPoint : mountPoint + "/");
            if (contains && (best == null || mountPoint.length() >= best.length())) {
                best = mountPoint;
                noexec = ("," + fields[3] + ",").contains(",noexec,");
            }
        }
        return noexec;
    }

    /** {@link #isNoexec(String, Path)} for this machine; false where there is no {@code /proc}. */
    static boolean isNoexec(Path dir) {
        try {
            return isNoexec(Files.readString(Path.of("/proc/self/mounts"), StandardCharsets.ISO_8859_1),
                    dir.toRealPath());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean looksLikeNoexec(String message) {
        // glibc's words when mmap(PROT_EXEC) is refused on a noexec mount.
        return message != null && message.contains("failed to map segment from shared object");
    }

    private static String osHint(String message) {
        if (message != null && message.contains("GLIBC_")) {
            return ". This system's C library (glibc) is older than the one the library was built for";
        }
        return "";
    }

    /** /proc/self/mounts writes spaces and other special characters as octal escapes (\040). */
    private static String unescape(String field) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 3 < field.length() && field.substring(i + 1, i + 4).matches("[0-7]{3}")) {
                out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
