package io.github.mfaeval.engine;

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

    private static io.github.mfaeval.result.UserVerdict user(Report r, String upn) {
        return r.users().stream().filter(u -> upn.equals(u.userPrincipalName())).findFirst().orElseThrow();
    }
}
