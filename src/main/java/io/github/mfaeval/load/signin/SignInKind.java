package io.github.mfaeval.load.signin;

/**
 * Who signed in and how, decided where a record is mapped and carried on the fact as its {@link #code()}
 * ({@link io.github.mfaeval.model.SignIn#getKind()}): the report's period counts per kind, and the inventory
 * ({@code inspect}) names them. The rules only see the workload flag.
 */
public enum SignInKind {
    INTERACTIVE("interactive"),
    NON_INTERACTIVE("non-interactive"),
    /** A user sign-in whose export does not say whether it was interactive (a portal CSV without its usual name). */
    USER("user, interactivity unknown"),
    WORKLOAD("workload identity");

    private final String label;
    /** Made once: every sign-in read is given one. */
    private final String code;

    SignInKind(String label) {
        this.label = label;
        this.code = name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public String label() {
        return label;
    }

    /** As the fact carries it ("interactive", "non-interactive", "user", "workload"). */
    public String code() {
        return code;
    }

    /** The kind a fact carries; a fact without one (made by hand, not by a mapper) is a user's. */
    public static SignInKind ofCode(String code) {
        if (code == null) return USER;
        for (SignInKind k : values()) if (k.code().equals(code)) return k;
        throw new IllegalArgumentException("no sign-in kind " + code);
    }
}
