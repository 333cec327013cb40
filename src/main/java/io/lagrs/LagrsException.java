package io.lagrs;

/**
 * A failure inside lagrs on valid input: a numerical method that could not finish, or an
 * internal error in the native library (reported here instead of crashing the JVM).
 * Bad arguments are reported as {@link IllegalArgumentException} or
 * {@link NullPointerException} instead.
 */
public class LagrsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message that says what failed.
     *
     * @param message what failed, for the reader of the log
     */
    public LagrsException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and the underlying cause.
     *
     * @param message what failed, for the reader of the log
     * @param cause the underlying exception, or null if none
     */
    public LagrsException(String message, Throwable cause) {
        super(message, cause);
    }
}
