package io.github.mfaeval.model;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A Conditional Access policy, reduced to what decides coverage of the admin portals. */
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
    private final boolean includeGuests;
    private final boolean excludeGuests;
    private final Set<String> builtInControls;
    private final String grantOperator;
    private final List<String> customControls;
    private final boolean authenticationStrengthRequiresMfa;
    private final List<String> narrowingConditions;
    private String portalTargetRule;

    public CaPolicy(String id, String displayName, String state, Set<String> includeApplications,
                    Set<String> excludeApplications, Set<String> includeUsers, Set<String> excludeUsers,
                    Set<String> includeGroups, Set<String> excludeGroups, Set<String> includeRoles,
                    Set<String> excludeRoles, boolean includeGuests, boolean excludeGuests,
                    Set<String> builtInControls, String grantOperator, List<String> customControls,
                    boolean authenticationStrengthRequiresMfa, List<String> narrowingConditions) {
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
        this.authenticationStrengthRequiresMfa = authenticationStrengthRequiresMfa;
        this.narrowingConditions = List.copyOf(narrowingConditions);
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
     * Decided before the rules run, from the admin-portal targets table: the id of the table row whose
     * target the policy includes (and does not exclude), or null.
     */
    public void classifyPortalTargets(List<AdminPortalTarget> targets) {
        for (AdminPortalTarget target : targets) {
            if (excludeApplications.contains(target.getValue()) && !"all".equals(target.getValue())) {
                portalTargetRule = null;
                return;
            }
        }
        for (AdminPortalTarget target : targets) {
            if (includeApplications.contains(target.getValue())) {
                portalTargetRule = target.getSourceRule();
                return;
            }
        }
    }

    public boolean isTargetsAdminPortals() { return portalTargetRule != null; }

    @Override
    public String getSourceRule() { return portalTargetRule; }

    public Set<String> getBuiltInControls() { return builtInControls; }
    public String getGrantOperator() { return grantOperator; }
    /** The built-in mfa control is required: alone, or AND-ed with others. OR-ed with others it is optional. */
    public boolean isMfaControlRequired() {
        return builtInControls.contains("mfa") && (builtInControls.size() == 1 || "AND".equals(grantOperator));
    }
    /** An authentication strength is required (AND, or the only control) and requires MFA. */
    public boolean isAuthenticationStrengthRequiresMfa() {
        return authenticationStrengthRequiresMfa && (builtInControls.isEmpty() || "AND".equals(grantOperator));
    }
    public boolean isRequiresMfa() { return isMfaControlRequired() || isAuthenticationStrengthRequiresMfa(); }
    public boolean isMfaOptional() {
        return !isRequiresMfa() && (builtInControls.contains("mfa") || authenticationStrengthRequiresMfa);
    }
    public List<String> getCustomControls() { return customControls; }
    public boolean isUsesCustomControls() { return !customControls.isEmpty(); }
    public List<String> getNarrowingConditions() { return narrowingConditions; }
    public boolean isNarrowed() { return !narrowingConditions.isEmpty(); }

    /** Users, groups, roles and guest type: included and not excluded. */
    public boolean appliesTo(UserFact user) {
        return matches(user, includeUsers, includeGroups, includeRoles, includeGuests)
                && !matches(user, excludeUsers, excludeGroups, excludeRoles, excludeGuests);
    }

    /** Why the policy leaves this user out, or null when it applies. */
    public String exclusionOf(UserFact user) {
        if (!matches(user, includeUsers, includeGroups, includeRoles, includeGuests)) return "not included";
        if (excludeUsers.contains(user.getId())) return "excluded by user";
        if (user.getGroups().stream().anyMatch(excludeGroups::contains)) return "excluded by group";
        if (user.getRoles().stream().anyMatch(excludeRoles::contains)) return "excluded by role";
        if (excludeGuests && user.isGuest()) return "excluded as guest";
        return null;
    }

    private static boolean matches(UserFact user, Set<String> users, Set<String> groups, Set<String> roles, boolean guests) {
        if (users.contains("all") || users.contains(user.getId())) return true;
        if (user.isGuest() && (guests || users.contains("guestsorexternalusers"))) return true;
        if (user.getGroups().stream().anyMatch(groups::contains)) return true;
        return user.getRoles().stream().anyMatch(roles::contains);
    }
}
