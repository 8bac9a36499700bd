package io.github.mfaeval.model;

/** Inbound trust of the cross-tenant access default setting. */
public final class CrossTenantDefault implements java.io.Serializable {
    private final boolean mfaAccepted;

    public CrossTenantDefault(boolean mfaAccepted) {
        this.mfaAccepted = mfaAccepted;
    }

    public boolean isMfaAccepted() { return mfaAccepted; }
}
