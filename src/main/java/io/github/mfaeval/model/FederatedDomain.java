package io.github.mfaeval.model;

import java.util.Locale;

/** A federated domain and whether Entra accepts MFA done at its identity provider. */
public final class FederatedDomain implements java.io.Serializable {
    private final String name;
    private final String federatedIdpMfaBehavior;

    public FederatedDomain(String name, String federatedIdpMfaBehavior) {
        this.name = name.toLowerCase(Locale.ROOT);
        this.federatedIdpMfaBehavior = federatedIdpMfaBehavior;
    }

    public String getName() { return name; }
    /** As exported; null when never set (Entra then accepts IdP MFA). */
    public String getFederatedIdpMfaBehavior() { return federatedIdpMfaBehavior; }
    public boolean isRejectsIdpMfa() { return "rejectMfaByFederatedIdp".equalsIgnoreCase(federatedIdpMfaBehavior); }
}
