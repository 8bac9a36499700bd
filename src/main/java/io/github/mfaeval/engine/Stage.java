package io.github.mfaeval.engine;

/**
 * The evaluation stages, in the order they run. Each is a KieBase declared in rules/kmodule.xml over the
 * rules folder of the same name, and each runs in sessions of its own, so a stage only ever sees facts
 * the previous stages have finished deciding (no salience or agenda groups needed).
 */
public enum Stage {
    REFERENCE("reference"),
    /** What each Conditional Access policy means for mandatory MFA, decided before any rule reads it. */
    POLICY("policy", false),
    TENANT("tenant"),
    SIGNIN("signin"),
    /**
     * How far each Conditional Access policy's assignments reach each user of a user chunk (PolicyReach facts),
     * decided in a session of its own before the user stage runs on the same chunk.
     */
    ASSIGNMENT("assignment", false),
    USER("user");

    private final String kbase;
    private final boolean explains;

    Stage(String kbase) {
        this(kbase, true);
    }

    Stage(String kbase, boolean explains) {
        this.kbase = kbase;
        this.explains = explains;
    }

    /**
     * Whether a firing is written onto the fact it is about (the "rules that decided" of a user or sign-in). Not for
     * the stages that only derive facts for later stages: a verdict cites the rule that used the derived fact.
     */
    public boolean explains() {
        return explains;
    }

    public String kbase() {
        return kbase;
    }
}
