package io.github.mfaeval.engine;

import io.github.mfaeval.model.Explained;
import io.github.mfaeval.model.Sourced;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

import java.util.ArrayList;
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
    private final boolean explains;

    /** {@code explains} false: firings are only counted in {@code fired}, written onto no fact ({@link Stage#explains}). */
    Explainer(FindingSink findings, ReferenceSink reference, Set<String> fired, boolean explains) {
        this.findings = findings;
        this.reference = reference;
        this.fired = fired;
        this.explains = explains;
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
        fired.add(id);
        List<String> ids = new ArrayList<>();
        ids.add(id);
        List<Object> objects = event.getMatch().getObjects();
        for (Object o : objects) {
            if (o instanceof Sourced s && s.getSourceRule() != null) {
                ids.add(s.getSourceRule());
            }
        }
        // The subject of a rule is the first explained fact it matches (rules list their subject first);
        // other explained facts are context, such as the phase schedule a sign-in is compared with.
        for (Object o : explains ? objects : List.of()) {
            if (o instanceof Explained e) {
                e.getRules().addAll(ids);
                break;
            }
        }
        for (String each : ids) {
            fired.add(each);
        }
    }
}
