package io.github.mfaeval.result;

import io.github.mfaeval.model.SignIn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The records of other tenants' sign-in logs left out of a tenant's evaluation (which they are is the intake's
 * decision, {@code load.signin.OtherTenantRecords}), counted per file and tenant of the log: the report says, per
 * file, how many were left out and of which tenants ({@code inputs.warnings}). The Spark job uses the same counts
 * and words, per file of each tenant.
 */
public final class OtherTenantCounts {
    /** file -> tenant id of the log -> records left out. */
    private final Map<String, Map<String, Long>> perFile = new LinkedHashMap<>();
    private final Map<String, Long> pending = new TreeMap<>();

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
