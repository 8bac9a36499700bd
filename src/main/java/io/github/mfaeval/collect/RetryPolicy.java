package io.github.mfaeval.collect;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How Graph and ARM throttling and transient faults are retried, as Microsoft documents it: wait what
 * {@code Retry-After} says when the answer carries it, else back off exponentially with jitter; give up after
 * {@code maxRetries}. Every wait is capped by {@code maxWait}, so a hostile or broken header cannot stall a
 * nightly run for hours.
 *
 * @param base   the first backoff (doubled at each retry); tests make it tiny so the suite stays fast
 * @param limits how long one request and how many pages one collection may take (a timed-out request is not
 *               retried: a server that trickles or stalls would do it again)
 */
public record RetryPolicy(int maxRetries, Duration base, Duration maxWait, RequestLimits limits) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(6, Duration.ofSeconds(2), Duration.ofMinutes(5));

    public RetryPolicy {
        if (maxRetries < 0) throw new IllegalArgumentException("maxRetries must be 0 or more");
        if (base.isNegative() || maxWait.isNegative()) throw new IllegalArgumentException("waits must not be negative");
        if (limits == null) throw new IllegalArgumentException("limits must be given");
    }

    /** With the default request limits. */
    public RetryPolicy(int maxRetries, Duration base, Duration maxWait) {
        this(maxRetries, base, maxWait, RequestLimits.DEFAULT);
    }

    public RetryPolicy withLimits(RequestLimits l) {
        return new RetryPolicy(maxRetries, base, maxWait, l);
    }

    /** HTTP statuses Microsoft asks clients to retry: throttled (429), unavailable (503), gateway timeout (504). */
    public static boolean retryable(int status) {
        return status == 429 || status == 503 || status == 504;
    }

    /**
     * The wait before retry number {@code retry} (1 for the first), from the server's {@code Retry-After}
     * (seconds or an HTTP date) when given and readable, else {@code base * 2^(retry-1)} with jitter
     * (between half and all of it, so clients throttled together do not come back together).
     */
    public Duration delay(int retry, String retryAfter, Instant now) {
        Duration asked = parseRetryAfter(retryAfter, now);
        Duration d;
        if (asked != null) {
            d = asked;
        } else {
            long baseMs = base.toMillis();
            long exp = baseMs << Math.min(Math.max(retry - 1, 0), 20);
            if (exp < 0) exp = Long.MAX_VALUE;
            double factor = 0.5 + ThreadLocalRandom.current().nextDouble() * 0.5;
            d = Duration.ofMillis((long) (exp * factor));
        }
        return d.compareTo(maxWait) > 0 ? maxWait : d;
    }

    static Duration parseRetryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) return null;
        String v = value.trim();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(now, at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }
}
