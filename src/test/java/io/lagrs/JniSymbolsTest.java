package io.lagrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The JNI contract by name: the Java_* symbols a native library exports must be exactly the JNI
 * names of the {@code native} methods of the classes it serves. The shipped library serves the
 * main classes only (no test-only entry point); the test library serves main and test classes.
 * Lists both sides in the failure message. Symbols are read with {@code nm} (Linux, macOS).
 */
class JniSymbolsTest {
    private static final String OS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);

    @Test
    void shippedLibraryExportsExactlyTheMainClassesNativeMethods() throws Exception {
        Path library = library(Path.of(System.getProperty("lagrs.test.natives")));
        assertEquals(nativeMethods(Path.of(System.getProperty("lagrs.test.mainClasses"))), exportedJniSymbols(library),
                "JNI names of the native methods in the main classes (expected) vs symbols exported by " + library);
    }

    @Test
    void testLibraryAddsOnlyTheTestClassesNativeMethods() throws Exception {
        Path library = library(Path.of(System.getProperty("lagrs.test.testNatives")));
        Set<String> expected = nativeMethods(Path.of(System.getProperty("lagrs.test.mainClasses")));
        Set<String> testOnly = nativeMethods(Path.of(System.getProperty("lagrs.test.testClasses")));
        assertTrue(!testOnly.isEmpty(), "the test classes declare the test-only natives");
        expected.addAll(testOnly);
        assertEquals(expected, exportedJniSymbols(library),
                "JNI names of the native methods in main and test classes (expected) vs symbols exported by " + library);
    }

    private static Path library(Path stagedClassifierFolder) {
        Platform platform = Platform.current().orElseThrow();
        Path library = stagedClassifierFolder.resolve(platform.resourceFolder()).resolve(System.mapLibraryName("lagrs"));
        assertTrue(Files.isRegularFile(library), "staged library " + library);
        return library;
    }

    /** The JNI short names (JNI specification, "Resolving Native Method Names") of every native method. */
    static Set<String> nativeMethods(Path classesRoot) throws Exception {
        Set<String> names = new TreeSet<>();
        List<Path> classFiles;
        try (Stream<Path> files = Files.walk(classesRoot)) {
            classFiles = files.filter(p -> p.toString().endsWith(".class")).collect(Collectors.toList());
        }
        for (Path file : classFiles) {
            String binaryName = classesRoot.relativize(file).toString()
                    .replace(file.getFileSystem().getSeparator(), ".").replaceAll("\\.class$", "");
            if (binaryName.equals("module-info") || binaryName.endsWith("package-info")) {
                continue;
            }
            // Not initialised: a static initialiser would load the library under test.
            Class<?> type = Class.forName(binaryName, false, JniSymbolsTest.class.getClassLoader());
            List<String> overloaded = new ArrayList<>();
            for (Method m : type.getDeclaredMethods()) {
                if (Modifier.isNative(m.getModifiers())) {
                    String name = "Java_" + mangle(type.getName().replace('.', '/')) + "_" + mangle(m.getName());
                    if (!names.add(name)) {
                        overloaded.add(m.getName());
                    }
                }
            }
            assertTrue(overloaded.isEmpty(), type + " overloads native methods " + overloaded
                    + ": give each its own name (the bridge exports short JNI names only)");
        }
        return names;
    }

    static String mangle(String name) {
        StringBuilder out = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (c == '/') {
                out.append('_');
            } else if (c == '_') {
                out.append("_1");
            } else if (c == ';') {
                out.append("_2");
            } else if (c == '[') {
                out.append("_3");
            } else if (c < 128 && Character.isLetterOrDigit(c)) {
                out.append(c);
            } else {
                out.append(String.format("_0%04x", (int) c));
            }
        }
        return out.toString();
    }

    private static Set<String> exportedJniSymbols(Path library) throws Exception {
        assumeFalse(OS.startsWith("windows"), "no symbol lister on the Windows runner; verify-native.sh checks the DLL");
        List<String> command = OS.startsWith("mac") || OS.startsWith("darwin")
                ? List.of("nm", "-gU", library.toString())
                : List.of("nm", "-D", "--defined-only", library.toString());
        Process nm;
        try {
            nm = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("nm (GNU binutils or Xcode) is needed to list the library's symbols", e);
        }
        String out = new String(nm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(nm.waitFor(60, TimeUnit.SECONDS) && nm.exitValue() == 0, String.join(" ", command) + ": " + out);
        Set<String> symbols = new TreeSet<>();
        for (String line : out.split("\n")) {
            String[] fields = line.trim().split("\\s+");
            String symbol = fields[fields.length - 1];
            if (symbol.startsWith("_Java_")) {
                symbol = symbol.substring(1); // Mach-O prefixes C symbols with "_"
            }
            if (symbol.startsWith("Java_")) {
                symbols.add(symbol);
            }
        }
        return symbols;
    }
}
