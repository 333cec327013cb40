package io.lagrs.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lagrs.Arima;
import io.lagrs.ArimaModel;
import io.lagrs.Forecast;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Runs on a {@code local-cluster}: a master, a worker and an executor that are separate JVMs
 * started from a Spark home holding nothing but Spark's own jars. lagrs reaches the executor
 * only as Spark ships jars to a real cluster ({@code spark.jars}, what {@code --jars} sets):
 * the API jar, the native classifier jar, native-lib-loader and lagrs-spark. The native library
 * has to load there from the shipped classifier jar.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "Spark on Windows wants Hadoop winutils, which CI runners lack; not tried there")
class ExecutorLoadIT {
    private static SparkSession spark;

    @BeforeAll
    static void startCluster() throws IOException {
        Path sparkHome = Paths.get(System.getProperty("lagrs.spark.home"));
        assertEquals(sparkHome.toString(), System.getenv("SPARK_HOME"), "the worker finds executor jars here");
        Path jars = sparkHome.resolve("jars");
        deleteRecursively(sparkHome);
        Files.createDirectories(jars);
        // The executor classpath: every jar the driver has except lagrs' own (and the test tools').
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        for (String entry : classpath.split(File.pathSeparator)) {
            Path p = Paths.get(entry);
            String name = p.getFileName().toString();
            boolean lagrs = entry.contains("io" + File.separator + "lagrs") || name.startsWith("lagrs")
                    || name.startsWith("native-lib-loader");
            if (name.endsWith(".jar") && Files.isRegularFile(p) && !lagrs && !name.startsWith("junit")) {
                try {
                    Files.createSymbolicLink(jars.resolve(name), p.toAbsolutePath());
                } catch (UnsupportedOperationException | IOException e) {
                    Files.copy(p, jars.resolve(name)); // a file system without symbolic links
                }
            }
        }

        List<String> shipped = new ArrayList<>();
        shipped.add(System.getProperty("lagrs.spark.jar"));
        try (Stream<Path> files = Files.list(Paths.get(System.getProperty("lagrs.shipped.jars")))) {
            files.map(Path::toString).sorted().forEach(shipped::add);
        }
        shipped.add(testClassesJar(sparkHome).toString()); // the probe below runs on the executor
        spark = SparkSession.builder()
                .master("local-cluster[1,1,1024]")
                .appName("lagrs-executor-load")
                .config("spark.jars", String.join(",", shipped))
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.sql.session.timeZone", "UTC")
                .getOrCreate();
    }

    @AfterAll
    static void stopCluster() {
        if (spark != null) {
            spark.stop();
        }
    }

    /** What an executor reports about itself. */
    static final class Probe implements MapPartitionsFunction<Row, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public Iterator<String> call(Iterator<Row> rows) {
            String pid = Long.toString(ManagementFactory.getRuntimeMXBean().getPid());
            boolean onSystemClasspath = ClassLoader.getSystemClassLoader().getResource("io/lagrs/Arima.class") != null;
            String version = io.lagrs.NativeLibrary.version(); // loads nothing: a resource read
            io.lagrs.NativeLibrary.load(); // throws UnsatisfiedLinkError if the native is not found
            return List.of(pid + "," + onSystemClasspath + "," + version).iterator();
        }
    }

    @Test
    void theNativeLibraryLoadsInAFreshExecutorJvmFromTheShippedJars() {
        List<String> reports = spark.range(0, 1, 1, 1).toDF().mapPartitions(new Probe(), Encoders.STRING()).collectAsList();
        assertEquals(1, reports.size());
        String[] report = reports.get(0).split(",");
        assertNotEquals(Long.toString(ManagementFactory.getRuntimeMXBean().getPid()), report[0],
                "the task ran in another JVM");
        assertEquals("false", report[1], "lagrs reached the executor only through the shipped jars");
        assertEquals(io.lagrs.NativeLibrary.version(), report[2]);
    }

    @Test
    void forecastsOnTheExecutorEqualTheSingleJvmApi() {
        Random rng = new Random(23);
        Map<String, double[]> series = new TreeMap<>();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            double[] y = ForecastTest.simulate(rng, 48);
            series.put("s" + i, y);
            for (int t = 0; t < y.length; t++) {
                rows.add(RowFactory.create("s" + i, java.sql.Date.valueOf(LocalDate.of(2018, 1, 1).plusMonths(t)), y[t]));
            }
        }
        StructType schema = new StructType().add("id", DataTypes.StringType).add("time", DataTypes.DateType)
                .add("value", DataTypes.DoubleType);
        Dataset<Row> df = spark.createDataFrame(rows, schema);
        List<Row> out = LagrsSpark.forecast(df, ForecastSpec.arima(1, 1, 1).horizon(3).batchSize(5)).collectAsList();
        assertEquals(12 * 3, out.size());
        for (Row r : out) {
            assertNull(r.get(7), () -> String.valueOf(r.get(7)));
            try (ArimaModel m = Arima.order(1, 1, 1).fit(series.get(r.getString(0)))) {
                Forecast f = m.forecast(3, 0.95);
                assertEquals(f.mean()[r.getInt(2) - 1], r.getDouble(3), 0.0);
            }
        }
        assertTrue(out.stream().map(r -> r.getString(0)).distinct().count() == 12);
    }

    private static Path testClassesJar(Path dir) throws IOException {
        Path classes = Paths.get(ExecutorLoadIT.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        Path jar = dir.resolve("lagrs-spark-test-probe.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
                Stream<Path> walk = Files.walk(classes)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace(File.separatorChar, '/')));
                Files.copy(p, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
