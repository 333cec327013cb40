package io.lagrs.cli;

import io.lagrs.ArimaModel;
import io.lagrs.BatchOptions;
import java.util.Arrays;
import java.util.List;

/**
 * The options of {@code forecast}, checked: a value the library would refuse for every series
 * (a horizon past {@link ArimaModel#MAX_HORIZON}, a season past the longest period ARIMA
 * takes) is a usage error before any work, not a failure of each series.
 *
 * @param order the fixed order, or null for automatic orders
 * @param levels interval levels as fractions, ascending
 * @param levelsPercent the same in percent
 * @param horizon --horizon, or null for the default
 * @param season --season, or null for each series' own
 * @param holdout --holdout, or null
 * @param threads series fitted at once (at most {@link BatchOptions#MAX_THREADS}, as the library's batches)
 */
record ForecastSettings(int[] order, double[] levels, double[] levelsPercent, Integer horizon, Integer season,
        Integer holdout, int threads) {
    /** The longest seasonal period ARIMA takes (hourly data over a leap year; see {@code Arima}). */
    static final int MAX_SEASON = 366 * 24;

    /** @throws UserError naming the option whose value is out of range */
    static ForecastSettings of(ForecastCommand o) {
        List<Double> raw = o.levels == null || o.levels.isEmpty() ? List.of(80.0, 95.0) : o.levels;
        double[] percent = raw.stream().mapToDouble(l -> l > 0 && l < 1 ? l * 100 : l).sorted().distinct().toArray();
        for (double p : percent) {
            if (!(p > 0 && p < 100)) {
                throw new UserError("--level must be between 0 and 100 (percent), got " + Numbers.level(p));
            }
        }
        double[] fractions = Arrays.stream(percent).map(p -> p / 100).toArray();
        within("--horizon", o.horizon, ArimaModel.MAX_HORIZON);
        within("--holdout", o.holdout, ArimaModel.MAX_HORIZON);
        if (o.holdout != null && o.horizon != null && !o.horizon.equals(o.holdout)) {
            throw new UserError("--holdout forecasts the held-back points: leave out --horizon or make it equal ("
                    + o.horizon + " != " + o.holdout + ")");
        }
        within("--season", o.season, MAX_SEASON);
        within("--threads", o.threads, BatchOptions.MAX_THREADS);
        if (o.lambda != null && !Double.isFinite(o.lambda)) {
            throw new UserError("--lambda must be a finite number, got " + o.lambda);
        }
        if (o.plotLimit < 0) {
            throw new UserError("--plot-limit must be >= 0, got " + o.plotLimit);
        }
        int threads = o.threads != null ? o.threads
                : Math.min(BatchOptions.MAX_THREADS, Runtime.getRuntime().availableProcessors());
        return new ForecastSettings(o.order == null ? null : Modeler.parseOrder(o.order), fractions, percent,
                o.horizon, o.season, o.holdout, threads);
    }

    private static void within(String option, Integer value, int max) {
        if (value != null && (value < 1 || value > max)) {
            throw new UserError(option + " must be between 1 and " + max + ", got " + value);
        }
    }
}
