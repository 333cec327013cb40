package io.lagrs.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's consumer program, examples/QuickStart.java, compiled and run as a user would run it. */
class QuickStartExampleTest {
    /** The checkout's file, whatever the working directory (the -Xcheck:jni run starts in target/). */
    private static final Path EXAMPLE = Path.of(System.getProperty("lagrs.test.root", "."), "examples", "QuickStart.java")
            .toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void theExampleIsShortAndRunsOnALongCsvWithDates() throws Exception {
        assertTrue(Files.readAllLines(EXAMPLE).size() <= 25, "at most 25 lines");
        List<String> rows = new ArrayList<>(List.of("series,time,value"));
        for (int s = 0; s < 4; s++) {
            for (int t = 0; t < 60; t++) {
                double v = 200 + s * 40 + 1.5 * t + 25 * Math.sin(2 * Math.PI * t / 12) + ((t * 7919 + s) % 17 - 8);
                rows.add("sku" + s + "," + LocalDate.of(2019, 1, 1).plusMonths(t) + "," + v);
            }
        }
        Path csv = dir.resolve("sales.csv");
        Files.write(csv, rows);
        Path out = dir.resolve("out");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", absoluteClasspath(), EXAMPLE.toString(), csv.toString(), out.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
        var stderr = java.util.concurrent.CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        String stdout = read(p.getInputStream());
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "the example finished");
        assertEquals(0, p.exitValue(), stdout + stderr.get());

        List<String> forecast = Files.readAllLines(out.resolve("forecast.csv"));
        assertEquals("series,time,model,label,mean,lower_80,upper_80,lower_95,upper_95", forecast.get(0));
        assertEquals(1 + 4 * 12, forecast.size());
        assertTrue(forecast.get(1).startsWith("sku0,2024-01-01,auto_arima,\"ARIMA("), forecast.get(1));
        assertTrue(forecast.get(12).startsWith("sku0,2024-12-01,"), forecast.get(12));
        assertTrue(stderr.get().contains("4/4 series"), stderr.get());
        assertTrue(stdout.contains("holdout: HoldoutScores[auto_arima: MASE "), stdout);
        assertTrue(stdout.contains("sku0: ARIMA("), stdout);
        assertTrue(stdout.contains("rolling mean of the last point: "), stdout);
        assertTrue(Files.size(out.resolve("models.bin")) > 100);
    }

    private static String absoluteClasspath() {
        List<String> entries = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            entries.add(Path.of(e).toAbsolutePath().toString());
        }
        return String.join(File.pathSeparator, entries);
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
