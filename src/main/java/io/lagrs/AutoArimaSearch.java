package io.lagrs;

import java.util.List;

/**
 * The model chosen by {@link AutoArima#search(double[])} together with every candidate the
 * search fitted, in order. Closing it closes the model.
 *
 * @param model the chosen model (owns native state: close it, or close this record)
 * @param candidates every model tried, in the order tried; empty when R's special cases
 *     decided the model without a search (a constant series, or one constant after
 *     differencing)
 */
public record AutoArimaSearch(ArimaModel model, List<AutoArimaCandidate> candidates) implements AutoCloseable {

    /**
     * Copies the candidate list, so the record is immutable.
     *
     * @param model the chosen model, not null
     * @param candidates every model tried, in the order tried; copied, not null
     */
    public AutoArimaSearch {
        Checks.notNull(model, "model");
        candidates = List.copyOf(Checks.notNull(candidates, "candidates"));
    }

    /** Closes {@link #model()}. */
    @Override
    public void close() {
        model.close();
    }
}
