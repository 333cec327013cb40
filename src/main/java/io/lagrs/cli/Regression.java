package io.lagrs.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The checks and model texts of a run with regressors ({@code --xreg}, {@code --future}) or
 * Fourier terms ({@code --fourier}): only auto_arima and arima take regressors, and only
 * auto_arima builds Fourier terms, so without {@code --model} such a run fits auto_arima.
 */
final class Regression {
    private Regression() {
    }

    /**
     * The model texts of the run: {@code --model}'s, or auto_arima for a regression without
     * one; with {@code --fourier}, each with its {@code fourier=[...]} option.
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
        List<String> texts = c.modelTexts == null || c.modelTexts.isEmpty()
                ? (xreg || fourier) && c.order == null ? List.of(fourier ? "auto_arima(seasonal=false)" : "auto_arima") : c.modelTexts
                : c.modelTexts;
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
        if (c.order != null) {
            throw new UserError("--fourier adds Fourier terms to auto_arima models; --order fixes an arima model, which takes none");
        }
        List<String> out = new ArrayList<>();
        for (String text : texts) {
            out.add(withFourier(text, option));
        }
        return out;
    }

    /** {@code option} into the first parentheses of each auto_arima call of the text. */
    static String withFourier(String text, String option) {
        List<String> calls = new ArrayList<>();
        for (String call : text.split("\\|", -1)) {
            String c = call.strip();
            if (!(c.equals("auto_arima") || c.startsWith("auto_arima(") || c.startsWith("auto_arima["))) {
                throw new UserError("--fourier adds Fourier terms to auto_arima models; '" + c + "' takes none");
            }
            if (c.contains("fourier=")) {
                throw new UserError("--fourier and a model with its own fourier= option: give one or the other");
            }
            String rest = c.substring("auto_arima".length());
            if (rest.startsWith("(")) {
                boolean empty = rest.startsWith("()");
                calls.add("auto_arima(" + option + (empty ? "" : ",") + rest.substring(1));
            } else {
                calls.add("auto_arima(" + option + ")" + rest);
            }
        }
        return String.join("|", calls);
    }
}
