package io.github.mfaeval.scenario;

import io.github.mfaeval.TestRules;
import io.github.mfaeval.engine.RuleBase;
import io.github.mfaeval.rules.RuleBaseBuilder;
import io.github.mfaeval.rules.RuleFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A deliberately broken copy of the rules makes the scenarios fail, naming the case and its file. */
class BrokenRuleTest {


    @Test
    void aRuleThatNoLongerFiresFailsItsCases(@TempDir Path tmp) throws Exception {
        Path rules = TestRules.copyOfRules(tmp.resolve("rules"));
        Path drl = rules.resolve("tenant/manifest.drl");
        // The test-tenant rule now looks for the opposite flag: it never fires for a test tenant.
        Files.writeString(drl, Files.readString(drl).replace("$t : Tenant( testTenant )", "$t : Tenant( !testTenant, optOutRequested )"));
        RuleBase broken = RuleBaseBuilder.build(RuleFiles.fromDirectory(rules));
        List<Scenario> scenarios = ScenarioFiles.load(ScenarioTest.DIR);
        List<CaseResult> results = new ScenarioRunner(broken, ScenarioTest.DIR).runAll(scenarios);
        List<CaseResult> failed = results.stream().filter(r -> !r.passed()).toList();
        assertFalse(failed.isEmpty(), "the broken rule went unnoticed");
        assertTrue(failed.stream().anyMatch(r -> r.location().contains("faq-test-only-tenant.yaml:")
                        && r.testCase().name().contains("test-only is still evaluated")
                        && r.failures().stream().anyMatch(f -> f.contains("TEST_TENANT_NOT_EXEMPT"))),
                "the failure names the FAQ file, the case and the missing finding: " + failed.stream().map(r -> r.location() + " " + r.failures()).toList());
    }

    @Test
    void anApplicationRemovedFromTheTableTakesItsSignInsOutOfScope(@TempDir Path tmp) throws Exception {
        Path rules = TestRules.copyOfRules(tmp.resolve("rules"));
        Path table = rules.resolve("reference/applications.drl.csv");
        Files.writeString(table, Files.readString(table).replace("\"MM-APP-002\",\"Applications\",\"true\"",
                "\"MM-APP-002\",\"Applications\",\"false\""));
        RuleBase edited = RuleBaseBuilder.build(RuleFiles.fromDirectory(rules));
        List<Scenario> scenarios = ScenarioFiles.load(ScenarioTest.DIR);
        List<CaseResult> results = new ScenarioRunner(edited, ScenarioTest.DIR).runAll(scenarios);
        assertTrue(results.stream().anyMatch(r -> !r.passed() && r.location().contains("section-applications.yaml")
                && r.testCase().name().contains("Azure CLI")), "switching the Azure CLI row off shows in the applications scenario");
    }
}
