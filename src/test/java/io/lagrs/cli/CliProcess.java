package io.lagrs.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Runs the command line in a JVM of its own, for what an in-process run cannot show: the
 * working directory, the heap limit, standard input from a pipe, a missing native library.
 */
record CliProcess(int exit, String out, String err) {
    /**
     * @param dir the working directory
     * @param jvmArgs options for the JVM (e.g. -Xmx64m)
     * @param natives whether the native library is on the classpath
     * @param stdin writes standard input (errors writing it, e.g. a pipe closed early, are ignored), or null
     */
    static CliProcess run(Path dir, List<String> jvmArgs, boolean natives, Consumer<OutputStream> stdin,
            String... args) throws Exception {
        // Absolute: the child runs in another directory, and the -Xcheck:jni run's classpath is relative.
        List<String> classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> natives || !e.contains("natives"))
                .map(e -> Path.of(e).toAbsolutePath().toString())
                .collect(Collectors.toList());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classpath));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> drain(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
        try (OutputStream in = p.getOutputStream()) {
            if (stdin != null) {
                stdin.accept(in);
            }
        } catch (IOException | UncheckedIOException e) {
            // the program stopped reading: what it says about that is the test's business
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the CLI JVM finished");
        return new CliProcess(p.exitValue(), out.get(), err.get());
    }

    private static String drain(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
}
