package io.github.mfaeval.model;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A Conditional Access {@code includeGuestsOrExternalUsers} / {@code excludeGuestsOrExternalUsers}: the guest or
 * external user types it names ({@code guestOrExternalUserTypes}) and, optionally, the external tenants they
 * must come from ({@code externalTenants}: all, or an enumerated list). Types are kept in lower case. Whom it matches is decided by rules/assignment/.
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
    /** The external tenants enumerated, or null: any. */
    public Set<String> getTenants() { return tenants; }

    @Override
    public String toString() {
        return types + (tenants == null ? "" : " from tenants " + tenants);
    }
}
