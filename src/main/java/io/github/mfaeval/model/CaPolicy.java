package io.github.mfaeval.model;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A Conditional Access policy, reduced to what decides coverage of the admin portals. What the policy means for
 * mandatory MFA (does it target the admin portals, does its grant guarantee MFA, which of its conditions narrow
 * it, which of its groups have unknown members) is decided by the rules of the policy stage (rules/policy/)
 * before any other rule runs; this class only carries the export's data and those decisions.
 */
public final class CaPolicy implements Sourced {
    private final String id;
    private final String displayName;
    private final String state;
    private final Set<String> includeApplications;
    private final Set<String> excludeApplications;
    private final Set<String> includeUsers;
    private final Set<String> excludeUsers;
    private final Set<String> includeGroups;
    private final Set<String> excludeGroups;
    private final Set<String> includeRoles;
    private final Set<String> excludeRoles;
    private final ExternalUsersCondition includeGuests;
    private final ExternalUsersCondition excludeGuests;
    private final Set<String> builtInControls;
    private final String grantOperator;
    private final List<String> customControls;
    private final List<String> termsOfUse;
    private final boolean authenticationStrength;
    private final boolean authenticationStrengthRequiresMfa;
    private final List<PolicyCondition> conditions;
    private final java.util.TreeMap<Integer, String> narrowing = new java.util.TreeMap<>();
    private String portalTargetRule;
    private GrantMfa grantMfa = GrantMfa.NOT_ASKED;
    private final Set<String> unknownGroups = new java.util.TreeSet<>();

    public CaPolicy(String id, String displayName, String state, Set<String> includeApplications,
                    Set<String> excludeApplications, Set<String> includeUsers, Set<String> excludeUsers,
                    Set<String> includeGroups, Set<String> excludeGroups, Set<String> includeRoles,
                    Set<String> excludeRoles, ExternalUsersCondition includeGuests, ExternalUsersCondition excludeGuests,
                    Set<String> builtInControls, String grantOperator, List<String> customControls, List<String> termsOfUse,
                    boolean authenticationStrength, boolean authenticationStrengthRequiresMfa, List<PolicyCondition> conditions) {
        this.id = id;
        this.displayName = displayName;
        this.state = state == null ? "" : state;
        this.includeApplications = lower(includeApplications);
        this.excludeApplications = lower(excludeApplications);
        this.includeUsers = lower(includeUsers);
        this.excludeUsers = lower(excludeUsers);
        this.includeGroups = lower(includeGroups);
        this.excludeGroups = lower(excludeGroups);
        this.includeRoles = lower(includeRoles);
        this.excludeRoles = lower(excludeRoles);
        this.includeGuests = includeGuests;
        this.excludeGuests = excludeGuests;
        this.builtInControls = lower(builtInControls);
        this.grantOperator = grantOperator == null ? "OR" : grantOperator.toUpperCase(Locale.ROOT);
        this.customControls = List.copyOf(customControls);
        this.termsOfUse = List.copyOf(termsOfUse);
        this.authenticationStrength = authenticationStrength || authenticationStrengthRequiresMfa;
        this.authenticationStrengthRequiresMfa = authenticationStrengthRequiresMfa;
        this.conditions = List.copyOf(conditions);
    }

    /**
     * In the export's order: these sets appear in finding messages, and an unmodifiable Set.copyOf would
     * list them in an order that changes from one JVM to the next, so the same input would give a different
     * report on every run.
     */
    private static Set<String> lower(Set<String> values) {
        Set<String> out = new java.util.LinkedHashSet<>();
        for (String v : values) out.add(v.trim().toLowerCase(Locale.ROOT));
        return java.util.Collections.unmodifiableSet(out);
    }

    public String getId() { return id; }
    public String getDisplayName() { return displayName; }
    public String getState() { return state; }
    public boolean isEnabled() { return "enabled".equalsIgnoreCase(state); }
    public boolean isReportOnly() { return "enabledForReportingButNotEnforced".equalsIgnoreCase(state); }
    public boolean isDisabled() { return !isEnabled() && !isReportOnly(); }
    public Set<String> getIncludeApplications() { return includeApplications; }
    public Set<String> getExcludeApplications() { return excludeApplications; }

    /**
     * Set by the policy stage (rules/policy/portal-targets.drl): the id of the admin-portal targets table row whose
     * target the policy covers, or null.
     */
    public void setPortalTargetRule(String rule) { portalTargetRule = rule; }

