package io.lagrs.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The checks and model texts of a run with regressors ({@code --xreg}, {@code --future}) or
 * Fourier terms ({@code --fourier}): only auto_arima and arima take regressors or Fourier terms
 * (any other model is a usage error naming it, never a run without them), so without
 * {@code --model} or {@code --order} such a run fits auto_arima.
 */
final class Regression {
    private Regression() {
    }

    /** Whether the run has regressors or Fourier terms. */
    static boolean applies(ForecastCommand c) {
        return (c.xreg != null && !c.xreg.isEmpty()) || (c.fourier != null && !c.fourier.isEmpty());
    }

    /**
     * The model texts of a run with regressors or Fourier terms: {@code --model}'s,
     * {@code --order}'s arima, or auto_arima without either; with {@code --fourier}, each with
     * its {@code fourier=[...]} option. Without either, {@code --model}'s texts as given (null
     * when none), {@link ModelChoice#of} reading {@code --order} itself.
     *
     * @throws UserError when the options do not fit together
     */
    static List<String> modelTexts(ForecastCommand c) {
        boolean xreg = c.xreg != null && !c.xreg.isEmpty();
        boolean fourier = c.fourier != null && !c.fourier.isEmpty();
        if (c.future != null && !xreg) {
            throw new UserError("--future gives the future values of the --xreg columns: name them with --xreg");
        }
        if (xreg && c.future == null && c.holdout == null) {
            throw new UserError("--xreg needs the regressors' values over the horizon: give them with --future FILE"
                    + " (or score a --holdout, whose values the input has)");
        }
        if (xreg) {
            for (String name : c.xreg) {
                if (name.isBlank() || name.equals(c.in.idColumn) || name.equals(c.in.timeColumn)
                        || name.equals(c.in.valueColumn)) {
                    throw new UserError("--xreg '" + name + "' must name a regressor column, not the id, time or value");
                }
            }
        }
        if (!xreg && !fourier) {
            return c.modelTexts;
        }
        boolean models = c.modelTexts != null && !c.modelTexts.isEmpty();
        if (c.order != null && models) {
            throw new UserError("--order is a shorthand for --model arima(p,d,q)(P,D,Q); give one or the other");
        }
        List<String> texts = models ? c.modelTexts
                : c.order != null ? List.of(ModelChoice.orderText(c.order))
                : List.of(fourier ? "auto_arima(seasonal=false)" : "auto_arima");
        if (xreg) {
            for (String text : texts) {
                for (String call : text.split("\\|", -1)) {
                    String name = call.strip().split("[(\\[]", 2)[0].strip();
                    if (!name.equals("auto_arima") && !name.equals("arima")) {
                        throw new UserError("--xreg: regression with ARIMA errors takes auto_arima or arima models; '"
                                + call.strip() + "' takes no regressors");
                    }
                }
            }
        }
        if (!fourier) {
            return texts;
        }
        String option = "fourier=[" + String.join(",", c.fourier.stream().map(String::strip).toList()) + "]";
        List<String> out = new ArrayList<>();
        for (String text : texts) {
            out.add(withFourier(text, option));
        }
        return out;
    }

    /**
     * {@code option} into the first parentheses of each auto_arima or arima call of the text
     * (arima's after its order, so {@code arima(1,0,1)(0,1,1)} becomes
     * {@code arima(1,0,1,fourier=[...])(0,1,1)}).
     */
    static String withFourier(String text, String option) {
        List<String> calls = new ArrayList<>();
        for (String call : text.split("\\|", -1)) {
            String c = call.strip();
            String name = c.split("[(\\[]", 2)[0].strip();
            if (!name.equals("auto_arima") && !name.equals("arima")) {
                throw new UserError("--fourier adds Fourier terms to auto_arima and arima models; '" + c
                        + "' takes none");
            }
            if (c.contains("fourier=")) {
                throw new UserError("--fourier and a model with its own fourier= option: give one or the other");
            }
            String rest = c.substring(c.indexOf(name) + name.length()).strip();
            if (name.equals("arima")) {
                int close = rest.indexOf(')');
                if (!rest.startsWith("(") || close < 0) {
                    throw new UserError("--fourier: '" + c + "' is not an arima(p,d,q) model");
                }
                calls.add("arima" + rest.substring(0, close) + "," + option + rest.substring(close));
            } else if (rest.startsWith("(")) {
                boolean empty = rest.startsWith("()");
                calls.add("auto_arima(" + option + (empty ? "" : ",") + rest.substring(1));
            } else {
                calls.add("auto_arima(" + option + ")" + rest);
            }
        }
        return String.join("|", calls);
    }
}
