package io.github.mfaeval.model;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A Conditional Access {@code includeGuestsOrExternalUsers} / {@code excludeGuestsOrExternalUsers}: the guest or
 * external user types it names ({@code guestOrExternalUserTypes}) and, optionally, the external tenants they
 * must come from ({@code externalTenants}: all, or an enumerated list). Types are kept in lower case.
 */
public final class ExternalUsersCondition {
    /** The types Graph defines; any other value is an unknown enum and the record is rejected. */
    public static final Set<String> TYPES = Set.of("internalguest", "b2bcollaborationguest", "b2bcollaborationmember",
            "b2bdirectconnectuser", "otherexternaluser", "serviceprovider");

    private final Set<String> types;
    private final Set<String> tenants;

    /** {@code tenants} null: any external tenant; otherwise the lower-cased tenant ids enumerated. */
    public ExternalUsersCondition(Set<String> types, Set<String> tenants) {
        this.types = lower(types);
        this.tenants = tenants == null ? null : lower(tenants);
    }

    private static Set<String> lower(Set<String> values) {
        Set<String> out = new TreeSet<>();
        for (String v : values) out.add(v.trim().toLowerCase(Locale.ROOT));
        return out;
    }

    public Set<String> getTypes() { return types; }
    public Set<String> getTenants() { return tenants; }

    /** The user's type is known and listed, and their home tenant is allowed (known and listed when enumerated). */
    public boolean certainlyMatches(UserFact user) {
        String type = user.getExternalUserType();
        if (type == null || UserFact.UNKNOWN_EXTERNAL.equals(type) || !types.contains(type)) return false;
        if (tenants == null || "internalguest".equals(type)) return true;
        return user.getHomeTenantId() != null && tenants.contains(user.getHomeTenantId());
    }

    /**
     * The condition could match: it certainly does, or the user is external and their type (or, for enumerated
     * tenants, their home tenant) is unknown.
     */
    public boolean possiblyMatches(UserFact user) {
        String type = user.getExternalUserType();
        if (type == null) return false;
        if (UserFact.UNKNOWN_EXTERNAL.equals(type)) return true;
        if (!types.contains(type)) return false;
        if (tenants == null || "internalguest".equals(type)) return true;
        return user.getHomeTenantId() == null || tenants.contains(user.getHomeTenantId());
    }

    @Override
    public String toString() {
        return types + (tenants == null ? "" : " from tenants " + tenants);
    }
}
