package io.github.mfaeval.model;

/** Base class of the reference facts produced by decision-table rows. */
public abstract class ReferenceFact implements Sourced {
    private String sourceRule;

    @Override
    public String getSourceRule() {
        return sourceRule;
    }

    public void setSourceRule(String sourceRule) {
        this.sourceRule = sourceRule;
    }
}
