package io.lagrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The platform list has one source, {@code scripts/build/platforms.tsv} (the build scripts and both
 * CI workflows read it); every other place that must name the platforms is checked against it here.
 */
class PlatformListTest {
    private static final Path ROOT = Path.of(System.getProperty("lagrs.test.root", "."));

    /** classifier -> row of platforms.tsv (classifier, loader folder, library, rust target, runner, libc). */
    private static Map<String, String[]> table() throws IOException {
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(ROOT.resolve("scripts/build/platforms.tsv"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t");
            assertEquals(6, fields.length, "six tab-separated columns: " + line);
            rows.put(fields[0], fields);
        }
        return rows;
    }

    private static List<String> classifiers() throws IOException {
        return new ArrayList<>(table().keySet());
    }

    @Test
    void platformEnumMatchesTheTable() throws IOException {
        Map<String, String[]> table = table();
        List<String> fromEnum = new ArrayList<>();
        for (Platform p : Platform.values()) {
            fromEnum.add(p.classifier());
            String[] row = table.get(p.classifier());
            assertTrue(row != null, p.classifier() + " is in platforms.tsv");
            assertEquals("natives/" + row[1] + "/", p.resourceFolder(), p.classifier());
        }
        assertEquals(classifiers(), fromEnum);
    }

    @Test
    void libraryFileNamesFollowEachOperatingSystem() throws IOException {
        for (String[] row : table().values()) {
            String expected = row[0].startsWith("windows") ? "lagrs.dll"
                    : row[0].startsWith("osx") ? "liblagrs.dylib" : "liblagrs.so";
            assertEquals(expected, row[2], row[0]);
            assertEquals(row[0].endsWith("-musl"), "musl".equals(row[5]), row[0] + " libc column");
        }
    }

    @Test
    void pomMakesOneClassifierJarPerPlatformWithItsOwnModuleName() throws IOException {
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        List<String> jars = all(pom, "<classifier>([^<$]+)</classifier>");
        assertEquals(classifiers(), jars, "maven-jar-plugin classifier executions in pom.xml");
        for (String c : classifiers()) {
            String module = "io.lagrs.natives." + c.replace('-', '_');
            assertTrue(pom.contains("<classesDirectory>${natives.dir}/" + c + "</classesDirectory>"), c);
            assertTrue(pom.contains("<Automatic-Module-Name>" + module + "</Automatic-Module-Name>"), module);
        }
    }

    @Test
    void readmesListEveryPlatform() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        int section = readme.indexOf("## Supported platforms");
        assertTrue(section >= 0, "README.md has a Supported platforms section");
        int next = readme.indexOf("\n## ", section + 1);
        readme = readme.substring(section, next < 0 ? readme.length() : next);
        assertEquals(classifiers(), all(readme, "(?m)^\\| `([a-z0-9_-]+)` \\|"), "README.md, Supported platforms");
        String dropIn = Files.readString(ROOT.resolve("platform-jars/README.md"));
        List<String> expected = new ArrayList<>();
        for (String[] row : table().values()) {
            expected.add(row[0] + " platform-jars/" + row[0] + "/natives/" + row[1] + "/" + row[2]);
        }
        assertEquals(expected, all(dropIn, "(?m)^\\| `([a-z0-9_-]+)` \\| `([^`]+)` \\|"), "platform-jars/README.md");
    }

    @Test
    void workflowsAndAssemblyNameNoPlatformOfTheirOwn() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> workflows = Files.list(ROOT.resolve(".github/workflows"))) {
            files.addAll(workflows.filter(p -> p.toString().endsWith(".yml")).sorted().collect(Collectors.toList()));
        }
        files.add(ROOT.resolve("src/assembly/all.xml"));
        for (Path file : files) {
            String text = Files.readString(file);
            for (String c : classifiers()) {
                assertFalse(Pattern.compile("(?<![\\w-])" + Pattern.quote(c) + "(?![\\w-])").matcher(text).find(),
                        file + " names " + c + "; it must take the platforms from scripts/build/platforms.sh");
            }
        }
        String ci = Files.readString(ROOT.resolve(".github/workflows/ci.yml"));
        assertTrue(ci.contains("scripts/build/platforms.sh matrix"), "ci.yml builds its matrix from the table");
    }

    private static List<String> all(String text, String regex) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            String[] groups = new String[m.groupCount()];
            for (int i = 0; i < groups.length; i++) {
                groups[i] = m.group(i + 1);
            }
            found.add(String.join(" ", Arrays.asList(groups)));
        }
        return found;
    }
}
