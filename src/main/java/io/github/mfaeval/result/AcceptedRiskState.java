package io.github.mfaeval.result;

import java.time.LocalDate;

/**
 * One entry of the tenant's acceptedRisks.json as it stood on the evaluation date: whether it is in force,
 * has expired, or matched no finding (left over after a fix, or a typo in rule, code or subject).
 */
public record AcceptedRiskState(int entry, String rule, String code, String subject, String justification,
                                String approver, LocalDate expires, State state, int findings) {
    public enum State { ACTIVE, EXPIRED, UNMATCHED }
}
