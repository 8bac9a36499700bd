package io.github.mfaeval;

import io.github.mfaeval.model.Finding;
import io.github.mfaeval.model.SatisfiedBy;
import io.github.mfaeval.result.Report;
import io.github.mfaeval.result.SignInVerdict;
import io.github.mfaeval.result.UserVerdict;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each example tenant gives the verdicts its README line promises. */
class ExampleTenantsTest {

    private static Set<String> codes(Report r) {
        return r.findings().stream().map(Finding::code).collect(Collectors.toCollection(TreeSet::new));
    }

    private static UserVerdict user(Report r, String upnPrefix) {
        return r.users().stream().filter(u -> u.userPrincipalName().toLowerCase().startsWith(upnPrefix)).findFirst().orElseThrow();
    }

    private static SignInVerdict signIn(Report r, String upnPrefix) {
        return r.signIns().stream().filter(s -> s.userPrincipalName() != null && s.userPrincipalName().startsWith(upnPrefix)).findFirst().orElseThrow();
    }

    @Test
    void contosoIsReady() {
        Report r = TestRules.evaluate(TestRules.EXAMPLES.resolve("contoso-ready"));
        assertEquals(Report.Status.READY, r.status(), () -> "findings: " + r.findings());
        assertTrue(r.findings().stream().noneMatch(f -> f.severity().requiresAction()));
        assertEquals(r.summary().signInsInScope(), r.summary().signInsSatisfied());
        assertEquals(r.summary().usersInScope(), r.summary().usersReady());
        assertTrue(r.schedule().stream().allMatch(s -> s.state().name().equals("ENFORCED") && !s.postponed()));
        assertEquals("2024-10-15", r.schedule().get(0).start().toString(), "the notified date wins");
    }

    @Test
    void fabrikamShowsEveryGap() {
        Report r = TestRules.evaluate(TestRules.EXAMPLES.resolve("fabrikam-gaps"));
        assertEquals(Report.Status.ACTION_REQUIRED, r.status());
        Set<String> expected = new TreeSet<>(Set.of("TEST_TENANT_NOT_EXEMPT", "OPT_OUT_NOT_AVAILABLE", "POSTPONEMENT_INVALID",
                "LEGACY_CUSTOM_CONTROL", "REPORT_ONLY_POLICY", "POLICY_NARROWED_BY_CONDITIONS", "NO_MFA_POLICY",
                "GLOBAL_ADMIN_WITHOUT_EMAIL", "FEDERATED_DOMAIN_REJECTS_IDP_MFA", "INPUT_MISSING", "NO_MFA_METHOD",
                "NOT_COVERED", "UNSATISFIED_SIGN_INS", "AUTOMATION_ON_USER_IDENTITY", "BREAK_GLASS_NOT_PHISHING_RESISTANT",
                "GUEST_HOME_MFA_NOT_TRUSTED"));
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(codes(r));
        assertTrue(missing.isEmpty(), "codes not raised: " + missing);
        assertFalse(signIn(r, "erik.dev").mfaSatisfied(), "\"stay signed in\" is not MFA");
        assertFalse(signIn(r, "hana@").mfaSatisfied(), "the domain rejects IdP MFA");
        assertEquals(0, r.summary().usersReady());
        assertFalse(r.schedule().get(0).postponed(), "an invalid postponement changes nothing");
    }

    @Test
    void northwindGuestsFederationAutomation() {
        Report r = TestRules.evaluate(TestRules.EXAMPLES.resolve("northwind-guests"));
        assertEquals(SatisfiedBy.HOME_TENANT_MFA, signIn(r, "ana@").satisfiedBy(), "trusted partner");
        assertFalse(signIn(r, "ben@").mfaSatisfied(), "partner that does not trust MFA");
        assertFalse(signIn(r, "cy@").mfaSatisfied(), "partner inheriting a default that does not trust MFA");
        assertEquals(SatisfiedBy.ENTRA_MFA, signIn(r, "ed@").satisfiedBy(), "MFA done in the resource tenant");
        assertEquals(SatisfiedBy.FEDERATED_IDP_CLAIM, signIn(r, "kim@").satisfiedBy());
        assertTrue(user(r, "svc-infra").findings().contains("AUTOMATION_ON_USER_IDENTITY"));
        assertFalse(user(r, "adtoaadsync").findings().contains("AUTOMATION_ON_USER_IDENTITY"), "sync accounts are never automation");
        assertTrue(codes(r).contains("POSTPONED"));
        assertTrue(r.schedule().stream().allMatch(s -> s.postponed() && s.start().toString().equals("2025-03-15")));
        assertEquals(1, r.summary().signInsDuplicate(), "the same sign-in in two exports counts once");
        assertEquals(2, r.signIns().stream().filter(s -> s.scopeReason() != null && s.scopeReason().name().equals("WORKLOAD_IDENTITY")).count());
        assertEquals(r.summary().signInsRead(), r.summary().signInsEvaluated() + r.summary().signInsRejected() + r.summary().signInsDuplicate());
    }
}
