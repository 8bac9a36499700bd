package io.github.mfaeval.scenario;

import io.github.mfaeval.TestRules;
import io.github.mfaeval.engine.Evaluator;
import io.github.mfaeval.engine.RuleBase;
import io.github.mfaeval.rules.RuleBaseBuilder;
import io.github.mfaeval.rules.RuleBuildException;
import io.github.mfaeval.rules.RuleFiles;
import io.github.mfaeval.engine.RuleProblem;
import io.github.mfaeval.rules.TableSheet;
import io.github.mfaeval.load.TenantLoader;
import io.github.mfaeval.result.Report;
import io.github.mfaeval.result.SignInVerdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A compliance author's round trip (docs/rules-authoring.md), on a copy of rules/: each step ends in green
 * verdicts or in a plain message at the right row or line.
 */
class AuthorRoundTripTest {
    private static final String EXCHANGE = "00000002-0000-0ff1-ce00-000000000000";
    private static final String NEW_ROW = "\"Exchange Online (added by an author)\",\"MM-APP-099\",\"Applications\",\"true\",\""
            + EXCHANGE + "\",\"Exchange Online\",\"2\"\n";

    private static SignInVerdict exchange(RuleBase rules) throws Exception {
        Report r = new Evaluator(rules).evaluate(TenantLoader.load(TestRules.EXAMPLES.resolve("contoso-ready")), TestRules.AS_OF);
        return r.signIns().stream().filter(s -> EXCHANGE.equals(s.appId())).findFirst().orElseThrow();
    }

    private static List<String> problems(Path rules) throws Exception {
        try {
            RuleBaseBuilder.build(RuleFiles.fromDirectory(rules));
            return fail("built");
        } catch (RuleBuildException e) {
            return e.getProblems().stream().map(RuleProblem::toString).toList();
        }
    }

    @Test
    void addAnApplicationInTheCsvAndInTheXlsx(@TempDir Path tmp) throws Exception {
        Path rules = TestRules.copyOfRules(tmp.resolve("csv"));
        Path apps = rules.resolve("reference/applications.drl.csv");
        Files.writeString(apps, Files.readString(apps) + NEW_ROW);
        SignInVerdict s = exchange(RuleBaseBuilder.build(RuleFiles.fromDirectory(rules)));
        assertTrue(s.inScope());
        assertTrue(s.rules().contains("MM-APP-099"), s.rules().toString());

        // The same table as a workbook, as a compliance team would keep it: same rows, same verdict.
        List<List<String>> rows = new ArrayList<>();
        for (TableSheet.Line l : TableSheet.read(apps.toString(), Files.readAllBytes(apps))) rows.add(l.cells());
        Files.write(rules.resolve("reference/applications.drl.xlsx"), TableSheet.toWorkbook(rows, "Applications"));
        Files.delete(apps);
        SignInVerdict fromXlsx = exchange(RuleBaseBuilder.build(RuleFiles.fromDirectory(rules)));
        assertEquals(s, fromXlsx);
    }

    @Test
    void moveAPhaseDate(@TempDir Path tmp) throws Exception {
        Path rules = TestRules.copyOfRules(tmp);
        Path schedule = rules.resolve("reference/schedule.drl.csv");
        Files.writeString(schedule, Files.readString(schedule).replace("\"2\",\"2025-01-01\"", "\"2\",\"2025-11-15\""));
        Report r = new Evaluator(RuleBaseBuilder.build(RuleFiles.fromDirectory(rules)))
                .evaluate(TenantLoader.load(TestRules.PROJECT.resolve("test-scenarios/base")), TestRules.AS_OF);
        assertEquals("2025-11-15", r.schedule().get(1).start().toString());
    }

    @Test
    void aWrongValueAndAMisspeltFieldAreNamedWhereTheyAre(@TempDir Path tmp) throws Exception {
        Path rules = TestRules.copyOfRules(tmp);
        Path apps = rules.resolve("reference/applications.drl.csv");
        Files.writeString(apps, Files.readString(apps) + NEW_ROW.replace(",\"2\"\n", ",\"two\"\n"));
        List<String> p = problems(rules);
        assertEquals(List.of("reference/applications.drl.csv: row 12, column G \"Phase\": \"two\" is not a whole number"),
                p.stream().map(x -> x.replace(rules + "/", "")).distinct().toList().subList(0, 1));

        Files.writeString(apps, Files.readString(apps).replace(",\"two\"\n", ",\"2\"\n"));
        Path drl = rules.resolve("tenant/manifest.drl");
        Files.writeString(drl, Files.readString(drl).replace("$t : Tenant( testTenant )", "$t : Tenant( testTenat )"));
        assertTrue(problems(rules).contains(
                "tenant/manifest.drl:12:18: Tenant has no field \"testTenat\" (did you mean \"testTenant\"?) in: \"$t : Tenant( testTenat )\""),
                problems(rules).toString());
    }

    @Test
    void tablesSavedFromASpreadsheetKeepEveryScenarioGreen(@TempDir Path tmp) throws Exception {
        Path rules = TestRules.copyOfRules(tmp);
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        try (Stream<Path> walk = Files.walk(rules)) {
            for (Path t : walk.filter(p -> p.toString().endsWith(".drl.csv")).toList()) {
                // Excel's "CSV UTF-8": byte order mark, CRLF, booleans in capitals, a blank row at the end.
                String text = Files.readString(t).replace("\"true\"", "TRUE").replace("\"false\"", "FALSE").replace("\n", "\r\n") + "\r\n,,,\r\n";
                byte[] body = text.getBytes(StandardCharsets.UTF_8);
                byte[] saved = new byte[body.length + 3];
                System.arraycopy(bom, 0, saved, 0, 3);
                System.arraycopy(body, 0, saved, 3, body.length);
                Files.write(t, saved);
            }
        }
        RuleBase saved = RuleBaseBuilder.build(RuleFiles.fromDirectory(rules));
        assertEquals(TestRules.base().catalogue(), saved.catalogue());
        List<CaseResult> results = new ScenarioRunner(saved, ScenarioTest.DIR).runAll(ScenarioFiles.load(ScenarioTest.DIR));
        List<String> failed = results.stream().filter(r -> !r.passed()).map(r -> r.location() + " " + r.failures()).toList();
        assertEquals(List.of(), failed);
    }
}
