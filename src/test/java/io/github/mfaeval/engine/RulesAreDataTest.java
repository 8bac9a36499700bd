package io.github.mfaeval.engine;

import io.github.mfaeval.rules.RuleBaseBuilder;
import io.github.mfaeval.rules.RuleBuildException;
import io.github.mfaeval.rules.RuleFiles;
import io.github.mfaeval.TestRules;
import io.github.mfaeval.load.TenantLoader;
import io.github.mfaeval.result.Report;
import io.github.mfaeval.result.SignInVerdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A compliance author's edit of rules/ changes the verdicts at run time, with no rebuild of the tool. */
class RulesAreDataTest {
    private static final String EXCHANGE = "00000002-0000-0ff1-ce00-000000000000";

    private static SignInVerdict exchangeSignIn(RuleBase rules) throws Exception {
        Report r = new Evaluator(rules).evaluate(TenantLoader.load(TestRules.EXAMPLES.resolve("contoso-ready")), TestRules.AS_OF);
        return r.signIns().stream().filter(s -> EXCHANGE.equals(s.appId())).findFirst().orElseThrow();
    }

    @Test
    void addingAnApplicationRowBringsItsSignInsIntoScope(@TempDir Path tmp) throws Exception {
        assertFalse(exchangeSignIn(TestRules.base()).inScope());
        Path rules = TestRules.copyOfRules(tmp);
        Files.writeString(rules.resolve("reference/applications.drl.csv"),
                "\"Exchange Online (added by an author)\",\"MM-APP-099\",\"Applications\",\"true\",\"" + EXCHANGE + "\",\"Exchange Online\",\"2\"\n",
                StandardOpenOption.APPEND);
        RuleBase edited = RuleBaseBuilder.build(RuleFiles.fromDirectory(rules));
        SignInVerdict s = exchangeSignIn(edited);
        assertTrue(s.inScope());
        assertEquals("Exchange Online", s.application());
        assertEquals(2, s.phase());
        assertTrue(s.rules().contains("MM-APP-099"), s.rules().toString());
        assertTrue(edited.catalogue().containsKey("MM-APP-099"));
    }

    @Test
    void movingAPhaseDateChangesTheSchedule(@TempDir Path tmp) throws Exception {
        Path rules = TestRules.copyOfRules(tmp);
        Path table = rules.resolve("reference/schedule.drl.csv");
        Files.writeString(table, Files.readString(table).replace("\"2\",\"2025-01-01\"", "\"2\",\"2025-10-01\""));
        RuleBase edited = RuleBaseBuilder.build(RuleFiles.fromDirectory(rules));
        Report r = new Evaluator(edited).evaluate(TenantLoader.load(TestRules.PROJECT.resolve("test-scenarios/base")), TestRules.AS_OF);
        assertEquals("2025-10-01", r.schedule().get(1).start().toString());
    }

    @Test
    void whatProvesAUserAlreadyDoesMfaIsARuleFileToo(@TempDir Path tmp) throws Exception {
        Path tenant = TestRules.EXAMPLES.resolve("fabrikam-gaps");
        String dana = "dana.admin@fabrikam.com";
        Report before = new Evaluator(TestRules.base()).evaluate(TenantLoader.load(tenant), TestRules.AS_OF);
        // every sign-in of hers satisfied MFA and she has a method: uncovered, she is only advised (MM-COV-006)
        assertTrue(user(before, dana).rules().contains("MM-COV-006"), user(before, dana).toString());
        Path rules = TestRules.copyOfRules(tmp);
        Path review = rules.resolve("user/review.drl");
        String text = Files.readString(review);
        int body = text.indexOf("function boolean provenMfa(UserFact u) {");
        assertTrue(body > 0, text);
        // a stricter team: nothing done so far proves MFA, every uncovered user needs action
        Files.writeString(review, text.substring(0, body) + "function boolean provenMfa(UserFact u) {\n    return false;\n}\n");
        Report after = new Evaluator(RuleBaseBuilder.build(RuleFiles.fromDirectory(rules))).evaluate(TenantLoader.load(tenant), TestRules.AS_OF);
        assertTrue(user(after, dana).rules().contains("MM-COV-004") && !user(after, dana).rules().contains("MM-COV-006"), user(after, dana).toString());
    }

