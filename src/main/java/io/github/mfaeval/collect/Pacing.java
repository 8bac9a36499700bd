package io.github.mfaeval.collect;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * Graph's limits on the identity and access reports APIs (sign-ins, audit logs, authentication methods
 * reports), as Microsoft documents them (Microsoft Graph throttling limits): {@code perTenant} requests per
 * {@code window} per application per tenant, and {@code perApplication} across every tenant. Requests are paced to
 * them, so a well-behaved run rarely meets a 429. They are options because Microsoft changes them.
 *
 * @param timeScale divides every window (1 in real use; tests and the benchmark run the same limits faster)
 */
public record Pacing(int perTenant, int perApplication, Duration window, double timeScale) {
    public static final int PER_TENANT = 5;
    public static final int PER_APPLICATION = 122;
    public static final Duration WINDOW = Duration.ofSeconds(10);
    public static final Pacing GRAPH_REPORTS = new Pacing(PER_TENANT, PER_APPLICATION, WINDOW, 1);

    public Pacing {
        if (perTenant < 1 || perApplication < 1) throw new IllegalArgumentException("request limits must be at least 1");
        if (window.isNegative()) throw new IllegalArgumentException("the window must not be negative");
        if (!(timeScale >= 1)) throw new IllegalArgumentException("the time scale must be 1 or more");
    }

    /** How many tenants can be collected at once, each at its full per-tenant pace, within the application's budget. */
    public int tenantsAtOnce() {
        return Math.max(1, perApplication / perTenant);
    }

    long scaledWindowNanos() {
        return (long) (window.toNanos() / timeScale);
    }

    /** The application-wide limiter, one for a whole run. */
    public RateLimiter applicationLimiter() {
        return new RateLimiter("reports API, whole application", perApplication, scaledWindowNanos());
    }

    /** One tenant's limiter. */
    public RateLimiter tenantLimiter(String tenant) {
        return new RateLimiter("reports API, tenant " + tenant, perTenant, scaledWindowNanos());
    }

    /** Whether Graph counts {@code url} against the reports limits: /auditLogs/ and /reports/. */
    public static boolean isReportsApi(String url) {
        String path;
        try {
            path = URI.create(url).getRawPath();
        } catch (IllegalArgumentException e) {
            path = url;
        }
        if (path == null) return false;
        String p = path.toLowerCase(Locale.ROOT);
        return p.contains("/auditlogs/") || p.contains("/reports/");
    }

    /** The two limiters a tenant's reports requests go through: the tenant's first, then the application's. */
    public record Gate(RateLimiter tenant, RateLimiter application) {
        void acquire() throws InterruptedException {
            tenant.acquire();
            try {
                application.acquire();
            } catch (InterruptedException e) {
                tenant.release();
                throw e;
            }
        }

        void release() {
            application.release();
            tenant.release();
        }
    }
}
