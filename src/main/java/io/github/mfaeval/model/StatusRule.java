package io.github.mfaeval.model;

/**
 * A row of rules/reference/readiness.drl.csv, table "Tenant status": the status a report takes when its condition
 * holds; the rows are tried by rank, the first that holds decides.
 */
public final class StatusRule extends ReferenceFact {
    public enum When {
        /** Records were rejected, or the rules judged the evidence unable to show readiness (Inputs.incomplete). */
        INPUTS_INCOMPLETE,
        /** A finding blocks readiness and no one accepted it. */
        A_FINDING_COUNTS,
        /** Always: the last row. */
        OTHERWISE
    }

    private final int rank;
    private final When when;
    private final String status;

    public StatusRule(int rank, When when, String status) {
        this.rank = rank;
        this.when = when;
        this.status = status;
    }

    public int getRank() { return rank; }
    public When getWhen() { return when; }
    /** READY, ACTION_REQUIRED or INCOMPLETE (the table's column allows only these). */
    public String getStatus() { return status; }
}