    /**
     * Issue 24: which federation behaviour a subdomain without a configuration of its own takes is a rule
     * (tenant/federation-inheritance.drl), not the loader's: an author who decides that such a subdomain inherits
     * nothing edits the rule, and a member of it whose root rejects IdP MFA has their IdP claim counted.
     */
    @Test
    void whoseFederationBehaviourASubdomainTakesIsARuleFile(@TempDir Path tmp) throws Exception {
        Path tenant = tmp.resolve("tenant");
        Files.createDirectories(tenant);
        try (var files = Files.list(TestRules.PROJECT.resolve("test-scenarios/base"))) {
            for (Path f : (Iterable<Path>) files::iterator) Files.copy(f, tenant.resolve(f.getFileName().toString()));
        }
        Files.writeString(tenant.resolve("domains.json"), """
                [{"id": "fed.contoso.example", "isRoot": true, "authenticationType": "Federated",
                  "federationConfiguration": [{"federatedIdpMfaBehavior": "rejectMfaByFederatedIdp"}]},
                 {"id": "eu.fed.contoso.example", "isRoot": false, "authenticationType": "Federated"}]
                """);
        Path signIns = tenant.resolve("signIns.json");
        Files.writeString(signIns, Files.readString(signIns).replace("\"fiona@fed.contoso.example\"", "\"fiona@eu.fed.contoso.example\""));
        SignInVerdict before = fedSignIn(TestRules.base(), tenant);
        assertFalse(before.mfaSatisfied(), "the subdomain inherits its root's rejection");

        Path rules = TestRules.copyOfRules(tmp.resolve("rules"));
        Path inheritance = rules.resolve("tenant/federation-inheritance.drl");
        String text = Files.readString(inheritance);
        assertTrue(text.contains("    $d.inheritFrom($p);\n    update($d);\n"), text);
        // an author's decision: a subdomain without a configuration of its own inherits nothing
        Files.writeString(inheritance, text.replace("    $d.inheritFrom($p);\n    update($d);\n", ""));
        SignInVerdict after = fedSignIn(RuleBaseBuilder.build(RuleFiles.fromDirectory(rules)), tenant);
        assertTrue(after.mfaSatisfied(), "with the rule edited, the subdomain's behaviour is never set: IdP MFA accepted");
    }

    /**
     * Issue 28: which copy of a sign-in seen in several exports wins is the ranking of
     * reference/copy-ranking.drl.csv. Bob's Graph copy has one succeeded MFA step; a copy in another export has more
     * steps, all MFA steps failed. An author who ranks the count of steps first makes that copy win.
     */
    @Test
    void whichCopyOfASignInWinsIsATable(@TempDir Path tmp) throws Exception {
        Path tenant = baseTenant(tmp.resolve("tenant"));
        Files.writeString(tenant.resolve("signIns-a.json"), """
                [{"id": "s-bob-portal", "createdDateTime": "2025-11-25T09:00:00Z", "userId": "u-bob",
                  "userPrincipalName": "bob@contoso.example", "appId": "c44b4083-3bb0-49c1-b47d-974e53cbdf3c",
                  "authenticationRequirement": "singleFactorAuthentication", "status": {"errorCode": 0},
                  "authenticationDetails": [
                    {"authenticationMethod": "Password", "succeeded": true, "authenticationStepRequirement": "Primary authentication"},
                    {"authenticationMethod": "Mobile app notification", "succeeded": false, "authenticationStepRequirement": "Multifactor authentication"},
                    {"authenticationMethod": "Text message", "succeeded": false, "authenticationStepRequirement": "Multifactor authentication"}]}]
                """);
        assertTrue(signIn(TestRules.base(), tenant, "s-bob-portal").mfaSatisfied(), "the copy with a succeeded MFA step wins");

        Path rules = TestRules.copyOfRules(tmp.resolve("rules"));
        Path table = rules.resolve("reference/copy-ranking.drl.csv");
        String text = Files.readString(table);
        String mfaSteps = "\"1\",\"SUCCEEDED_MFA_STEPS\"", steps = "\"2\",\"STEPS\"";
        assertTrue(text.contains(mfaSteps) && text.contains(steps), text);
        Files.writeString(table, text.replace(mfaSteps, "\"2\",\"SUCCEEDED_MFA_STEPS\"").replace(steps, "\"1\",\"STEPS\""));
        SignInVerdict after = signIn(RuleBaseBuilder.build(RuleFiles.fromDirectory(rules)), tenant, "s-bob-portal");
        assertFalse(after.mfaSatisfied(), "with steps ranked first, the longer copy (MFA failed, single factor) wins");
    }

