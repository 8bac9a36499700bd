package io.github.mfaeval.engine;

import io.github.mfaeval.load.TenantData;
import io.github.mfaeval.model.PhaseSchedule;

import java.util.ArrayList;
import java.util.List;

/**
 * The facts of one tenant that the sign-in rules match besides the sign-ins: its schedule and what decides
 * whose MFA counts (federation, cross-tenant trust, external methods). Reference facts come from the rule base.
 */
public final class SignInContext implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final List<PhaseSchedule> schedule;
    private final List<Object> tenantFacts = new ArrayList<>();

    SignInContext(List<PhaseSchedule> schedule, TenantData data) {
        this.schedule = new ArrayList<>(schedule);
        tenantFacts.addAll(data.federatedDomains);
        if (data.crossTenantDefault != null) tenantFacts.add(data.crossTenantDefault);
        tenantFacts.addAll(data.crossTenantPartners);
        tenantFacts.addAll(data.externalMethods);
    }

    public List<Object> facts(RuleBase rules) {
        List<Object> facts = new ArrayList<>(schedule);
        facts.addAll(rules.referenceFor(Stage.SIGNIN));
        facts.addAll(tenantFacts);
        return facts;
    }
}
