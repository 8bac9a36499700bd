package io.github.mfaeval.model;

/**
 * A row of rules/reference/readiness.drl.csv, table "Findings that block readiness": whether a finding of this
 * severity makes its subject not ready (and counts against the tenant's status), as a finding and as advice.
 */
public final class ReadinessRule extends ReferenceFact {
    private final Severity severity;
    private final boolean blocks;
    private final boolean adviceBlocks;

    public ReadinessRule(Severity severity, boolean blocks, boolean adviceBlocks) {
        this.severity = severity;
        this.blocks = blocks;
        this.adviceBlocks = adviceBlocks;
    }

    public Severity getSeverity() { return severity; }
    public boolean isBlocks() { return blocks; }
    public boolean isAdviceBlocks() { return adviceBlocks; }
}
