package io.lagrs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The loader's headline for each cause that cannot be produced on every test machine (a
 * read-only filesystem, a noexec mount): the same exceptions and texts the JDK and glibc give.
 * NativeLoadingTest covers the causes a test can create, each in a fresh JVM.
 */
class LoadFailuresTest {
    private static final Path TMP = Path.of("/var/tmp/app");

    @Test
    void unwritableTempDirectoryIsTheHeadlineWithTheFix() {
        IOException e = new AccessDeniedException("/var/tmp/app/lagrs-0.1.0-123");
        String m = LoadFailures.extractionFailed(TMP, e);
        assertTrue(m.contains("the temporary directory /var/tmp/app is not writable"), m);
        assertTrue(m.contains("AccessDeniedException"), m);
        assertTrue(m.contains("-Dlagrs.tmpdir="), m);
        assertFalse(m.contains("dependency"), m);
    }

    @Test
    void readOnlyFilesystemIsNamedAsSuch() {
        IOException e = new FileSystemException("/var/tmp/app/lagrs-0.1.0-123", null, "Read-only file system");
        String m = LoadFailures.extractionFailed(TMP, e);
        assertTrue(m.contains("/var/tmp/app is on a read-only filesystem"), m);
        assertTrue(m.contains("-Dlagrs.tmpdir="), m);
    }

    @Test
    void causeBuriedInTheChainIsFound() {
        IOException e = new IOException("extraction failed", new AccessDeniedException("/var/tmp/app/x"));
        assertTrue(LoadFailures.extractionFailed(TMP, e).contains("is not writable"));
    }

    @Test
    void noexecMountIsTheHeadlineWithTheFix() {
        UnsatisfiedLinkError e = new UnsatisfiedLinkError(
                "/tmp/lagrs-0.1.0-1/liblagrs.so: /tmp/lagrs-0.1.0-1/liblagrs.so: failed to map segment from shared object");
        String m = LoadFailures.extractedRejected(Path.of("/tmp/lagrs-0.1.0-1"), false, "jar:file:/x.jar!/natives", e);
        assertTrue(m.contains("mounted noexec"), m);
        assertTrue(m.contains("failed to map segment"), m);
        assertTrue(m.contains("-Dlagrs.tmpdir="), m);
    }

    @Test
    void aLibraryTheOsRejectsGivesTheOsReasonNotATmpdirHint() {
        UnsatisfiedLinkError e = new UnsatisfiedLinkError("/tmp/x/liblagrs.so: invalid ELF header");
        String m = LoadFailures.extractedRejected(Path.of("/tmp/x"), false, "jar:file:/x.jar!/natives", e);
        assertTrue(m.contains("invalid ELF header"), m);
        assertFalse(m.contains("noexec"), m);
        UnsatisfiedLinkError old = new UnsatisfiedLinkError(
                "/tmp/x/liblagrs.so: /lib64/libc.so.6: version `GLIBC_2.18' not found (required by /tmp/x/liblagrs.so)");
        assertTrue(LoadFailures.extractedRejected(Path.of("/tmp/x"), false, "jar", old).contains("older than"));
    }

    @Test
    void findsTheMountOfADirectoryAndItsNoexecOption() {
        String mounts = String.join("\n",
                "overlay / overlay rw,relatime 0 0",
                "tmpfs /tmp tmpfs rw,nosuid,nodev,noexec,relatime 0 0",
                "tmpfs /tmp/exec\\040ok tmpfs rw,nosuid,relatime 0 0",
                "tmpfs /tmpfoo tmpfs rw,noexec 0 0",
                "/dev/sda1 /var ext4 rw,relatime 0 0");
        assertTrue(LoadFailures.isNoexec(mounts, Path.of("/tmp/lagrs-1")));
        assertTrue(LoadFailures.isNoexec(mounts, Path.of("/tmp")));
        assertFalse(LoadFailures.isNoexec(mounts, Path.of("/tmp/exec ok/lagrs-1")), "a deeper mount wins");
        assertFalse(LoadFailures.isNoexec(mounts, Path.of("/var/tmp")));
        assertFalse(LoadFailures.isNoexec(mounts, Path.of("/tm")), "a prefix of a name is not a parent");
        assertFalse(LoadFailures.isNoexec(mounts, Path.of("/home/u")));
    }

    @Test
    void overrideDirectoryWithoutTheLibrarySaysNotFoundInDirAndNamesTheFile() {
        String m = LoadFailures.notFoundInOverride("/opt/libs", "liblagrs.so", "linux-x86_64", true);
        assertTrue(m.contains("not found in /opt/libs"), m);
        assertTrue(m.contains("liblagrs.so"), m);
        assertTrue(m.contains("linux-x86_64"), m);
        assertTrue(LoadFailures.notFoundInOverride("/nope", "lagrs.dll", "windows-x86_64", false)
                .contains("the directory does not exist"));
    }
}
