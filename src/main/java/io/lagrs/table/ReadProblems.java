package io.lagrs.table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows that were skipped or noted while building a {@link SeriesTable}, counted by kind, with
 * the first few of each kind kept verbatim (line or row number and reason) so that a file with
 * millions of bad rows does not fill the heap or the terminal. Thread-safe.
 */
public final class ReadProblems {
    /** How many examples of each kind are kept. */
    public static final int EXAMPLES_PER_KIND = 5;

    /** Kinds of problem; skipped rows are left out of the data, notes are not. */
    public enum Kind {
        /** A row that cannot be read (wrong field count, empty id, bad time or value): skipped. */
        BAD_ROW("rows skipped (malformed)", true),
        /** A second row for one series and time: skipped, the first is kept. */
        DUPLICATE("rows skipped (duplicate time in a series)", true),
        /** A row earlier than the one before it in its series: sorted and kept. */
        UNSORTED("rows out of time order (sorted, kept)", false);

        private final String label;
        private final boolean skipped;

        Kind(String label, boolean skipped) {
            this.label = label;
            this.skipped = skipped;
        }
    }

    private final String where;
    private final Map<Kind, Long> counts = new LinkedHashMap<>();
    private final Map<Kind, List<String>> examples = new LinkedHashMap<>();

    /** @param where what numbers the examples: "line" (a file) or "row" (columns) */
    ReadProblems(String where) {
        this.where = where;
    }

    /** Adds every count and example of this one to {@code other}. */
    synchronized void copyInto(ReadProblems other) {
        counts.forEach((k, n) -> other.counts.merge(k, n, Long::sum));
        examples.forEach((k, list) -> other.examples.computeIfAbsent(k, x -> new ArrayList<>()).addAll(list));
    }

    String where() {
        return where;
    }

    synchronized void add(Kind kind, long line, String reason) {
        counts.merge(kind, 1L, Long::sum);
        List<String> list = examples.computeIfAbsent(kind, k -> new ArrayList<>());
        if (list.size() < EXAMPLES_PER_KIND) {
            list.add(where + " " + line + ": " + reason);
        }
    }

    /**
     * @param kind a kind of problem
     * @return how many rows had it
     */
    public synchronized long count(Kind kind) {
        return counts.getOrDefault(kind, 0L);
    }

    /** @return the number of rows left out of the data */
    public synchronized long skipped() {
        long n = 0;
        for (Map.Entry<Kind, Long> e : counts.entrySet()) {
            if (e.getKey().skipped) {
                n += e.getValue();
            }
        }
        return n;
    }

    /** @return every kept example ("line 7: reason"), in kind order */
    public synchronized List<String> examples() {
        List<String> all = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            all.addAll(examples.getOrDefault(kind, List.of()));
        }
        return all;
    }

    /** @return report lines: a count per kind, then its examples, and how many more there were */
    public synchronized List<String> report() {
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
