package io.github.mfaeval.model;

/** Base class of the reference facts produced by decision-table rows. */
public abstract class ReferenceFact implements Sourced {
    private String sourceRule;
    private int order;

    @Override
    public String getSourceRule() {
        return sourceRule;
    }

    public void setSourceRule(String sourceRule) {
        this.sourceRule = sourceRule;
    }

    /** The fact's place among the reference facts, in the order the table rows made them (first row first). */
    public int getOrder() {
        return order;
    }

    public void setOrder(int order) {
        this.order = order;
    }
}
