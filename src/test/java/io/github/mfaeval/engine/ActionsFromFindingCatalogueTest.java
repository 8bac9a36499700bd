package io.github.mfaeval.engine;

import io.github.mfaeval.rules.RuleBaseBuilder;
import io.github.mfaeval.rules.FindingRaises;
import io.github.mfaeval.rules.RuleFiles;
import io.github.mfaeval.TestRules;
import io.github.mfaeval.load.TenantLoader;
import io.github.mfaeval.result.Action;
import io.github.mfaeval.result.ActionCatalogue;
import io.github.mfaeval.result.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The actions of reports (title and what to do per finding code) come from the rules' findings catalogue, written
 * once per action: an edit of findings.csv changes the reports, and no other file holds the words.
 */
class ActionsFromFindingCatalogueTest {
    private static final String REGISTER = "These users have no usable MFA method.";

    @Test
    void theRulesCatalogueAndThePackagedOneGiveTheSameActions() {
        ActionCatalogue rules = TestRules.base().actionCatalogue();
        ActionCatalogue packaged = ActionCatalogue.packaged();
        for (String code : TestRules.base().findingCatalogue().entries().keySet()) {
            assertEquals(rules.of(code, "m"), packaged.of(code, "m"), code);
        }
        ActionCatalogue.Entry policy = rules.of("NOT_COVERED", "m");
        assertEquals("require-mfa-policy", policy.id());
        assertEquals(List.of("NO_MFA_POLICY", "NOT_COVERED"), policy.codes());
        assertEquals(policy, rules.of("NO_MFA_POLICY", "m"));
        assertTrue(policy.whatToDo().startsWith("Create a Conditional Access policy requiring MFA"), policy.whatToDo());
        // every code that can require action has an action of the catalogue, titled and described in words (issue 27)
        for (String code : List.of("ARM_WRITE_WITHOUT_MFA", "PHASE2_WRITES_UNKNOWN", "GROUP_MEMBERSHIP_UNKNOWN", "GUEST_HOME_MFA_TRUST_UNKNOWN")) {
            ActionCatalogue.Entry e = rules.of(code, "one user's message");
            assertTrue(rules.knows(code), code);
            assertFalse(e.title().contains(code) || e.title().startsWith("Resolve "), e.title());
            assertFalse(e.whatToDo().equals("one user's message"), code);
        }
        assertEquals("Make Azure Resource Manager writes with MFA, or from workload identities", rules.of("ARM_WRITE_WITHOUT_MFA", "m").title());
        assertEquals("Export the missing files and evaluate again", rules.of("PHASE2_WRITES_UNKNOWN", "m").title());
        // a code these rules do not know (a report read back) is still never titled by its raw code nor described by one message
        ActionCatalogue.Entry unknown = rules.of("SOMETHING_NEW", "one user's message");
        assertEquals("Review findings these rules have no action for", unknown.title());
        assertTrue(unknown.whatToDo().startsWith("The rules' findings catalogue names no action for these findings"), unknown.whatToDo());
    }

    @Test
    void anAuthorRewordsAnActionInFindingsCsvAndTheReportFollows(@TempDir Path tmp) throws Exception {
        Path rules = TestRules.copyOfRules(tmp);
        Path catalogue = rules.resolve("findings.csv");
        String text = Files.readString(catalogue);
        assertTrue(text.contains(REGISTER));
        Files.writeString(catalogue, text.replace(REGISTER, "Nobody here has an MFA method yet."));
        RuleBase built = RuleBaseBuilder.build(RuleFiles.fromDirectory(rules));
        Report r = new Evaluator(built).evaluate(TenantLoader.load(TestRules.EXAMPLES.resolve("fabrikam-gaps")), TestRules.AS_OF);
        Action register = r.actions().stream().filter(a -> a.id().equals("register-mfa-methods")).findFirst().orElseThrow();
        assertTrue(register.whatToDo().startsWith("Nobody here has an MFA method yet."), register.whatToDo());
    }

    @Test
    void whatToDoIsWrittenOncePerAction(@TempDir Path tmp) throws Exception {
        Path rules = TestRules.copyOfRules(tmp);
        Path catalogue = rules.resolve("findings.csv");
        // NOT_COVERED shares require-mfa-policy with NO_MFA_POLICY, which says what to do: a second text is refused.
        List<String> lines = new ArrayList<>(Files.readAllLines(catalogue));
        int row = -1;
        int first = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("\"NOT_COVERED\",\"\",")) row = i;
            if (first < 0 && lines.get(i).startsWith("\"NO_MFA_POLICY\",")) first = i;
        }
        String[] cells = lines.get(row).split("\",\"", -1);
        cells[5] = "Cover every user.";
        lines.set(row, String.join("\",\"", cells));
        Files.write(catalogue, lines);
        List<RuleProblem> problems = FindingRaises.check(RuleFiles.fromDirectory(rules));
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("findings.csv: row " + (row + 1) + ", column F \"Remediation\": NOT_COVERED shares action require-mfa-policy with"
                + " NO_MFA_POLICY (row " + (first + 1) + "), which says what to do: leave this one blank", problems.get(0).toString());
    }
}
