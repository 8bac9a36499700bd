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
                             String toolVersion, Clock clock) {
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
