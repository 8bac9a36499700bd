package io.github.mfaeval.collect;

/**
 * Bearer tokens for one API (Microsoft Graph or Azure Resource Manager), named by its endpoint
 * ({@code https://graph.microsoft.com}). Implementations never print or keep a secret anywhere but in memory.
 */
public interface TokenSource {
    /** A token for the API at {@code resource}; {@code fresh}: the last one was refused (HTTP 401), get another. */
    String token(String resource, boolean fresh) throws AuthException;

    /** Whether a token for {@code resource} can be had at all without asking (false: ARM is then skipped). */
    default boolean offers(String resource) {
        return true;
    }

    /** How tokens are obtained, for collection.json and messages: kind and public identifiers only. */
    String describe();
}
