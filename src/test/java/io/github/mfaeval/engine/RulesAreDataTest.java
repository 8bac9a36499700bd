package io.github.mfaeval.engine;

import io.github.mfaeval.rules.RuleBaseBuilder;
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

    private static SignInVerdict fedSignIn(RuleBase rules, Path tenant) throws Exception {
        Report r = new Evaluator(rules).evaluate(TenantLoader.load(tenant), TestRules.AS_OF);
        return r.signIns().stream().filter(s -> s.id().equals("s-fed-portal")).findFirst().orElseThrow();
    }

    private static io.github.mfaeval.result.UserVerdict user(Report r, String upn) {
        return r.users().stream().filter(u -> upn.equals(u.userPrincipalName())).findFirst().orElseThrow();
    }
}
