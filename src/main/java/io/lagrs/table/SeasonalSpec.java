package io.lagrs.table;

import io.lagrs.ModelSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A model spec text completed per series season, as statsforecast's {@code season_length}
 * given once for a catalogue: each model of the text ({@code a|b} has two) without a
 * {@code [m]} of its own gets the series' season where its family takes one
 * ({@code snaive} becomes {@code snaive[12]} for a monthly series, {@code naive} stays
 * {@code naive}); an explicit {@code [m]} wins. The engine decides which families take a
 * season. Only a {@code |} outside parentheses separates fallbacks, and the members of a spec
 * of specs ({@code best_of}, {@code mean_of}, {@code median_of}, {@code conformal}) are completed
 * each: {@code best_of(auto_arima|snaive, theta; h=12)} becomes
 * {@code best_of(auto_arima[12]|snaive[12], theta[12]; h=12)}. Thread-safe; completed specs are
 * cached per season.
 */
public final class SeasonalSpec {
    private final String text;
    /** Completed specs per season; a String is the reason the text cannot be made for it. */
    private final Map<Integer, Object> bySeason = new ConcurrentHashMap<>();

    /**
     * @param text a spec text, with or without seasons, e.g. {@code "auto_arima|snaive"}
     * @throws NullPointerException if text is null
     * @throws IllegalArgumentException if the text is not a spec (checked with season 12)
     */
    public SeasonalSpec(String text) {
        this.text = Objects.requireNonNull(text, "text").strip();
        if (this.text.isEmpty()) {
            throw new IllegalArgumentException("a model spec such as auto_arima, snaive or arima(0,1,1) is needed, got ''");
        }
        if (resolved(12) instanceof String reason) {
            throw new IllegalArgumentException("'" + text + "' is not a model spec: " + reason);
        }
    }

    /** @return the text as given */
    public String text() {
        return text;
    }

    /**
     * The spec for a series of season {@code m}.
     *
     * @param m the season, at least 1
     * @return the completed spec
     * @throws IllegalArgumentException with the engine's reason when the text cannot be made
     *     for this season (a seasonal ARIMA for a series without a season)
     */
    public ModelSpec forSeason(int m) {
        Object spec = resolved(m);
        if (spec instanceof String reason) {
            // the list of accepted forms helps with a typo, not with a series' season
            int forms = reason.indexOf("; accepted forms:");
            throw new IllegalArgumentException((forms < 0 ? reason : reason.substring(0, forms))
                    + " (the series' season is " + m + ")");
        }
        return (ModelSpec) spec;
    }

    /**
     * The spec for season m, or the engine's full reason why there is none.
     *
     * @param m the season
     * @return a {@link ModelSpec} or a String
     */
    Object resolved(int m) {
        return bySeason.computeIfAbsent(m, this::complete);
    }

    private Object complete(int m) {
        Object completed = completeText(text, m);
        if (completed instanceof String reason && reason.startsWith(REASON)) {
            return reason.substring(REASON.length());
        }
        try {
            return ModelSpec.parse((String) completed);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** Marks a reason (as opposed to a completed text) in {@link #completeText}'s answer. */
    private static final String REASON = "\0";

    /**
     * The text with each model completed for season m, or {@link #REASON} and why not. Only a
     * {@code |} outside parentheses separates fallbacks; the members of a spec of specs
     * ({@code best_of(a|b, c; h=12)}) are completed each, its options kept.
     */
    private static Object completeText(String text, int m) {
        List<String> calls = new ArrayList<>();
        for (String raw : splitTopLevel(text, '|')) {
            String call = raw.strip();
            int open = call.indexOf('(');
            if (open > 0 && COMBINATORS.contains(call.substring(0, open).strip()) && call.endsWith(")")) {
                String inner = call.substring(open + 1, call.length() - 1);
                List<String> parts = splitTopLevel(inner, ';');
                List<String> members = new ArrayList<>();
                for (String member : splitTopLevel(parts.get(0), ',')) {
                    Object done = completeText(member.strip(), m);
                    if (done instanceof String t && t.startsWith(REASON)) {
                        return done;
                    }
                    members.add((String) done);
                }
                String options = parts.size() > 1 ? "; " + String.join(";", parts.subList(1, parts.size())).strip() : "";
                calls.add(call.substring(0, open + 1) + String.join(", ", members) + options + ")");
                continue;
            }
            String seasonal = call + "[" + m + "]";
            // each model of the text alone, so that a failure names the model it is about
            String reason = call.contains("[") ? check(call) : check(seasonal);
            if (reason == null) {
                calls.add(call.contains("[") ? call : seasonal);
            } else if (!call.contains("[") && check(call) == null) {
                calls.add(call); // a family without a season
            } else {
                // for m = 1, "arima(0,1,1)(0,1,1)[1]" says why better than the text without [m]
                return REASON + reason;
            }
        }
        return String.join("|", calls);
    }

    /** The specs whose arguments are specs (the spec grammar's, not a family's). */
    private static final Set<String> COMBINATORS = Set.of("best_of", "mean_of", "median_of", "conformal");

    /** {@code text} cut at each {@code sep} outside parentheses and brackets. */
    static List<String> splitTopLevel(String text, char sep) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(' || c == '[') {
                depth++;
            } else if ((c == ')' || c == ']') && depth > 0) {
                depth--;
            } else if (c == sep && depth == 0) {
                parts.add(text.substring(from, i));
                from = i + 1;
            }
        }
        parts.add(text.substring(from));
        return parts;
    }

    private static String check(String text) {
        try {
            ModelSpec.parse(text);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
