package io.lagrs;

import java.util.StringJoiner;

/**
 * Specs made of other specs, for any family: the builder forms of the spec texts
 * {@code best_of(...)}, {@code mean_of(...)}, {@code median_of(...)} and
 * {@code conformal(...)}. Each returns an ordinary {@link ModelSpec} (its text is the canonical
 * combinator text), so it fits, fits in batches, cross-validates and nests like any other.
 *
 * <pre>{@code
 * ModelSpec best = ModelChoice.bestOf(ModelChoice.By.MASE, 12, 3,
 *         ModelSpec.parse("auto_arima[12]"), ModelSpec.parse("snaive[12]"));
 * ModelSpec comb = ModelChoice.conformal(ModelChoice.medianOf(a, b, c), 12, 3);
 * }</pre>
 */
public final class ModelChoice {
    private ModelChoice() {
    }

    /** The cross-validated measure {@link #bestOf} ranks the members by (lower is better). */
    public enum By {
        /** Mean absolute error. */
        MAE,
        /** Root mean squared error. */
        RMSE,
        /** Mean absolute scaled error (lag: the largest seasonal period of the members). */
        MASE,
        /** Root mean squared scaled error. */
        RMSSE,
        /** Symmetric MAPE. */
        SMAPE
    }

    /**
     * Per series, the member with the best score in a cross-validation of {@code windows}
     * windows of {@code h} steps, {@code h} apart (as {@link CrossValidation} with
     * {@code stepSize(h)}), fitted on the whole series. A member that fails any window is
     * not a candidate; ties go to the member listed first. A series too short for the windows
     * fails, naming the sizes (add a fallback, {@code best_of(...)|naive}, to fit it anyway).
     *
     * @param by the measure
     * @param h the horizon of each window, at least 1
     * @param windows the windows, at least 1
     * @param members the candidate specs, at least one
     * @return the spec {@code best_of(members; by=..., h=..., windows=..., step=h)}
     * @throws NullPointerException if by, members or a member is null
     * @throws IllegalArgumentException if h or windows is less than 1, or there is no member
     */
    public static ModelSpec bestOf(By by, int h, int windows, ModelSpec... members) {
        Checks.notNull(by, "by");
        positive(h, "h");
        positive(windows, "windows");
        return ModelSpec.parse("best_of(" + join(members) + ";by=" + by.name().toLowerCase(java.util.Locale.ROOT)
                + ",h=" + h + ",windows=" + windows + ")");
    }

    /**
     * The mean of the members' forecasts, step by step; each interval bound is the mean of the
     * members' bounds (a convention without a coverage guarantee: see {@link #conformal}).
     *
     * @param members the specs combined, at least one
     * @return the spec {@code mean_of(members)}
     * @throws NullPointerException if members or a member is null
     * @throws IllegalArgumentException if there is no member
     */
    public static ModelSpec meanOf(ModelSpec... members) {
        return ModelSpec.parse("mean_of(" + join(members) + ")");
    }

    /**
     * The median of the members' forecasts, step by step; each interval bound is the median of
     * the members' bounds.
     *
     * @param members the specs combined, at least one
     * @return the spec {@code median_of(members)}
     * @throws NullPointerException if members or a member is null
     * @throws IllegalArgumentException if there is no member
     */
    public static ModelSpec medianOf(ModelSpec... members) {
        return ModelSpec.parse("median_of(" + join(members) + ")");
    }

    /**
     * {@code member}'s forecasts with conformal prediction intervals from its errors in
     * {@code windows} cross-validation windows of {@code h} steps, as statsforecast's
     * {@code ConformalIntervals(h, n_windows)}. The fitted model forecasts at most {@code h}
     * steps; a series needs at least {@code 2 * h + 1} values.
     *
     * @param member the spec whose intervals are replaced
     * @param h the horizon the intervals are calibrated for, at least 1
     * @param windows the calibration windows, at least 2
     * @return the spec {@code conformal(member; h=..., windows=...)}
     * @throws NullPointerException if member is null
     * @throws IllegalArgumentException if h is less than 1 or windows less than 2
     */
    public static ModelSpec conformal(ModelSpec member, int h, int windows) {
        Checks.notNull(member, "member");
        positive(h, "h");
        if (windows < 2) {
            throw new IllegalArgumentException("windows must be >= 2, got " + windows);
        }
        return ModelSpec.parse("conformal(" + member + ";h=" + h + ",windows=" + windows + ")");
    }

    private static String join(ModelSpec... members) {
        Checks.notNull(members, "members");
        if (members.length == 0) {
            throw new IllegalArgumentException("members must not be empty");
        }
        StringJoiner j = new StringJoiner(",");
        for (int i = 0; i < members.length; i++) {
            j.add(Checks.notNull(members[i], "members[" + i + "]").toString());
        }
        return j.toString();
    }

    private static void positive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, got " + value);
        }
    }
}
