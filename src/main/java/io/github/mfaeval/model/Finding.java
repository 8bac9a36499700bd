package io.github.mfaeval.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.util.Comparator;

/**
 * One finding of the report: what, about whom, why, and which rule and source section say so.
 * {@code accepted} is set when the tenant's acceptedRisks.json accepts the finding: it then stays in the
 * report but no longer counts against the status.
 */
public record Finding(String code, String rule, Severity severity, String subject, String message, String section,
                      @JsonInclude(JsonInclude.Include.NON_NULL) Acceptance accepted) implements java.io.Serializable {

    /** The order of findings in a report: most severe first, then by code and subject. */
    public static final Comparator<Finding> REPORT_ORDER =
            Comparator.comparing(Finding::severity).thenComparing(Finding::code).thenComparing(Finding::subject);

    public Finding(String code, String rule, Severity severity, String subject, String message, String section) {
        this(code, rule, severity, subject, message, section, null);
    }

    /** Who accepted the risk, why, and until when (the acceptedRisks.json entry, counted from 1). */
    public record Acceptance(int entry, String justification, String approver, LocalDate expires) implements java.io.Serializable {
    }

    public Finding accept(Acceptance acceptance) {
        return new Finding(code, rule, severity, subject, message, section, acceptance);
    }

    /** Whether the finding asks for action and no one accepted it: what makes a report ACTION_REQUIRED. */
    public boolean countsAgainstStatus() {
        return severity.requiresAction() && accepted == null;
    }
}
