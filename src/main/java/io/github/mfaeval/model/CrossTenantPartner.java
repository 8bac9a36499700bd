package io.github.mfaeval.model;

import java.util.Locale;

/** Inbound trust of one partner tenant; {@code mfaAccepted} null means "inherit the default". */
public final class CrossTenantPartner implements java.io.Serializable {
    private final String tenantId;
    private final Boolean mfaAccepted;

    public CrossTenantPartner(String tenantId, Boolean mfaAccepted) {
        this.tenantId = tenantId.toLowerCase(Locale.ROOT);
        this.mfaAccepted = mfaAccepted;
    }

    public String getTenantId() { return tenantId; }
    public Boolean getMfaAccepted() { return mfaAccepted; }
}
