package io.github.mfaeval.model;

import java.util.Locale;

/** An authentication protocol that cannot do MFA: user identities using it are automation (accounts table). */
public final class NoMfaProtocol extends ReferenceFact {
    private final String name;

    public NoMfaProtocol(String name) {
        this.name = name.trim().toLowerCase(Locale.ROOT);
    }

    public String getName() { return name; }
}
