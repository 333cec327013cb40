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
    private static final Path TMP = Path.of("/var/scratch/app");

    @Test
    void unwritableTempDirectoryIsTheHeadlineWithTheFix() {
        IOException e = new AccessDeniedException("/var/scratch/app/lagrs-0.1.0-123");
        String m = LoadFailures.extractionFailed(TMP, e);
        assertTrue(m.contains("the temporary directory /var/scratch/app is not writable"), m);
        assertTrue(m.contains("AccessDeniedException"), m);
        assertTrue(m.contains("-Dlagrs.tmpdir="), m);
        assertFalse(m.contains("dependency"), m);
    }

    @Test
    void readOnlyFilesystemIsNamedAsSuch() {
        IOException e = new FileSystemException("/var/scratch/app/lagrs-0.1.0-123", null, "Read-only file system");
        String m = LoadFailures.extractionFailed(TMP, e);
        assertTrue(m.contains("/var/scratch/app is on a read-only filesystem"), m);
        assertTrue(m.contains("-Dlagrs.tmpdir="), m);
    }

    @Test
    void causeBuriedInTheChainIsFound() {
        IOException e = new IOException("extraction failed", new AccessDeniedException("/var/scratch/app/x"));
        assertTrue(LoadFailures.extractionFailed(TMP, e).contains("is not writable"));
    }

    @Test
    void noexecMountIsTheHeadlineWithTheFix() {
        UnsatisfiedLinkError e = new UnsatisfiedLinkError(
                "/scratch/lagrs-0.1.0-1/liblagrs.so: /scratch/lagrs-0.1.0-1/liblagrs.so: failed to map segment from shared object");
        String m = LoadFailures.extractedRejected(Path.of("/scratch/lagrs-0.1.0-1"), false, "jar:file:/x.jar!/natives", e);
        assertTrue(m.contains("mounted noexec"), m);
        assertTrue(m.contains("failed to map segment"), m);
        assertTrue(m.contains("-Dlagrs.tmpdir="), m);
    }

    @Test
    void aLibraryTheOsRejectsGivesTheOsReasonNotATmpdirHint() {
        UnsatisfiedLinkError e = new UnsatisfiedLinkError("/scratch/x/liblagrs.so: invalid ELF header");
        String m = LoadFailures.extractedRejected(Path.of("/scratch/x"), false, "jar:file:/x.jar!/natives", e);
        assertTrue(m.contains("invalid ELF header"), m);
        assertFalse(m.contains("noexec"), m);
        UnsatisfiedLinkError old = new UnsatisfiedLinkError(
                "/scratch/x/liblagrs.so: /lib64/libc.so.6: version `GLIBC_2.18' not found (required by /scratch/x/liblagrs.so)");
        assertTrue(LoadFailures.extractedRejected(Path.of("/scratch/x"), false, "jar", old).contains("older than"));
    }

    @Test
    void findsTheMountOfADirectoryAndItsNoexecOption() {
        String mounts = String.join("\n",
                "overlay / overlay rw,relatime 0 0",
                "tmpfs /scratch tmpfs rw,nosuid,nodev,noexec,relatime 0 0",
                "tmpfs /scratch/exec\\040ok tmpfs rw,nosuid,relatime 0 0",
                "tmpfs /scratchfoo tmpfs rw,noexec 0 0",
                "/dev/sda1 /var ext4 rw,relatime 0 0");
        assertTrue(LoadFailures.isNoexec(mounts, Path.of("/scratch/lagrs-1")));
        assertTrue(LoadFailures.isNoexec(mounts, Path.of("/scratch")));
        assertFalse(LoadFailures.isNoexec(mounts, Path.of("/scratch/exec ok/lagrs-1")), "a deeper mount wins");
        assertFalse(LoadFailures.isNoexec(mounts, Path.of("/var/scratch")));
        assertFalse(LoadFailures.isNoexec(mounts, Path.of("/scr")), "a prefix of a name is not a parent");
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
