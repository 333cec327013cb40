package io.lagrs.cli;

import io.lagrs.NativeLibrary;

/** Loads the native library before a command reads anything, so that a missing one is one line, at once. */
final class NativeCheck {
    private NativeCheck() {
    }

    /**
     * @throws UserError with the first sentence of the loader's message (the cause and its fix);
     *     the places tried are in the cause, shown with --verbose
     */
    static void require() {
        try {
            NativeLibrary.load();
        } catch (UnsatisfiedLinkError e) {
            String message = String.valueOf(e.getMessage());
            int lineEnd = message.indexOf('\n');
            String headline = lineEnd < 0 ? message : message.substring(0, lineEnd);
            if (headline.endsWith(" Tried:")) {
                headline = headline.substring(0, headline.length() - " Tried:".length());
            }
            throw new UserError(headline + (lineEnd < 0 ? "" : " (--verbose lists every place tried)"), e);
        }
    }
}
