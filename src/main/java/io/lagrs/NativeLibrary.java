package io.lagrs;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Loads the lagrs native library once per JVM. Every lagrs class that needs native code calls
 * {@link #load()}, so users never have to.
 *
 * <p>Where the library comes from, in order:
 * <ol>
 *   <li>{@code -Dlagrs.library.path=DIR}: the library file in that directory (for development);
 *   <li>the classifier jar for this platform ({@code io.lagrs:lagrs:<v>:<classifier>}) on the
 *       classpath, extracted by {@code org.scijava:native-lib-loader} into a fresh directory of
 *       its own under {@code -Dlagrs.tmpdir} (default {@code java.io.tmpdir}), so two JVMs
 *       starting at once never touch the same file;
 *   <li>{@code java.library.path}.
 * </ol>
 * When none works, {@link #load()} throws {@link UnsatisfiedLinkError} whose first sentence states
 * the actual cause and its fix (the classifier jar to add only when it is absent; the temp
 * directory when it is unwritable or mounted {@code noexec}; the operating system's own reason when
 * it rejects the library; the file expected in a {@code -Dlagrs.library.path} directory), followed
 * by every place tried with the reason it failed.
 */
public final class NativeLibrary {
    /** System property: a directory holding the native library, used instead of the jar. */
    public static final String LIBRARY_PATH_PROPERTY = "lagrs.library.path";
    /** System property: where the library is extracted (must allow executing files). */
    public static final String TMPDIR_PROPERTY = "lagrs.tmpdir";

    static final String LIBRARY_NAME = "lagrs";

    private NativeLibrary() {
    }

    /**
     * Loads the native library if this JVM has not loaded it yet. Idempotent and thread-safe.
     *
     * @throws UnsatisfiedLinkError if the library cannot be loaded; the message says why and how
     *     to fix it. Every later call throws an error with the same message.
     */
    public static void load() {
        Throwable failure = LoadOnce.FAILURE;
        if (failure != null) {
            UnsatisfiedLinkError error = new UnsatisfiedLinkError(failure.getMessage());
            error.initCause(failure.getCause());
            throw error;
        }
    }

    /**
     * The classifier of this machine's platform in os-maven-plugin naming, e.g.
     * {@code linux-x86_64} or {@code osx-aarch_64}; for a platform lagrs has no native library
     * for, the same style of name built from {@code os.name} and {@code os.arch}.
     *
     * @return the platform classifier, never null
     */
    public static String platform() {
        return Platform.current()
                .map(Platform::classifier)
                .orElseGet(() -> Platform.describe(System.getProperty("os.name", ""),
                        System.getProperty("os.arch", ""), Platform.Libc.current()));
    }

    /**
     * The version of lagrs these classes belong to.
     *
     * @return the version string, e.g. {@code 0.1.0}
     */
    public static String version() {
        return Version.VALUE;
    }

    /** The Maven coordinates of the classifier jar this platform needs. */
    static String dependencyFor(String classifier) {
        return "io.lagrs:lagrs:" + version() + ":" + classifier;
    }

    // Class initialization runs exactly once and is thread-safe: the JVM's own lock does the work.
    private static final class LoadOnce {
        static final Throwable FAILURE = tryLoad();
    }

    private static final class Version {
        static final String VALUE = readVersion();

        private static String readVersion() {
            try (InputStream in = NativeLibrary.class.getResourceAsStream("lagrs.properties")) {
                if (in == null) {
                    return "unknown";
                }
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "unknown");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static Throwable tryLoad() {
        List<String> tried = new ArrayList<>();
        String libraryFile = System.mapLibraryName(LIBRARY_NAME);

        String overrideDir = System.getProperty(LIBRARY_PATH_PROPERTY);
        if (overrideDir != null && !overrideDir.isEmpty()) {
            File file = new File(overrideDir, libraryFile);
            if (!file.isFile()) {
                return failure(LoadFailures.notFoundInOverride(overrideDir, libraryFile, platform(),
                        new File(overrideDir).isDirectory()), null);
            }
            try {
                System.load(file.getAbsolutePath());
                return null;
            } catch (UnsatisfiedLinkError e) {
                return failure(LoadFailures.overrideRejected(file.toPath(), e), e);
            }
        }

        // The headline names the first real cause met; "add the dependency" only when the
        // classifier jar is absent.
        String headline = null;
        Throwable cause = null;
        Optional<Platform> platform = Platform.current();
        if (platform.isPresent()) {
            String resource = platform.get().resourceFolder() + libraryFile;
            URL url = NativeLibrary.class.getClassLoader().getResource(resource);
            if (url == null) {
                tried.add("classpath resource " + resource + ": not found (the classifier jar "
                        + dependencyFor(platform.get().classifier()) + " is not on the classpath)");
            } else {
                Path tmpdir = Path.of(System.getProperty(TMPDIR_PROPERTY, System.getProperty("java.io.tmpdir")));
                File extracted = null;
                try {
                    extracted = NativeLibraryExtractor.extract(platform.get(), LIBRARY_NAME);
                    System.load(extracted.getAbsolutePath());
                    removeExtracted(extracted);
                    return null;
                } catch (IOException e) {
                    headline = LoadFailures.extractionFailed(tmpdir, e);
                    cause = e;
                } catch (UnsatisfiedLinkError e) {
                    // native-lib-loader logs this only at debug level; the user must see it.
                    Path where = extracted == null ? tmpdir : extracted.toPath().getParent();
                    headline = LoadFailures.extractedRejected(where, LoadFailures.isNoexec(where), url.toString(), e);
                    cause = e;
                }
                tried.add("classpath resource " + url + ": " + cause);
            }
        }

        try {
            System.loadLibrary(LIBRARY_NAME);
            return null;
        } catch (UnsatisfiedLinkError e) {
            tried.add("java.library.path (" + System.getProperty("java.library.path") + "): "
                    + e.getMessage());
            if (cause == null) {
                cause = e;
            }
        }
        return failure(message(headline, platform, tried), cause);
    }

    /**
     * A loaded library stays mapped after its file is deleted (except on Windows), so the copy
     * is removed at once: a JVM that is killed leaves nothing behind in the temp directory.
     * Where deleting fails, the files' delete-on-exit registration still applies.
     */
    private static void removeExtracted(File library) {
        if (System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows")) {
            return;
        }
        if (library.delete()) {
            library.getParentFile().delete();
        }
    }

    private static String message(String headline, Optional<Platform> platform, List<String> tried) {
        StringBuilder m = new StringBuilder();
        if (headline != null) {
            m.append(headline).append(" (platform ").append(platform()).append(')');
        } else if (platform.isPresent()) {
            m.append("could not load the lagrs native library on platform ").append(platform())
                    .append(". Add the dependency ").append(dependencyFor(platform.get().classifier()))
                    .append(" (Maven: <classifier>").append(platform.get().classifier())
                    .append("</classifier>) next to io.lagrs:lagrs:").append(version());
        } else {
            m.append("could not load the lagrs native library on platform ").append(platform())
                    .append(", which lagrs has no native library for (os.name=")
                    .append(System.getProperty("os.name")).append(", os.arch=")
                    .append(System.getProperty("os.arch")).append("). Supported platforms: ");
            for (Platform p : Platform.values()) {
                m.append(p.classifier()).append(' ');
            }
            m.append("(dependency ").append(dependencyFor("<classifier>")).append(')');
        }
        m.append(". Tried:");
        for (String t : tried) {
            m.append("\n  - ").append(t);
        }
        return m.toString();
    }

    private static Throwable failure(String message, Throwable cause) {
        UnsatisfiedLinkError error = new UnsatisfiedLinkError(message);
        error.initCause(cause);
        return error;
    }
}
