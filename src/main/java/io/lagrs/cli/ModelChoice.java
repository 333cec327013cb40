package io.lagrs.cli;

import io.lagrs.ModelSpec;
import io.lagrs.table.Defaults;
import io.lagrs.table.SeasonalSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * One model of the run: a spec text from {@code --model} (or {@code --order}, or the default
 * {@code auto}), named in the outputs by that text as given.
 *
 * <p>A series' season differs from series to series, so the text is completed per season
 * {@code m}: each model of the text ({@code a|b} has two) that has no {@code [m]} of its own
 * gets the series' season, where its family takes one ({@code snaive} becomes
 * {@code snaive[12]} for a monthly series, {@code naive} stays {@code naive}); an explicit
 * {@code [m]} wins. The engine decides which families take a season, so this class knows none
 * of them. {@code --lambda L} adds {@code lambda=L} to each model of the text that has no
 * lambda of its own.
 */
final class ModelChoice {
    private static final Pattern HAS_LAMBDA = Pattern.compile("[(,]\\s*lambda\\s*=", Pattern.CASE_INSENSITIVE);

    private final String name;
    private final String text;
    /** The library's completion of the text per season (one rule for the API, the CLI and Spark). */
    private final SeasonalSpec seasonal;
    /** Completed specs per season; a String is the reason the text cannot be made for it. */
    private final Map<Integer, Object> bySeason = new ConcurrentHashMap<>();

    private ModelChoice(String name, String text) {
        this.name = name;
        this.text = text;
        this.seasonal = new SeasonalSpec(text);
    }

    /** The name in the outputs: the text as the user gave it. */
    String name() {
        return name;
    }

    /**
     * The models of a run from {@code --model} (repeatable), {@code --order} and
     * {@code --lambda}; each checked once, with the season {@code probeSeason}.
     *
     * @throws UserError naming the option and the text when a text is not a model spec
     */
    static List<ModelChoice> of(List<String> models, String order, Double lambda, int probeSeason) {
        if (order != null && models != null && !models.isEmpty()) {
            throw new UserError("--order is a shorthand for --model arima(p,d,q)(P,D,Q); give one or the other");
        }
        List<String> texts = new ArrayList<>();
        String option = "--model";
        if (order != null) {
            texts.add(orderText(order));
            option = "--order";
        } else if (models == null || models.isEmpty()) {
            texts.add(Defaults.MODEL);
        } else {
            texts.addAll(models);
        }
        Set<String> seen = new LinkedHashSet<>();
        List<ModelChoice> choices = new ArrayList<>();
        for (String raw : texts) {
            String name = raw.strip();
            if (name.isEmpty()) {
                throw new UserError("--model must be a model spec such as auto_arima, snaive or arima(0,1,1), got ''");
            }
            if (!seen.add(name)) {
                throw new UserError("--model '" + name + "' is given twice");
            }
            ModelChoice choice;
            try {
                choice = new ModelChoice(name, lambda == null ? name : withLambda(name, lambda));
            } catch (IllegalArgumentException e) {
                throw new UserError(option + " '" + name + "' is not a model spec: " + reasonOf(e.getMessage(), name));
            }
            if (choice.resolved(probeSeason) instanceof String reason) {
                throw new UserError(option + " '" + name + "' is not a model spec: " + reason);
            }
            choices.add(choice);
        }
        return choices;
    }

    /**
     * The spec for a series of season {@code m}.
     *
     * @throws IllegalArgumentException with the engine's reason when the text cannot be made
     *     for this season (a seasonal ARIMA for a series without a season)
     */
    ModelSpec spec(int m) {
        Object spec = resolved(m);
        if (spec instanceof String reason) {
            // the list of accepted forms helps with a typo, not with a series' season
            int forms = reason.indexOf("; accepted forms:");
            throw new IllegalArgumentException((forms < 0 ? reason : reason.substring(0, forms))
                    .replace("(the series' season is " + m + ")", "(the series' season is " + m
                            + "; --season or --freq sets it)"));
        }
        return (ModelSpec) spec;
    }

