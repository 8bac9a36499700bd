package io.github.mfaeval.model;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * One condition a Conditional Access policy sets, as the export has it: its field ({@code locations},
 * {@code platforms}, {@code signInRiskLevels}, {@code userRiskLevels}, {@code insiderRiskLevels},
 * {@code clientAppTypes}, {@code devices.deviceFilter}, {@code authenticationFlows.transferMethods}) with the
 * values it includes and excludes (lower case). Whether it narrows the policy to some sign-ins is decided by the
 * rules (rules/policy/narrowing.drl), not here. {@code order} is its place in the export, so that the narrowing
 * conditions of a policy are always listed in the same order.
 */
public final class PolicyCondition {
    private final String field;
    private final Set<String> included;
    private final Set<String> excluded;
    private final int order;

    public PolicyCondition(String field, Set<String> included, Set<String> excluded, int order) {
        this.field = field;
        this.included = lower(included);
        this.excluded = lower(excluded);
        this.order = order;
    }

    private static Set<String> lower(Set<String> values) {
        Set<String> out = new LinkedHashSet<>();
        for (String v : values) out.add(v.trim().toLowerCase(Locale.ROOT));
        return Collections.unmodifiableSet(out);
    }

    public String getField() { return field; }
    public Set<String> getIncluded() { return included; }
    public Set<String> getExcluded() { return excluded; }
    public int getOrder() { return order; }

    /** Something is excluded. */
    public boolean isExcludingAny() { return !excluded.isEmpty(); }

    /** Nothing is included but {@code value} (or nothing at all). */
    public boolean includesNothingBut(String value) {
        for (String v : included) if (!v.equals(value)) return false;
        return true;
    }

    @Override
    public String toString() {
        return field + " include " + included + " exclude " + excluded;
    }
}
