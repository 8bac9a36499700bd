package io.github.mfaeval.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.github.mfaeval.TestRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CLI as a user drives it: exit codes, files written, messages. */
class CliTest {
    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        cli.setExitCodeExceptionMapper(e -> Main.ERROR);
        String[] withRules = args;
        int code = cli.execute(withRules);
        return new Run(code, out.toString(), err.toString());
    }

    private static String tenant(String name) {
        return TestRules.EXAMPLES.resolve(name).toString();
    }

    @Test
    void exitCodesTellTheSchedulerWhatHappened(@TempDir Path tmp) {
        String rules = TestRules.RULES.toString();
        assertEquals(0, run("evaluate", tenant("contoso-ready"), "--as-of", "2025-11-28", "--rules", rules, "-o", tmp.resolve("a.txt").toString()).code());
        assertEquals(1, run("evaluate", tenant("fabrikam-gaps"), "--as-of", "2025-11-28", "--rules", rules, "-o", tmp.resolve("b.txt").toString()).code());
        Run missing = run("evaluate", tmp.resolve("nope").toString(), "--rules", rules);
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("not a folder"), missing.err());
    }

    @Test
    void aFolderWithoutManifestIsAnInputError(@TempDir Path tmp) {
        Run r = run("evaluate", tmp.toString(), "--rules", TestRules.RULES.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("tenant.json: missing"), r.err());
    }

    @Test
    void aBadManifestFieldIsNamed(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("tenant.json"), "{\"tenantId\": \"t1\", \"license\": \"E5\"}");
        Run r = run("evaluate", tmp.toString(), "--rules", TestRules.RULES.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("license must be free, P1 or P2, found \"E5\""), r.err());
    }

    @Test
    void jsonReportsFollowTheirSchema(@TempDir Path tmp) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(TestRules.PROJECT.resolve("schema/report.schema.json")));
        for (String t : List.of("contoso-ready", "fabrikam-gaps", "northwind-guests")) {
            Path out = tmp.resolve(t + ".json");
            run("evaluate", tenant(t), "--as-of", "2025-11-28", "--format", "json", "-o", out.toString(), "--rules", TestRules.RULES.toString());
            JsonNode report = json.readTree(out.toFile());
            List<Error> errors = schema.validate(report);
            assertTrue(errors.isEmpty(), t + ": " + errors);
            assertEquals(1, report.get("schemaVersion").asInt());
        }
    }

    @Test
    void signInsChoosesWhatTheJsonReportLists(@TempDir Path tmp) throws Exception {
        ObjectMapper json = new ObjectMapper();
        String rules = TestRules.RULES.toString();
        String tenant = tenant("fabrikam-gaps");
        int evaluated = -1;
        for (String which : List.of("all", "unsatisfied", "none")) {
            Path out = tmp.resolve(which + ".json");
            assertEquals(1, run("evaluate", tenant, "--as-of", "2025-11-28", "--format", "json", "--sign-ins", which,
                    "-o", out.toString(), "--rules", rules).code());
            JsonNode report = json.readTree(out.toFile());
            JsonNode summary = report.get("summary");
            int listed = report.get("signIns").size();
            switch (which) {
                case "all" -> assertEquals(summary.get("signInsEvaluated").asInt(), evaluated = listed);
                case "unsatisfied" -> assertEquals(summary.get("signInsNotSatisfied").asInt(), listed);
                default -> assertEquals(0, listed);
            }
        }
        assertTrue(evaluated > 0);
        Path byDefault = tmp.resolve("default.json");
        run("evaluate", tenant, "--as-of", "2025-11-28", "--format", "json", "-o", byDefault.toString(), "--rules", rules);
        assertEquals(json.readTree(tmp.resolve("unsatisfied.json").toFile()), json.readTree(byDefault.toFile()), "unsatisfied is the default");
        Run bad = run("evaluate", tenant, "--sign-ins", "some", "--rules", rules);
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--sign-ins"), bad.err());
    }

    @Test
    void compiledRulesAreCachedUnlessAskedNotTo(@TempDir Path tmp) throws Exception {
        String rules = TestRules.RULES.toString();
        Path cache = tmp.resolve("cache");
        assertEquals(0, run("rules", "list", "--rules", rules, "--cache-dir", cache.toString()).code());
        try (var entries = Files.list(cache)) {
            List<Path> written = entries.toList();
            assertEquals(1, written.size(), written.toString());
            assertTrue(Files.isRegularFile(written.get(0).resolve("rules.kjar")));
        }
        Run again = run("rules", "check", rules, "--cache-dir", cache.toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(again.err().isEmpty(), again.err());
        Path unused = tmp.resolve("unused");
        assertEquals(0, run("rules", "check", rules, "--no-cache", "--cache-dir", unused.toString()).code());
        assertTrue(Files.notExists(unused), "--no-cache writes nothing");
    }

    @Test
    void generateWritesTenantFoldersThatEvaluate(@TempDir Path tmp) {
        Path out = tmp.resolve("synthetic");
        Run g = run("generate", "--tenants", "2", "--users", "20", "--sign-ins", "50", "--out", out.toString(), "--seed", "4");
        assertEquals(0, g.code(), g.err());
        assertTrue(Files.isRegularFile(out.resolve("tenant-00002/signIns.json")));
        Run e = run("evaluate", out.resolve("tenant-00001").toString(), "--as-of", "2025-11-28", "--rules", TestRules.RULES.toString(),
                "-o", tmp.resolve("r.txt").toString());
        assertTrue(e.code() <= 1, e.err());
        assertEquals(2, run("generate", "--tenants", "0", "--out", out.toString()).code());
    }

    @Test
    void rulesCheckPrintsFileAndLineAndExitsTwo(@TempDir Path tmp) throws Exception {
        Path rules = TestRules.copyOfRules(tmp.resolve("rules"));
        Path drl = rules.resolve("signin/automation.drl");
        Files.writeString(drl, Files.readString(drl).replace("then\n    $s.setPasswordGrant(true);", "then\n    $s.setPasswordGrant(true)\n    oops;"));
        Run r = run("rules", "check", rules.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().matches("(?s).*signin/automation\\.drl:\\d+: .*"), r.err());
        assertEquals(0, run("rules", "check", TestRules.RULES.toString()).code());
    }

    @Test
    void rulesListShowsEveryRuleWithItsMetadata() {
        Run r = run("rules", "list", "--rules", TestRules.RULES.toString(), "--edition", "2024-09-24");
        assertEquals(0, r.code());
        for (var rule : TestRules.base().catalogue().values()) {
            assertTrue(r.out().contains(rule.id()), "missing " + rule.id());
        }
        assertTrue(r.out().contains("MM-POST-001   MEDIUM   Request more time to prepare for enforcement"), r.out());
        // a rule citing an FAQ shows the FAQ's id, not the page's "FAQs" heading
        assertTrue(r.out().matches("(?s).*MM-COV-004 +MEDIUM +faq:all-users-or-admins .*"), r.out());
        assertFalse(r.out().matches("(?s).*MM-[A-Z]+-\\d+ +[A-Z]+ +FAQs .*"), r.out());
    }

    @Test
    void rulesListDefaultsToTheLatestEditionAndNamesItsOwnFilesAndHeadings() {
        Run r = run("rules", "list", "--rules", TestRules.RULES.toString());
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("Edition 2026-04-03"), r.out());
        assertTrue(r.out().contains("Request more time to prepare for Phase 1 MFA enforcement"), r.out());
        assertTrue(r.out().contains("(editions/2026-04-03/user/phase2.drl)"), r.out());
        // a shared rule citing a heading the new page renamed shows the new heading
        assertTrue(r.out().matches("(?s).*MM-COV-010 +HIGH +Prepare for mandatory MFA enforcement .*"), r.out());
    }

    @Test
    void rulesCheckBuildsEveryEditionAndAnUnknownEditionIsAnError() {
        Run r = run("rules", "check", TestRules.RULES.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("(edition 2024-09-24)") && r.out().contains("(edition 2026-04-03)"), r.out());
        Run bad = run("rules", "list", "--rules", TestRules.RULES.toString(), "--edition", "2019-01-01");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("unknown edition '2019-01-01'") && bad.err().contains("2024-09-24, 2026-04-03"), bad.err());
    }

    /** Phase 2's start for fabrikam-gaps under an edition's rules: its schedule table's date (no notified date of its own). */
    private static String phase2Start(String edition) {
        return TestRules.evaluate(TestRules.EXAMPLES.resolve("fabrikam-gaps"), TestRules.AS_OF, edition).schedule().stream()
                .filter(s -> s.phase() == 2).findFirst().orElseThrow().start().toString();
    }

    @Test
    void compareEditionListsWhatMicrosoftsNewPageChangesForATenant() {
        Run r = run("evaluate", TestRules.EXAMPLES.resolve("fabrikam-gaps").toString(), "--as-of", "2025-11-28",
                "--rules", TestRules.RULES.toString(), "--compare-edition", "2024-09-24");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.out().contains("edition 2024-09-24 -> edition 2026-04-03"), r.out());
        // The dates come from each edition's schedule table (what an analyst edits), never from this test.
        assertTrue(r.out().contains("phase 2  start: " + phase2Start("2024-09-24") + "  ->  " + phase2Start("2026-04-03")), r.out());
        assertTrue(r.out().matches("(?s).*ARM_WRITE_WITHOUT_MFA: absent  ->  HIGH: erik\\.dev@fabrikam\\.com made .*"), r.out());
        Run same = run("evaluate", TestRules.EXAMPLES.resolve("fabrikam-gaps").toString(), "--as-of", "2025-11-28",
                "--rules", TestRules.RULES.toString(), "--edition", "2024-09-24", "--compare-edition", "2024-09-24");
        assertEquals(0, same.code(), same.out());
        assertTrue(same.out().contains("No verdict differs."), same.out());
    }

    @Test
    void scenariosCommandPrintsAPassFailTableAndCoverage() {
        Run r = run("scenarios", TestRules.PROJECT.resolve("test-scenarios").toString(), "--coverage", "--rules", TestRules.RULES.toString());
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().contains("PASS faq-opt-out.yaml:"), r.out());
        assertTrue(r.out().contains("Coverage complete"), r.out());
    }
}
