package io.github.mfaeval.scenario;

import io.github.mfaeval.TestRules;
import io.github.mfaeval.rules.RuleFiles;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The FAQ and rule-section scenarios of test-scenarios/, one JUnit test per case, through the real loader
 * and the real rules; and the coverage they must reach.
 */
class ScenarioTest {
    static final Path DIR = TestRules.PROJECT.resolve("test-scenarios");

    private static List<Scenario> scenarios;
    private static List<CaseResult> results;

    static synchronized List<CaseResult> results() throws Exception {
        if (results == null) {
            scenarios = ScenarioFiles.load(DIR);
            results = new ScenarioRunner(TestRules.base(), DIR).runAll(scenarios);
        }
        return results;
    }

    @TestFactory
    List<DynamicNode> scenarios() throws Exception {
        List<DynamicNode> files = new ArrayList<>();
        Scenario current = null;
        List<DynamicTest> tests = new ArrayList<>();
        for (CaseResult r : results()) {
            if (r.scenario() != current) {
                if (current != null) files.add(container(current, tests));
                current = r.scenario();
                tests = new ArrayList<>();
            }
            // No test-source URI: Surefire silently drops dynamic tests that carry a file source.
            tests.add(DynamicTest.dynamicTest(r.testCase().name(), () -> {
                if (!r.passed()) {
                    fail(r.location() + " (" + r.scenario().label() + " / " + r.testCase().name() + "):\n  "
                            + String.join("\n  ", r.failures()));
                }
            }));
        }
        if (current != null) files.add(container(current, tests));
        return files;
    }

    private static DynamicContainer container(Scenario s, List<DynamicTest> tests) {
        return DynamicContainer.dynamicContainer(s.file().getFileName() + ": " + s.title(), tests.stream());
    }

    @Test
    void coverageIsComplete() throws Exception {
        results();
        Map<String, String> faqs = Faqs.load(DIR);
        assertTrue(faqs.size() >= 12, "faqs.yaml lists the source's FAQ entries");
        List<String> offenders = Coverage.offenders(scenarios, results, TestRules.base().catalogue(), faqs,
                Coverage.findingCodes(RuleFiles.fromDirectory(TestRules.RULES)));
        assertTrue(offenders.isEmpty(), "coverage incomplete:\n  " + String.join("\n  ", offenders));
    }

    @Test
    void everyScenarioFileIsNamedAfterTheFaqOrSectionItProves() throws Exception {
        List<String> misnamed = new ScenarioSuite(DIR, null).misnamed(new ScenarioSuite(DIR, null).scenarios());
        assertTrue(misnamed.isEmpty(), "misnamed scenario files:\n  " + String.join("\n  ", misnamed));
    }

    @Test
    void aFileNamedAfterSomethingElseIsListedWithTheNameItShouldHave(@TempDir Path dir) throws Exception {
        Files.copy(DIR.resolve("faq-opt-out.yaml"), dir.resolve("opt-out.yaml"));
        Files.copy(DIR.resolve("section-notification-channels.yaml"), dir.resolve("section-notification.yaml"));
        Files.copy(DIR.resolve("section-accounts.yaml"), dir.resolve("section-accounts-sync.yaml"));
        ScenarioSuite suite = new ScenarioSuite(dir, null);
        List<String> misnamed = suite.misnamed(suite.scenarios());
        assertEquals(List.of(
                "opt-out.yaml proves FAQ opt-out: name it faq-opt-out.yaml (or faq-opt-out-TOPIC, with the same extension), so that it is found under what it proves",
                "section-notification.yaml proves section Notification channels: name it section-notification-channels.yaml (or section-notification-channels-TOPIC, with the same extension), so that it is found under what it proves"),
                misnamed);
    }

    @Test
    void removingTheOnlyCaseThatShowsARuleFiringFailsCoverageWithThatRulesId() throws Exception {
        results();
        String rule = "MM-TEN-002";
        List<CaseResult> firing = results.stream().filter(r -> r.fired().contains(rule)).toList();
        assertTrue(firing.size() == 1, rule + " is shown firing by " + firing.size() + " cases; pick a rule shown by one");
        List<CaseResult> without = results.stream().filter(r -> r != firing.get(0)).toList();
        List<Scenario> trimmed = scenarios.stream().map(s -> new Scenario(s.file(), s.title(), s.faq(), s.section(), s.answer(),
                s.cases().stream().filter(c -> c != firing.get(0).testCase()).toList())).toList();
        List<String> offenders = Coverage.offenders(trimmed, without, TestRules.base().catalogue(), Faqs.load(DIR),
                Coverage.findingCodes(RuleFiles.fromDirectory(TestRules.RULES)));
        assertTrue(offenders.stream().anyMatch(o -> o.startsWith("rule " + rule + " ") && o.contains("fires in no case")), offenders.toString());
        assertTrue(offenders.stream().anyMatch(o -> o.contains("OPT_OUT_NOT_AVAILABLE")), "its finding code is no longer expected: " + offenders);
    }

    @Test
    void atLeastSixtyCases() throws Exception {
        assertTrue(results().size() >= 60, "only " + results().size() + " cases");
    }
}
