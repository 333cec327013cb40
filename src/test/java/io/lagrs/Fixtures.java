package io.lagrs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the golden fixtures shared with the Rust tests (testdata/, a test resource folder). */
final class Fixtures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    static JsonNode read(String resource) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/testdata/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + resource);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A number array; "NaN", "Infinity" and "-Infinity" are written as strings, null is NaN. */
    static double[] doubles(JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = number(array.get(i));
        }
        return values;
    }

    static double number(JsonNode node) {
        if (node == null || node.isNull()) {
            return Double.NaN;
        }
        if (node.isTextual()) {
            switch (node.asText()) {
                case "NaN": return Double.NaN;
                case "Infinity": case "inf": return Double.POSITIVE_INFINITY;
                case "-Infinity": case "-inf": return Double.NEGATIVE_INFINITY;
                default: throw new IllegalArgumentException("not a number: " + node);
            }
        }
        return node.asDouble();
    }

    static int[] ints(JsonNode array) {
        int[] values = new int[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asInt();
        }
        return values;
    }
}
