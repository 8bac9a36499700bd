package io.github.mfaeval.engine;

import io.github.mfaeval.model.AdminPortalTarget;
import io.github.mfaeval.model.DirectoryRole;
import io.github.mfaeval.model.ListedApp;
import io.github.mfaeval.model.MfaMethod;
import io.github.mfaeval.model.NoMfaProtocol;
import io.github.mfaeval.model.PhaseDefault;
import io.github.mfaeval.model.PhishingResistantMethod;
import io.github.mfaeval.model.PostponementWindow;
import io.github.mfaeval.model.ReferenceFact;
import io.github.mfaeval.model.RequirementProvider;
import io.github.mfaeval.model.ResultPhrase;
import io.github.mfaeval.model.SatisfiedBy;
import io.github.mfaeval.model.SyncAccountPattern;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Global {@code reference} of the decision tables: each table row calls one of these methods, and the fact
 * it creates remembers the row's rule id so that verdicts using it can cite the row.
 */
public final class ReferenceSink {
    private final List<ReferenceFact> facts = new ArrayList<>();
    private String currentRule;

    void firing(String ruleId) {
        currentRule = ruleId;
    }

    private void add(ReferenceFact fact) {
        fact.setSourceRule(currentRule);
        fact.setOrder(facts.size());
        facts.add(fact);
    }

    public void listedApp(String appId, String name, int phase) {
        add(new ListedApp(appId, name, phase));
    }

    public void phaseDefault(int phase, String notBefore) {
        add(new PhaseDefault(phase, LocalDate.parse(notBefore.trim())));
    }

    public void postponementWindow(String opensOn, String closesOn, String postponedStart) {
        add(new PostponementWindow(LocalDate.parse(opensOn.trim()), LocalDate.parse(closesOn.trim()),
                LocalDate.parse(postponedStart.trim())));
    }

    public void mfaMethod(String name, String satisfiedBy, boolean countsAsPrimary) {
        add(new MfaMethod(name, SatisfiedBy.valueOf(satisfiedBy.trim()), countsAsPrimary));
    }

    public void resultPhrase(String phrase, String meaning) {
        add(new ResultPhrase(phrase, SatisfiedBy.valueOf(meaning.trim())));
    }

    public void requirementProvider(String name) {
        add(new RequirementProvider(name));
    }

    public void phishingResistant(String method) {
        add(new PhishingResistantMethod(method));
    }

    public void directoryRole(String key, String templateId) {
        add(new DirectoryRole(key, templateId));
    }

    public void syncAccount(String kind, String value) {
        add(new SyncAccountPattern(SyncAccountPattern.Kind.valueOf(kind.trim()), value));
    }

    public void noMfaProtocol(String name) {
        add(new NoMfaProtocol(name));
    }

    public void postponementLimit(int phase, String latestStart) {
        add(new io.github.mfaeval.model.PostponementLimit(phase, LocalDate.parse(latestStart.trim())));
    }

    public void armTerm(String kind, String value) {
        add(new io.github.mfaeval.model.ArmTerm(io.github.mfaeval.model.ArmTerm.Kind.valueOf(kind.trim()), value));
    }

    public void adminPortalTarget(String value) {
        add(new AdminPortalTarget(value));
    }

    public List<ReferenceFact> facts() {
        return facts;
    }
}
