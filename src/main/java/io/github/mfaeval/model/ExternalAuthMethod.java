package io.github.mfaeval.model;

import java.util.Locale;

/** An external authentication method configured in the authentication methods policy. */
public final class ExternalAuthMethod implements java.io.Serializable {
    private final String id;
    private final String displayName;
    private final boolean enabled;

    public ExternalAuthMethod(String id, String displayName, boolean enabled) {
        this.id = id;
        this.displayName = displayName == null ? "" : displayName;
        this.enabled = enabled;
    }

    public String getId() { return id; }
    public String getDisplayName() { return displayName; }
    public String getDisplayNameLower() { return displayName.trim().toLowerCase(Locale.ROOT); }
    public boolean isEnabled() { return enabled; }
}
