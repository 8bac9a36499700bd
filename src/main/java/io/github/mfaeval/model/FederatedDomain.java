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
    /** The user's domain is this domain or one of its subdomains (lower case). */
    public boolean governs(String userDomain) {
        return userDomain != null && (userDomain.equals(name) || userDomain.endsWith("." + name));
    }
    public boolean isRejectsIdpMfa() { return "rejectMfaByFederatedIdp".equalsIgnoreCase(federatedIdpMfaBehavior); }
}
