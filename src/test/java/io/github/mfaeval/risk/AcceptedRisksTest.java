package io.github.mfaeval.risk;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mfaeval.TestRules;
import io.github.mfaeval.cli.Main;
import io.github.mfaeval.load.InputException;
import io.github.mfaeval.model.Finding;
import io.github.mfaeval.model.Severity;
import io.github.mfaeval.result.AcceptedRiskState;
import io.github.mfaeval.result.Inputs;
import io.github.mfaeval.report.JsonRenderer;
import io.github.mfaeval.result.Report;
import io.github.mfaeval.result.Summary;
import io.github.mfaeval.result.UserVerdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AcceptedRisksTest {
    @TempDir
    Path temp;

    @Test
    void evaluateMarksAcceptedFindingsCountsExpiredOnesAgainAndListsEveryEntry() throws IOException {
        Path tenant = copy("fabrikam-gaps");
        Files.writeString(tenant.resolve("acceptedRisks.json"), """
                [
                  {"code": "GLOBAL_ADMIN_WITHOUT_EMAIL", "subject": "dana.admin@fabrikam.com",
                   "justification": "Her mailbox forwards to the admins' list", "approver": "CISO", "expires": "2026-03-31"},
                  {"rule": "MM-COV-004", "subject": "cd7e3195-30bf-4333-8f75-42df82f200dd",
                   "justification": "Kiosk account, being retired", "approver": "IT lead", "expires": "2025-10-31"},
                  {"code": "NO_MFA_METHOD", "subject": "nobody@fabrikam.com", "justification": "left", "expires": "2026-01-01"},
                  {"code": "INPUT_MISSING", "subject": "perUserMfa.json", "justification": "no per-user MFA here", "expires": "2025-11-28"}
                ]
                """);
        Path out = temp.resolve("report.json");
        int exit = Main.run("evaluate", tenant.toString(), "--as-of", "2025-11-28", "--format", "json", "-o", out.toString(),
                "--rules", TestRules.RULES.toString());
        assertEquals(Main.ACTION_REQUIRED, exit);
        JsonNode report = JsonRenderer.MAPPER.readTree(out.toFile());

        JsonNode dana = finding(report, "GLOBAL_ADMIN_WITHOUT_EMAIL", "54b89829-18e6-8cb9-4982-002119aab647");
        assertEquals("Her mailbox forwards to the admins' list", dana.at("/accepted/justification").asText());
        assertEquals("CISO", dana.at("/accepted/approver").asText());
        assertEquals("2026-03-31", dana.at("/accepted/expires").asText());
        assertEquals(1, dana.at("/accepted/entry").asInt());
        assertTrue(finding(report, "INPUT_MISSING", "perUserMfa.json").has("accepted"), "in force through its expiry day");

        JsonNode gus = finding(report, "NOT_COVERED", "cd7e3195-30bf-4333-8f75-42df82f200dd");
        assertFalse(gus.has("accepted"), "an expired acceptance no longer hides the finding");
        JsonNode expired = finding(report, "ACCEPTANCE_EXPIRED", "cd7e3195-30bf-4333-8f75-42df82f200dd");
        assertEquals("MM-COV-004", expired.get("rule").asText());
        assertTrue(expired.get("message").asText().contains("expired on 2025-10-31"), expired.get("message").asText());
        assertTrue(expired.get("message").asText().contains("gus.excluded@fabrikam.com"));

        List<String> states = new ArrayList<>();
        report.get("acceptedRisks").forEach(a -> states.add(a.get("entry").asInt() + " " + a.get("state").asText() + " " + a.get("findings").asInt()));
        assertEquals(List.of("1 ACTIVE 1", "2 EXPIRED 1", "3 UNMATCHED 0", "4 ACTIVE 1"), states);
        assertEquals(report.get("findings").size(), report.at("/summary/findings").asInt());
    }

    @Test
    void aTenantWithoutAcceptedRisksGetsTheSameReportAsBefore() throws Exception {
        Report plain = TestRules.evaluate(TestRules.EXAMPLES.resolve("northwind-guests"));
        assertSame(plain, AcceptedRisks.read(TestRules.EXAMPLES.resolve("northwind-guests")).apply(plain));
        assertFalse(JsonRenderer.MAPPER.writeValueAsString(plain).contains("accepted"));
    }

    @Test
    void acceptingEveryFindingThatAsksForActionMakesTheTenantReadyUntilAnAcceptanceExpires() throws Exception {
        Files.writeString(temp.resolve("acceptedRisks.json"), """
                [{"code": "NOT_COVERED", "subject": "ann@example.com", "justification": "j1", "expires": "2026-01-31"},
                 {"rule": "MM-CA-002", "subject": "policy-1", "justification": "j2", "expires": "2025-12-31"}]
                """);
        AcceptedRisks accepted = AcceptedRisks.read(temp);
        Report before = report(LocalDate.of(2025, 11, 28));
        assertEquals(Report.Status.ACTION_REQUIRED, before.status());

        Report now = accepted.apply(before);
        assertEquals(Report.Status.READY, now.status());
        assertEquals(3, now.findings().size(), "accepted findings stay in the report");
        assertEquals(2, now.findings().stream().filter(f -> f.accepted() != null).count());
        assertTrue(now.users().get(0).findings().contains("NOT_COVERED"), "what is true of the user does not change");

        Report later = accepted.apply(report(LocalDate.of(2026, 1, 15)));
        assertEquals(Report.Status.ACTION_REQUIRED, later.status(), "the policy acceptance expired on 2025-12-31");
        assertTrue(later.findings().stream().anyMatch(f -> f.code().equals("ACCEPTANCE_EXPIRED") && f.subject().equals("policy-1")));
        assertEquals(List.of(AcceptedRiskState.State.ACTIVE, AcceptedRiskState.State.EXPIRED),
                later.acceptedRisks().stream().map(AcceptedRiskState::state).toList());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{}                                                                                  | expected a JSON array",
            "[{\"code\": \"X\", \"subject\": \"s\", \"expires\": \"2026-01-01\"}]                 | entry 1: \"justification\" is required",
            "[{\"code\": \"X\", \"subject\": \"s\", \"justification\": \"j\"}]                    | entry 1: \"expires\" is required",
            "[{\"code\": \"X\", \"subject\": \"s\", \"justification\": \"j\", \"expires\": \"soon\"}] | entry 1: \"expires\" must be a date",
            "[{\"subject\": \"s\", \"justification\": \"j\", \"expires\": \"2026-01-01\"}]        | entry 1: needs \"rule\"",
            "[{\"code\": \"X\", \"justification\": \"j\", \"expires\": \"2026-01-01\"}]           | entry 1: \"subject\" is required",
            "[{\"code\": \"X\", \"subject\": \"s\", \"justification\": \"j\", \"expires\": \"2026-01-01\"}, {\"code\": \"X\", \"subject\": \"s\", \"justification\": \"j\", \"expiry\": \"2026-01-01\"}] | entry 2: unknown field \"expiry\"",
            "[{\"code\": \"X\", \"subject\": \"s\", \"justification\": \"  \", \"expires\": \"2026-01-01\"}] | entry 1: \"justification\" is required",
            "[oops                                                                               | not valid JSON"})
    void aBadEntryIsAnInputErrorNamingTheFileAndTheEntry(String content, String expected) throws IOException {
        Files.writeString(temp.resolve("acceptedRisks.json"), content);
        InputException e = assertThrows(InputException.class, () -> AcceptedRisks.read(temp));
        assertTrue(e.getMessage().startsWith(temp.resolve("acceptedRisks.json") + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expected.strip()), e.getMessage());
    }

    @Test
    void evaluateRefusesATenantWithABadAcceptance() throws IOException {
        Path tenant = copy("contoso-ready");
        Files.writeString(tenant.resolve("acceptedRisks.json"), "[{\"code\": \"X\", \"subject\": \"s\", \"expires\": \"2026-01-01\"}]");
        assertEquals(Main.ERROR, Main.run("evaluate", tenant.toString(), "--as-of", "2025-11-28", "--rules", TestRules.RULES.toString()));
    }

    private static JsonNode finding(JsonNode report, String code, String subject) {
        for (JsonNode f : report.get("findings")) {
            if (f.get("code").asText().equals(code) && f.get("subject").asText().equals(subject)) return f;
        }
        throw new AssertionError("no " + code + " for " + subject);
    }

    /** A report with a user finding, a policy finding and an INFO finding, and nothing else. */
    private static Report report(LocalDate asOf) {
        // decided as an evaluation decides them, by the rules' readiness table
        io.github.mfaeval.result.Readiness readiness = TestRules.base().actionCatalogue().readiness();
        List<Finding> findings = readiness.decide(List.of(
                new Finding("NOT_COVERED", "MM-COV-004", Severity.MEDIUM, "u1", "ann is not covered", "FAQs"),
                new Finding("REPORT_ONLY_POLICY", "MM-CA-002", Severity.LOW, "policy-1", "report-only", "FAQs"),
                new Finding("TEST_TENANT_NOT_EXEMPT", "MM-TEN-001", Severity.INFO, "t1", "not exempt", "FAQs")));
        UserVerdict ann = new UserVerdict("u1", "ann@example.com", true, false, List.of(), List.of("NOT_COVERED"),
                new UserVerdict.SignInCounts(0, 0, 0), List.of());
        return new Report(Report.SCHEMA_VERSION, new Report.TenantRef("t1", "T", false, "p1"), asOf,
                readiness.status(new Inputs("t1", List.of(), List.of(), List.of()), findings), List.of(), List.of(), List.of(ann), findings,
                new Summary(0, 0, 0, 0, 0, 0, 0, 1, 1, 0, findings.size()), new Inputs("t1", List.of(), List.of(), List.of()),
                new Report.RulesUsed("test", "fp", List.of()).withActions(TestRules.base().actionCatalogue()));
    }

    private Path copy(String example) throws IOException {
        Path to = temp.resolve(example);
        Files.createDirectories(to);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(TestRules.EXAMPLES.resolve(example))) {
            for (Path f : files) Files.copy(f, to.resolve(f.getFileName()));
        }
        return to;
    }

    @Test
    void nothingIsAcceptedWithoutTheFile() throws InputException {
        assertSame(AcceptedRisks.NONE, AcceptedRisks.read(temp));
        assertNull(AcceptedRisks.NONE.apply(report(LocalDate.of(2025, 11, 28))).acceptedRisks());
    }
}
