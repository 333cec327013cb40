package io.lagrs;

/**
 * A demand pattern in Syntetos, Boylan and Croston's classification (2005): the average
 * inter-demand interval (ADI) against 1.32 and the squared coefficient of variation of the
 * non-zero demand sizes (CV²) against 0.49. See {@link DemandClassification}.
 */
public enum DemandPattern {
    /** ADI below 1.32 and CV² below 0.49: demand in most periods, of steady size. */
    SMOOTH,
    /** ADI below 1.32 and CV² at least 0.49: demand in most periods, of varying size. */
    ERRATIC,
    /** ADI at least 1.32 and CV² below 0.49: sparse demand of steady size. */
    INTERMITTENT,
    /** ADI at least 1.32 and CV² at least 0.49: sparse demand of varying size. */
    LUMPY,
    /** Every value is zero. */
    NO_DEMAND;

    /**
     * Whether the intermittent-demand methods ({@link Intermittent}) suit the pattern:
     * intermittent, lumpy or no demand.
     *
     * @return true for {@link #INTERMITTENT}, {@link #LUMPY} and {@link #NO_DEMAND}
     */
    public boolean isIntermittent() {
        return this == INTERMITTENT || this == LUMPY || this == NO_DEMAND;
    }
}
