package io.lagrs;

import java.util.Objects;

/**
 * A series' demand pattern after Syntetos, Boylan and Croston (2005): {@code adi}, the mean
 * number of periods from one demand to the next (the first counted from the start of the
 * series), against 1.32, and {@code cv2}, the squared coefficient of variation of the non-zero
 * sizes (sample variance, n - 1; 0 with a single demand), against 0.49. A series without
 * demand has NaN {@code adi} and {@code cv2} and the pattern {@link DemandPattern#NO_DEMAND}.
 *
 * @param adi average inter-demand interval
 * @param cv2 squared coefficient of variation of the demand sizes
 * @param demands number of periods with demand (values above 0)
 * @param pattern the class
 */
public record DemandClassification(double adi, double cv2, int demands, DemandPattern pattern) {
    /**
     * Classifies one series of demand.
     *
     * @param y the series, oldest first: every value present, finite and at least 0
     * @return its classification
     * @throws NullPointerException if y is null
     * @throws IllegalArgumentException if y is empty or holds a missing, infinite or negative
     *     value (the message names the first)
     */
    public static DemandClassification of(double[] y) {
        Objects.requireNonNull(y, "y");
        double[] r = DemandNatives.classify0(y);
        return new DemandClassification(r[0], r[1], (int) r[2], DemandPattern.values()[(int) r[3]]);
    }

    /**
     * Classifies every series of a batch, in input order.
     *
     * @param series one array per series, each as {@link #of(double[])} takes it
     * @return one classification per series
     * @throws NullPointerException if series or one of its elements is null (named by index)
     * @throws IllegalArgumentException if a series cannot be classified: the message names its
     *     index and the value
     */
    public static DemandClassification[] ofAll(double[][] series) {
        Objects.requireNonNull(series, "series");
        DemandClassification[] out = new DemandClassification[series.length];
        for (int i = 0; i < series.length; i++) {
            int index = i;
            double[] y = Objects.requireNonNull(series[i], () -> "series[" + index + "]");
            try {
                out[i] = of(y);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("series[" + i + "]: " + e.getMessage(), e);
            }
        }
        return out;
    }
}
