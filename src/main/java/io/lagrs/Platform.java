package io.lagrs;

import java.util.Locale;
import java.util.Optional;

/**
 * The platforms lagrs ships a native library for, and how this JVM's {@code os.name} and
 * {@code os.arch} map onto them.
 *
 * <p>Classifiers follow the os-maven-plugin naming used for our classifier jars; the loader
 * folder is the one {@code org.scijava:native-lib-loader} searches ({@code natives/<folder>/}).
 */
enum Platform {
    LINUX_X86_64("linux-x86_64", "linux_64"),
    LINUX_AARCH_64("linux-aarch_64", "linux_arm64"),
    OSX_X86_64("osx-x86_64", "osx_64"),
    OSX_AARCH_64("osx-aarch_64", "osx_arm64"),
    WINDOWS_X86_64("windows-x86_64", "windows_64");

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
        return detect(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    }

    /**
     * Maps raw {@code os.name} / {@code os.arch} values to a platform. Lower-casing uses
     * {@link Locale#ROOT}: under a Turkish default locale "WINDOWS" would otherwise become
     * "wındows" and match nothing.
     */
    static Optional<Platform> detect(String osName, String osArch) {
        String os = normalizeOs(osName);
        String arch = normalizeArch(osArch);
        for (Platform p : values()) {
            if (p.classifier.equals(os + "-" + arch)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The classifier-style name of any platform, supported or not, for error messages. */
    static String describe(String osName, String osArch) {
        return normalizeOs(osName) + "-" + normalizeArch(osArch);
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