    public boolean isTargetsAdminPortals() { return portalTargetRule != null; }

    @Override
    public String getSourceRule() { return portalTargetRule; }

    public Set<String> getBuiltInControls() { return builtInControls; }
    public String getGrantOperator() { return grantOperator; }
    public List<String> getTermsOfUse() { return termsOfUse; }

    /**
     * Every grant control of the policy: built-in controls, legacy custom controls, terms of use and an
     * authentication strength each count as one.
     */
    public int getGrantControlCount() {
        return builtInControls.size() + customControls.size() + termsOfUse.size() + (authenticationStrength ? 1 : 0);
    }

    public boolean isAuthenticationStrengthRequiresMfa() { return authenticationStrengthRequiresMfa; }

    /** Set by the policy stage (rules/policy/grant-controls.drl). */
    public void setGrantMfa(GrantMfa grantMfa) { this.grantMfa = grantMfa; }
    public GrantMfa getGrantMfa() { return grantMfa; }
    public boolean isRequiresMfa() { return grantMfa == GrantMfa.REQUIRED; }
    public boolean isMfaOptional() { return grantMfa == GrantMfa.OPTIONAL; }

    /** The other grant controls MFA is OR-ed with, for messages. */
    public List<String> getAlternativeControls() {
        List<String> out = new java.util.ArrayList<>();
        for (String c : builtInControls) if (!"mfa".equals(c)) out.add(c);
        for (String c : customControls) out.add("custom control " + c);
        for (String c : termsOfUse) out.add("terms of use " + c);
        if (authenticationStrength && builtInControls.contains("mfa")) out.add("authentication strength");
        return out;
    }
    public List<String> getCustomControls() { return customControls; }
    public boolean isUsesCustomControls() { return !customControls.isEmpty(); }
    /** The conditions the policy sets, in the export's order. */
    public List<PolicyCondition> getConditions() { return conditions; }

    /** Set by the policy stage (rules/policy/narrowing.drl): {@code condition} narrows the policy, named {@code name} in messages. */
    public void addNarrowing(PolicyCondition condition, String name) { narrowing.put(condition.getOrder(), name); }

    /** What narrows the policy to some sign-ins, in the export's order. */
    public List<String> getNarrowingConditions() { return List.copyOf(narrowing.values()); }
    public boolean isNarrowed() { return !narrowing.isEmpty(); }

    /** Every group the policy includes or excludes. */
    public Set<String> getNamedGroups() {
        Set<String> out = new java.util.LinkedHashSet<>(includeGroups);
        out.addAll(excludeGroups);
        return out;
    }

    /** Set by the policy stage (rules/policy/groups.drl): a group the policy names whose members are not known. */
    public void addUnknownGroup(String group) { unknownGroups.add(group); }

    /** Groups named by the policy whose members are unknown (sorted). */
    public Set<String> getUnknownGroups() { return java.util.Collections.unmodifiableSet(unknownGroups); }
    public boolean isGroupMembershipUnknown() { return !unknownGroups.isEmpty(); }

    /*
     * What these assignments mean for a user (included, excluded, possibly either) is decided by the assignment
     * stage (rules/assignment/), which reads only the data below.
     */
    public Set<String> getIncludeUsers() { return includeUsers; }
    public Set<String> getExcludeUsers() { return excludeUsers; }
    public Set<String> getIncludeGroups() { return includeGroups; }
    public Set<String> getExcludeGroups() { return excludeGroups; }
    public Set<String> getIncludeRoles() { return includeRoles; }
    public Set<String> getExcludeRoles() { return excludeRoles; }
    /** {@code includeGuestsOrExternalUsers}, or null. */
    public ExternalUsersCondition getIncludeGuests() { return includeGuests; }
    /** {@code excludeGuestsOrExternalUsers}, or null. */
    public ExternalUsersCondition getExcludeGuests() { return excludeGuests; }
    /** The guest conditions it has, include first (none, one or two). */
    public java.util.List<ExternalUsersCondition> getGuestConditions() {
        java.util.List<ExternalUsersCondition> out = new java.util.ArrayList<>(2);
        if (includeGuests != null) out.add(includeGuests);
        if (excludeGuests != null) out.add(excludeGuests);
        return out;
    }
}
