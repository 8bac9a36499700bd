package io.github.mfaeval.collect;

/** How {@code collect} signs in; the names are those of {@code --auth}. */
public enum AuthKind {
    certificate, secret, device_code, managed_identity, token;

    /** As typed on the command line and in tenant lists ("device-code"). */
    public String label() {
        return name().replace('_', '-');
    }

    public static AuthKind parse(String text) {
        for (AuthKind k : values()) {
            if (k.label().equalsIgnoreCase(text.trim()) || k.name().equalsIgnoreCase(text.trim())) return k;
        }
        throw new IllegalArgumentException("unknown auth kind \"" + text + "\" (expected certificate, secret, device-code, managed-identity or token)");
    }
}
