package io.lagrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lagrs.Platform.Libc;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scijava.nativelib.NativeLibraryUtil;

class PlatformTest {

    @ParameterizedTest(name = "{0} / {1} / {2} -> {3}")
    @CsvSource({
        "Linux, amd64, GLIBC, linux-x86_64, natives/linux_64/",
        "Linux, x86_64, GLIBC, linux-x86_64, natives/linux_64/",
        "Linux, aarch64, GLIBC, linux-aarch_64, natives/linux_arm64/",
        "Linux, amd64, MUSL, linux-x86_64-musl, natives/linux_64_musl/",
        "Linux, x86_64, MUSL, linux-x86_64-musl, natives/linux_64_musl/",
        "Linux, aarch64, MUSL, linux-aarch_64-musl, natives/linux_arm64_musl/",
        "Mac OS X, x86_64, GLIBC, osx-x86_64, natives/osx_64/",
        "Mac OS X, aarch64, GLIBC, osx-aarch_64, natives/osx_arm64/",
        // The C library matters only on Linux.
        "Mac OS X, aarch64, MUSL, osx-aarch_64, natives/osx_arm64/",
        "Darwin, arm64, GLIBC, osx-aarch_64, natives/osx_arm64/",
        "Windows 10, amd64, GLIBC, windows-x86_64, natives/windows_64/",
        "Windows Server 2022, AMD64, GLIBC, windows-x86_64, natives/windows_64/",
        "WINDOWS 11, x86_64, GLIBC, windows-x86_64, natives/windows_64/",
    })
    void mapsSupportedPlatforms(String osName, String osArch, Libc libc, String classifier, String folder) {
        Platform p = Platform.detect(osName, osArch, libc).orElseThrow();
        assertEquals(classifier, p.classifier());
        assertEquals(folder, p.resourceFolder());
    }

    @ParameterizedTest(name = "{0} / {1} / {2} is unsupported, described as {3}")
    @CsvSource({
        "Linux, x86, GLIBC, linux-x86",
        "Linux, ppc64le, GLIBC, linux-ppc64le",
        "Linux, riscv64, MUSL, linux-riscv64-musl",
        "Windows 10, aarch64, GLIBC, windows-aarch_64",
        "FreeBSD, amd64, GLIBC, freebsd-x86_64",
        "SunOS, sparcv9, GLIBC, sunos-sparcv9",
    })
    void rejectsUnsupportedPlatforms(String osName, String osArch, Libc libc, String described) {
        assertEquals(Optional.empty(), Platform.detect(osName, osArch, libc));
        assertEquals(described, Platform.describe(osName, osArch, libc));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // Alpine 3.20, x86_64: musl's loader is also its libc.
        "alpine x86_64 | MUSL | 7f1c2a000000-7f1c2a014000 r--p 00000000 00:2b 1835 /lib/ld-musl-x86_64.so.1",
        "alpine aarch64 | MUSL | ffff9a000000-ffff9a0a0000 r-xp 00000000 00:2b 1835 /lib/ld-musl-aarch64.so.1",
        "alpine libc.musl name | MUSL | 7f1c2a000000-7f1c2a014000 r--p 00000000 00:2b 1835 /usr/lib/libc.musl-x86_64.so.1",
        "debian x86_64 | GLIBC | 7f3b1c000000-7f3b1c028000 r--p 00000000 08:01 2345 /usr/lib/x86_64-linux-gnu/libc.so.6",
        "glibc loader | GLIBC | 7f3b1c400000-7f3b1c42a000 r--p 00000000 08:01 2346 /usr/lib64/ld-linux-x86-64.so.2",
        "a path merely mentioning musl | GLIBC | 7f3b1c400000-7f3b1c42a000 r--p 00000000 08:01 2346 /opt/musl-tools/lib/libfoo.so",
        "anonymous mappings only | GLIBC | 7ffd5a3c1000-7ffd5a3e2000 rw-p 00000000 00:00 0 [stack]",
    })
    void tellsMuslFromGlibcByTheMappedCLibrary(String name, Libc expected, String mapsLine) {
        String maps = "55d4c9e00000-55d4c9e01000 r--p 00000000 08:01 1 /usr/lib/jvm/bin/java\n" + mapsLine + "\n";
        assertEquals(expected, Libc.fromMappedFiles(maps));
    }

    @Test
    void namingDoesNotDependOnTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            // Turkish lower-cases "I" to a dotless "ı": "WINDOWS".toLowerCase() is not "windows".
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertEquals("windows-x86_64", Platform.detect("WINDOWS", "AMD64", Libc.GLIBC).orElseThrow().classifier());
            assertEquals("linux-aarch_64", Platform.detect("LINUX", "AARCH64", Libc.GLIBC).orElseThrow().classifier());
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
        // native-lib-loader has no musl folder; ours (linux_64_musl) is passed to it explicitly.
        assumeTrue(Platform.Libc.current() == Libc.GLIBC, "glibc or non-Linux machine");
        assertEquals(NativeLibraryUtil.getPlatformLibraryPath(NativeLibraryUtil.DEFAULT_SEARCH_PATH),
                here.resourceFolder());
    }
}
