package io.lagrs.table;

import io.lagrs.BatchForecast;
import io.lagrs.BatchOptions;
import io.lagrs.BatchProgress;
import io.lagrs.CancellationToken;
import io.lagrs.IntervalForecast;
import io.lagrs.ModelSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Forecasts every series of a {@link SeriesTable} with one or several models, in the spirit of
 * statsforecast's {@code StatsForecast(models=[...]).forecast(df, h, level)}: one call, a
 * {@link ForecastTable} with ids, future times in the input's type, model labels, means and
 * bounds per level, and an error per series that could not be forecast (the others go on).
 * Models are spec texts completed with each series' season ({@link SeasonalSpec}). Defaults
 * ({@link Defaults}): the model {@value Defaults#MODEL}, twice the season as horizon (10
 * without one), levels 80% and 95%. Immutable: each setter returns a new forecaster.
 *
 * <pre>
 * ForecastTable f = Forecaster.of("auto_arima|snaive").horizon(12).forecast(table);
 * </pre>
 */
public final class Forecaster {
    private final List<SeasonalSpec> models;
    private final int horizon;
    private final double[] levels;
    private final boolean nonNegative;
    private final int threads;
    private final Consumer<BatchProgress> progress;
    private final CancellationToken cancellation;

    private Forecaster(List<SeasonalSpec> models, int horizon, double[] levels, boolean nonNegative, int threads,
            Consumer<BatchProgress> progress, CancellationToken cancellation) {
        this.models = models;
        this.horizon = horizon;
        this.levels = levels;
        this.nonNegative = nonNegative;
        this.threads = threads;
        this.progress = progress;
        this.cancellation = cancellation;
    }

    /**
     * A forecaster of these models (spec texts, completed per series season); none means
     * {@link Defaults#MODEL}.
     *
     * @param specs spec texts such as {@code "auto_arima"}, {@code "snaive"}, {@code "ets|naive"}
     * @return a forecaster with the default horizon and levels
     * @throws NullPointerException if specs or one of them is null
     * @throws IllegalArgumentException if a text is not a spec, or one is given twice
     */
    public static Forecaster of(String... specs) {
        Objects.requireNonNull(specs, "specs");
        List<SeasonalSpec> list = new ArrayList<>();
        for (String s : specs.length == 0 ? new String[] {Defaults.MODEL} : specs) {
            SeasonalSpec spec = new SeasonalSpec(Objects.requireNonNull(s, "specs contains null"));
            if (list.stream().anyMatch(m -> m.text().equals(spec.text()))) {
                throw new IllegalArgumentException("model '" + spec.text() + "' is given twice");
            }
            list.add(spec);
        }
        return new Forecaster(List.copyOf(list), 0, Defaults.levels(), false, 0, null, null);
    }

    /**
     * One call: {@code of(specs).horizon(h).levels(levels).forecast(table)}.
     *
     * @param table the series
     * @param h steps ahead for every series; 0 for the default (twice each series' season)
     * @param levels interval levels in (0, 1)
     * @param specs model spec texts; none for the default model
     * @return the forecasts
     */
    public static ForecastTable forecast(SeriesTable table, int h, double[] levels, String... specs) {
        return of(specs).horizon(h).levels(levels).forecast(table);
    }

    /**
     * @param h steps ahead for every series, 1 to 1,000,000; 0 for twice each series' season
     * @return a forecaster with that horizon
     * @throws IllegalArgumentException if h is out of range
     */
    public Forecaster horizon(int h) {
        if (h < 0 || h > 1_000_000) {
            throw new IllegalArgumentException("h must be 0 (default) or 1 to 1000000, got " + h);
        }
        return new Forecaster(models, h, levels, nonNegative, threads, progress, cancellation);
    }

    /**
     * @param levels interval coverages, each in (0, 1), e.g. 0.8, 0.95; none for point forecasts
     * @return a forecaster with those levels
     * @throws NullPointerException if levels is null
     * @throws IllegalArgumentException if a level is not in (0, 1)
     */
    public Forecaster levels(double... levels) {
        Objects.requireNonNull(levels, "levels");
        for (double l : levels) {
            if (!(l > 0 && l < 1)) {
                throw new IllegalArgumentException("levels must be in (0, 1), e.g. 0.95, got " + l);
            }
        }
        return new Forecaster(models, horizon, levels.clone(), nonNegative, threads, progress, cancellation);
    }

