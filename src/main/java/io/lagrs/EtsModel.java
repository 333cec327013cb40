package io.lagrs;

import java.util.List;

/**
 * A fitted exponential smoothing model ({@link Ets}). {@link #label()} is R's {@code method}
 * string, e.g. {@code ETS(M,Ad,M)}; the accessors below are R's {@code par}, {@code initstate}
 * and the last row of {@code states}. Its state lives in the native library: close it when done.
 *
 * <p>States are R's: the level, the growth when there is a trend, then the m seasonal states,
 * the most recent first. Parameters a form does not have are NaN. Fitted values and residuals
 * are NaN outside the contiguous stretch the model was fitted to.
 */
public final class EtsModel extends NativeFittedModel {
    EtsModel(long handle) {
        super(handle, "EtsModel");
    }

    /**
     * Restores a model saved by {@link #toBytes()}.
     *
     * @param bytes the saved bytes, unchanged
     * @return a new model
     * @throws NullPointerException if bytes is null
     * @throws IllegalArgumentException if the bytes are not a saved ETS model
     */
    public static EtsModel fromBytes(byte[] bytes) {
        FittedModel model = FittedModel.fromBytes(bytes);
        if (model instanceof EtsModel ets) {
            return ets;
        }
        String label = model.label();
        model.close();
        throw new IllegalArgumentException("bytes hold a saved " + label + " model, not an ETS model");
    }

    /**
     * Returns the level's smoothing parameter.
     *
     * @return the level's smoothing parameter
     */
    public double alpha() {
        return parameters()[0];
    }

    /**
     * Returns the growth's smoothing parameter, NaN without a trend.
     *
     * @return the growth's smoothing parameter, NaN without a trend
     */
    public double beta() {
        return parameters()[1];
    }

    /**
     * Returns the season's smoothing parameter, NaN without a season.
     *
     * @return the season's smoothing parameter, NaN without a season
     */
    public double gamma() {
        return parameters()[2];
    }

    /**
     * Returns the damping parameter, NaN without a damped trend.
     *
     * @return the damping parameter, NaN without a damped trend
     */
    public double phi() {
        return parameters()[3];
    }

    /**
     * Returns a new array {alpha, beta, gamma, phi}, NaN for those the form has not.
     *
     * @return a new array {alpha, beta, gamma, phi}, NaN for those the form has not
     */
    public double[] parameters() {
        return call(EtsModel::parameters0);
    }

    /**
     * Returns a new array of the initial states (R's {@code initstate}).
     *
     * @return a new array of the initial states (R's {@code initstate})
     */
    public double[] initialStates() {
        return call(EtsModel::initialStates0);
    }

    /**
     * Returns a new array of the states after the last observation, where forecasts start.
     *
     * @return a new array of the states after the last observation, where forecasts start
     */
    public double[] finalState() {
        return call(EtsModel::finalState0);
    }

    /**
     * Returns R's warnings on the way to this model, in the engine's words and R's order
     * (R prints them; lagrs keeps them with the model, saved bytes included): missing values
     * cut, a period over 24 ignored, and for a series too short for R's own fit a first note
     * saying so (why the criteria are NaN), then "not enough data to use damping",
     * "seasonal component could not be estimated", "trend component could not be estimated".
     *
     * @return an unmodifiable list, empty when R fits its own model without a warning
     */
    public List<String> notes() {
        return List.of(call(EtsModel::notes0));
    }

    private static native String[] notes0(long handle);

    private static native double[] parameters0(long handle);

    private static native double[] initialStates0(long handle);

    private static native double[] finalState0(long handle);
}
