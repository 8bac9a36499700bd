package io.github.mfaeval.scenario;

import io.github.mfaeval.TestRules;
import io.github.mfaeval.engine.RuleBase;
import io.github.mfaeval.rules.RuleFiles;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every edition of rules/ other than the base one against its own suite (test-scenarios/ with
 * test-scenarios/editions/ID/ laid over it), one JUnit test per case, and the coverage it must reach on its own.
 * The base edition is {@link ScenarioTest}'s.
 */
class EditionScenarioTest {
    private static final Map<String, List<CaseResult>> RESULTS = new LinkedHashMap<>();
    private static final Map<String, List<Scenario>> SCENARIOS = new LinkedHashMap<>();

    static List<String> laterEditions() {
        List<String> ids = TestRules.editions();
        return ids.subList(1, ids.size());
    }

    static synchronized List<CaseResult> results(String edition) throws Exception {
        if (!RESULTS.containsKey(edition)) {
            ScenarioSuite suite = new ScenarioSuite(ScenarioTest.DIR, edition);
            List<Scenario> scenarios = suite.scenarios();
            SCENARIOS.put(edition, scenarios);
            RESULTS.put(edition, new ScenarioRunner(TestRules.edition(edition), suite.bases()).runAll(scenarios));
        }
        return RESULTS.get(edition);
    }

    @Test
    void theRulesFolderHoldsBothEditionsAndTheLatestIsTheDefault() throws Exception {
        assertEquals(List.of("2024-09-24", "2026-04-03"), TestRules.editions());
        assertEquals("2026-04-03", RuleFiles.fromDirectory(TestRules.RULES).latest().edition().id());
    }

    @TestFactory
    List<DynamicNode> scenarios() throws Exception {
        List<DynamicNode> editions = new ArrayList<>();
        for (String edition : laterEditions()) {
            Map<Scenario, List<DynamicTest>> files = new LinkedHashMap<>();
            for (CaseResult r : results(edition)) {
                files.computeIfAbsent(r.scenario(), k -> new ArrayList<>()).add(DynamicTest.dynamicTest(r.testCase().name(), () -> {
                    if (!r.passed()) {
                        fail(r.location() + " (edition " + edition + ", " + r.scenario().label() + " / " + r.testCase().name() + "):\n  "
                                + String.join("\n  ", r.failures()));
                    }
                }));
            }
            List<DynamicNode> containers = new ArrayList<>();
            files.forEach((s, tests) -> containers.add(DynamicContainer.dynamicContainer(s.file().getFileName() + ": " + s.title(), tests.stream())));
            editions.add(DynamicContainer.dynamicContainer("edition " + edition, containers.stream()));
        }
        return editions;
    }

    @Test
    void coverageIsCompleteForEachEdition() throws Exception {
        for (String edition : laterEditions()) {
            List<CaseResult> results = results(edition);
            RuleBase rules = TestRules.edition(edition);
            ScenarioSuite suite = new ScenarioSuite(ScenarioTest.DIR, edition);
            List<String> offenders = Coverage.offenders(SCENARIOS.get(edition), results, rules.catalogue(), suite.faqs(),
                    Coverage.findingCodes(RuleFiles.fromDirectory(TestRules.RULES).edition(edition)));
            assertTrue(offenders.isEmpty(), "edition " + edition + ": coverage incomplete:\n  " + String.join("\n  ", offenders));
            List<String> misnamed = suite.misnamed(suite.scenarios());
            assertTrue(misnamed.isEmpty(), "edition " + edition + ": misnamed scenario files:\n  " + String.join("\n  ", misnamed));
        }
    }

    @Test
    void theNewEditionsFaqsAreProved() throws Exception {
        Map<String, String> faqs = new ScenarioSuite(ScenarioTest.DIR, "2026-04-03").faqs();
        for (String id : List.of("accounts-in-phase-2", "graph-out-of-scope", "account-exceptions", "sovereign-clouds", "azure-policy", "test-only-tenant")) {
            assertTrue(faqs.containsKey(id), id);
        }
    }
}
