package io.github.mfaeval.model;

import java.util.Locale;

/** What an Azure Policy effect does to a request without MFA (reference/azure-policy.drl.csv). */
public final class PolicyEffect extends ReferenceFact {
    public enum Meaning { REFUSE, AUDIT }

    private final String effect;
    private final Meaning meaning;

    public PolicyEffect(String effect, Meaning meaning) {
        this.effect = effect.trim().toLowerCase(Locale.ROOT);
        this.meaning = meaning;
    }

    /** Lower case: deny, denyaction, audit, auditaction. */
    public String getEffect() { return effect; }
    public Meaning getMeaning() { return meaning; }
}
