package io.github.mfaeval.engine;

/**
 * The evaluation stages, in the order they run. Each is a KieBase declared in rules/kmodule.xml over the
 * rules folder of the same name, and each runs in sessions of its own, so a stage only ever sees facts
 * the previous stages have finished deciding (no salience or agenda groups needed).
 */
public enum Stage {
    REFERENCE("reference"),
    /** What each Conditional Access policy means for mandatory MFA, decided before any rule reads it. */
    POLICY("policy"),
    TENANT("tenant"),
    SIGNIN("signin"),
    USER("user");

    private final String kbase;

    Stage(String kbase) {
        this.kbase = kbase;
    }

    public String kbase() {
        return kbase;
    }
}
