package io.github.mfaeval.collect;

import java.nio.file.Path;
import java.time.Clock;

/**
 * One tenant's collection.
 *
 * @param tenant        id or domain, as given
 * @param folder        the tenant folder written
 * @param days          sign-in window; null: the tenant's retention (30 days with P1/P2, 7 with Free; 30 when unknown)
 * @param arm           whether to collect the Activity Log from Azure Resource Manager
 * @param delegated     a person signed in (device-code): 403s name delegated permissions
 */
public record CollectOptions(String tenant, Path folder, Integer days, String graphEndpoint, String armEndpoint,
                             String loginEndpoint, boolean resume, boolean arm, boolean delegated, RetryPolicy retry,
                             String toolVersion, Clock clock, SignInOptions signIns) {
    public CollectOptions(String tenant, Path folder, Integer days, String graphEndpoint, String armEndpoint, String loginEndpoint,
                          boolean resume, boolean arm, boolean delegated, RetryPolicy retry, String toolVersion, Clock clock) {
        this(tenant, folder, days, graphEndpoint, armEndpoint, loginEndpoint, resume, arm, delegated, retry, toolVersion, clock, SignInOptions.ALL);
    }

    /**
     * Which sign-ins, and how.
     *
     * @param filter        the sign-ins fetched (the edition's listed applications, or {@link SignInFilter#ALL})
     * @param full          a fresh window even when the folder holds an earlier complete collection (--full)
     * @param overlap       an incremental run fetches from the earlier window's end less this (Graph's log lags)
     * @param progressEvery progress lines at most this often
     */
    public record SignInOptions(SignInFilter filter, boolean full, java.time.Duration overlap, java.time.Duration progressEvery) {
        public static final java.time.Duration OVERLAP = java.time.Duration.ofMinutes(15);
        public static final java.time.Duration PROGRESS_EVERY = java.time.Duration.ofSeconds(10);
        public static final SignInOptions ALL = new SignInOptions(SignInFilter.ALL, false, OVERLAP, PROGRESS_EVERY);
    }

    public static final String GRAPH = "https://graph.microsoft.com";
    public static final String ARM = "https://management.azure.com";
    public static final String LOGIN = "https://login.microsoftonline.com";

    /** The Entra login host of the cloud a Graph endpoint belongs to (public, US Government, China). */
    public static String loginFor(String graphEndpoint) {
        String g = graphEndpoint.toLowerCase(java.util.Locale.ROOT);
        if (g.contains("graph.microsoft.us")) return "https://login.microsoftonline.us";
        if (g.contains("chinacloudapi.cn")) return "https://login.chinacloudapi.cn";
        return LOGIN;
    }
}
