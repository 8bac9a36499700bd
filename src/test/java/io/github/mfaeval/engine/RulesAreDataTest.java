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
}
