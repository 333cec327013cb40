package io.lagrs.cli;

import io.lagrs.Accuracy;
import io.lagrs.FittedModel;
import io.lagrs.IntervalForecast;
import java.util.Arrays;
import java.util.List;

/**
 * What the outputs need of one series: its data, where the training part ends, its season, and
 * each model's result (in the order of the models).
 *
 * @param index position in the catalogue
 * @param series the series
 * @param trainLength points fitted (the rest is held back)
 * @param period the season the models were given
 * @param models one result per model
 */
record SeriesResult(int index, RegularSeries series, int trainLength, int period, List<ModelResult> models) {

    /** Whether the run held points back but this series was too short to: forecast, not scored. */
    boolean unscored(Integer holdout) {
        return holdout != null && series.failure() == null && trainLength == series.length();
    }

    /** Whether at least one model forecast the series. */
    boolean anyOk() {
        return models.stream().anyMatch(ModelResult::ok);
    }

    /** The horizon of the forecasts, 0 when no model forecast the series. */
    int horizon() {
        return models.stream().filter(ModelResult::ok).mapToInt(m -> m.mean().length).max().orElse(0);
    }

    /**
     * One model's fit of one series, or why there is none; accuracy on the held-back points
     * (NaN, and null coverage, without a holdout).
     *
     * @param label R's name of the model, or null
     * @param lower lower bounds per level, in level order
     * @param upper upper bounds per level
     */
    record ModelResult(String label, double aicc, double sigma2, double logLikelihood, double[] mean,
            double[][] lower, double[][] upper, String error, double mase, double smape, double[] coverage) {

        boolean ok() {
            return error == null;
        }

        static ModelResult failed(String error) {
            return new ModelResult(null, Double.NaN, Double.NaN, Double.NaN, null, null, null, error, Double.NaN,
                    Double.NaN, null);
        }

        /**
         * The result of a fitted model and its forecast; with {@code actual} (the held-back
         * points) its MASE against {@code train}, sMAPE and coverage per level.
         */
        static ModelResult of(FittedModel model, IntervalForecast f, double[] train, double[] actual, int period,
                boolean nonNegative) {
            int levels = f.levels().length;
            double[][] lower = new double[levels][];
            double[][] upper = new double[levels][];
            for (int k = 0; k < levels; k++) {
                lower[k] = clip(f.lower(k), nonNegative);
                upper[k] = clip(f.upper(k), nonNegative);
            }
            double[] mean = clip(f.mean(), nonNegative);
            double mase = Double.NaN;
            double smape = Double.NaN;
            double[] coverage = null;
            if (actual != null) {
                mase = Accuracy.mase(train, actual, mean, period);
                smape = Accuracy.smape(actual, mean);
                coverage = new double[levels];
                for (int k = 0; k < levels; k++) {
                    coverage[k] = Accuracy.coverage(actual, lower[k], upper[k]);
                }
            }
            return new ModelResult(model.label(), model.aicc(), model.sigma2(), model.logLikelihood(), mean, lower,
                    upper, null, mase, smape, coverage);
        }

        /** With {@code on}, values below zero become zero (--non-negative: clipping, in place). */
        private static double[] clip(double[] v, boolean on) {
            for (int i = 0; on && i < v.length; i++) {
                v[i] = v[i] < 0 ? 0 : v[i];
            }
            return v;
        }

        @Override
        public String toString() {
            return ok() ? label + " " + Arrays.toString(mean) : "failed: " + error;
        }
    }
}
