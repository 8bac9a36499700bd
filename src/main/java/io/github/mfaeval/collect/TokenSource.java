package io.github.mfaeval.collect;

/**
 * Bearer tokens for Microsoft Graph and Azure Resource Manager. Implementations never print or keep a secret
 * anywhere but in memory.
 */
public interface TokenSource {
    /** A token for {@code audience}; {@code fresh}: the last one was refused (HTTP 401), get another. */
    String token(Audience audience, boolean fresh) throws AuthException;

    /** Whether a token for {@code audience} can be had at all without asking (false: ARM is then skipped). */
    default boolean offers(Audience audience) {
        return true;
    }

    /** How tokens are obtained, for collection.json and messages: kind and public identifiers only. */
    String describe();
}
