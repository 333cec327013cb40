package io.lagrs.cli;

import io.lagrs.ArimaModel;
import io.lagrs.BatchOptions;
import io.lagrs.table.Defaults;
import java.util.Arrays;
import java.util.List;

/**
 * The options of {@code forecast}, checked: every rule on the arguments in one place, so that
 * a mistake is a usage error (exit code 2) before any input is read; a value the library would
 * refuse for every series (a horizon past {@link ArimaModel#MAX_HORIZON}, a season past the
 * longest period ARIMA takes, a model text it cannot read) included.
 *
 * @param models the models, in the order given (their columns in that order)
 * @param levels interval levels as fractions, ascending
 * @param levelsPercent the same in percent
 * @param horizon --horizon, or null for the default of each series
 * @param season --season, or null for each series' own
 * @param holdout --holdout, or null
 * @param threads worker threads of the batch calls (at most {@link BatchOptions#MAX_THREADS}, as the library)
 * @param nonNegative whether forecasts and bounds are clipped at zero (--non-negative)
 */
record ForecastSettings(List<ModelChoice> models, double[] levels, double[] levelsPercent, Integer horizon,
        Integer season, Integer holdout, int threads, boolean nonNegative) {

    /** The longest seasonal period ARIMA takes (hourly data over a leap year; see {@code Arima}). */
    static final int MAX_SEASON = 366 * 24;

    /** The season the model texts are checked with when --season does not give one. */
    private static final int PROBE_SEASON = 12;

    /** @throws UserError naming the option that is wrong */
    static ForecastSettings of(ForecastCommand c) {
        List<Double> raw = c.levels == null || c.levels.isEmpty()
                ? Arrays.stream(Defaults.levels()).boxed().toList() : c.levels;
        double[] percent = raw.stream().mapToDouble(l -> l > 0 && l < 1 ? l * 100 : l).sorted().distinct().toArray();
        for (double p : percent) {
            if (!(p > 0 && p < 100)) {
                throw new UserError("--level must be between 0 and 100 (percent), got " + Numbers.level(p));
            }
        }
        double[] fractions = Arrays.stream(percent).map(p -> p / 100).toArray();
        within("--horizon", c.horizon, ArimaModel.MAX_HORIZON);
        within("--holdout", c.holdout, ArimaModel.MAX_HORIZON);
        if (c.holdout != null && c.horizon != null && !c.horizon.equals(c.holdout)) {
            throw new UserError("--holdout forecasts the held-back points: leave out --horizon or make it equal ("
                    + c.horizon + " != " + c.holdout + ")");
        }
        within("--season", c.season, MAX_SEASON);
        within("--threads", c.threads, BatchOptions.MAX_THREADS);
        if (c.lambda != null && !Double.isFinite(c.lambda)) {
            throw new UserError("--lambda must be a finite number, got " + c.lambda);
        }
        if (c.plotLimit < 0) {
            throw new UserError("--plot-limit must be >= 0, got " + c.plotLimit);
        }
        int threads = c.threads != null ? c.threads
                : Math.min(BatchOptions.MAX_THREADS, Runtime.getRuntime().availableProcessors());
        // the model texts are read by the library: a missing one is its own one-line error
        NativeCheck.require();
        int probe = c.season != null ? c.season : PROBE_SEASON;
        if (c.select != null && Regression.applies(c)) {
            // best_of adds no Fourier terms to its members (they were dropped silently) and takes no regressors
            throw new UserError("--select cv does not take --xreg or --fourier: leave out --select and give the model");
        }
        List<String> texts = c.select == null ? Regression.modelTexts(c) : null;
        // with regressors or Fourier terms, the texts already hold --order's arima
        String order = Regression.applies(c) ? null : c.order;
        List<ModelChoice> models = c.select == null ? ModelChoice.of(texts, order, c.lambda, probe)
                : ModelChoice.of(List.of(ModelChoice.bestOf(c, c.horizon != null ? c.horizon : c.holdout)), null, null, probe);
        return new ForecastSettings(models, fractions, percent, c.horizon, c.season, c.holdout, threads, c.nonNegative);
    }

    private static void within(String option, Integer value, int max) {
        if (value != null && (value < 1 || value > max)) {
            throw new UserError(option + " must be between 1 and " + max + ", got " + value);
        }
    }

    /** Whether the outputs have a column group (and a model-table row) per model. */
    boolean severalModels() {
        return models.size() > 1;
    }
}