    /** A criterion the tool has no measure for, or one left without a row, is a build error naming the table. */
    @Test
    void aCopyRankingThatSaysTooLittleDoesNotBuild(@TempDir Path tmp) throws Exception {
        Path rules = TestRules.copyOfRules(tmp.resolve("unknown"));
        Path table = rules.resolve("reference/copy-ranking.drl.csv");
        String text = Files.readString(table);
        Files.writeString(table, text.replace("\"STATUS_DETAIL\"", "\"STATUS_DETAILS\""));
        RuleBuildException unknown = org.junit.jupiter.api.Assertions.assertThrows(RuleBuildException.class,
                () -> RuleBaseBuilder.build(RuleFiles.fromDirectory(rules)));
        assertTrue(unknown.getMessage().contains("reference/copy-ranking.drl.csv: row 12, column F \"Criterion\": \"STATUS_DETAILS\""),
                unknown.getMessage());

        Path rules2 = TestRules.copyOfRules(tmp.resolve("missing"));
        Path table2 = rules2.resolve("reference/copy-ranking.drl.csv");
        Files.writeString(table2, text.replace("\"MM-COPY-006\",\"faq:review-mfa-activity\",\"true\"", "\"MM-COPY-006\",\"faq:review-mfa-activity\",\"false\""));
        RuleBuildException missing = org.junit.jupiter.api.Assertions.assertThrows(RuleBuildException.class,
                () -> RuleBaseBuilder.build(RuleFiles.fromDirectory(rules2)));
        assertTrue(missing.getMessage().contains("reference/copy-ranking.drl.csv") && missing.getMessage().contains("criterion SOURCE has no active row"),
                missing.getMessage());
    }

    /**
     * Issue 28: which guest or external user type a user is, is decided in rules/ (assignment/external-user-type.drl,
     * with the marks of reference/guest-marks.drl.csv), not by the reader. Bob, a Member created by an invitation, is a
     * B2B collaboration member, excluded by a policy that excludes that type; an author who no longer counts the
     * creation type as a mark (the table), or who calls such a member a guest (the rule), changes his verdict.
     */
    @Test
    void whichGuestTypeAUserIsIsARuleAndATable(@TempDir Path tmp) throws Exception {
        Path tenant = baseTenant(tmp.resolve("tenant"));
        Path users = tenant.resolve("users.json");
        String text = Files.readString(users);
        String bob = "\"userPrincipalName\": \"bob@contoso.example\",";
        assertTrue(text.contains(bob), text);
        Files.writeString(users, text.replace(bob, bob + " \"creationType\": \"Invitation\","));
        Path policies = tenant.resolve("conditionalAccessPolicies.json");
        String ca = Files.readString(policies);
        String excludeRoles = "\"excludeRoles\": [";
        assertTrue(ca.contains(excludeRoles), ca);
        Files.writeString(policies, ca.replace(excludeRoles, "\"excludeGuestsOrExternalUsers\": {\"guestOrExternalUserTypes\": \"b2bCollaborationMember\", "
                + "\"externalTenants\": {\"membershipKind\": \"all\"}}, " + excludeRoles));
        String excluded = "EXCLUDED_FROM_MFA_POLICY";
        assertTrue(bobsFindings(TestRules.base(), tenant).contains(excluded), "a b2bcollaborationmember, excluded");

        Path rules = TestRules.copyOfRules(tmp.resolve("table"));
        Path marks = rules.resolve("reference/guest-marks.drl.csv");
        String table = Files.readString(marks);
        String row = "\"MM-GMARK-002\",\"faq:b2b-guests\",\"true\"";
        assertTrue(table.contains(row), table);
        Files.writeString(marks, table.replace(row, "\"MM-GMARK-002\",\"faq:b2b-guests\",\"false\""));
        assertFalse(bobsFindings(RuleBaseBuilder.build(RuleFiles.fromDirectory(rules)), tenant).contains(excluded),
                "with the creation type no longer a mark, Bob is an internal member: not excluded");

        Path rules2 = TestRules.copyOfRules(tmp.resolve("rule"));
        Path type = rules2.resolve("assignment/external-user-type.drl");
        String drl = Files.readString(type);
        String decision = "$u.decideExternalUserType(\"b2bcollaborationmember\");";
        assertTrue(drl.contains(decision), drl);
        Files.writeString(type, drl.replace(decision, "$u.decideExternalUserType(\"b2bcollaborationguest\");"));
        assertFalse(bobsFindings(RuleBaseBuilder.build(RuleFiles.fromDirectory(rules2)), tenant).contains(excluded),
                "with invited members called guests, the exclusion of members does not reach Bob");
    }

    private static java.util.List<String> bobsFindings(RuleBase rules, Path tenant) throws Exception {
        Report r = new Evaluator(rules).evaluate(TenantLoader.load(tenant), TestRules.AS_OF);
        return user(r, "bob@contoso.example").findings();
    }

