package io.github.mfaeval.model;

/** A subscription an enforced MFA assignment reaches and does not exclude (derived by the Azure Policy rules). */
public final class SubscriptionCoverage {
    private final String subscriptionId;
    private final String assignment;
    private final PolicyEffect.Meaning meaning;
    private final MfaPolicyDefinition.Operations operations;

    public SubscriptionCoverage(String subscriptionId, String assignment, PolicyEffect.Meaning meaning, MfaPolicyDefinition.Operations operations) {
        this.subscriptionId = subscriptionId;
        this.assignment = assignment;
        this.meaning = meaning;
        this.operations = operations;
    }

    public String getSubscriptionId() { return subscriptionId; }
    public String getAssignment() { return assignment; }
    public PolicyEffect.Meaning getMeaning() { return meaning; }
    public MfaPolicyDefinition.Operations getOperations() { return operations; }
}