    /**
     * Bounds forecasts and interval bounds at zero, for demand that cannot be negative: values
     * below zero are clipped to 0 after forecasting (the model itself is unchanged; an interval's
     * coverage is kept, its lower tail is cut).
     *
     * @param on whether to clip
     * @return a forecaster with that setting
     */
    public Forecaster nonNegative(boolean on) {
        return new Forecaster(models, horizon, levels, on, threads, progress, cancellation);
    }

    /**
     * @param n series fitted at once, 1 to {@link BatchOptions#MAX_THREADS}; 0 for the processors
     * @return a forecaster with that thread count
     * @throws IllegalArgumentException if n is out of range
     */
    public Forecaster threads(int n) {
        if (n != 0) {
            BatchOptions.defaults().threads(n); // its check and message
        }
        return new Forecaster(models, horizon, levels, nonNegative, n, progress, cancellation);
    }

    /**
     * @param listener told the series done (times models) of the whole run, as
     *     {@link BatchOptions#onProgress(Consumer)} tells them
     * @return a forecaster reporting progress to it
     */
    public Forecaster onProgress(Consumer<BatchProgress> listener) {
        return new Forecaster(models, horizon, levels, nonNegative, threads, listener, cancellation);
    }

    /**
     * @param token cancels the run
     * @return a forecaster with that token
     */
    public Forecaster cancellation(CancellationToken token) {
        return new Forecaster(models, horizon, levels, nonNegative, threads, progress, token);
    }

