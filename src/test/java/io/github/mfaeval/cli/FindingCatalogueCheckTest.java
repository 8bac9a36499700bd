package io.github.mfaeval.cli;

import io.github.mfaeval.TestRules;
import io.github.mfaeval.engine.FindingCatalogue;
import io.github.mfaeval.engine.RuleFiles;
import io.github.mfaeval.engine.RuleProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** rules/findings.csv and the rules hold each other to account: rules check fails on a code either side lacks. */
class FindingCatalogueCheckTest {
    @Test
    void theShippedCatalogueAndRulesAgree() throws Exception {
        assertEquals(List.of(), FindingCatalogue.check(RuleFiles.fromDirectory(TestRules.RULES)));
    }

    @Test
    void aMisspeltFindingCodeFailsRulesCheckWithTheCodeMeant(@TempDir Path tmp) throws Exception {
        Path rules = TestRules.copyOfRules(tmp.resolve("rules"));
        Path drl = rules.resolve("tenant/manifest.drl");
        Files.writeString(drl, Files.readString(drl).replace("findings.add(\"TEST_TENANT_NOT_EXEMPT\"", "findings.add(\"TEST_TENANT_NOT_EXEMTP\""));
        CliTest.Run r = CliTest.run("rules", "check", rules.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("tenant/manifest.drl:14:19: finding code TEST_TENANT_NOT_EXEMTP is not in findings.csv"
                + " (did you mean \"TEST_TENANT_NOT_EXEMPT\"?)"), r.err());
    }

    @Test
    void aCatalogueEntryNoRuleRaisesFailsRulesCheck(@TempDir Path tmp) throws Exception {
        Path rules = TestRules.copyOfRules(tmp.resolve("rules"));
        Path catalogue = rules.resolve("findings.csv");
        Files.writeString(catalogue, Files.readString(catalogue) + "\"NO_SUCH_FINDING\",\"Nothing\",\"Accounts\",\"\",\"\"\n");
        List<RuleProblem> problems = FindingCatalogue.check(RuleFiles.fromDirectory(rules));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).toString().matches("findings\\.csv: row \\d+: NO_SUCH_FINDING is raised by no rule of any edition.*"), problems.toString());
    }

    @Test
    void everyFaqTheCatalogueCitesIsAnFaqOfTheSource() throws Exception {
        Set<String> ids = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(TestRules.PROJECT.resolve("test-scenarios"))) {
            for (Path f : walk.filter(p -> p.getFileName().toString().equals("faqs.yaml")).toList()) {
                Matcher m = Pattern.compile("(?m)^\\s*-\\s*id:\\s*(\\S+)").matcher(Files.readString(f));
                while (m.find()) ids.add(m.group(1));
            }
        }
        List<RuleProblem> problems = new ArrayList<>();
        FindingCatalogue c = FindingCatalogue.read("findings.csv", Files.readAllBytes(TestRules.RULES.resolve("findings.csv")), problems);
        assertEquals(List.of(), problems);
        for (FindingCatalogue.Entry e : c.entries().values()) {
            assertTrue(!e.title().isEmpty() && !e.source().isEmpty(), e.code());
            for (String s : e.source().split(";\\s*")) {
                if (s.startsWith("faq:")) assertTrue(ids.contains(s.substring(4)), e.code() + " cites unknown FAQ " + s);
                assertTrue(!s.equals("FAQs"), e.code() + " cites the generic FAQs heading: name the FAQ by its id");
            }
        }
    }
}
