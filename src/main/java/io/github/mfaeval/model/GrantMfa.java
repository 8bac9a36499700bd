package io.github.mfaeval.model;

/** What a policy's grant controls make of MFA, as the rules decide it (rules/policy/grant-controls.drl). */
public enum GrantMfa {
    /** No control of the grant asks for MFA (or the rules have not classified the policy: fail closed). */
    NOT_ASKED,
    /** MFA is asked for, but OR-ed with another control the user may satisfy instead. */
    OPTIONAL,
    /** MFA is guaranteed: alone, or AND-ed with the other controls. */
    REQUIRED
}
