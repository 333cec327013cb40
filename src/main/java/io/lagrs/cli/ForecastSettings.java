package io.lagrs.cli;

import io.lagrs.BatchOptions;
import java.util.Arrays;
import java.util.List;

/**
 * The options of {@code forecast}, checked: every rule on the arguments in one place, so that
 * a mistake is a usage error (exit code 2) before any input is read.
 *
 * @param models the models, in the order given (their columns in that order)
 * @param levels interval levels as fractions, ascending
 * @param levelsPercent the same in percent
 * @param horizon --horizon, or null for the default of each series
 * @param season --season, or null for each series' own
 * @param holdout --holdout, or null
 * @param threads worker threads of the batch calls
 */
record ForecastSettings(List<ModelChoice> models, double[] levels, double[] levelsPercent, Integer horizon,
        Integer season, Integer holdout, int threads) {

    /** The season the model texts are checked with when --season does not give one. */
    private static final int PROBE_SEASON = 12;

    /** @throws UserError naming the option that is wrong */
    static ForecastSettings of(ForecastCommand c) {
        List<Double> raw = c.levels == null || c.levels.isEmpty() ? List.of(80.0, 95.0) : c.levels;
        double[] percent = raw.stream().mapToDouble(l -> l > 0 && l < 1 ? l * 100 : l).sorted().distinct().toArray();
        for (double p : percent) {
            if (!(p > 0 && p < 100)) {
                throw new UserError("--level must be between 0 and 100 (percent), got " + Numbers.level(p));
            }
        }
        double[] fractions = Arrays.stream(percent).map(p -> p / 100).toArray();
        if (c.horizon != null && c.horizon < 1) {
            throw new UserError("--horizon must be >= 1, got " + c.horizon);
        }
        if (c.holdout != null && c.holdout < 1) {
            throw new UserError("--holdout must be >= 1, got " + c.holdout);
        }
        if (c.holdout != null && c.horizon != null && !c.horizon.equals(c.holdout)) {
            throw new UserError("--holdout forecasts the held-back points: leave out --horizon or make it equal ("
                    + c.horizon + " != " + c.holdout + ")");
        }
        if (c.season != null && c.season < 1) {
            throw new UserError("--season must be >= 1, got " + c.season);
        }
        if (c.threads != null && c.threads < 1) {
            throw new UserError("--threads must be >= 1, got " + c.threads);
        }
        if (c.lambda != null && !Double.isFinite(c.lambda)) {
            throw new UserError("--lambda must be a finite number, got " + c.lambda);
        }
        if (c.plotLimit < 0) {
            throw new UserError("--plot-limit must be >= 0, got " + c.plotLimit);
        }
        // the library's own cap: more threads than that would be refused by BatchOptions
        int threads = Math.min(BatchOptions.MAX_THREADS,
                c.threads != null ? c.threads : Runtime.getRuntime().availableProcessors());
        List<ModelChoice> models = ModelChoice.of(c.modelTexts, c.order, c.lambda,
                c.season != null ? c.season : PROBE_SEASON);
        return new ForecastSettings(models, fractions, percent, c.horizon, c.season, c.holdout, threads);
    }

    /** Whether the outputs have a column group (and a model-table row) per model. */
    boolean severalModels() {
        return models.size() > 1;
    }
}
