package io.github.mfaeval.model;

import java.util.Locale;

/** An authentication method name whose successful step proves MFA, and what it proves (evidence table). */
public final class MfaMethod extends ReferenceFact {
    private final String name;
    private final SatisfiedBy satisfiedBy;
    private final boolean countsAsPrimary;

    public MfaMethod(String name, SatisfiedBy satisfiedBy, boolean countsAsPrimary) {
        this.name = name.trim().toLowerCase(Locale.ROOT);
        this.satisfiedBy = satisfiedBy;
        this.countsAsPrimary = countsAsPrimary;
    }

    /** Passwordless methods that are multifactor on their own count even as the primary step. */
    public boolean isCountsAsPrimary() { return countsAsPrimary; }

    public String getName() { return name; }
    public SatisfiedBy getSatisfiedBy() { return satisfiedBy; }
}
