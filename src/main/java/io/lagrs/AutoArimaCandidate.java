package io.lagrs;

/**
 * One model tried by an {@link AutoArima} search, as a line of R's {@code auto.arima(trace =
 * TRUE)} output.
 *
 * @param p non-seasonal AR order
 * @param d non-seasonal differences
 * @param q non-seasonal MA order
 * @param seasonalP seasonal AR order
 * @param seasonalD seasonal differences
 * @param seasonalQ seasonal MA order
 * @param period seasonal period (1 when non-seasonal)
 * @param constant whether a constant was included: a mean when {@code d + D == 0}, a drift
 *     when {@code d + D == 1}
 * @param ic the candidate's information criterion; {@code Double.POSITIVE_INFINITY} when the
 *     fit failed or was rejected (a characteristic root within 1.01 of the unit circle, or
 *     undefined coefficient variances), as R
 * @param approximate whether {@code ic} is the conditional-sum-of-squares approximation used
 *     during the search (then the winner is refitted exactly and listed again)
 */
public record AutoArimaCandidate(int p, int d, int q, int seasonalP, int seasonalD, int seasonalQ,
        int period, boolean constant, double ic, boolean approximate) {

    /** R's label, e.g. {@code ARIMA(0,1,1)(0,1,1)[12] with drift}. */
    @Override
    public String toString() {
        String s = "ARIMA(" + p + "," + d + "," + q + ")";
        if (seasonalP + seasonalD + seasonalQ > 0) {
            s += "(" + seasonalP + "," + seasonalD + "," + seasonalQ + ")[" + period + "]";
        }
        int diffs = d + seasonalD;
        if (constant && diffs == 0) {
            s += " with non-zero mean";
        } else if (constant && diffs == 1) {
            s += " with drift";
        } else if (diffs == 0) {
            s += " with zero mean";
        }
        return s + " : " + ic;
    }
}
