package io.github.mfaeval.collect;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The least-privileged Microsoft Graph permission (or Azure role) each collected file needs, as Microsoft's API
 * reference lists it. A 403 on a file names its permission here; the README's permissions table says the same.
 * Delegated runs (device-code) need the same permission consented and a directory role that allows the read:
 * Global Reader suffices for every Graph read.
 */
public final class Permissions {
    public record Need(String endpoint, String application, String delegated) {
    }

    public static final Map<String, Need> BY_FILE = new LinkedHashMap<>();

    static {
        BY_FILE.put("tenant.json", new Need("GET /v1.0/organization, GET /v1.0/subscribedSkus",
                "Organization.Read.All and LicenseAssignment.Read.All", "User.Read and LicenseAssignment.Read.All"));
        BY_FILE.put("users.json", new Need("GET /v1.0/users", "User.Read.All", "User.Read.All"));
        BY_FILE.put("userRegistrationDetails.json", new Need("GET /v1.0/reports/authenticationMethods/userRegistrationDetails",
                "AuditLog.Read.All", "AuditLog.Read.All"));
        BY_FILE.put("conditionalAccessPolicies.json", new Need("GET /v1.0/identity/conditionalAccess/policies", "Policy.Read.All", "Policy.Read.All"));
        BY_FILE.put("groupMembers.json", new Need("GET /v1.0/groups/{id}/transitiveMembers/microsoft.graph.user", "GroupMember.Read.All", "GroupMember.Read.All"));
        BY_FILE.put("securityDefaults.json", new Need("GET /v1.0/policies/identitySecurityDefaultsEnforcementPolicy", "Policy.Read.All", "Policy.Read.All"));
        BY_FILE.put("perUserMfa.json", new Need("POST /beta/$batch of GET /users/{id}/authentication/requirements", "Policy.Read.All", "Policy.Read.All"));
        BY_FILE.put("domains.json", new Need("GET /v1.0/domains, GET /v1.0/domains/{id}/federationConfiguration", "Domain.Read.All", "Domain.Read.All"));
        BY_FILE.put("crossTenantAccessPolicy.json", new Need("GET /v1.0/policies/crossTenantAccessPolicy/default and /partners", "Policy.Read.All", "Policy.Read.All"));
        BY_FILE.put("authenticationMethodsPolicy.json", new Need("GET /beta/policies/authenticationMethodsPolicy",
                "Policy.Read.AuthenticationMethod", "Policy.Read.AuthenticationMethod"));
        BY_FILE.put("roleAssignments.json", new Need("GET /v1.0/roleManagement/directory/roleAssignments", "RoleManagement.Read.Directory", "RoleManagement.Read.Directory"));
        // Microsoft's known issue: sign-ins need Directory.Read.All as well as AuditLog.Read.All
        BY_FILE.put("signIns", new Need("GET /beta/auditLogs/signIns", "AuditLog.Read.All and Directory.Read.All", "AuditLog.Read.All and Directory.Read.All"));
        BY_FILE.put("activityLog.json", new Need("GET {arm}/subscriptions/{id}/providers/Microsoft.Insights/eventtypes/management/values",
                "Azure role Reader (or Monitoring Reader) on each subscription", "Azure role Reader (or Monitoring Reader) on each subscription"));
        // Not documented by Microsoft: the role that may read the tenant-level settings resource. Its own postponement
        // script elevates a Global Administrator (User Access Administrator at /) first; Reader at / is the least that
        // can work, and is what the README asks for.
        BY_FILE.put("enforcementSettings.json", new Need("GET {arm}/providers/Microsoft.PortalServices/settings/default?api-version=2025-04-01-preview",
                "Azure role Reader at the root scope (/) (not documented; Microsoft's postponement script elevates a Global Administrator first)",
                "Azure role Reader at the root scope (/) (not documented; Microsoft's postponement script elevates a Global Administrator first)"));
        BY_FILE.put("policyAssignments.json", new Need("GET {arm}/providers/Microsoft.Management/managementGroups[/{id}/providers/Microsoft.Authorization/policyAssignments], "
                + "GET {arm}/subscriptions/{id}/providers/Microsoft.Authorization/policyAssignments",
                "Azure role Reader on the tenant root management group (or on each management group and subscription)",
                "Azure role Reader on the tenant root management group (or on each management group and subscription)"));
    }

    private Permissions() {
    }

    /** What a 403 on {@code file} means, for collection.json and the log. */
    public static String missing(String file, boolean delegated) {
        Need n = BY_FILE.get(file.startsWith("signIns") ? "signIns" : file);
        if (n == null) return "a permission the app lacks";
        String p = delegated ? n.delegated() : n.application();
        return p.startsWith("Azure role") ? p : (delegated ? "delegated " : "application ") + "permission " + p
                + (delegated ? " (and a directory role that may read it, e.g. Global Reader)" : "");
    }
}
