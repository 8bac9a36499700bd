package io.github.mfaeval.spark;

import io.github.mfaeval.model.SignIn;
import io.github.mfaeval.pipeline.SignInParts;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which tenant's report a sign-in record belongs to. A file whose path names a tenant ({@code tenantId=<id>/} in
 * the storage account layout, or a tenant folder's own file) is that tenant's, as {@code evaluate} reads a tenant
 * folder: its records of another tenant's log are left out ({@link SignInParts#ofAnotherTenant}, the same rule and words as
 * {@code evaluate}), never moved to the other tenant, since the path and the record contradict each other. A file
 * whose path names none (an Event Hub capture, a lake export of many tenants) is split by the tenant whose log each
 * record comes from ({@link SignIn#getLogTenantId()}: the Azure Monitor envelope's tenantId, Log Analytics'
 * AADTenantId). Never by the home or resource tenant: a B2B guest's sign-in is in both tenants' logs, and each
 * tenant's own copy is what its report judges. What cannot be given to a tenant with a folder is counted and reported
 * in summary.json by the driver ({@link SparkJob}).
 */
final class TenantRouting implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Lower-case tenant id -> key of the tenant's folder. */
    private final HashMap<String, String> keyOfId;

    TenantRouting(Map<String, String> keyOfId) {
        this.keyOfId = new HashMap<>(keyOfId);
    }

    /** The key of the tenant {@code s}, read from {@code f}, is evaluated for; null when it is evaluated for none. */
    String route(InputFile f, SignIn s) {
        if (f.tenant() != null) return SignInParts.ofAnotherTenant(s, f.tenantId()) ? null : f.tenant();
        String log = s.getLogTenantId();
        return log.isEmpty() ? null : keyOfId.get(log);
    }

    /** The tenant key of a (lower-case) tenant id, or null when no folder has that id. */
    String keyOf(String tenantId) {
        return keyOfId.get(tenantId);
    }

    /**
     * The tenants whose reports include a file without a tenant in its path: those with records in it, counted by
     * the tenant of their log ({@code byLog}, "" for records that do not say).
     */
    Set<String> viewers(Map<String, Long> byLog) {
        Set<String> keys = new TreeSet<>();
        byLog.forEach((log, n) -> {
            String key = log.isEmpty() || n <= 0 ? null : keyOfId.get(log);
            if (key != null) keys.add(key);
        });
        return keys;
    }
}
