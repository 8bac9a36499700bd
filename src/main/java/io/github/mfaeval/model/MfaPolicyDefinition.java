package io.github.mfaeval.model;

import java.util.Locale;

/** A built-in Azure Policy definition that requires MFA on resource operations (reference/azure-policy.drl.csv). */
public final class MfaPolicyDefinition extends ReferenceFact {
    public enum Operations { CREATE_UPDATE, DELETE }

    private final String definitionId;
    private final Operations operations;

    public MfaPolicyDefinition(String definitionId, Operations operations) {
        this.definitionId = definitionId.trim().toLowerCase(Locale.ROOT);
        this.operations = operations;
    }

    /** The definition's GUID, lower case. */
    public String getDefinitionId() { return definitionId; }
    public Operations getOperations() { return operations; }
}