    /**
     * Forecasts every series of {@code table} with every model, from the end of each series.
     * Series sharing a season and a horizon go to the engine together (one batch call per
     * model). A series without a grid, too short or that no model can fit gets an error
     * instead of rows; it never fails the others.
     *
     * @param table the series
     * @return the forecasts
     * @throws NullPointerException if table is null
     * @throws java.util.concurrent.CancellationException if the run was cancelled
     */
    public ForecastTable forecast(SeriesTable table) {
        Objects.requireNonNull(table, "table");
        int n = table.size();
        int m = models.size();
        IntervalForecast[] forecasts = new IntervalForecast[n * m];
        String[] labels = new String[n * m];
        String[] errors = new String[n * m];
        Map<List<Integer>, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            if (table.error(i) != null) {
                Arrays.fill(errors, i * m, i * m + m, table.error(i));
                continue;
            }
            int h = horizon > 0 ? horizon : Defaults.horizon(table.season(i));
            String beyond = cannotReach(table, i, h);
            if (beyond != null) {
                Arrays.fill(errors, i * m, i * m + m, beyond);
                continue;
            }
            groups.computeIfAbsent(List.of(table.season(i), h), k -> new ArrayList<>()).add(i);
        }
        int total = n * m;
        AtomicInteger done = new AtomicInteger(total - groups.values().stream().mapToInt(List::size).sum() * m);
        AtomicInteger failed = new AtomicInteger();
        double[] all = table.values();
        int[] tableOffsets = table.offsets();
        groups.forEach((key, members) -> {
            // the group's series laid out flat once, for every model
            int[] offsets = new int[members.size() + 1];
            for (int j = 0; j < members.size(); j++) {
                offsets[j + 1] = offsets[j] + table.length(members.get(j));
            }
            double[] values = new double[offsets[members.size()]];
            for (int j = 0; j < members.size(); j++) {
                System.arraycopy(all, tableOffsets[members.get(j)], values, offsets[j], table.length(members.get(j)));
            }
            for (int k = 0; k < m; k++) {
                run(table, key.get(0), key.get(1), members, values, offsets, k, forecasts, labels, errors, done, failed,
                        total);
            }
        });
        return collect(table, forecasts, labels, errors);
    }

    /**
     * Holds the last {@code h} points of every series back, forecasts them (horizon h) and
     * scores the forecasts against them. A series too short to keep 2 points is forecast from
     * all of them and left unscored.
     *
     * @param table the series, held-back points included
     * @param h points held back, at least 1
     * @return the scores, with the forecasts
     * @throws IllegalArgumentException if h is below 1
     */
    public HoldoutScores evaluate(SeriesTable table, int h) {
        Objects.requireNonNull(table, "table");
        if (h < 1) {
            throw new IllegalArgumentException("h must be at least 1, got " + h);
        }
        SeriesTable train = table.dropLastKeeping(h, 2);
        return HoldoutScores.of(table, train, horizon(h).forecast(train), h);
    }

    private void run(SeriesTable table, int season, int h, List<Integer> members, double[] values, int[] offsets, int k,
            IntervalForecast[] forecasts, String[] labels, String[] errors, AtomicInteger done, AtomicInteger failed,
            int total) {
        int m = models.size();
        ModelSpec spec;
        try {
            spec = models.get(k).forSeason(season);
        } catch (IllegalArgumentException e) {
            for (int i : members) {
                errors[i * m + k] = e.getMessage();
            }
            report(done.addAndGet(members.size()), failed.addAndGet(members.size()), total);
            return;
        }
        int before = done.get();
        int failedBefore = failed.get();
        BatchOptions options = BatchOptions.defaults().threads(threads > 0 ? Math.min(threads, members.size())
                : Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), members.size())));
        if (progress != null) {
            options = options.onProgress(p -> report(before + p.done(), failedBefore + p.failed(), total));
        }
        if (cancellation != null) {
            options = options.cancellation(cancellation);
        }
        BatchForecast result = spec.forecastAll(values, offsets, h, levels, options);
        for (int j = 0; j < members.size(); j++) {
            int r = members.get(j) * m + k;
            if (!result.succeeded(j)) {
                errors[r] = table.inUserTerms(members.get(j), result.error(j));
                failed.incrementAndGet();
                continue;
            }
            labels[r] = result.label(j);
            forecasts[r] = result.forecast(j);
        }
        done.addAndGet(members.size());
    }

    private void report(int done, int failed, int total) {
        if (progress != null) {
            progress.accept(new BatchProgress(done, failed, total));
        }
    }

    private static String cannotReach(SeriesTable table, int i, int h) {
        try {
            table.key(i, table.length(i) + (long) h - 1);
            table.timeText(i, table.length(i) + (long) h - 1);
            return null;
        } catch (ArithmeticException | java.time.DateTimeException e) {
            return "its " + h + " forecast times would run past the largest time that can be written";
        }
    }

    private ForecastTable collect(SeriesTable table, IntervalForecast[] forecasts, String[] labels, String[] errors) {
        int results = forecasts.length;
        int m = models.size();
        int[] series = new int[results];
        int[] model = new int[results];
        int[] firstRow = new int[results + 1];
        int[] origin = new int[results];
        for (int r = 0; r < results; r++) {
            series[r] = r / m;
            model[r] = r % m;
            origin[r] = table.length(r / m);
            firstRow[r + 1] = firstRow[r] + (forecasts[r] == null ? 0 : forecasts[r].horizon());
        }
        int rows = firstRow[results];
        double[] mean = new double[rows];
        double[][] lower = new double[levels.length][rows];
        double[][] upper = new double[levels.length][rows];
        for (int r = 0; r < results; r++) {
            IntervalForecast f = forecasts[r];
            if (f == null) {
                continue;
            }
            System.arraycopy(clip(f.mean()), 0, mean, firstRow[r], f.horizon());
            for (int k = 0; k < levels.length; k++) {
                System.arraycopy(clip(f.lower(k)), 0, lower[k], firstRow[r], f.horizon());
                System.arraycopy(clip(f.upper(k)), 0, upper[k], firstRow[r], f.horizon());
            }
        }
        String[] names = models.stream().map(SeasonalSpec::text).toArray(String[]::new);
        return new ForecastTable(table, names, levels.clone(), series, model, labels, errors, firstRow, origin, mean,
                lower, upper);
    }

    private double[] clip(double[] v) {
        if (nonNegative) {
            for (int i = 0; i < v.length; i++) {
                v[i] = v[i] < 0 ? 0 : v[i];
            }
        }
        return v;
    }
}
