package io.github.mfaeval.load.signin;

import io.github.mfaeval.model.SignIn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Records of other tenants' sign-in logs among a tenant's sign-in files (decision). An Azure Monitor diagnostic
 * record and a Log Analytics row say whose log they come from ({@link SignIn#getLogTenantId()}); one that names
 * another tenant than the one evaluated is not this tenant's evidence: it is not evaluated and not counted as read,
 * and the report says, per file, how many such records were left out and of which tenants ({@code inputs.warnings}).
 * Never evaluated as this tenant's: a B2B guest's sign-in is in the logs of both tenants, and only this tenant's
 * copy speaks for this tenant's Conditional Access. A record that does not say (Graph, the portal, PowerShell) is
 * the folder's, as always. The Spark job uses the same counts and words, per file of each tenant.
 */
public final class OtherTenantRecords {
    /** file -> tenant id of the log -> records left out. */
    private final Map<String, Map<String, Long>> perFile = new LinkedHashMap<>();
    private final Map<String, Long> pending = new TreeMap<>();

    /** True when {@code s} comes from the log of another tenant than {@code tenantId}. */
    public static boolean foreign(SignIn s, String tenantId) {
        String log = s.getLogTenantId();
        return !log.isEmpty() && tenantId != null && !log.equals(tenantId.trim().toLowerCase(Locale.ROOT));
    }

    /** One record of the file being read is another tenant's. */
    public void leftOut(SignIn s) {
        pending.merge(s.getLogTenantId(), 1L, Long::sum);
    }

    /** The file being read is done: its records of other tenants are counted under its name. */
    public void fileRead(String file) {
        if (pending.isEmpty()) return;
        add(file, pending);
        pending.clear();
    }

    /** Adds {@code byTenant} (tenant id of the log -> records) to the records of other tenants in {@code file}. */
    public void add(String file, Map<String, Long> byTenant) {
        Map<String, Long> of = perFile.computeIfAbsent(file, f -> new TreeMap<>());
        byTenant.forEach((tenant, n) -> {
            if (n > 0) of.merge(tenant, n, Long::sum);
        });
        if (of.isEmpty()) perFile.remove(file);
    }

    /** One warning per file, in reading order. */
    public List<String> warnings(String ownTenantId) {
        List<String> out = new ArrayList<>();
        perFile.forEach((file, byTenant) -> {
            long n = byTenant.values().stream().mapToLong(Long::longValue).sum();
            List<String> each = new ArrayList<>();
            byTenant.forEach((tenant, count) -> each.add(tenant + ": " + count));
            out.add(file + ": " + n + (n == 1 ? " sign-in record" : " sign-in records") + " from the log of "
                    + (byTenant.size() == 1 ? "another tenant" : byTenant.size() + " other tenants") + " not evaluated (tenantId "
                    + String.join(", ", each) + "); this tenant is " + ownTenantId.trim().toLowerCase(Locale.ROOT));
        });
        return out;
    }
}
