package io.github.mfaeval.model;

import java.util.Locale;

/**
 * One value of the Azure Resource Manager tables of an edition that enforces a phase on ARM writes
 * (reference/arm-writes.drl.csv): what counts as the ARM resource, an administrative category, a write
 * operation, MFA in the token's {@code amr} claim, or an Azure Policy definition that self-enforces MFA.
 */
public final class ArmTerm extends ReferenceFact {
    public enum Kind { RESOURCE, CATEGORY, OPERATION_SUFFIX, AMR_MFA, MFA_POLICY_DEFINITION, POLICY_AUDIT_OPERATION, POLICY_REFUSAL }

    private final Kind kind;
    private final String value;

    public ArmTerm(Kind kind, String value) {
        this.kind = kind;
        this.value = value.trim().toLowerCase(Locale.ROOT);
    }

    public Kind getKind() { return kind; }
    /** Lower case. */
    public String getValue() { return value; }
}
