package io.github.mfaeval.rules;

import io.github.mfaeval.engine.RuleProblem;
import io.github.mfaeval.TestRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * An author's typo in a DRL file is reported at the author's line and column, quoted, in a sentence, with the
 * name they meant; never as generated Java.
 */
class DrlErrorsTest {
    @TempDir
    static Path tmp;
    private static Path pristine;
    private static int copies;

    @BeforeAll
    static void copy() throws Exception {
        pristine = TestRules.copyOfRules(tmp.resolve("pristine"));
    }

    /** The problems of the rules after one replacement in tenant/manifest.drl (the test-tenant rule, lines 9-17). */
    private static List<String> problemsAfter(String from, String to) throws Exception {
        return problemsAfter("tenant/manifest.drl", from, to);
    }

    /** The problems of the rules after one replacement in {@code file}. */
    private static List<String> problemsAfter(String file, String from, String to) throws Exception {
        Path rules = tmp.resolve("edit" + (++copies));
        try (var walk = Files.walk(pristine)) {
            for (Path p : walk.toList()) {
                Path target = rules.resolve(pristine.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
        Path drl = rules.resolve(file);
        String text = Files.readString(drl);
        if (!text.contains(from)) fail("the rule changed: " + from);
        Files.writeString(drl, text.replace(from, to));
        try {
            RuleBaseBuilder.build(RuleFiles.fromDirectory(rules).edition("2024-09-24"));
            return fail("built");
        } catch (RuleBuildException e) {
            List<String> problems = e.getProblems().stream().map(RuleProblem::toString).toList();
            for (String p : problems) assertFalse(p.contains(".java") || p.contains("Lambda"), "generated Java shown: " + p);
            return problems;
        }
    }

    @Test
    void anOverlayFileWithoutItsEndIsTheOnlyFileNamed() throws Exception {
        Path rules = tmp.resolve("edit" + (++copies));
        try (var walk = Files.walk(pristine)) {
            for (Path p : walk.toList()) {
                Path target = rules.resolve(pristine.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
        Path drl = rules.resolve("editions/2026-04-03/signin/arm-writes.drl");
        String text = Files.readString(drl);
        int last = text.lastIndexOf("end");
        Files.writeString(drl, text.substring(0, last) + text.substring(last + 3));
        RuleBuildException e = assertThrows(RuleBuildException.class,
                () -> RuleBaseBuilder.build(RuleFiles.fromDirectory(rules).edition("2026-04-03")));
        List<String> problems = e.getProblems().stream().filter(RuleProblem::error).map(RuleProblem::toString).toList();
        assertFalse(problems.isEmpty());
        for (String p : problems) {
            // the sound files of package user, built alone to locate the error, miss their package's functions: unsaid
            assertTrue(p.startsWith("signin/arm-writes.drl") || p.startsWith("editions/2026-04-03/signin/arm-writes.drl"), () -> "names another file: " + problems);
        }
    }

    @Test
    void aMisspeltFunctionIsShownAtItsCallWithTheFunctionMeantAndNothingElse() throws Exception {
        // user/review.drl defines reviewed(UserFact); other calls of the package's functions fail with it, unsaid
        List<String> problems = problemsAfter("user/coverage.drl", "$u : UserFact( reviewed(this), !perUserMfaOn(this), !provenMfa(this) )",
                "$u : UserFact( reviwed(this), !perUserMfaOn(this), !provenMfa(this) )");
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).matches("user/coverage\\.drl:\\d+:20: \"reviwed\" is neither a function of package user nor a method of UserFact"
                + " \\(did you mean \"reviewed\"\\?\\) in: \"\\$u : UserFact\\( reviwed\\(this\\), .*"), problems.get(0));
    }

    @Test
    void aMisspeltMethodInAFunctionIsShownAtItsLine() throws Exception {
        List<String> problems = problemsAfter("user/review.drl", "u.isPrivileged()", "u.isPriviledged()");
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).matches("user/review\\.drl:\\d+:\\d+: UserFact has no method isPriviledged\\(\\) \\(did you mean \"isPrivileged\"\\?\\) in: .*"),
                problems.get(0));
    }

    @Test
    void aMisspeltFieldIsShownAtItsLineWithTheFieldMeant() throws Exception {
        assertEquals(List.of("tenant/manifest.drl:12:18: Tenant has no field \"testTenat\" (did you mean \"testTenant\"?) in: \"$t : Tenant( testTenat )\""),
                problemsAfter("$t : Tenant( testTenant )", "$t : Tenant( testTenat )"));
    }

    @Test
    void aMisspeltMethodInAConsequenceIsShownAtTheAuthorsLine() throws Exception {
        assertEquals(List.of("tenant/manifest.drl:14:49: Tenant has no method getTenantID() (did you mean \"getTenantId\"?) in: "
                        + "\"findings.raise(\"TEST_TENANT_NOT_EXEMPT\", $t.getTenantID());\""),
                problemsAfter("findings.raise(\"TEST_TENANT_NOT_EXEMPT\", $t.getTenantId());", "findings.raise(\"TEST_TENANT_NOT_EXEMPT\", $t.getTenantID());"));
    }

    @Test
    void aMisspeltFactTypeIsShownWithTheTypeMeant() throws Exception {
        assertEquals(List.of("tenant/manifest.drl:12:10: unknown fact type \"Tenent\" (did you mean \"Tenant\"?) in: \"$t : Tenent( testTenant )\""),
                problemsAfter("$t : Tenant( testTenant )", "$t : Tenent( testTenant )"));
    }

    @Test
    void aMisspeltMethodOfTheFindingsGlobalIsShownWithTheMethodMeant() throws Exception {
        assertEquals(List.of("tenant/manifest.drl:14:14: FindingSink has no method rase(String, String) (did you mean \"raise\"?) in: "
                        + "\"findings.rase(\"TEST_TENANT_NOT_EXEMPT\", $t.getTenantId());\""),
                problemsAfter("findings.raise(\"TEST_TENANT_NOT_EXEMPT\", $t.getTenantId());", "findings.rase(\"TEST_TENANT_NOT_EXEMPT\", $t.getTenantId());"));
    }
}
