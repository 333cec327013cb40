package io.lagrs.cli;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads long-format CSV ({@code series,time,value}, one observation a row) into one value array
 * per series, ordered by time. A row that cannot be read is reported with its line number and
 * skipped; it never aborts the read. Empty values and {@code NA}/{@code NaN} are missing (NaN).
 */
final class LongFormatCsv {
    /** One series: its name, its time stamps in order, and the value at each. */
    record Series(String name, long[] times, double[] values) {
    }

    /** What was read: the series in order of first appearance, and the rows that were skipped. */
    record Result(List<Series> series, List<String> problems) {
    }

    private LongFormatCsv() {
    }

    static Result read(Reader reader) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).get();
        Map<String, TreeMap<Long, Double>> bySeries = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            for (String column : new String[] {"series", "time", "value"}) {
                if (!parser.getHeaderMap().containsKey(column)) {
                    throw new IOException("the header must name the columns series,time,value; got "
                            + parser.getHeaderNames());
                }
            }
            for (CSVRecord row : parser) {
                String problem = add(row, bySeries);
                if (problem != null) {
                    problems.add("line " + parser.getCurrentLineNumber() + ": " + problem);
                }
            }
        }
        List<Series> series = new ArrayList<>(bySeries.size());
        bySeries.forEach((name, points) -> {
            long[] times = new long[points.size()];
            double[] values = new double[points.size()];
            int i = 0;
            for (Map.Entry<Long, Double> point : points.entrySet()) {
                times[i] = point.getKey();
                values[i] = point.getValue();
                i++;
            }
            series.add(new Series(name, times, values));
        });
        return new Result(series, problems);
    }

    /** Adds one row; returns what is wrong with it, or null when it was added. */
    private static String add(CSVRecord row, Map<String, TreeMap<Long, Double>> bySeries) {
        if (!row.isConsistent()) {
            return "expected 3 fields, got " + row.size();
        }
        String name = row.get("series");
        if (name.isEmpty()) {
            return "empty series name";
        }
        long time;
        try {
            time = Long.parseLong(row.get("time"));
        } catch (NumberFormatException e) {
            return "time is not a whole number: '" + row.get("time") + "'";
        }
        double value;
        String text = row.get("value");
        if (text.isEmpty() || text.equalsIgnoreCase("NA") || text.equalsIgnoreCase("NaN")) {
            value = Double.NaN;
        } else {
            try {
                value = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                return "value is not a number: '" + text + "'";
            }
            if (Double.isInfinite(value)) {
                return "value is infinite";
            }
        }
        Double previous = bySeries.computeIfAbsent(name, k -> new TreeMap<>()).putIfAbsent(time, value);
        return previous == null ? null : "duplicate time " + time + " for series " + name;
    }
}
