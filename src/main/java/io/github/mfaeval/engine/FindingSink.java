package io.github.mfaeval.engine;

import io.github.mfaeval.model.Explained;
import io.github.mfaeval.model.Finding;
import io.github.mfaeval.model.Sourced;
import io.github.mfaeval.model.UserFact;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules' only output channel besides the verdict fields of facts (global {@code findings}). A rule raises a
 * finding by its key in the findings catalogue (rules/findings.csv) and gives the values its message names:
 * <pre>
 * findings.raise("UNSATISFIED_SIGN_INS", $u, "user", $u.getUserPrincipalName(), "times", $u.getSignIns().getUnsatisfied());
 * </pre>
 * The words and the severity come from the catalogue; the rule id and section from the metadata of the rule that
 * is firing (whose {@code @severity} the catalogue is held to). No consequence writes a message.
 */
public final class FindingSink {
    private final List<Finding> findings = new ArrayList<>();
    private final Map<String, RuleInfo> catalogue;
    private final FindingCatalogue messages;
    private final List<String> incompleteEvidence = new ArrayList<>();
    private RuleInfo current;

    public FindingSink(Map<String, RuleInfo> catalogue, FindingCatalogue messages) {
        this.catalogue = catalogue;
        this.messages = messages == null ? FindingCatalogue.none() : messages;
    }

    void firing(String ruleId) {
        current = catalogue.get(ruleId);
    }

    /**
     * A finding: {@code key} is a code of the catalogue, or code/variant; {@code subject} a user (the finding is then
     * also listed on the user's own line) or the id of what it is about (the tenant, a policy, a domain, a file);
     * {@code values} the message's placeholders, each as its name and its value.
     */
    public void raise(String key, Object subject, Object... values) {
        if (subject instanceof UserFact u) {
            findings.add(finding(key, u.getId(), values, null));
            u.addFinding(FindingCatalogue.codeOf(key));
        } else {
            findings.add(finding(key, String.valueOf(subject), values, null));
        }
    }

    /**
     * A finding that says the evidence cannot show readiness (no sign-ins, stale sign-ins): the report's status
     * is then INCOMPLETE whatever else it finds, as with a rejected record.
     */
    public void incomplete(String key, Object subject, Object... values) {
        raise(key, subject, values);
        String code = FindingCatalogue.codeOf(key);
        if (!incompleteEvidence.contains(code)) incompleteEvidence.add(code);
    }

    public List<String> incompleteEvidence() {
        return incompleteEvidence;
    }

    /**
     * Advice about a user, at its message's severity, that does not make the user not ready nor the tenant
     * ACTION_REQUIRED (Finding#isAdvice).
     */
    public void advice(String key, UserFact user, Object... values) {
        findings.add(finding(key, user.getId(), values, true));
        user.addFinding(FindingCatalogue.codeOf(key));
    }

    private Finding finding(String key, String subject, Object[] values, Boolean advice) {
        if (current == null) {
            throw new IllegalStateException("finding " + key + " raised outside a rule");
        }
        FindingCatalogue.Message message = messages.message(key);
        if (message == null) {
            throw new IllegalStateException("rule " + current.id() + " raises finding " + key + ", which " + FindingCatalogue.FILE + " does not have");
        }
        if (values.length % 2 != 0) {
            throw new IllegalStateException("rule " + current.id() + " raises finding " + key + " with a name and no value");
        }
        Map<String, Object> named = new HashMap<>();
        for (int i = 0; i < values.length; i += 2) named.put(String.valueOf(values[i]), values[i + 1]);
        if (named.size() != message.placeholders().size()) {
            throw new IllegalStateException("rule " + current.id() + " raises finding " + key + " with " + named.keySet()
                    + ", and its message names " + message.placeholders());
        }
        return new Finding(FindingCatalogue.codeOf(key), current.id(), message.severity(), subject,
                message.render(named), current.section(), null, advice);
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