    /** The spec for season m, or the library's full reason why there is none. */
    private Object resolved(int m) {
        return bySeason.computeIfAbsent(m, season -> {
            try {
                return seasonal.forSeason(season);
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        });
    }

    /** The measures {@code best_of} scores by. */
    private static final List<String> MEASURES = List.of("mae", "rmse", "mase", "rmsse", "smape");

    /**
     * {@code forecast --select cv}: the spec that picks, per series, the {@code --model} with
     * the best cross-validated score, {@code best_of(M1, M2, ...; by=B, h=H, windows=N)};
     * {@code --lambda} goes into each member.
     *
     * @param h the horizon of the windows (--horizon or --holdout)
     * @throws UserError naming the option that is wrong
     */
    static String bestOf(ForecastCommand c, Integer h) {
        if (!"cv".equals(c.select)) {
            throw new UserError("--select must be cv, got '" + c.select + "'");
        }
        if (c.order != null || c.modelTexts == null || c.modelTexts.size() < 2) {
            throw new UserError("--select cv chooses among the --model specs: give at least two (and no --order)");
        }
        if (h == null) {
            throw new UserError("--select cv scores the models on windows of the forecast horizon: give --horizon or --holdout");
        }
        String by = c.selectBy.strip().toLowerCase(Locale.ROOT);
        if (!MEASURES.contains(by)) {
            throw new UserError("--select-by must be one of " + String.join(", ", MEASURES) + ", got '" + c.selectBy + "'");
        }
        if (c.selectWindows < 1) {
            throw new UserError("--select-windows must be >= 1, got " + c.selectWindows);
        }
        List<String> members = new ArrayList<>();
        for (String text : c.modelTexts) {
            members.add(c.lambda == null ? text.strip() : withLambda(text.strip(), c.lambda));
        }
        return "best_of(" + String.join(", ", members) + "; by=" + by + ", h=" + h + ", windows=" + c.selectWindows + ")";
    }

    /** {@code lambda=L} into the first parentheses of each model of the text without one. */
    static String withLambda(String text, double lambda) {
        String option = "lambda=" + Numbers.level(lambda);
        List<String> calls = new ArrayList<>();
        for (String call : text.split("\\|", -1)) {
            String c = call.strip();
            int open = c.indexOf('(');
            int bracket = c.indexOf('[');
            if (HAS_LAMBDA.matcher(c).find()) {
                calls.add(c);
            } else if (open >= 0 && (bracket < 0 || open < bracket)) {
                int close = c.indexOf(')', open);
                if (close < 0) {
                    calls.add(c); // ill-formed: the engine's message will say where
                } else {
                    boolean empty = c.substring(open + 1, close).isBlank();
                    calls.add(c.substring(0, close) + (empty ? "" : ",") + option + c.substring(close));
                }
            } else if (bracket >= 0) {
                calls.add(c.substring(0, bracket) + "(" + option + ")" + c.substring(bracket));
            } else {
                calls.add(c + "(" + option + ")");
            }
        }
        return String.join("|", calls);
    }

    /**
     * --order p,d,q or p,d,q,P,D,Q as a spec text; a zero seasonal order is left out.
     *
     * @throws UserError if it is not 3 or 6 non-negative whole numbers
     */
    static String orderText(String order) {
        String[] parts = order.split(",");
        if (parts.length != 3 && parts.length != 6) {
            throw new UserError("--order must be p,d,q or p,d,q,P,D,Q, got '" + order + "'");
        }
        int[] o = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                o[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new UserError("--order must be whole numbers, got '" + order + "'");
            }
            if (o[i] < 0) {
                throw new UserError("--order must not be negative, got '" + order + "'");
            }
        }
        String text = String.format(Locale.ROOT, "arima(%d,%d,%d)", o[0], o[1], o[2]);
        if (o.length == 6 && o[3] + o[4] + o[5] > 0) {
            text += String.format(Locale.ROOT, "(%d,%d,%d)", o[3], o[4], o[5]);
        }
        return text;
    }

    /** The library's reason without the "'text' is not a model spec: " it starts with. */
    private static String reasonOf(String message, String name) {
        int colon = message.indexOf("is not a model spec: ");
        return colon < 0 ? message : message.substring(colon + "is not a model spec: ".length());
    }

    @Override
    public String toString() {
        return name;
    }
}
