package io.github.mfaeval.model;

import java.util.Locale;

/** A registered-method name (userRegistrationDetails.methodsRegistered) that is phishing resistant. */
public final class PhishingResistantMethod extends ReferenceFact {
    private final String name;

    public PhishingResistantMethod(String name) {
        this.name = name.trim().toLowerCase(Locale.ROOT);
    }

    public String getName() { return name; }
}
