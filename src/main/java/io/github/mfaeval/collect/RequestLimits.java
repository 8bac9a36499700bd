package io.github.mfaeval.collect;

import java.time.Duration;

/**
 * How long and how much one request and one paged collection may take, so that a server that trickles, stalls
 * or pages forever costs one file, never the night: the rest of the tenant is collected.
 *
 * @param readTimeout       the longest silence between two pieces of an answer's body
 * @param deadline          the longest one request may take, headers and body together (retries are new requests)
 * @param maxEmptyPages     empty pages in a row that carry a paging link; more and the paging is taken as endless
 * @param maxPages          pages of one collection (one list, one sign-in kind)
 * @param maxBodyBytes      the largest answer read
 */
public record RequestLimits(Duration readTimeout, Duration deadline, int maxEmptyPages, int maxPages, long maxBodyBytes) {
    /**
     * 100,000 pages: Graph's largest pages hold 999 directory objects or 1,000 sign-ins, so that is 100 million
     * sign-ins of one kind in the window, or 100 million users (Entra's directory quota is 50,000 objects by
     * default, 300,000 with a verified domain, more only on request). 50 empty pages in a row: Graph may page
     * through a filtered sign-in log with a few empty pages, never with dozens. 256 MB: ten times the largest
     * sign-in page seen (1,000 records with their authentication details).
     */
    public static final RequestLimits DEFAULT = new RequestLimits(Duration.ofSeconds(60), Duration.ofMinutes(5), 50, 100_000, 256L << 20);

    public RequestLimits {
        if (readTimeout.isNegative() || readTimeout.isZero()) throw new IllegalArgumentException("the read timeout must be positive");
        if (deadline.isNegative() || deadline.isZero()) throw new IllegalArgumentException("the request deadline must be positive");
        if (maxEmptyPages < 1) throw new IllegalArgumentException("the bound on empty pages must be at least 1");
        if (maxPages < 1) throw new IllegalArgumentException("the bound on pages must be at least 1");
        if (maxBodyBytes < 1) throw new IllegalArgumentException("the bound on an answer's size must be positive");
    }
}
