package io.github.mfaeval.model;

import java.util.Locale;

/** A requirement provider whose successful MFA requirement proves MFA was done (evidence table). */
public final class RequirementProvider extends ReferenceFact {
    private final String name;

    public RequirementProvider(String name) {
        this.name = name.trim().toLowerCase(Locale.ROOT);
    }

    public String getName() { return name; }
}
