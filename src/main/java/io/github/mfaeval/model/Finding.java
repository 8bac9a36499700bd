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
                      @JsonInclude(JsonInclude.Include.NON_NULL) Acceptance accepted,
                      @JsonInclude(JsonInclude.Include.NON_NULL) Boolean advice,
                      @com.fasterxml.jackson.annotation.JsonIgnore Boolean blocking) implements java.io.Serializable {

    /** The order of findings in a report: most severe first, then by code and subject. */
    public static final Comparator<Finding> REPORT_ORDER =
            Comparator.comparing(Finding::severity).thenComparing(Finding::code).thenComparing(Finding::subject);

    public Finding(String code, String rule, Severity severity, String subject, String message, String section) {
        this(code, rule, severity, subject, message, section, null, null);
    }

    public Finding(String code, String rule, Severity severity, String subject, String message, String section, Acceptance accepted) {
        this(code, rule, severity, subject, message, section, accepted, null);
    }

    /** A finding as a rule raises it: whether it blocks readiness is not decided yet ({@link #decided}). */
    public Finding(String code, String rule, Severity severity, String subject, String message, String section, Acceptance accepted,
                   Boolean advice) {
        this(code, rule, severity, subject, message, section, accepted, advice, null);
    }

    /**
     * Advice (the rules said so with {@code findings.advice}): shown at its severity, but it asks nothing of the
     * subject's readiness or the tenant's status, e.g. NOT_COVERED for a user who already does MFA every time.
     */
    public boolean isAdvice() {
        return Boolean.TRUE.equals(advice);
    }

    /**
     * Whether the finding makes its subject (a user) not ready, as rules/reference/readiness.drl.csv decided when the
     * report was assembled (result.Readiness); a finding not decided yet blocks (fail closed).
     */
    public boolean blocksReadiness() {
        return blocking == null || blocking;
    }

    /** The same finding with whether it blocks readiness decided. */
    public Finding decided(boolean blocks) {
        return new Finding(code, rule, severity, subject, message, section, accepted, advice, blocks);
    }

    /** Who accepted the risk, why, and until when (the acceptedRisks.json entry, counted from 1). */
    public record Acceptance(int entry, String justification, String approver, LocalDate expires) implements java.io.Serializable {
    }

    public Finding accept(Acceptance acceptance) {
        return new Finding(code, rule, severity, subject, message, section, acceptance, advice, blocking);
    }

    // Whether a finding blocks readiness is derived (from its severity and advice, by the rules' table): two findings
    // that say the same are the same finding, decided or not (a report read back is decided again).
    @Override
    public boolean equals(Object o) {
        return o instanceof Finding f && java.util.Objects.equals(code, f.code) && java.util.Objects.equals(rule, f.rule)
                && severity == f.severity && java.util.Objects.equals(subject, f.subject) && java.util.Objects.equals(message, f.message)
                && java.util.Objects.equals(section, f.section) && java.util.Objects.equals(accepted, f.accepted)
                && java.util.Objects.equals(advice, f.advice);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(code, rule, severity, subject, message, section, accepted, advice);
    }

    /** Whether the finding asks for action and no one accepted it: what makes a report ACTION_REQUIRED. */
    public boolean countsAgainstStatus() {
        return blocksReadiness() && accepted == null;
    }
}
