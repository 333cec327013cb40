package io.lagrs;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The platforms lagrs ships a native library for, and how this JVM's {@code os.name},
 * {@code os.arch} and C library map onto them.
 *
 * <p>Classifiers follow the os-maven-plugin naming used for our classifier jars, with a
 * {@code -musl} suffix for Linux builds against musl (Alpine); the loader folder is where the
 * library sits in that jar ({@code natives/<folder>/}, the folder {@code org.scijava:native-lib-loader}
 * searches for the glibc builds). The list must match {@code scripts/build/platforms.tsv}, the one
 * place the build reads it from; {@code PlatformListTest} checks that it does.
 */
enum Platform {
    LINUX_X86_64("linux-x86_64", "linux_64"),
    LINUX_AARCH_64("linux-aarch_64", "linux_arm64"),
    LINUX_X86_64_MUSL("linux-x86_64-musl", "linux_64_musl"),
    LINUX_AARCH_64_MUSL("linux-aarch_64-musl", "linux_arm64_musl"),
    OSX_X86_64("osx-x86_64", "osx_64"),
    OSX_AARCH_64("osx-aarch_64", "osx_arm64"),
    WINDOWS_X86_64("windows-x86_64", "windows_64");

    /** The C library a Linux JVM runs on: the glibc and musl builds of lagrs are not interchangeable. */
    enum Libc {
        GLIBC, MUSL;

        /** The C library of this process (Linux only; other systems report {@code GLIBC}, unused there). */
        static Libc current() {
            if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
                return GLIBC;
            }
            try {
                return fromMappedFiles(Files.readString(Path.of("/proc/self/maps"), StandardCharsets.ISO_8859_1));
            } catch (IOException | RuntimeException e) {
                // Without /proc: musl's dynamic loader is /lib/ld-musl-<arch>.so.1.
                String[] lib = new File("/lib").list((dir, name) -> name.startsWith("ld-musl-"));
                return lib != null && lib.length > 0 ? MUSL : GLIBC;
            }
        }

        /**
         * Reads the C library from a process's memory map ({@code /proc/self/maps}): a musl process
         * maps {@code ld-musl-<arch>.so.1} (Alpine also names it {@code libc.musl-<arch>.so.1}).
         */
        static Libc fromMappedFiles(String maps) {
            for (String line : maps.split("\n")) {
                int slash = line.lastIndexOf('/');
                String file = slash >= 0 ? line.substring(slash + 1) : "";
                if (file.startsWith("ld-musl-") || file.startsWith("libc.musl-")) {
                    return MUSL;
                }
            }
            return GLIBC;
        }
    }

    private final String classifier;
    private final String loaderFolder;

    Platform(String classifier, String loaderFolder) {
        this.classifier = classifier;
        this.loaderFolder = loaderFolder;
    }

    /** The Maven classifier of this platform's native jar, e.g. {@code linux-x86_64}. */
    String classifier() {
        return classifier;
    }

    /** Where the library sits inside the classifier jar, e.g. {@code natives/linux_64/}. */
    String resourceFolder() {
        return "natives/" + loaderFolder + "/";
    }

    /** The platform of this JVM, if lagrs supports it. */
    static Optional<Platform> current() {
        return detect(System.getProperty("os.name", ""), System.getProperty("os.arch", ""), Libc.current());
    }

    /**
     * Maps raw {@code os.name} / {@code os.arch} values and the C library to a platform.
     * Lower-casing uses {@link Locale#ROOT}: under a Turkish default locale "WINDOWS" would
     * otherwise become "wındows" and match nothing.
     */
    static Optional<Platform> detect(String osName, String osArch, Libc libc) {
        String name = describe(osName, osArch, libc);
        for (Platform p : values()) {
            if (p.classifier.equals(name)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The classifier-style name of any platform, supported or not, for error messages. */
    static String describe(String osName, String osArch, Libc libc) {
        String os = normalizeOs(osName);
        String suffix = os.equals("linux") && libc == Libc.MUSL ? "-musl" : "";
        return os + "-" + normalizeArch(osArch) + suffix;
    }

    private static String normalizeOs(String osName) {
        String os = osName.toLowerCase(Locale.ROOT).trim();
        if (os.startsWith("linux")) {
            return "linux";
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return "osx";
        }
        if (os.startsWith("windows")) {
            return "windows";
        }
        return os.replaceAll("[^a-z0-9]+", "");
    }

    private static String normalizeArch(String osArch) {
        String arch = osArch.toLowerCase(Locale.ROOT).trim();
        switch (arch) {
            case "x86_64": case "amd64": case "x64": case "x86-64": case "em64t":
                return "x86_64";
            case "aarch64": case "arm64":
                return "aarch_64";
            default:
                return arch.replaceAll("[^a-z0-9_]+", "");
        }
    }
}
