package io.lagrs.cli;

import io.lagrs.BatchOptions;
import io.lagrs.FittedModel;
import io.lagrs.IntervalForecast;
import io.lagrs.ModelBatch;
import io.lagrs.ModelSpec;
import io.lagrs.table.Defaults;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fitting stage: fits every model to every series of a chunk of the catalogue through the
 * library's batch path ({@link ModelSpec#fitAll(double[], int[], BatchOptions)}), one call per
 * model and group of series sharing a season and a horizon, with the run's thread count and a
 * progress listener driving the bar. The models are kept (for their AICc, sigma2 and
 * log-likelihood in the model table) only until the chunk's results are taken from them.
 */
final class BatchFitter {
    private final ForecastSettings settings;
    private final Progress bar;

    /** The path of a run with regressors (--xreg), or null. */
    private final XregFitter xreg;

    BatchFitter(ForecastSettings settings, Progress bar) {
        this(settings, bar, null);
    }

    BatchFitter(ForecastSettings settings, Progress bar, RegressorInput regressors) {
        this.settings = settings;
        this.bar = bar;
        this.xreg = regressors == null ? null : new XregFitter(settings, regressors, bar);
    }

    /** The steps the progress bar counts: one per series and model. */
    static long steps(int series, ForecastSettings settings) {
        return (long) series * settings.models().size();
    }

    /**
     * Fits and forecasts the series {@code chunk}, which start at catalogue position
     * {@code first}; the results are in chunk order.
     */
    List<SeriesResult> fit(List<RegularSeries> chunk, int first) {
        int nModels = settings.models().size();
        SeriesResult.ModelResult[][] results = new SeriesResult.ModelResult[chunk.size()][nModels];
        int[] train = new int[chunk.size()];
        int[] period = new int[chunk.size()];
        // series sharing a season and a horizon share a spec and one batch call per model
        Map<List<Integer>, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < chunk.size(); i++) {
            RegularSeries s = chunk.get(i);
            period[i] = settings.season() != null ? settings.season() : s.season();
            int n = s.length();
            train[i] = s.failure() != null ? 0 : settings.holdout() != null ? n - settings.holdout() : n;
            if (s.failure() == null && settings.holdout() != null && train[i] < 2) {
                train[i] = n; // too short to hold points back: forecast from all of them, unscored
            }
            String failure = failure(s, train[i]);
            if (failure != null) {
                train[i] = Math.max(0, train[i]);
                Arrays.fill(results[i], SeriesResult.ModelResult.failed(failure));
                bar.step(nModels);
                continue;
            }
            int h = horizon(period[i]);
            String beyond = s.cannotReach(train[i] + h);
            if (beyond != null) {
                Arrays.fill(results[i], SeriesResult.ModelResult.failed(beyond));
                bar.step(nModels);
                continue;
            }
            groups.computeIfAbsent(List.of(period[i], h), k -> new ArrayList<>()).add(i);
        }
        groups.forEach((key, members) -> {
            for (int k = 0; k < nModels; k++) {
                fitGroup(k, key.get(0), key.get(1), members, chunk, train, results);
            }
        });
        List<SeriesResult> out = new ArrayList<>(chunk.size());
        for (int i = 0; i < chunk.size(); i++) {
            out.add(new SeriesResult(first + i, chunk.get(i), train[i], period[i], List.of(results[i])));
        }
        return out;
    }

    /** Why the series is not given to the models at all, or null. */
    private String failure(RegularSeries s, int train) {
        if (s.failure() != null) {
            return s.failure();
        }
        if (train < 2) {
            return "too short to fit (fewer than 2 points)";
        }
        for (int i = 0; i < train; i++) {
            if (!Double.isNaN(s.values()[i])) {
                return null;
            }
        }
        return "no observed values";
    }

    /** The holdout, --horizon, or the library's default (as R's forecast(): twice the season, or 10). */
    private int horizon(int period) {
        return settings.holdout() != null ? settings.holdout()
                : settings.horizon() != null ? settings.horizon() : Defaults.horizon(period);
    }

    private void fitGroup(int k, int period, int h, List<Integer> members, List<RegularSeries> chunk, int[] train,
            SeriesResult.ModelResult[][] results) {
        ModelChoice model = settings.models().get(k);
        ModelSpec spec;
        try {
            spec = model.spec(period);
        } catch (IllegalArgumentException e) {
            for (int i : members) {
                results[i][k] = SeriesResult.ModelResult.failed(e.getMessage());
            }
            bar.step(members.size());
            return;
        }
        if (xreg != null) {
            xreg.fitGroup(k, spec, period, h, members, chunk, train, results);
            return;
        }
        int[] offsets = new int[members.size() + 1];
        for (int j = 0; j < members.size(); j++) {
            offsets[j + 1] = offsets[j] + train[members.get(j)];
        }
        double[] values = new double[offsets[members.size()]];
        for (int j = 0; j < members.size(); j++) {
            System.arraycopy(chunk.get(members.get(j)).values(), 0, values, offsets[j], train[members.get(j)]);
        }
        long before = bar.done();
        // no more threads than series: each thread fits one series at a time
        BatchOptions options = BatchOptions.defaults().threads(Math.max(1, Math.min(settings.threads(), members.size())))
                .onProgress(p -> bar.stepTo(before + p.done()));
        try (ModelBatch batch = spec.fitAll(values, offsets, options)) {
            IntervalForecast[] forecasts = batch.forecast(h, settings.levels());
            for (int j = 0; j < members.size(); j++) {
                int i = members.get(j);
                if (!batch.succeeded(j)) {
                    results[i][k] = SeriesResult.ModelResult.failed(chunk.get(i).inUserTerms(batch.error(j)));
                    continue;
                }
                RegularSeries s = chunk.get(i);
                double[] y = Arrays.copyOfRange(values, offsets[j], offsets[j + 1]);
                double[] actual = settings.holdout() == null || train[i] == s.length() ? null
                        : Arrays.copyOfRange(s.values(), train[i], s.length());
                try (FittedModel fitted = batch.model(j)) {
                    results[i][k] = SeriesResult.ModelResult.of(fitted, forecasts[j], y, actual, period,
                            settings.nonNegative());
                }
            }
        }
        // no step here: the listener's last report, made before fitAll returns, counted every series
    }
}
