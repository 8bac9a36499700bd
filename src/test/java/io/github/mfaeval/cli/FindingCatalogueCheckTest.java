package io.github.mfaeval.cli;

import io.github.mfaeval.TestRules;
import io.github.mfaeval.engine.FindingCatalogue;
import io.github.mfaeval.rules.FindingRaises;
import io.github.mfaeval.rules.FindingsTable;
import io.github.mfaeval.rules.RuleFiles;
import io.github.mfaeval.engine.RuleProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.mfaeval.model.Severity;
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
        assertEquals(List.of(), FindingRaises.check(RuleFiles.fromDirectory(TestRules.RULES)));
    }

    @Test
    void aMisspeltFindingCodeFailsRulesCheckWithTheCodeMeant(@TempDir Path tmp) throws Exception {
        Path rules = TestRules.copyOfRules(tmp.resolve("rules"));
        Path drl = rules.resolve("tenant/manifest.drl");
        Files.writeString(drl, Files.readString(drl).replace("findings.raise(\"TEST_TENANT_NOT_EXEMPT\"", "findings.raise(\"TEST_TENANT_NOT_EXEMTP\""));
        CliTest.Run r = CliTest.run("rules", "check", rules.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("tenant/manifest.drl:14:21: finding code TEST_TENANT_NOT_EXEMTP is not in findings.csv"
                + " (did you mean \"TEST_TENANT_NOT_EXEMPT\"?)"), r.err());
    }

    @Test
    void aCatalogueEntryNoRuleRaisesFailsRulesCheck(@TempDir Path tmp) throws Exception {
        Path rules = TestRules.copyOfRules(tmp.resolve("rules"));
        Path catalogue = rules.resolve("findings.csv");
        Files.writeString(catalogue, Files.readString(catalogue) + "\"NO_SUCH_FINDING\",\"\",\"INFO\",\"Nothing\",\"Accounts\",\"\",\"\",\"Nothing happened.\"\n");
        List<RuleProblem> problems = FindingRaises.check(RuleFiles.fromDirectory(rules));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).toString().matches("findings\\.csv: row \\d+: NO_SUCH_FINDING is raised by no rule of any edition.*"), problems.toString());
    }

    @Test
    void aCodeThatCanRequireActionWithoutAnActionFailsRulesCheck(@TempDir Path tmp) throws Exception {
        Path rules = TestRules.copyOfRules(tmp.resolve("rules"));
        Path catalogue = rules.resolve("findings.csv");
        String text = Files.readString(catalogue);
        java.util.regex.Matcher row = Pattern.compile("(?m)^\"ARM_WRITE_WITHOUT_MFA\",\"enforced\",.*,\"make-arm-writes-with-mfa\"").matcher(text);
        assertTrue(row.find(), "the ARM_WRITE_WITHOUT_MFA row");
        long rowNumber = text.substring(0, row.start()).lines().count() + 1;
        Files.writeString(catalogue, text.replace("\"make-arm-writes-with-mfa\"", "\"\""));
        CliTest.Run r = CliTest.run("rules", "check", rules.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("findings.csv: row " + rowNumber + ", column I \"Action\": ARM_WRITE_WITHOUT_MFA can require action (HIGH)"
                + " but names no action: give it the id of the action that fixes it (such as "), r.err());
        assertTrue(r.err().contains("), or a new id with a Title and a Remediation saying what the administrator does"), r.err());
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
        FindingCatalogue c = FindingsTable.read("findings.csv", Files.readAllBytes(TestRules.RULES.resolve("findings.csv")), problems);
        assertEquals(List.of(), problems);
        for (FindingCatalogue.Entry e : c.entries().values()) {
            assertTrue(!e.title().isEmpty() && !e.source().isEmpty(), e.code());
            for (String s : e.source().split(";\\s*")) {
                if (s.startsWith("faq:")) assertTrue(ids.contains(s.substring(4)), e.code() + " cites unknown FAQ " + s);
                assertTrue(!s.equals("FAQs"), e.code() + " cites the generic FAQs heading: name the FAQ by its id");
            }
        }
    }
    private static List<String> built(Path rules) throws Exception {
        try {
            io.github.mfaeval.rules.RuleBaseBuilder.build(RuleFiles.fromDirectory(rules));
            return List.of();
        } catch (io.github.mfaeval.rules.RuleBuildException e) {
            return e.getProblems().stream().map(RuleProblem::toString).toList();
        }
    }

    @Test
    void aPlaceholderTheRaiseDoesNotGiveFailsTheBuildAtTheRaise(@TempDir Path tmp) throws Exception {
        Path rules = TestRules.copyOfRules(tmp.resolve("rules"));
        Path drl = rules.resolve("user/readiness.drl");
        Files.writeString(drl, Files.readString(drl).replace("findings.raise(\"NO_MFA_METHOD\", $u,\n        \"user\", $u.getUserPrincipalName());",
                "findings.raise(\"NO_MFA_METHOD\", $u);"));
        List<String> problems = built(rules);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).matches("user/readiness\\.drl:\\d+:21: finding NO_MFA_METHOD: the message \\(findings\\.csv, row \\d+\\)"
                + " needs \\{user}, which this raise does not give"), problems.toString());
        // rules check says it once per edition that builds the file (both share it), not again for the catalogue
        CliTest.Run r = CliTest.run("rules", "check", rules.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals(2, r.err().split("finding NO_MFA_METHOD: the message", -1).length - 1, r.err());
    }

    @Test
    void aNameTheMessageHasNoPlaceholderForFailsWithTheNameMeant(@TempDir Path tmp) throws Exception {
        Path rules = TestRules.copyOfRules(tmp.resolve("rules"));
        Path catalogue = rules.resolve("findings.csv");
        Files.writeString(catalogue, Files.readString(catalogue).replace("\"{user} has no usable MFA method.", "\"{users} has no usable MFA method."));
        List<String> problems = built(rules);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("finding NO_MFA_METHOD: the message (findings.csv, row "), problems.toString());
        assertTrue(problems.get(0).endsWith("needs {users}, which this raise does not give; this raise gives user, which the message"
                + " (findings.csv, row " + problems.get(0).replaceAll(".*row (\\d+)\\).*", "$1") + ") has no placeholder for (did you mean \"users\"?)"),
                problems.toString());
    }

    @Test
    void aMisspeltVariantIsNamedWithTheVariantMeant(@TempDir Path tmp) throws Exception {
        Path rules = TestRules.copyOfRules(tmp.resolve("rules"));
        Path drl = rules.resolve("tenant/postponement.drl");
        Files.writeString(drl, Files.readString(drl).replace("POSTPONEMENT_INVALID/not-global-admin", "POSTPONEMENT_INVALID/not-global-admn"));
        List<String> problems = built(rules);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).matches("tenant/postponement\\.drl:\\d+:\\d+: finding POSTPONEMENT_INVALID/not-global-admn has no message in"
                + " findings\\.csv \\(did you mean \"POSTPONEMENT_INVALID/not-global-admin\"\\?\\).*"), problems.toString());
        // and the row of the variant no rule raises any more is named too
        List<RuleProblem> check = FindingRaises.check(RuleFiles.fromDirectory(rules));
        assertTrue(check.stream().anyMatch(p -> p.toString().matches(
                "findings\\.csv: row \\d+: POSTPONEMENT_INVALID/not-global-admin is raised by no rule of any edition.*")), check.toString());
    }

    @Test
    void aFindingHasTheSeverityOfItsRowOrElseOfItsCode() throws Exception {
        List<RuleProblem> problems = new ArrayList<>();
        FindingCatalogue c = FindingsTable.read("findings.csv", Files.readAllBytes(TestRules.RULES.resolve("findings.csv")), problems);
        assertEquals(List.of(), problems);
        assertEquals(Severity.MEDIUM, c.message("NOT_COVERED").severity());
        assertEquals(Severity.LOW, c.message("NOT_COVERED/already-does-mfa").severity(), "a variant row with its own severity");
        assertEquals(Severity.HIGH, c.message("POSTPONEMENT_INVALID/phase-2-not-global-admin").severity(), "a variant row left blank");
    }

    @Test
    void aSeverityTheRuleDoesNotShareFailsTheBuildAtTheRaise(@TempDir Path tmp) throws Exception {
        Path rules = TestRules.copyOfRules(tmp.resolve("rules"));
        Path catalogue = rules.resolve("findings.csv");
        String text = Files.readString(catalogue);
        String row = text.lines().filter(l -> l.startsWith("\"NO_MFA_METHOD\",\"\",\"MEDIUM\"")).findFirst().orElseThrow();
        Files.writeString(catalogue, text.replace(row, row.replace("\"NO_MFA_METHOD\",\"\",\"MEDIUM\"", "\"NO_MFA_METHOD\",\"\",\"high\"")));
        List<String> problems = built(rules);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).matches("user/readiness\\.drl:\\d+:21: finding NO_MFA_METHOD is HIGH in findings\\.csv \\(row \\d+\\),"
                + " but rule MM-USR-\\d+ raising it has @severity\\(MEDIUM\\): give them the same severity"), problems.toString());
    }

    @Test
    void aSeverityThatIsNotOneIsNamedAtItsCell(@TempDir Path tmp) throws Exception {
        Path rules = TestRules.copyOfRules(tmp.resolve("rules"));
        Path catalogue = rules.resolve("findings.csv");
        String text = Files.readString(catalogue);
        Files.writeString(catalogue, text.replace("\"NO_MFA_METHOD\",\"\",\"MEDIUM\"", "\"NO_MFA_METHOD\",\"\",\"MEDUIM\""));
        List<RuleProblem> problems = FindingRaises.check(RuleFiles.fromDirectory(rules));
        assertTrue(problems.stream().anyMatch(p -> p.toString().matches("findings\\.csv: row \\d+, column C \"Severity\": \"MEDUIM\" is not a severity"
                + " \\(did you mean \"MEDIUM\"\\?\\); use one of \\[HIGH, MEDIUM, LOW, INFO]")), problems.toString());
    }

    @Test
    void everyMessageIsRenderedFromItsTemplate() throws Exception {
        List<RuleProblem> problems = new ArrayList<>();
        FindingCatalogue c = FindingsTable.read("findings.csv", Files.readAllBytes(TestRules.RULES.resolve("findings.csv")), problems);
        FindingCatalogue.Message m = c.message("UNSATISFIED_SIGN_INS");
        assertEquals(List.of("user", "times"), m.placeholders());
        assertEquals("bob@contoso.example signed in 3 time(s) to a listed application without MFA (\"stay signed in\" does not count)."
                + " Under enforcement each is challenged for MFA.", m.render(java.util.Map.of("user", "bob@contoso.example", "times", 3)));
        // no rule file writes a message: every finding is raised by key
        try (Stream<Path> walk = Files.walk(TestRules.RULES)) {
            for (Path f : walk.filter(p -> p.toString().endsWith(".drl")).toList()) {
                String text = Files.readString(f);
                assertTrue(!text.matches("(?s).*findings\\s*\\.\\s*(add|user)\\s*\\(.*"), f + " still writes a message");
            }
        }
    }
}
