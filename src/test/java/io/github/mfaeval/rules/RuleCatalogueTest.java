package io.github.mfaeval.rules;

import io.github.mfaeval.TestRules;
import io.github.mfaeval.engine.RuleBase;
import io.github.mfaeval.engine.RuleInfo;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Meta-tests over the whole rule catalogue of rules/: each lists every offender at once. */
class RuleCatalogueTest {
    private static final Path SOURCE = TestRules.PROJECT.resolve("docs/source/mandatory-mfa-azure-admin-portals.md");

    static Set<String> sourceHeadings() throws Exception {
        Set<String> headings = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^#{2,4}\\s+(.+?)\\s*$").matcher(Files.readString(SOURCE));
        while (m.find()) headings.add(m.group(1).trim());
        return headings;
    }

    @Test
    void theRulesBuildWithoutErrorsOrWarnings() {
        RuleBase base = TestRules.base();
        assertTrue(base.warnings().isEmpty(), "warnings: " + base.warnings());
        assertTrue(base.catalogue().size() > 60, "catalogue has " + base.catalogue().size() + " rules");
    }

    @Test
    void everyRuleCitesAHeadingOfTheSourceDocument() throws Exception {
        Set<String> headings = sourceHeadings();
        List<String> offenders = new ArrayList<>();
        for (RuleInfo r : TestRules.base().catalogue().values()) {
            if (!headings.contains(r.section())) offenders.add(r.id() + " (" + r.file() + "): @section(" + r.section() + ")");
        }
        assertTrue(offenders.isEmpty(), "sections that are not headings of the source " + headings + ":\n  " + String.join("\n  ", offenders));
    }

    @Test
    void everyRuleHasItsMetadataAndAFile() {
        List<String> offenders = new ArrayList<>();
        for (RuleInfo r : TestRules.base().catalogue().values()) {
            if (r.id() == null || r.section() == null || r.severity() == null) offenders.add(r.toString());
            if (r.file() == null) offenders.add(r.id() + ": no source file found");
            if (!r.id().matches("MM-[A-Z]+-\\d{3}")) offenders.add(r.id() + ": ids look like MM-AREA-000");
        }
        assertTrue(offenders.isEmpty(), String.join("\n", offenders));
    }


    private static RuleBuildException buildFails(Path rules) {
        return assertThrows(RuleBuildException.class, () -> RuleBaseBuilder.build(RuleFiles.fromDirectory(rules)));
    }

    /** A copy of rules/ with one text replaced in one file. */
    private static Path editedRules(Path tmp, String file, String from, String to) throws Exception {
        Path rules = TestRules.copyOfRules(tmp);
        Path f = rules.resolve(file);
        String text = Files.readString(f);
        assertTrue(text.contains(from), file + " no longer contains " + from);
        Files.writeString(f, text.replace(from, to));
        return rules;
    }

    @Test
    void aRuleWithoutSectionIsRefusedWithItsFile(@TempDir Path tmp) throws Exception {
        Path rules = editedRules(tmp, "tenant/manifest.drl", "@id(MM-TEN-001) @section(\"faq:test-only-tenant\")", "@id(MM-TEN-001)");
        RuleBuildException e = buildFails(rules);
        assertTrue(e.getProblems().stream().anyMatch(p -> p.file().equals("tenant/manifest.drl") && p.message().contains("lacks @section")), e.getMessage());
    }

    @Test
    void aReusedIdIsRefusedNamingBothRules(@TempDir Path tmp) throws Exception {
        Path rules = editedRules(tmp, "tenant/manifest.drl", "@id(MM-TEN-002)", "@id(MM-TEN-001)");
        RuleBuildException e = buildFails(rules);
        assertTrue(e.getMessage().contains("MM-TEN-001 is used twice"), e.getMessage());
    }

    @Test
    void aSyntaxErrorIsReportedWithFileAndLine(@TempDir Path tmp) throws Exception {
        Path rules = TestRules.copyOfRules(tmp);
        Path drl = rules.resolve("tenant/manifest.drl");
        List<String> lines = new ArrayList<>(Files.readAllLines(drl));
        int at = lines.indexOf("    $t : Tenant( testTenant )");
        lines.set(at, "    $t : Tenant( testTenant ");
        Files.write(drl, lines);
        RuleBuildException e = buildFails(rules);
        RuleProblem p = e.getProblems().get(0);
        assertEquals("tenant/manifest.drl", p.file(), e.getMessage());
        assertTrue(p.line() >= at && p.line() <= at + 3, "line " + p.line() + " near " + (at + 1) + ": " + e.getMessage());
    }

    @Test
    void aDecisionTableWithTheWrongFileNameIsNotSilentlyIgnored(@TempDir Path tmp) throws Exception {
        Path rules = TestRules.copyOfRules(tmp);
        Files.move(rules.resolve("reference/applications.drl.csv"), rules.resolve("reference/applications.csv"));
        RuleBuildException e = buildFails(rules);
        assertTrue(e.getMessage().contains("reference/applications.csv: decision table not recognised"), e.getMessage());
    }

    @Test
    void aTypeErrorWithoutALineIsLocatedToItsFile(@TempDir Path tmp) throws Exception {
        Path rules = editedRules(tmp, "user/notification.drl", "!hasMail", "!hasEmailAddress");
        RuleBuildException e = buildFails(rules);
        assertTrue(e.getProblems().stream().anyMatch(p -> p.file().equals("user/notification.drl") && p.error()), e.getMessage());
    }
}
