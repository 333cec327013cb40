package io.lagrs.table;

/**
 * The defaults of a catalogue forecast, one definition for {@link Forecaster}, the command line
 * and Spark: the same input gets the same model, horizon and levels everywhere.
 */
public final class Defaults {
    /**
     * The model: {@code auto} with the series' season, which sends an intermittent series to an
     * intermittent-demand method and every other one to auto-ARIMA with a fallback (the rule is
     * in docs/API.md, "The automatic choice").
     */
    public static final String MODEL = "auto";

    private static final double[] LEVELS = {0.8, 0.95};

    private Defaults() {
    }

    /**
     * The horizon, as R's {@code forecast()}: twice the season, or 10 steps without one.
     *
     * @param season the series' season (1 for none)
     * @return the number of steps
     */
    public static int horizon(int season) {
        return season > 1 ? 2 * season : 10;
    }

    /** @return the interval levels, as R's {@code forecast()}: {0.8, 0.95} (a new array) */
    public static double[] levels() {
        return LEVELS.clone();
    }
}
