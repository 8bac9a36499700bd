package io.github.mfaeval.engine;

import io.github.mfaeval.load.CaPolicyRecord;
import io.github.mfaeval.load.TenantData;
import io.github.mfaeval.model.CaPolicy;
import io.github.mfaeval.model.EvaluationDate;
import io.github.mfaeval.model.Finding;
import io.github.mfaeval.model.KnownGroups;
import io.github.mfaeval.model.PhaseSchedule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The policy and tenant stages (the first), and what the later stages need from them: the tenant's schedule, its
 * classified Conditional Access policies, the facts its sign-ins are evaluated with, and the findings and rules so far.
 */
public final class TenantStage {
    private final RuleBase rules;
    final FindingSink findings;
    final Set<String> fired = new TreeSet<>();
    /** The policy stage's rules that fired: not in the report's rules.fired, but in its rules.classified. */
    final Set<String> classified = new TreeSet<>();
    final List<CaPolicy> policies = new ArrayList<>();
    final List<PhaseSchedule> schedule = new ArrayList<>();
    /**
     * What the tenant stage's rules derived (insertLogical) that the user stage's rules read, such as the
     * sign-in window a complete collection is evidence for: given to the user stage once, in its first chunk.
     */
    final List<Object> forUsers = new ArrayList<>();
    final SignInContext context;

    TenantStage(RuleBase rules, TenantData data, LocalDate asOf) {
        this.rules = rules;
        this.findings = rules.newFindingSink();
        policies.addAll(classifyPolicies(rules, data, findings, classified));
        List<Object> tenantFacts = new ArrayList<>();
        tenantFacts.add(data.tenant);
        tenantFacts.add(new EvaluationDate(asOf));
        tenantFacts.addAll(data.notifiedStarts);
        tenantFacts.addAll(data.manifestPhaseDates());
        tenantFacts.addAll(data.tenantSettings);
        tenantFacts.addAll(data.settingsUnknown);
        tenantFacts.addAll(data.policyAssignments);
        tenantFacts.addAll(data.subscriptions);
        tenantFacts.addAll(rules.referenceFor(Stage.TENANT));
        tenantFacts.addAll(data.roleAssignments);
        tenantFacts.addAll(policies);
        if (data.securityDefaults != null) tenantFacts.add(data.securityDefaults);
        tenantFacts.addAll(data.federatedDomains);
        tenantFacts.addAll(data.missing);
        tenantFacts.addAll(CollectionFacts.of(data));
        rules.run(Stage.TENANT, tenantFacts, List.of(), findings, fired, session -> {
            session.getObjects(o -> o instanceof PhaseSchedule).forEach(o -> schedule.add((PhaseSchedule) o));
            for (Object fact : RuleBase.derivedFacts(session)) {
                if (!(fact instanceof PhaseSchedule) && rules.reads(Stage.USER, fact.getClass())) forUsers.add(fact);
            }
        });
        schedule.sort(Comparator.comparingInt(PhaseSchedule::getPhase));
        context = new SignInContext(schedule, data);
    }

    /**
     * The policy stage: what each Conditional Access policy of the tenant means for mandatory MFA (rules/policy/),
     * decided before any other rule reads a policy. These rules classify and raise no finding; their firings are not
     * listed in the report's rules.fired (verdicts that use a policy cite the admin-portal target row it covers) but
     * kept apart in rules.classified, which the scenarios' coverage gate counts.
     */
    static List<CaPolicy> classifyPolicies(RuleBase rules, TenantData data, FindingSink findings, Set<String> fired) {
        List<CaPolicy> policies = new ArrayList<>();
        for (CaPolicyRecord r : data.caPolicies) policies.add(r.policy());
        List<Object> facts = new ArrayList<>(policies);
        facts.add(new KnownGroups(data.knownGroups));
        facts.addAll(rules.referenceFor(Stage.POLICY));
        rules.run(Stage.POLICY, facts, List.of(), findings, fired);
        return policies;
    }

    /** The tenant's part of the sign-in stage's facts (serializable: a cluster ships it to its executors). */
    public SignInContext signInContextOfTenant() {
        return context;
    }

    /** Every fact the sign-in stage starts from, in the order they are inserted. */
    List<Object> signInContext() {
        return context.facts(rules);
    }

    /** Findings raised and rules fired elsewhere (a cluster's executors) for this tenant's sign-ins. */
    public void addSignInResults(List<Finding> signInFindings, Set<String> signInRules) {
        findings.findings().addAll(signInFindings);
        fired.addAll(signInRules);
    }
}
