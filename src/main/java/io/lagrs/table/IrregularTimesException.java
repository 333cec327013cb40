package io.lagrs.table;

/**
 * The times of one series do not form a regular grid ({@link RegularGrid}'s rule); the message
 * names the offending time in the input's own terms. It fails that series only.
 */
public final class IrregularTimesException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * @param message why no grid fits, naming the time
     */
    public IrregularTimesException(String message) {
        super(message, null, false, false);
    }
}
