package io.github.mfaeval.model;

import java.util.Locale;

/** A Conditional Access application target that covers the admin portals (coverage table). */
public final class AdminPortalTarget extends ReferenceFact {
    private final String value;

    public AdminPortalTarget(String value) {
        this.value = value.trim().toLowerCase(Locale.ROOT);
    }

    public String getValue() { return value; }
}
