package io.lagrs.cli;

/**
 * A problem the user can fix (a missing file, a header without the needed columns, an
 * unwritable output): reported as one line and exit code 2, without a stack trace unless
 * {@code --verbose}.
 */
final class UserError extends RuntimeException {
    UserError(String message) {
        super(message);
    }

    UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
