package io.github.mfaeval.engine;

import io.github.mfaeval.model.Explained;
import io.github.mfaeval.model.Sourced;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes the "why" of every verdict: when a rule fires, its id (and the ids of the decision-table rows
 * behind any reference fact it matched) go onto the explained fact it is about. Rule authors never
 * write rule ids in consequences.
 */
final class Explainer extends DefaultAgendaEventListener {
    private final FindingSink findings;
    private final ReferenceSink reference;
    private final Set<String> fired;
    /**
     * The ids this session has already put into {@code fired}: a sign-in session fires its rules thousands of times
     * and {@code fired} is a sorted set (a string comparison per level); a hash set of the same few ids is not.
     */
    private final Set<String> firedHere = new HashSet<>();

    Explainer(FindingSink findings, ReferenceSink reference, Set<String> fired) {
        this.findings = findings;
        this.reference = reference;
        this.fired = fired;
    }

    static String ruleId(org.kie.api.definition.rule.Rule rule) {
        Object id = rule.getMetaData().get("id");
        return id == null ? rule.getName() : id.toString();
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        String id = ruleId(event.getMatch().getRule());
        if (findings != null) findings.firing(id);
        if (reference != null) reference.firing(id);
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        String id = ruleId(event.getMatch().getRule());
        fired(id);
        List<Object> objects = event.getMatch().getObjects();
        // The subject of a rule is the first explained fact it matches (rules list their subject first);
        // other explained facts are context, such as the phase schedule a sign-in is compared with.
        Explained subject = null;
        for (Object o : objects) {
            if (o instanceof Explained e) {
                subject = e;
                break;
            }
        }
        if (subject != null) subject.getRules().add(id);
        // then the decision-table rows behind the reference facts it matched, in the order matched
        for (Object o : objects) {
            if (o instanceof Sourced s && s.getSourceRule() != null) {
                if (subject != null) subject.getRules().add(s.getSourceRule());
                fired(s.getSourceRule());
            }
        }
    }

    private void fired(String id) {
        if (firedHere.add(id)) fired.add(id);
    }
}
