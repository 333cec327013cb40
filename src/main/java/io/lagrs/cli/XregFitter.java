package io.lagrs.cli;

import io.lagrs.FittedModel;
import io.lagrs.IntervalForecast;
import io.lagrs.LagrsException;
import io.lagrs.ModelSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@link BatchFitter}'s path for a run with regressors: each series fitted with its own
 * regressor columns ({@link ModelSpec#fit(double[], io.lagrs.Regressors)}) and forecast with
 * their future values, on the run's thread count. A series whose regressors are incomplete
 * fails alone, with the reason.
 */
final class XregFitter {
    private final ForecastSettings settings;
    private final RegressorInput regressors;
    private final Progress bar;

    XregFitter(ForecastSettings settings, RegressorInput regressors, Progress bar) {
        this.settings = settings;
        this.regressors = regressors;
        this.bar = bar;
    }

    void fitGroup(int k, ModelSpec spec, int period, int h, List<Integer> members, List<RegularSeries> chunk, int[] train,
            SeriesResult.ModelResult[][] results) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(settings.threads(), members.size())));
        try {
            List<Future<SeriesResult.ModelResult>> done = new ArrayList<>();
            for (int i : members) {
                done.add(pool.submit(() -> one(spec, period, h, chunk.get(i), train[i])));
            }
            for (int j = 0; j < members.size(); j++) {
                results[members.get(j)][k] = done.get(j).get();
                bar.step(1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private SeriesResult.ModelResult one(ModelSpec spec, int period, int h, RegularSeries s, int train) {
        try {
            double[] y = Arrays.copyOf(s.values(), train);
            double[][] future = regressors.future(s, train, h);
            double[] actual = settings.holdout() == null || train == s.length() ? null
                    : Arrays.copyOfRange(s.values(), train, s.length());
            try (FittedModel fitted = spec.fit(y, regressors.training(s, train))) {
                IntervalForecast f = fitted.forecast(h, settings.levels(), future);
                return SeriesResult.ModelResult.of(fitted, f, y, actual, period, settings.nonNegative());
            }
        } catch (IllegalArgumentException | LagrsException e) {
            return SeriesResult.ModelResult.failed(s.inUserTerms(e.getMessage()));
        }
    }
}
