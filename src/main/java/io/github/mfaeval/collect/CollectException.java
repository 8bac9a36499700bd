package io.github.mfaeval.collect;

/** The tenant cannot be collected at all (its folder belongs to another tenant, the output cannot be written, …). */
public class CollectException extends Exception {
    public CollectException(String message) {
        super(message);
    }

    public CollectException(String message, Throwable cause) {
        super(message, cause);
    }
}
