package io.github.mfaeval.load.signin;

/** Who signed in and how, for the inventory ({@code inspect}); the rules only see the workload flag. */
public enum SignInKind {
    INTERACTIVE("interactive"),
    NON_INTERACTIVE("non-interactive"),
    /** A user sign-in whose export does not say whether it was interactive (a portal CSV without its usual name). */
    USER("user, interactivity unknown"),
    WORKLOAD("workload identity");

    private final String label;

    SignInKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
