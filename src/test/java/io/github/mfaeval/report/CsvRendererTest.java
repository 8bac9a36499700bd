package io.github.mfaeval.report;

import io.github.mfaeval.result.Report;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.github.mfaeval.TestRules;
import io.github.mfaeval.model.Finding;
import io.github.mfaeval.model.Severity;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvRendererTest {
    static final Report FABRIKAM = TestRules.evaluate(TestRules.EXAMPLES.resolve("fabrikam-gaps"));

    static Map<String, String> render(Report report) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        for (var file : new CsvRenderer().files().entrySet()) {
            StringWriter out = new StringWriter();
            file.getValue().render(report, out);
            files.put(file.getKey(), out.toString());
        }
        return files;
    }

    /** Each CSV file read back by an RFC 4180 parser: file name to rows, each row column name to value. */
    static Map<String, List<Map<String, String>>> parse(Report report) throws IOException {
        Map<String, List<Map<String, String>>> files = new LinkedHashMap<>();
        for (var file : render(report).entrySet()) files.put(file.getKey(), readCsv(file.getValue()));
        return files;
    }

    /** Read by Jackson's RFC 4180 parser, the header row naming the columns. */
    static List<Map<String, String>> readCsv(String csv) throws IOException {
        CsvMapper mapper = new CsvMapper();
        try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            return it.readAll();
        }
    }

    @Test
    void oneFilePerLevelPlusTheActionPlan() throws IOException {
        Map<String, List<Map<String, String>>> files = parse(FABRIKAM);
        assertEquals(List.of("action-plan.csv", "actions.csv", "findings.csv", "schedule.csv", "users.csv", "signins.csv", "sign-in-period.csv", "phase2-writes.csv"),
                List.copyOf(files.keySet()));
        assertEquals(FABRIKAM.signIns().size(), files.get("signins.csv").size());
        assertEquals(FABRIKAM.users().size(), files.get("users.csv").size());
        assertEquals(FABRIKAM.findings().size(), files.get("findings.csv").size());
        assertEquals(FABRIKAM.findings().stream().filter(f -> f.blocksReadiness()).count(), files.get("action-plan.csv").size());

        Map<String, String> erik = files.get("users.csv").stream()
                .filter(u -> u.get("userPrincipalName").equals("erik.dev@fabrikam.com")).findFirst().orElseThrow();
        assertEquals("false", erik.get("ready"));
        assertEquals("2", erik.get("signInsUnsatisfied"));
        assertTrue(erik.get("findings").contains("NO_MFA_METHOD"));
    }

    @Test
    void rfc4180HeaderRowAndCrlfLineEnds() throws IOException {
        for (var file : render(FABRIKAM).entrySet()) {
            String csv = file.getValue();
            assertTrue(csv.endsWith("\r\n"), file.getKey());
            assertFalse(csv.replace("\r\n", "").contains("\n"), file.getKey() + ": a bare LF line end");
        }
        String signIns = render(FABRIKAM).get("signins.csv");
        assertEquals("id,createdDateTime,userId,userPrincipalName,appId,application,phase,inScope,scopeReason,mfaSatisfied,"
                + "satisfiedBy,enforcementActive,rules,source", signIns.substring(0, signIns.indexOf("\r\n")));
    }

    @Test
    void commasQuotesAndLineBreaksSurviveARoundTrip() throws IOException {
        String tricky = "Policy 'A, B' said \"no\"\r\nand then\nmore";
        List<Finding> findings = new ArrayList<>(FABRIKAM.findings());
        findings.add(0, new Finding("TRICKY", "MM-X-1", Severity.HIGH, FABRIKAM.tenant().id(), tricky, "FAQs"));
        Report r = new Report(FABRIKAM.schemaVersion(), FABRIKAM.tenant(), FABRIKAM.asOf(), FABRIKAM.status(), FABRIKAM.schedule(),
                FABRIKAM.signIns(), FABRIKAM.users(), findings, FABRIKAM.summary(), FABRIKAM.inputs(), FABRIKAM.rules());
        List<Map<String, String>> rows = parse(r).get("findings.csv");
        assertEquals(findings.size(), rows.size());
        assertEquals(tricky, rows.stream().filter(f -> f.get("code").equals("TRICKY")).findFirst().orElseThrow().get("message"));
    }

    @Test
    void actionPlanListsWhatToDoBySeverityThenEnforcementDate() throws IOException {
        List<Map<String, String>> plan = parse(FABRIKAM).get("action-plan.csv");
        assertEquals(List.of("Priority", "Severity", "Enforcement date", "Already enforced", "Finding", "Subject", "Subject id",
                "What to do", "Source section", "Reference", "Rule", "Owner", "Due date", "Justification"), List.copyOf(plan.get(0).keySet()));
        for (int i = 0; i < plan.size(); i++) {
            Map<String, String> row = plan.get(i);
            assertEquals(String.valueOf(i + 1), row.get("Priority"));
            assertFalse(row.get("Severity").equals("INFO"), "informational findings need no action");
            assertEquals("", row.get("Owner") + row.get("Due date") + row.get("Justification"), "left for the team to fill in");
            assertTrue(row.get("Reference").startsWith(SourceSection.ARTICLE + "#"));
            assertFalse(row.get("What to do").isBlank());
            if (i > 0) {
                Map<String, String> prev = plan.get(i - 1);
                int bySeverity = Severity.valueOf(prev.get("Severity")).compareTo(Severity.valueOf(row.get("Severity")));
                assertTrue(bySeverity < 0 || bySeverity == 0 && prev.get("Enforcement date").compareTo(row.get("Enforcement date")) <= 0,
                        "out of order at priority " + (i + 1));
            }
        }
        assertEquals("HIGH", plan.get(0).get("Severity"));
        // svc-deploy signs in to Azure PowerShell only: its HIGH finding matters from phase 2, after the phase-1 ones.
        Map<String, String> deploy = plan.stream().filter(r -> r.get("Subject").equals("svc-deploy@fabrikam.com")
                && r.get("Finding").equals("AUTOMATION_ON_USER_IDENTITY")).findFirst().orElseThrow();
        assertEquals("2025-01-01", deploy.get("Enforcement date"));
        assertEquals("yes", deploy.get("Already enforced"));
        assertEquals("Fabrikam Test Lab", plan.stream().filter(r -> r.get("Finding").equals("NO_MFA_POLICY")).findFirst().orElseThrow().get("Subject"));
    }

    @Test
    void aReadyTenantHasAnEmptyActionPlanWithItsHeader() throws IOException {
        Report contoso = TestRules.evaluate(TestRules.EXAMPLES.resolve("contoso-ready"));
        String plan = render(contoso).get("action-plan.csv");
        assertTrue(plan.startsWith("Priority,Severity,"));
        assertEquals(1, plan.split("\r\n").length, plan);
    }

    @Test
    void upcomingEnforcementIsNotYetEnforced() throws IOException {
        Report early = TestRules.evaluate(TestRules.EXAMPLES.resolve("fabrikam-gaps"), java.time.LocalDate.of(2024, 12, 1));
        List<Map<String, String>> plan = parse(early).get("action-plan.csv");
        assertTrue(plan.stream().anyMatch(r -> r.get("Enforcement date").equals("2025-01-01") && r.get("Already enforced").equals("no")));
        assertTrue(plan.stream().anyMatch(r -> r.get("Enforcement date").equals("2024-07-01") && r.get("Already enforced").equals("yes")));
    }
}
