package io.github.mfaeval.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * One Azure Policy assignment collected into policyAssignments.json: of one of the built-in MFA definitions, or
 * named {@code sys.mfa-*} (Microsoft's system enforcement). Ids, scopes and the definition id are lower case.
 */
public final class MfaPolicyAssignment {
    private final String id;
    private final String name;
    private final String displayName;
    private final String scope;
    private final String definitionId;
    private final String enforcementMode;
    private final String effect;
    private final List<String> notScopes;
    private final LocalDate createdOn;
    private final boolean atTenantRoot;

    /** {@code atTenantRoot}: its scope is the tenant root management group (whose id is the tenant id) or {@code /}. */
    public MfaPolicyAssignment(String id, String name, String displayName, String scope, String definitionId,
                               String enforcementMode, String effect, List<String> notScopes, LocalDate createdOn, boolean atTenantRoot) {
        this.id = id;
        this.name = name;
        this.displayName = displayName;
        this.scope = scope;
        this.definitionId = definitionId;
        this.enforcementMode = enforcementMode;
        this.effect = effect;
        this.notScopes = List.copyOf(notScopes);
        this.createdOn = createdOn;
        this.atTenantRoot = atTenantRoot;
    }

    public String getId() { return id; }
    public String getName() { return name; }
    public String getDisplayName() { return displayName; }
    public String getScope() { return scope; }
    /** The definition's GUID (last segment of policyDefinitionId), lower case. */
    public String getDefinitionId() { return definitionId; }
    public String getEnforcementMode() { return enforcementMode; }
    /** The effect as collected (from the assignment's parameters, else the definition's default), or null. */
    public String getEffect() { return effect; }
    /** Lower case, "" when unknown: matched against the effects table. */
    public String getEffectKey() { return effect == null ? "" : effect.trim().toLowerCase(Locale.ROOT); }
    public List<String> getNotScopes() { return notScopes; }
    public LocalDate getCreatedOn() { return createdOn; }
    public boolean isAtTenantRoot() { return atTenantRoot; }

    /** Enforcement mode Default (or not given, ARM's default): the effect is applied; DoNotEnforce only evaluates. */
    public boolean isEnforced() {
        return enforcementMode == null || enforcementMode.isBlank() || enforcementMode.equalsIgnoreCase("Default");
    }

    public boolean isExcluding() {
        return !notScopes.isEmpty();
    }

    /** Assigned at the tenant root, on the subscription itself, or inherited by it (collect lists what applies to each). */
    public boolean appliesTo(AzureSubscription s) {
        return atTenantRoot || scope.equals("/subscriptions/" + s.getId()) || s.getAssignments().contains(id);
    }

    /** Applies to the subscription and does not exclude it. */
    public boolean reaches(AzureSubscription s) {
        return appliesTo(s) && !leavesOut(s);
    }

    /**
     * A notScopes entry is the subscription, a scope inside it, or a management group: where the subscription sits in
     * the management group tree is not collected, so a management group exclusion may hold it (fail closed).
     */
    public boolean leavesOut(AzureSubscription s) {
        String sub = "/subscriptions/" + s.getId();
        for (String n : notScopes) {
            if (n.equals(sub) || n.startsWith(sub + "/") || n.contains("/managementgroups/")) return true;
        }
        return false;
    }

    /** As the report shows it: "sys.mfa-write: Deny, enforced, tenant root, since 2025-10-01". */
    public String describe() {
        return name + ": " + (effect == null ? "effect unknown" : effect) + ", " + (isEnforced() ? "enforced" : "DoNotEnforce")
                + ", " + (atTenantRoot ? "tenant root" : scope)
                + (notScopes.isEmpty() ? "" : ", excluding " + String.join(" ", notScopes))
                + (createdOn == null ? "" : ", since " + createdOn);
    }

    /** The latest creation date of these assignments, or null when any is unknown (the coverage is complete only then). */
    public static LocalDate latestCreated(java.util.Collection<?> assignments) {
        LocalDate latest = null;
        for (Object o : assignments) {
            LocalDate c = ((MfaPolicyAssignment) o).createdOn;
            if (c == null) return null;
            if (latest == null || c.isAfter(latest)) latest = c;
        }
        return latest;
    }

    /** Their names, sorted, comma-separated. */
    public static String names(java.util.Collection<?> assignments) {
        java.util.TreeSet<String> out = new java.util.TreeSet<>();
        for (Object o : assignments) out.add(((MfaPolicyAssignment) o).name);
        return String.join(", ", out);
    }
}
