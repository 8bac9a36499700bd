package io.github.mfaeval.load.signin;

import io.github.mfaeval.model.SignIn;

import java.util.Locale;

/**
 * Records of other tenants' sign-in logs among a tenant's sign-in files (decision). An Azure Monitor diagnostic
 * record and a Log Analytics row say whose log they come from ({@link SignIn#getLogTenantId()}); one that names
 * another tenant than the one evaluated is not this tenant's evidence: it is not evaluated and not counted as read,
 * and the report says, per file, how many such records were left out and of which tenants ({@code inputs.warnings}).
 * Never evaluated as this tenant's: a B2B guest's sign-in is in the logs of both tenants, and only this tenant's
 * copy speaks for this tenant's Conditional Access. A record that does not say (Graph, the portal, PowerShell) is
 * the folder's, as always. The Spark job asks the same; the counts and their words are {@code result.OtherTenantCounts}.
 */
public final class OtherTenantRecords {
    /** True when {@code s} comes from the log of another tenant than {@code tenantId}. */
    public static boolean foreign(SignIn s, String tenantId) {
        String log = s.getLogTenantId();
        return !log.isEmpty() && tenantId != null && !log.equals(tenantId.trim().toLowerCase(Locale.ROOT));
    }
}
