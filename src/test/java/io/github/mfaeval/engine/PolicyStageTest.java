package io.github.mfaeval.engine;

import io.github.mfaeval.TestRules;
import io.github.mfaeval.load.CaPolicyRecord;
import io.github.mfaeval.load.TenantData;
import io.github.mfaeval.model.CaPolicy;
import io.github.mfaeval.model.GrantMfa;
import io.github.mfaeval.model.PolicyCondition;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The policy stage (rules/policy/) decides what each Conditional Access policy means for mandatory MFA: every
 * rule of it, on policies built as the loader builds them. The scenarios prove the same end to end; these cases
 * name each decision on its own.
 */
class PolicyStageTest {
    private static final String ARM_API = "797f4846-ba00-4fd7-ba43-dac1f8f63013";

    private static final class Spec {
        Set<String> include = Set.of("MicrosoftAdminPortals");
        Set<String> exclude = Set.of();
        Set<String> includeGroups = Set.of();
        Set<String> excludeGroups = Set.of();
        Set<String> controls = Set.of("mfa");
        String operator = "OR";
        List<String> custom = List.of();
        boolean strength;
        boolean strengthMfa;
        final List<PolicyCondition> conditions = new ArrayList<>();

        Spec condition(String field, Set<String> included, Set<String> excluded) {
            conditions.add(new PolicyCondition(field, included, excluded, conditions.size()));
            return this;
        }

        CaPolicy policy() {
            return new CaPolicy("p", "Policy", "enabled", include, exclude, Set.of("All"), Set.of(), includeGroups, excludeGroups,
                    Set.of(), Set.of(), null, null, controls, operator, custom, List.of(), strength, strengthMfa, conditions);
        }
    }

    private static CaPolicy classify(Spec spec, String... knownGroups) {
        TenantData data = new TenantData();
        CaPolicy p = spec.policy();
        data.caPolicies.add(new CaPolicyRecord(p, false));
        data.knownGroups.addAll(Set.of(knownGroups));
        List<CaPolicy> out = new Evaluator(TestRules.base()).classifyPolicies(data);
        assertEquals(List.of(p), out);
        return p;
    }

    @Test
    void aPolicyTargetsTheAdminPortalsThroughTheFirstTableRowItIncludes() {
        Spec s = new Spec();
        assertEquals("MM-CAT-002", classify(s).getSourceRule());
        s.include = Set.of("MicrosoftAdminPortals", "All");
        assertEquals("MM-CAT-001", classify(s).getSourceRule());
        s.include = Set.of(ARM_API.toUpperCase());
        assertEquals("MM-CAT-003", classify(s).getSourceRule());
        s.include = Set.of("00000003-0000-0000-c000-000000000000");
        assertFalse(classify(s).isTargetsAdminPortals());
    }

    @Test
    void excludingAnAdminPortalApplicationLeavesAHole() {
        Spec s = new Spec();
        s.include = Set.of("All");
        s.exclude = Set.of(ARM_API);
        CaPolicy p = classify(s);
        assertFalse(p.isTargetsAdminPortals());
        assertNull(p.getSourceRule());
        s.exclude = Set.of("00000003-0000-0000-c000-000000000000");
        assertTrue(classify(s).isTargetsAdminPortals());
    }

    @Test
    void mfaIsRequiredAloneOrAndedAndOptionalWhenOredWithAnotherControl() {
        Spec s = new Spec();
        assertEquals(GrantMfa.REQUIRED, classify(s).getGrantMfa());
        s.controls = Set.of("mfa", "compliantDevice");
        assertEquals(GrantMfa.OPTIONAL, classify(s).getGrantMfa());
        s.operator = "AND";
        assertEquals(GrantMfa.REQUIRED, classify(s).getGrantMfa());
        s.operator = "OR";
        s.controls = Set.of("mfa");
        s.custom = List.of("Contoso MFA");
        assertEquals(GrantMfa.OPTIONAL, classify(s).getGrantMfa(), "a legacy custom control OR-ed with MFA");
        s.custom = List.of();
        s.controls = Set.of();
        s.strength = true;
        s.strengthMfa = true;
        assertEquals(GrantMfa.REQUIRED, classify(s).getGrantMfa(), "an authentication strength that requires MFA");
        s.strengthMfa = false;
        assertEquals(GrantMfa.NOT_ASKED, classify(s).getGrantMfa(), "an authentication strength without MFA");
        s.strength = false;
        s.controls = Set.of("block");
        assertEquals(GrantMfa.NOT_ASKED, classify(s).getGrantMfa());
    }

    @Test
    void everyNarrowingConditionIsNamedInTheExportsOrder() {
        Spec s = new Spec()
                .condition("locations", Set.of("All"), Set.of("AllTrusted"))
                .condition("platforms", Set.of("android"), Set.of())
                .condition("signInRiskLevels", Set.of("high"), Set.of())
                .condition("userRiskLevels", Set.of("high"), Set.of())
                .condition("insiderRiskLevels", Set.of("elevated"), Set.of())
                .condition("clientAppTypes", Set.of("browser"), Set.of())
                .condition("devices.deviceFilter", Set.of("device.isCompliant -eq True"), Set.of())
                .condition("authenticationFlows.transferMethods", Set.of("deviceCodeFlow"), Set.of());
        assertEquals(List.of("locations", "device platforms", "sign-in risk", "user risk", "insider risk", "client apps",
                "device filter", "authentication flows"), classify(s).getNarrowingConditions());
    }

    @Test
    void conditionsThatIncludeEverythingDoNotNarrow() {
        Spec s = new Spec()
                .condition("locations", Set.of("All"), Set.of())
                .condition("platforms", Set.of("all"), Set.of())
                .condition("clientAppTypes", Set.of("all", "browser"), Set.of());
        CaPolicy p = classify(s);
        assertFalse(p.isNarrowed(), p.getNarrowingConditions().toString());
        Spec t = new Spec().condition("locations", Set.of("All", "0a1b"), Set.of());
        assertEquals(List.of("locations"), classify(t).getNarrowingConditions());
    }

    @Test
    void groupsWhoseMembersAreNotListedAreUnknownSorted() {
        Spec s = new Spec();
        s.includeGroups = Set.of("g2", "g1");
        s.excludeGroups = Set.of("g0");
        assertEquals(List.of("g0", "g2"), List.copyOf(classify(s, "g1").getUnknownGroups()));
        assertTrue(classify(s).isGroupMembershipUnknown());
        assertFalse(classify(s, "g0", "g1", "g2").isGroupMembershipUnknown());
    }
    @Test
    void policyFiringsCountForTheCoverageGateButAreNotWrittenInReports() throws Exception {
        io.github.mfaeval.result.Report r = TestRules.evaluate(TestRules.EXAMPLES.resolve("contoso-ready"), TestRules.AS_OF, "2024-09-24");
        assertTrue(r.rules().classified().contains("MM-POL-001"), r.rules().toString());
        assertTrue(r.rules().fired().stream().noneMatch(id -> id.startsWith("MM-POL-")), r.rules().fired().toString());
        String json = io.github.mfaeval.report.JsonRenderer.MAPPER.writeValueAsString(r);
        assertFalse(json.contains("classified") || json.contains("MM-POL-"), "a report lists no policy-stage rule");
    }
}
