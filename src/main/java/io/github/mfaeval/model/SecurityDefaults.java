package io.github.mfaeval.model;

/** identitySecurityDefaultsEnforcementPolicy.isEnabled */
public final class SecurityDefaults {
    private final boolean enabled;

    public SecurityDefaults(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isEnabled() { return enabled; }
}
