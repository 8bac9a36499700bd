package io.github.mfaeval.engine;

import io.github.mfaeval.model.Explained;
import io.github.mfaeval.model.Finding;
import io.github.mfaeval.model.Sourced;
import io.github.mfaeval.model.Severity;
import io.github.mfaeval.model.UserFact;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rules' only output channel besides the verdict fields of facts (global {@code findings}).
 * The rule id, severity and section of each finding come from the metadata of the rule that is firing,
 * so a rule author writes only the code, the subject and the message.
 */
public final class FindingSink {
    private final List<Finding> findings = new ArrayList<>();
    private final Map<String, RuleInfo> catalogue;
    private final List<String> incompleteEvidence = new ArrayList<>();
    private RuleInfo current;

    public FindingSink(Map<String, RuleInfo> catalogue) {
        this.catalogue = catalogue;
    }

    void firing(String ruleId) {
        current = catalogue.get(ruleId);
    }

    /** A finding about the tenant or one of its objects (policy, domain, role holder). */
    public void add(String code, String subject, String message) {
        if (current == null) {
            throw new IllegalStateException("finding " + code + " raised outside a rule");
        }
        findings.add(new Finding(code, current.id(), Severity.valueOf(current.severity()), subject, message, current.section()));
    }

    /**
     * A finding that says the evidence cannot show readiness (no sign-ins, stale sign-ins): the report's status
     * is then INCOMPLETE whatever else it finds, as with a rejected record.
     */
    public void incomplete(String code, String subject, String message) {
        add(code, subject, message);
        if (!incompleteEvidence.contains(code)) incompleteEvidence.add(code);
    }

    public List<String> incompleteEvidence() {
        return incompleteEvidence;
    }

    /**
     * Advice about a user, at the firing rule's severity, that does not make the user not ready nor the tenant
     * ACTION_REQUIRED (Finding#isAdvice).
     */
    public void advice(UserFact user, String code, String message) {
        if (current == null) {
            throw new IllegalStateException("finding " + code + " raised outside a rule");
        }
        findings.add(new Finding(code, current.id(), Severity.valueOf(current.severity()), user.getId(), message, current.section(), null, true));
        user.addFinding(code);
    }

    /** A finding about a user: also listed on the user's own line of the report. */
    public void user(UserFact user, String code, String message) {
        add(code, user.getId(), message);
        user.addFinding(code);
    }

    /**
     * Cite the firing rule (and the table rows behind the given reference facts) on a fact the rule creates;
     * facts it matched are cited automatically.
     */
    public void explain(Explained fact, Sourced... sources) {
        if (current != null) fact.getRules().add(current.id());
        for (Sourced s : sources) {
            if (s.getSourceRule() != null) fact.getRules().add(s.getSourceRule());
        }
    }

    public List<Finding> findings() {
        return findings;
    }
}
