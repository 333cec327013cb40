package io.lagrs.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows that were skipped or noted while reading, counted by kind, with the first few of each
 * kind kept verbatim (line number and reason) so that a file with millions of bad rows does
 * not fill the heap or the terminal.
 */
final class Problems {
    static final int EXAMPLES_PER_KIND = 5;

    /** Kinds of problem; skipped rows are left out of the data, notes are not. */
    enum Kind {
        BAD_ROW("rows skipped (malformed)", true),
        DUPLICATE("rows skipped (duplicate time in a series)", true),
        OFF_GRID("rows skipped (time off the series' step)", true),
        UNSORTED("rows out of time order (sorted, kept)", false);

        final String label;
        final boolean skipped;

        Kind(String label, boolean skipped) {
            this.label = label;
            this.skipped = skipped;
        }
    }

    private final Map<Kind, Long> counts = new LinkedHashMap<>();
    private final Map<Kind, List<String>> examples = new LinkedHashMap<>();

    synchronized void add(Kind kind, long line, String reason) {
        counts.merge(kind, 1L, Long::sum);
        List<String> list = examples.computeIfAbsent(kind, k -> new ArrayList<>());
        if (list.size() < EXAMPLES_PER_KIND) {
            list.add("line " + line + ": " + reason);
        }
    }

    synchronized long count(Kind kind) {
        return counts.getOrDefault(kind, 0L);
    }

    /** The number of rows left out of the data. */
    synchronized long skipped() {
        long n = 0;
        for (Map.Entry<Kind, Long> e : counts.entrySet()) {
            if (e.getKey().skipped) {
                n += e.getValue();
            }
        }
        return n;
    }

    /** Every kept example, in kind order. */
    synchronized List<String> examples() {
        List<String> all = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            all.addAll(examples.getOrDefault(kind, List.of()));
        }
        return all;
    }

    /** Report lines: a count per kind, then its examples, and how many more there were. */
    synchronized List<String> report() {
        List<String> lines = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            long n = counts.getOrDefault(kind, 0L);
            if (n == 0) {
                continue;
            }
            lines.add(n + " " + kind.label + ":");
            for (String example : examples.get(kind)) {
                lines.add("  " + example);
            }
            if (n > EXAMPLES_PER_KIND) {
                lines.add("  ... and " + (n - EXAMPLES_PER_KIND) + " more");
            }
        }
        return lines;
    }
}
