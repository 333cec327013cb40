package io.lagrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scijava.nativelib.NativeLibraryUtil;

class PlatformTest {

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource({
        "Linux, amd64, linux-x86_64, natives/linux_64/",
        "Linux, x86_64, linux-x86_64, natives/linux_64/",
        "Linux, aarch64, linux-aarch_64, natives/linux_arm64/",
        "Mac OS X, x86_64, osx-x86_64, natives/osx_64/",
        "Mac OS X, aarch64, osx-aarch_64, natives/osx_arm64/",
        "Darwin, arm64, osx-aarch_64, natives/osx_arm64/",
        "Windows 10, amd64, windows-x86_64, natives/windows_64/",
        "Windows Server 2022, AMD64, windows-x86_64, natives/windows_64/",
        "WINDOWS 11, x86_64, windows-x86_64, natives/windows_64/",
    })
    void mapsSupportedPlatforms(String osName, String osArch, String classifier, String folder) {
        Platform p = Platform.detect(osName, osArch).orElseThrow();
        assertEquals(classifier, p.classifier());
        assertEquals(folder, p.resourceFolder());
    }

    @ParameterizedTest(name = "{0} / {1} is unsupported, described as {2}")
    @CsvSource({
        "Linux, x86, linux-x86",
        "Linux, ppc64le, linux-ppc64le",
        "Linux, riscv64, linux-riscv64",
        "Windows 10, aarch64, windows-aarch_64",
        "FreeBSD, amd64, freebsd-x86_64",
        "SunOS, sparcv9, sunos-sparcv9",
    })
    void rejectsUnsupportedPlatforms(String osName, String osArch, String described) {
        assertEquals(Optional.empty(), Platform.detect(osName, osArch));
        assertEquals(described, Platform.describe(osName, osArch));
    }

    @Test
    void namingDoesNotDependOnTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            // Turkish lower-cases "I" to a dotless "ı": "WINDOWS".toLowerCase() is not "windows".
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertEquals("windows-x86_64", Platform.detect("WINDOWS", "AMD64").orElseThrow().classifier());
            assertEquals("linux-aarch_64", Platform.detect("LINUX", "AARCH64").orElseThrow().classifier());
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void thisMachineMatchesTheBuildsClassifier() {
        String fromBuild = System.getProperty("lagrs.test.classifier");
        assertTrue(fromBuild != null && !fromBuild.isEmpty(), "surefire passes lagrs.test.classifier");
        assertEquals(fromBuild, NativeLibrary.platform());
    }

    @Test
    void thisMachineUsesTheFolderNativeLibLoaderSearches() {
        Platform here = Platform.current().orElseThrow();
        assertEquals(NativeLibraryUtil.getPlatformLibraryPath(NativeLibraryUtil.DEFAULT_SEARCH_PATH),
                here.resourceFolder());
    }
}
