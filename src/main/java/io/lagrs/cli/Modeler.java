package io.lagrs.cli;

import io.lagrs.Arima;
import io.lagrs.ArimaModel;
import io.lagrs.AutoArima;
import io.lagrs.Forecast;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Chooses and fits the model of one series and forecasts it at every level.
 *
 * <p>Without {@code --order} the order of each series is chosen by {@link AutoArima} (R's
 * {@code forecast::auto.arima} with its defaults and the series' season); {@code --order}
 * fixes one order for every series.
 * With {@code --lambda}, the series is Box-Cox transformed before fitting and the forecasts
 * and interval bounds transformed back, as {@code forecast::Arima(lambda = )}.
 */
final class Modeler {
    /** p,d,q[,P,D,Q] from --order, or null for the default. */
    private final int[] order;
    private final Double lambda;
    /** One AutoArima per seasonal period (they are immutable and thread-safe). */
    private final Map<Integer, AutoArima> auto = new ConcurrentHashMap<>();

    Modeler(int[] order, Double lambda) {
        this.order = order;
        this.lambda = lambda;
    }

    /** What a fitted series gives: its model and forecasts (lower/upper per level, in level order). */
    record Fit(String order, double aicc, double sigma2, double logLikelihood, double[] mean, double[][] lower,
            double[][] upper) {
    }

    /** The default model, in words, for --help and reports. */
    String describe() {
        String base = order == null ? "auto ARIMA (forecast::auto.arima defaults) with each series' season"
                : "ARIMA" + orderText(order);
        return lambda == null ? base : base + ", Box-Cox lambda " + lambda;
    }

    /**
     * Fits y (NaN = missing) and forecasts h steps at the given levels (fractions in (0, 1)).
     *
     * @throws RuntimeException (IllegalArgumentException, LagrsException) when the series cannot be fitted
     */
    Fit fit(double[] y, int season, int h, double[] levels) {
        double[] data = lambda == null ? y : BoxCox.transform(y, lambda);
        try (ArimaModel model = order == null
                ? auto.computeIfAbsent(Math.max(1, season), m -> AutoArima.builder().seasonalPeriod(m).build()).fit(data)
                : spec(season).fit(data)) {
            double[] mean = null;
            double[][] lower = new double[levels.length][];
            double[][] upper = new double[levels.length][];
            for (int i = 0; i < levels.length; i++) {
                Forecast f = model.forecast(h, levels[i]);
                mean = back(f.mean());
                lower[i] = back(f.lower());
                upper[i] = back(f.upper());
            }
            return new Fit(describe(model), model.aicc(), model.sigma2(), model.logLikelihood(), mean, lower, upper);
        }
    }

    private Arima spec(int season) {
        Arima spec = Arima.order(order[0], order[1], order[2]);
        if (order.length == 6 && order[3] + order[4] + order[5] > 0) {
            if (season < 2) {
                throw new IllegalArgumentException("a seasonal order needs a season >= 2 (this series has none;"
                        + " give --season or --freq)");
            }
            spec = spec.seasonal(order[3], order[4], order[5], season);
        }
        return spec;
    }

    private double[] back(double[] x) {
        return lambda == null ? x : BoxCox.inverse(x, lambda);
    }

    /** R's way of printing a model: ARIMA(p,d,q)(P,D,Q)[m] with mean / with drift. */
    static String describe(ArimaModel m) {
        int[] o = m.order();
        String s = "ARIMA(" + o[0] + "," + o[1] + "," + o[2] + ")";
        if (o[3] + o[4] + o[5] > 0) {
            s += "(" + o[3] + "," + o[4] + "," + o[5] + ")[" + o[6] + "]";
        }
        if (!Double.isNaN(m.mean())) {
            s += " with mean";
        }
        if (!Double.isNaN(m.drift())) {
            s += " with drift";
        }
        return s;
    }

    /**
     * Parses --order: p,d,q or p,d,q,P,D,Q.
     *
     * @throws UserError if it is not 3 or 6 non-negative whole numbers
     */
    static int[] parseOrder(String text) {
        String[] parts = text.split(",");
        if (parts.length != 3 && parts.length != 6) {
            throw new UserError("--order must be p,d,q or p,d,q,P,D,Q, got '" + text + "'");
        }
        int[] order = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                order[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new UserError("--order must be whole numbers, got '" + text + "'");
            }
            if (order[i] < 0) {
                throw new UserError("--order must not be negative, got '" + text + "'");
            }
        }
        return order;
    }

    private static String orderText(int[] o) {
        String s = String.format(Locale.ROOT, "(%d,%d,%d)", o[0], o[1], o[2]);
        return o.length == 6 ? s + String.format(Locale.ROOT, "(%d,%d,%d)[season]", o[3], o[4], o[5]) : s;
    }
}
