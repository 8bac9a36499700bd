package io.github.mfaeval.collect;

/** No token could be had: the tenant cannot be collected at all. The message never holds a secret. */
public class AuthException extends Exception {
    public AuthException(String message, Throwable cause) {
        super(message, cause);
    }

    public AuthException(String message) {
        super(message);
    }
}
