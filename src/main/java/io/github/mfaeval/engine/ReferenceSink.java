package io.github.mfaeval.engine;

import io.github.mfaeval.model.ReferenceFact;

import java.util.ArrayList;
import java.util.List;

/**
 * Global {@code reference} of the decision tables: each table row adds one fact of the model
 * ({@code reference.add(new ListedApp(...))}), and the fact remembers the row's rule id so that verdicts using it
 * can cite the row. One method for every kind of fact: a new table, or a new fact type, needs no method here, and
 * no stage is told by hand which facts it gets ({@link RuleBase#referenceFor}).
 */
public final class ReferenceSink {
    private final List<ReferenceFact> facts = new ArrayList<>();
    private String currentRule;

    void firing(String ruleId) {
        currentRule = ruleId;
    }

    /** Adds the fact a table row stands for, cited by that row's rule id, after the facts of earlier rows. */
    public void add(ReferenceFact fact) {
        if (fact == null) throw new IllegalArgumentException("a table row added no fact (null)");
        fact.setSourceRule(currentRule);
        fact.setOrder(facts.size());
        facts.add(fact);
    }

    public List<ReferenceFact> facts() {
        return facts;
    }
}
