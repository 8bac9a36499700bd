package io.github.mfaeval.model;

import java.util.Locale;

/**
 * A federated domain of domains.json: its own federation configuration's {@code federatedIdpMfaBehavior} (when it
 * has one), whether Graph calls it a root domain ({@code isRoot}), and the behaviour that applies to it. A domain
 * with a configuration keeps its own; which domain one without a configuration takes its behaviour from is for the
 * rules to decide (rules/tenant/federation-inheritance.drl: {@link #inheritFrom}).
 */
public final class FederatedDomain implements java.io.Serializable {
    private final String name;
    private final String ownBehavior;
    private final boolean configured;
    private final Boolean root;
    private String federatedIdpMfaBehavior;
    private String inheritedFrom;

    /**
     * @param ownBehavior its federation configuration's federatedIdpMfaBehavior (null when not set)
     * @param configured  it has a federation configuration of its own
     * @param root        Graph's isRoot: true for a verified root domain, false for a subdomain, null when not exported
     */
    public FederatedDomain(String name, String ownBehavior, boolean configured, Boolean root) {
        this.name = name.toLowerCase(Locale.ROOT);
        this.ownBehavior = ownBehavior;
        this.configured = configured;
        this.root = root;
        this.federatedIdpMfaBehavior = configured ? ownBehavior : null;
    }

    /** A domain with a configuration of its own, root or not known. */
    public FederatedDomain(String name, String federatedIdpMfaBehavior) {
        this(name, federatedIdpMfaBehavior, true, null);
    }

    public String getName() { return name; }
    public boolean isConfigured() { return configured; }
    /** Graph says it is a root domain (isRoot true); false when it says subdomain or does not say. */
    public boolean isRootDomain() { return Boolean.TRUE.equals(root); }
    /** The behaviour that applies: its own, or the one it inherited; null when never set (Entra then accepts IdP MFA). */
    public String getFederatedIdpMfaBehavior() { return federatedIdpMfaBehavior; }
    /** The domain it took its behaviour from, or null. */
    public String getInheritedFrom() { return inheritedFrom; }

    /** Takes {@code parent}'s behaviour (written by the rules): its own configuration's, or nothing for a root without one. */
    public void inheritFrom(FederatedDomain parent) {
        this.inheritedFrom = parent.name;
        this.federatedIdpMfaBehavior = parent.configured ? parent.ownBehavior : null;
    }

    /** This domain is a subdomain of {@code other}, by name. */
    public boolean isSubdomainOf(String other) {
        return other != null && name.endsWith("." + other);
    }

    /** The user's domain is this domain or one of its subdomains (lower case). */
    public boolean governs(String userDomain) {
        return userDomain != null && (userDomain.equals(name) || userDomain.endsWith("." + name));
    }
    public boolean isRejectsIdpMfa() { return "rejectMfaByFederatedIdp".equalsIgnoreCase(federatedIdpMfaBehavior); }
}
