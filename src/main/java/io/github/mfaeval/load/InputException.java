package io.github.mfaeval.load;

/** The tenant folder cannot be evaluated at all (no manifest, unreadable manifest, not a folder). */
public final class InputException extends Exception {
    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
