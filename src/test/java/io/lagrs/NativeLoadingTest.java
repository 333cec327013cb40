package io.lagrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading as users meet it, each case in a fresh JVM: the classifier jar present or missing, a
 * library that the OS refuses, an unusable temp directory, the development override, and two
 * JVMs starting at once. Each failure's headline must state its own cause.
 */
class NativeLoadingTest {
    private static final String CLASSIFIER = System.getProperty("lagrs.test.classifier");
    private static final Path NATIVES = Path.of(System.getProperty("lagrs.test.natives"));

    @TempDir
    Path temp;

    @Test
    void loadIsIdempotentAndThreadSafe() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> calls = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            calls.add(pool.submit(() -> {
                start.await();
                NativeLibrary.load();
                return Rolling.mean(new double[] {1, 2, 3, 4}, 2)[3];
            }));
        }
        start.countDown();
        for (Future<?> call : calls) {
            assertEquals(3.5, call.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
    }

    @Test
    void loadsFromTheClassifierJarLayoutOnTheClasspath() throws Exception {
        List<String> out = probe(List.of(NATIVES.toString()), List.of("-Dlagrs.tmpdir=" + temp));
        assertEquals(List.of("OK " + CLASSIFIER), out);
        if (!CLASSIFIER.startsWith("windows")) {
            try (java.util.stream.Stream<Path> left = Files.list(temp)) {
                assertEquals(List.of(), left.collect(Collectors.toList()), "the extracted copy is removed once loaded");
            }
        }
    }

    @Test
    void missingClassifierJarNamesThePlatformAndTheDependency() throws Exception {
        List<String> out = probe(List.of(), List.of());
        String message = out.get(0);
        assertTrue(message.startsWith("FAILED java.lang.UnsatisfiedLinkError"), message);
        assertTrue(message.contains("platform " + CLASSIFIER), message);
        assertTrue(message.contains("io.lagrs:lagrs:" + NativeLibrary.version() + ":" + CLASSIFIER), message);
        assertTrue(out.contains("SECOND true"), out.toString());
    }

    @Test
    void aLibraryTheOsRefusesShowsTheRealLoadError() throws Exception {
        Path fakeJar = temp.resolve("fake-classifier-jar");
        Path folder = fakeJar.resolve(Platform.current().orElseThrow().resourceFolder());
        Files.createDirectories(folder);
        Files.write(folder.resolve(System.mapLibraryName("lagrs")), "not a shared library".getBytes(StandardCharsets.UTF_8));

        List<String> out = probe(List.of(fakeJar.toString()), List.of("-Dlagrs.tmpdir=" + temp.resolve("x")));
        String message = out.get(0);
        assertTrue(message.startsWith("FAILED java.lang.UnsatisfiedLinkError"), message);
        String cause = out.stream().filter(l -> l.startsWith("CAUSE ")).findFirst().orElseThrow().substring(6);
        // The OS's own words (e.g. "invalid ELF header") are the headline; the jar is present, so
        // the message must not send the user to add it.
        assertTrue(message.contains(cause), message + " / " + cause);
        assertTrue(message.contains("the operating system could not load"), message);
        assertFalse(message.contains("Add the dependency"), message);
        assertTrue(out.contains("SECOND true"), out.toString());
    }

    @Test
    void missingClassifierJarIsTheOnlyCaseThatSaysAddTheDependency() throws Exception {
        String message = probe(List.of(), List.of()).get(0);
        assertTrue(message.startsWith("FAILED java.lang.UnsatisfiedLinkError: could not load the lagrs native library on platform "
                + CLASSIFIER + ". Add the dependency"), message);
    }

    @Test
    void unwritableTempDirectoryIsTheHeadline() throws Exception {
        Path readOnly = Files.createDirectories(temp.resolve("read-only"));
        assumeTrue(readOnly.toFile().setWritable(false, false), "permissions can be changed here");
        try {
            assumeFalse(Files.isWritable(readOnly), "not running as a user who may write anywhere (root)");
            List<String> out = probe(List.of(NATIVES.toString()), List.of("-Dlagrs.tmpdir=" + readOnly));
            String message = out.get(0);
            assertTrue(message.startsWith("FAILED java.lang.UnsatisfiedLinkError: could not extract the lagrs native library"
                    + " from its jar: the temporary directory " + readOnly + " is not writable"), message);
            assertTrue(message.contains("-Dlagrs.tmpdir="), message);
            assertFalse(message.contains("Add the dependency"), message);
        } finally {
            readOnly.toFile().setWritable(true, false);
        }
    }

    @Test
    void tempDirectoryThatIsAFileIsTheHeadline() throws Exception {
        Path file = Files.writeString(temp.resolve("not-a-directory"), "x");
        List<String> out = probe(List.of(NATIVES.toString()), List.of("-Dlagrs.tmpdir=" + file));
        String message = out.get(0);
        assertTrue(message.startsWith("FAILED java.lang.UnsatisfiedLinkError: could not extract the lagrs native library"
                + " from its jar: it could not be written to the temporary directory " + file), message);
        assertFalse(message.contains("Add the dependency"), message);
    }

    @Test
    void libraryPathOverrideLoadsFromADirectory() throws Exception {
        Path dir = NATIVES.resolve(Platform.current().orElseThrow().resourceFolder());
        assertEquals(List.of("OK " + CLASSIFIER), probe(List.of(), List.of("-Dlagrs.library.path=" + dir)));
    }

    @Test
    void libraryPathOverrideWithoutTheLibrarySaysNotFoundInDirAndNamesTheFile() throws Exception {
        List<String> out = probe(List.of(NATIVES.toString()), List.of("-Dlagrs.library.path=" + temp));
        String message = out.get(0);
        assertTrue(message.startsWith("FAILED java.lang.UnsatisfiedLinkError: the lagrs native library was not found in "
                + temp + " (-Dlagrs.library.path): expected the file " + System.mapLibraryName("lagrs")
                + " for platform " + CLASSIFIER), message);
        assertFalse(message.contains("Add the dependency"), message);
    }

    @Test
    void libraryPathOverrideThatDoesNotExistSaysSo() throws Exception {
        Path missing = temp.resolve("no-such-dir");
        String message = probe(List.of(NATIVES.toString()), List.of("-Dlagrs.library.path=" + missing)).get(0);
        assertTrue(message.contains("not found in " + missing), message);
        assertTrue(message.contains("the directory does not exist"), message);
    }

    @Test
    void twoJvmsStartingAtOnceShareATempDirectory() throws Exception {
        List<String> jvmArgs = List.of("-Dlagrs.tmpdir=" + temp);
        List<Process> started = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            started.add(startProbe(List.of(NATIVES.toString()), jvmArgs));
        }
        for (Process p : started) {
            assertEquals(List.of("OK " + CLASSIFIER), finish(p));
        }
    }

    private List<String> probe(List<String> extraClasspath, List<String> jvmArgs) throws Exception {
        return finish(startProbe(extraClasspath, jvmArgs));
    }

    /** Starts LoadProbe with our classes and native-lib-loader, but no native unless given. */
    private static Process startProbe(List<String> extraClasspath, List<String> jvmArgs) throws IOException {
        List<String> classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> e.endsWith("classes") || e.contains("native-lib-loader") || e.contains("slf4j"))
                .filter(e -> !e.contains("natives"))
                .collect(Collectors.toCollection(ArrayList::new));
        classpath.addAll(extraClasspath);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classpath));
        command.add(LoadProbe.class.getName());
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static List<String> finish(Process p) throws Exception {
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "probe JVM finished");
        return stdout.lines().collect(Collectors.toList());
    }
}