    /**
     * Issue 28: which findings block readiness and which status a report takes is reference/readiness.drl.csv, set
     * on each finding and on the report when it is assembled. An author who counts LOW advice as blocking, or who
     * never calls a tenant READY, changes the report; a table that says too little never makes anything READY.
     */
    @Test
    void whatBlocksReadinessAndTheStatusAreATable(@TempDir Path tmp) throws Exception {
        Path ready = TestRules.EXAMPLES.resolve("contoso-ready");
        Path gaps = TestRules.EXAMPLES.resolve("fabrikam-gaps");
        assertEquals(Report.Status.READY, evaluate(TestRules.base(), ready).status());
        Report before = evaluate(TestRules.base(), gaps);
        long lowAdvice = before.findings().stream().filter(f -> f.isAdvice() && f.severity() == io.github.mfaeval.model.Severity.LOW).count();
        assertTrue(lowAdvice > 0, before.findings().toString());

        Path rules = TestRules.copyOfRules(tmp.resolve("edited"));
        Path table = rules.resolve("reference/readiness.drl.csv");
        String text = Files.readString(table);
        String low = "\"Low\",\"true\",\"false\"", otherwise = "\"OTHERWISE\",\"READY\"";
        assertTrue(text.contains(low) && text.contains(otherwise), text);
        Files.writeString(table, text.replace(low, "\"Low\",\"true\",\"true\"").replace(otherwise, "\"OTHERWISE\",\"ACTION_REQUIRED\""));
        RuleBase edited = RuleBaseBuilder.build(RuleFiles.fromDirectory(rules));
        assertEquals(Report.Status.ACTION_REQUIRED, evaluate(edited, ready).status(), "no tenant is READY any more");
        Report after = evaluate(edited, gaps);
        assertEquals(before.findingCounts().requiringAction() + lowAdvice, after.findingCounts().requiringAction(),
                "LOW advice now requires action");
        assertTrue(after.findings().stream().filter(io.github.mfaeval.model.Finding::isAdvice).allMatch(io.github.mfaeval.model.Finding::blocksReadiness));

        // Fail closed: without the OTHERWISE row no report is READY; without the INFO row an INFO finding blocks.
        Path rules2 = TestRules.copyOfRules(tmp.resolve("incomplete"));
        Path table2 = rules2.resolve("reference/readiness.drl.csv");
        Files.writeString(table2, text.replace("\"MM-RDY-012\",\"Prepare for multifactor authentication\",\"true\"",
                "\"MM-RDY-012\",\"Prepare for multifactor authentication\",\"false\""));
        assertEquals(Report.Status.INCOMPLETE, evaluate(RuleBaseBuilder.build(RuleFiles.fromDirectory(rules2)), ready).status());
        Files.writeString(table2, text.replace("\"MM-RDY-004\",\"Prepare for multifactor authentication\",\"true\"",
                "\"MM-RDY-004\",\"Prepare for multifactor authentication\",\"false\""));
        assertTrue(RuleBaseBuilder.build(RuleFiles.fromDirectory(rules2)).actionCatalogue().readiness()
                .blocks(io.github.mfaeval.model.Severity.INFO, false));
        // and a row that would make incomplete evidence READY does not build
        Files.writeString(table2, text.replace("\"INPUTS_INCOMPLETE\",\"INCOMPLETE\"", "\"INPUTS_INCOMPLETE\",\"READY\""));
        RuleBuildException e = org.junit.jupiter.api.Assertions.assertThrows(RuleBuildException.class,
                () -> RuleBaseBuilder.build(RuleFiles.fromDirectory(rules2)));
        assertTrue(e.getMessage().contains("reference/readiness.drl.csv") && e.getMessage().contains("only OTHERWISE"), e.getMessage());
    }

    private static Report evaluate(RuleBase rules, Path tenant) throws Exception {
        return new Evaluator(rules).evaluate(TenantLoader.load(tenant), TestRules.AS_OF);
    }

    private static Path baseTenant(Path tenant) throws Exception {
        Files.createDirectories(tenant);
        try (var files = Files.list(TestRules.PROJECT.resolve("test-scenarios/base"))) {
            for (Path f : (Iterable<Path>) files::iterator) Files.copy(f, tenant.resolve(f.getFileName().toString()));
        }
        return tenant;
    }

    private static SignInVerdict signIn(RuleBase rules, Path tenant, String id) throws Exception {
        Report r = new Evaluator(rules).evaluate(TenantLoader.load(tenant), TestRules.AS_OF);
        return r.signIns().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    private static SignInVerdict fedSignIn(RuleBase rules, Path tenant) throws Exception {
        Report r = new Evaluator(rules).evaluate(TenantLoader.load(tenant), TestRules.AS_OF);
        return r.signIns().stream().filter(s -> s.id().equals("s-fed-portal")).findFirst().orElseThrow();
    }

    private static io.github.mfaeval.result.UserVerdict user(Report r, String upn) {
        return r.users().stream().filter(u -> upn.equals(u.userPrincipalName())).findFirst().orElseThrow();
    }
}
