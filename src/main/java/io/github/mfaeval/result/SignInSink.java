package io.github.mfaeval.result;

import java.io.IOException;

/**
 * Receives each sign-in's verdict as soon as the rules have decided it, in the order the sign-ins were
 * read, so a report can be written while the tenant is still being read instead of held in memory.
 */
@FunctionalInterface
public interface SignInSink {
    void accept(SignInVerdict verdict) throws IOException;

    /** Keeps nothing: the report's counts and per-user lines are all that is wanted. */
    SignInSink NONE = v -> { };
}
