package io.github.mfaeval.risk;

import io.github.mfaeval.model.Finding;

import java.time.LocalDate;

/**
 * One entry of acceptedRisks.json: the findings it accepts (by rule id or finding code, and subject), why,
 * who approved it, and the last day it is in force. {@code entry} counts from 1, as a person reads the file.
 */
public record AcceptedRisk(int entry, String rule, String code, String subject, String justification, String approver,
                           LocalDate expires) {

    /**
     * Whether this entry is about the finding. The subject may be written as the id the finding names or,
     * for findings about a user, as the user's principal name, which is what an approver recognises.
     */
    boolean matches(Finding f, String subjectPrincipalName) {
        if (rule != null && !rule.equalsIgnoreCase(f.rule())) return false;
        if (code != null && !code.equalsIgnoreCase(f.code())) return false;
        return subject.equalsIgnoreCase(f.subject())
                || (subjectPrincipalName != null && subject.equalsIgnoreCase(subjectPrincipalName));
    }

    /** In force through its expiry date, expired from the day after. */
    boolean expiredOn(LocalDate day) {
        return day.isAfter(expires);
    }

    Finding.Acceptance acceptance() {
        return new Finding.Acceptance(entry, justification, approver, expires);
    }
}
