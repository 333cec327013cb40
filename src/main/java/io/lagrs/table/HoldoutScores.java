package io.lagrs.table;

import io.lagrs.Accuracy;
import java.util.Arrays;
import java.util.Locale;

/**
 * The accuracy of a {@link Forecaster} on held-back points ({@link Forecaster#evaluate}): per
 * series and model, MASE (scaled by the in-sample seasonal naive error, as R's
 * {@code accuracy()}), sMAPE (percent) and the share of held-back points inside each interval;
 * and their means per model over the series where they are finite. A series too short to hold
 * h points back (fewer than 2 left) is forecast from all its points and left unscored (NaN).
 * Immutable.
 */
public final class HoldoutScores {
    private final ForecastTable forecasts;
    private final double[] mase;
    private final double[] smape;
    private final double[][] coverage;

    private HoldoutScores(ForecastTable forecasts, double[] mase, double[] smape, double[][] coverage) {
        this.forecasts = forecasts;
        this.mase = mase;
        this.smape = smape;
        this.coverage = coverage;
    }

    /** Scores {@code f}, forecast from {@code train}, against the last h points of {@code full}. */
    static HoldoutScores of(SeriesTable full, SeriesTable train, ForecastTable f, int h) {
        int results = f.results();
        int levels = f.levels().length;
        double[] mase = new double[results];
        double[] smape = new double[results];
        double[][] coverage = new double[levels][results];
        Arrays.fill(mase, Double.NaN);
        Arrays.fill(smape, Double.NaN);
        for (double[] c : coverage) {
            Arrays.fill(c, Double.NaN);
        }
        int row = 0;
        for (int r = 0; r < results; r++) {
            int i = f.resultSeries(r);
            int rows = f.resultError(r) == null ? f.resultRows(r) : 0;
            if (rows > 0 && train.length(i) < full.length(i)) {
                double[] actual = Arrays.copyOfRange(full.values(i), train.length(i), full.length(i));
                double[] mean = new double[h];
                double[][] lower = new double[levels][h];
                double[][] upper = new double[levels][h];
                for (int k = 0; k < h; k++) {
                    mean[k] = f.mean(row + k);
                    for (int l = 0; l < levels; l++) {
                        lower[l][k] = f.lower(row + k, l);
                        upper[l][k] = f.upper(row + k, l);
                    }
                }
                mase[r] = Accuracy.mase(train.values(i), actual, mean, full.season(i));
                smape[r] = Accuracy.smape(actual, mean);
                for (int l = 0; l < levels; l++) {
                    coverage[l][r] = Accuracy.coverage(actual, lower[l], upper[l]);
                }
            }
            row += rows;
        }
        return new HoldoutScores(f, mase, smape, coverage);
    }

    /** @return the forecasts of the held-back points */
    public ForecastTable forecasts() {
        return forecasts;
    }

    /**
     * @param r a result of {@link #forecasts()}
     * @return its MASE, NaN if unscored
     */
    public double mase(int r) {
        return mase[r];
    }

    /**
     * @param r a result of {@link #forecasts()}
     * @return its sMAPE in percent, NaN if unscored
     */
    public double smape(int r) {
        return smape[r];
    }

    /**
     * @param r a result of {@link #forecasts()}
     * @param level a level index
     * @return the share of its held-back points inside that interval, NaN if unscored
     */
    public double coverage(int r, int level) {
        return coverage[level][r];
    }

    /**
     * @param model a model spec text of the forecaster
     * @return the mean MASE of that model over the scored series, NaN if none
     * @throws IllegalArgumentException if the forecaster has no such model
     */
    public double meanMase(String model) {
        return meanOf(mase, model);
    }

    /**
     * @param model a model spec text of the forecaster
     * @return the mean sMAPE of that model, percent
     */
    public double meanSmape(String model) {
        return meanOf(smape, model);
    }

    private double meanOf(double[] v, String model) {
        if (!Arrays.asList(forecasts.models()).contains(model)) {
            throw new IllegalArgumentException("model '" + model + "' is not one of " + Arrays.toString(forecasts.models()));
        }
        double sum = 0;
        int n = 0;
        for (int r = 0; r < v.length; r++) {
            if (forecasts.resultModel(r).equals(model) && Double.isFinite(v[r])) {
                sum += v[r];
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("HoldoutScores[");
        for (String m : forecasts.models()) {
            s.append(String.format(Locale.ROOT, "%s: MASE %.3f sMAPE %.2f%%; ", m, meanMase(m), meanSmape(m)));
        }
        return s.append(']').toString();
    }
}
