package io.lagrs.spark;

import io.lagrs.Arima;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the canonical text of a single fixed-order ARIMA back into its builder, for {@link ForecastSpec}. */
final class ArimaText {
    /** The canonical text {@link Arima#toString()} writes for a fixed order: what {@link ForecastSpec#toArima()} reads. */
    static final Pattern ARIMA_TEXT = Pattern.compile(
            "arima\\((\\d+),(\\d+),(\\d+)(?:,mean=(true|false))?(,drift=true)?\\)(?:\\((\\d+),(\\d+),(\\d+)\\)\\[(\\d+)])?");

    private ArimaText() {
    }

    /**
     * The ARIMA of {@code specs} when it is one fixed-order ARIMA text.
     *
     * @throws IllegalStateException naming {@code method} otherwise
     */
    static Arima read(String[] specs, String method) {
        Matcher m = specs.length == 1 ? ARIMA_TEXT.matcher(specs[0]) : null;
        if (m == null || !m.matches()) {
            throw new IllegalStateException(method + " applies to a single fixed-order ARIMA specification, not to "
                    + String.join(", ", specs));
        }
        Arima a = Arima.order(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)));
        if (m.group(6) != null) {
            a = a.seasonal(Integer.parseInt(m.group(6)), Integer.parseInt(m.group(7)), Integer.parseInt(m.group(8)),
                    Integer.parseInt(m.group(9)));
        }
        if (m.group(4) != null) {
            a = a.includeMean(Boolean.parseBoolean(m.group(4)));
        }
        a = a.includeDrift(m.group(5) != null);
        // Arima writes its own text: reading it back must give that text, or this pattern is stale.
        if (!a.toString().equals(specs[0])) {
            throw new IllegalStateException(method + ": could not read '" + specs[0] + "' back (got " + a + ")");
        }
        return a;
    }
}
