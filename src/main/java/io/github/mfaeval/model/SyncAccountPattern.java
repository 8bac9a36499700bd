package io.github.mfaeval.model;

import java.util.Locale;

/** How a directory synchronization account is recognised: by role template id or by UPN prefix. */
public final class SyncAccountPattern extends ReferenceFact {
    public enum Kind { ROLE, UPN_PREFIX }

    private final Kind kind;
    private final String value;

    public SyncAccountPattern(Kind kind, String value) {
        this.kind = kind;
        this.value = value.trim().toLowerCase(Locale.ROOT);
    }

    public Kind getKind() { return kind; }
    public String getValue() { return value; }

    public boolean recognises(UserFact user) {
        if (kind == Kind.ROLE) {
            return user.getRoles().contains(value);
        }
        String upn = user.getUserPrincipalName();
        return upn != null && upn.toLowerCase(Locale.ROOT).startsWith(value);
    }
}
