package io.github.mfaeval.batch;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mfaeval.TestRules;
import io.github.mfaeval.model.Finding;
import io.github.mfaeval.report.JsonRenderer;
import io.github.mfaeval.report.ReportFormat;
import io.github.mfaeval.result.Action;
import io.github.mfaeval.result.Report;
import io.github.mfaeval.result.ScheduleEntry;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A report that disagrees with itself is trusted on nothing (issue 27): the count of findings requiring action, the
 * as-of dates, a finding's enforcement date and the words for a collection's gaps are the same in every format and in
 * the batch index. One batch of the example tenants, run on a date other than the examples' own as-of date.
 */
class ReportsAgreeTest {
    static final LocalDate RUN_DATE = LocalDate.of(2026, 12, 7);

    @TempDir
    static Path temp;
    static Path out;
    static Report fabrikam;

    @BeforeAll
    static void runTheExamples() throws IOException {
        Path root = temp.resolve("tenants");
        try (var examples = Files.list(TestRules.EXAMPLES)) {
            for (Path t : examples.toList()) BatchIndexTest.copy(t, root.resolve(t.getFileName().toString()));
        }
        out = temp.resolve("out");
        // No --as-of: the examples are frozen snapshots, each evaluated as of its own tenant.json date.
        BatchRunner.Options options = new BatchRunner.Options(root, out, RUN_DATE, 2, false, null, null, "test");
        new BatchRunner(TestRules.base(), options, TenantEvaluation.standard(TestRules.base(), true, 7),
                new Progress(new java.io.PrintWriter(new StringWriter(), true), false, System::nanoTime), Clock.systemUTC()).run();
        fabrikam = BatchTestSupport.report(out, "fabrikam-gaps");
    }

    /** Counted here from the findings, independently of the tool: asks for action, not advice, not accepted. */
    static long requiringAction(Report r) {
        return r.findings().stream().filter(f -> f.severity().requiresAction() && !f.isAdvice() && f.accepted() == null).count();
    }

    @Test
    void theCountOfFindingsRequiringActionIsTheSameInEveryFormatAndTheIndex() throws IOException {
        long n = requiringAction(fabrikam);
        int total = fabrikam.findings().size();
        assertTrue(n > 0 && n < fabrikam.findings().stream().filter(f -> f.severity().requiresAction()).count(),
                "fabrikam-gaps has advice findings at an action severity, the case that made the header and the card differ");

        JsonNode json = JsonRenderer.MAPPER.readTree(out.resolve("tenants/fabrikam-gaps/report.json").toFile());
        assertEquals(n, json.at("/findingCounts/requiringAction").asLong(), "JSON");
        assertEquals(total, json.at("/findingCounts/total").asInt(), "JSON total");

        String text = render(ReportFormat.text, fabrikam);
        assertTrue(text.contains("Findings " + n + " of " + total + " findings require action"), text);

        String html = Files.readString(out.resolve("tenants/fabrikam-gaps/report.html"));
        assertTrue(html.contains("<p>" + n + " of " + total + " findings require action ("), "HTML header");
        Matcher tile = Pattern.compile("<span class=\"num\">(\\d+)</span><span class=\"of\">of " + total + " findings require action").matcher(html);
        assertTrue(tile.find(), "HTML card");
        assertEquals(n, Long.parseLong(tile.group(1)), "HTML card");

        String md = render(ReportFormat.markdown, fabrikam);
        assertTrue(md.contains("- " + n + " of " + total + " findings require action ("), md);

        Path xlsx = temp.resolve("fabrikam.xlsx");
        ReportFormat.xlsx.write(fabrikam, xlsx);
        assertEquals(String.valueOf(n), summaryCell(xlsx, "Findings requiring action"), "XLSX");

        Path csv = temp.resolve("fabrikam-csv");
        ReportFormat.csv.write(fabrikam, csv);
        assertEquals(n, Files.readAllLines(csv.resolve("action-plan.csv")).size() - 1L, "CSV: one action-plan row per finding requiring action");
        assertEquals(n, fabrikam.actions().stream().mapToLong(Action::findings).sum(), "the actions fix exactly those findings");

        String index = Files.readString(out.resolve("index.html"));
        Matcher row = Pattern.compile("(?s)<tr data-tenant=\"fabrikam-gaps\">.*?</tr>").matcher(index);
        assertTrue(row.find(), index);
        assertTrue(row.group().contains("<span class=\"no\">" + n + "</span>"), row.group());
        List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
        List<String> header = List.of(summary.get(0).split(","));
        String fabrikamRow = summary.stream().filter(l -> l.startsWith("fabrikam-gaps,")).findFirst().orElseThrow();
        assertEquals(String.valueOf(n), fabrikamRow.split(",")[header.indexOf("findingsRequiringAction")], "summary.csv");
    }

    @Test
    void theIndexShowsEachTenantsOwnAsOfDateAndTheRunDateLabelled() throws IOException {
        String index = Files.readString(out.resolve("index.html"));
        assertEquals(LocalDate.of(2025, 11, 28), fabrikam.asOf());
        assertTrue(index.contains("Reports as of 2025-11-28 \u00b7 run date " + RUN_DATE), index);
        assertFalse(index.contains("as of <time datetime=\"" + RUN_DATE + "\""), "the run date is never shown as the reports' as-of date");
        for (String tenant : List.of("contoso-ready", "fabrikam-gaps", "northwind-guests")) {
            Matcher row = Pattern.compile("(?s)<tr data-tenant=\"" + tenant + "\">.*?</tr>").matcher(index);
            assertTrue(row.find(), tenant);
            assertTrue(row.group().contains("as of <time class=\"tenant-as-of\" datetime=\"2025-11-28\">2025-11-28</time>"), row.group());
        }
        List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
        List<String> header = List.of(summary.get(0).split(","));
        for (String line : summary.subList(1, summary.size())) {
            assertEquals("2025-11-28", line.split(",")[header.indexOf("asOf")], line);
            assertEquals(RUN_DATE.toString(), line.split(",")[header.indexOf("runDate")], line);
        }
    }

    @Test
    void aPhase2FindingIsDatedByTheTenantsPhase2StartForEveryUser() throws IOException {
        // Phase 2 writes are judged from the 2026-04-03 edition on.
        Report fabrikam = TestRules.evaluate(TestRules.EXAMPLES.resolve("fabrikam-gaps"), TestRules.AS_OF, "2026-04-03");
        LocalDate phase2 = fabrikam.schedule().stream().filter(s -> s.phase() == 2).map(ScheduleEntry::start).findFirst().orElseThrow();
        LocalDate phase1 = fabrikam.schedule().stream().filter(s -> s.phase() == 1).map(ScheduleEntry::start).findFirst().orElseThrow();
        assertFalse(phase1.equals(phase2));
        List<Finding> writes = fabrikam.findings().stream().filter(f -> f.code().equals("ARM_WRITE_WITHOUT_MFA")).toList();
        assertTrue(writes.size() > 1, "several users made writes without MFA");
        Path csv = temp.resolve("dates-csv");
        ReportFormat.csv.write(fabrikam, csv);
        List<String> lines = Files.readAllLines(csv.resolve("findings.csv"));
        List<String> arm = lines.stream().filter(l -> l.contains("ARM_WRITE_WITHOUT_MFA")).toList();
        assertEquals(writes.size(), arm.size());
        for (String l : arm) assertTrue(l.endsWith("," + phase2) || l.endsWith(",\"" + phase2 + "\""), "every user's write finding: " + l);
        Action action = fabrikam.actions().stream().filter(a -> a.codes().contains("ARM_WRITE_WITHOUT_MFA")).findFirst().orElseThrow();
        assertEquals(phase2, action.enforcementDate());
        assertTrue(render(ReportFormat.text, fabrikam).contains("fixes " + action.fixes() + ", enforced since " + phase2), "text");
    }

    @Test
    void wordsAgreeWithTheirNumbersAndTheActionPlanLinksTheTenantsPage() throws IOException {
        String index = Files.readString(out.resolve("index.html"));
        assertTrue(index.contains("1 is ready."), "one ready tenant");
        assertFalse(index.contains("1 are ready") || index.contains("1 users") || index.contains("1 require action"), index);
        List<String> plan = Files.readAllLines(out.resolve("action-plan.csv"));
        List<String> header = List.of(plan.get(0).split(","));
        assertTrue(header.contains("Report"));
        for (String line : plan.subList(1, plan.size())) {
            assertTrue(line.matches(".*,\"tenants/[a-z-]+/report\\.html\",.*") && !line.contains("report.json"), line);
        }
    }

    private static String render(ReportFormat format, Report r) throws IOException {
        StringWriter w = new StringWriter();
        format.renderer().render(r, w);
        return w.toString();
    }

    /** The value beside a label on the workbook's Summary sheet. */
    static String summaryCell(Path xlsx, String label) throws IOException {
        try (Workbook book = WorkbookFactory.create(xlsx.toFile())) {
            Sheet sheet = book.getSheet("Summary");
            DataFormatter f = new DataFormatter();
            for (Row row : sheet) {
                if (label.equals(f.formatCellValue(row.getCell(0)))) return f.formatCellValue(row.getCell(1));
            }
        }
        return null;
    }

    /** The first rows of the Summary sheet, label and value. */
    static List<String> summaryRows(Path xlsx, int rows) throws IOException {
        List<String> out = new ArrayList<>();
        try (Workbook book = WorkbookFactory.create(xlsx.toFile())) {
            DataFormatter f = new DataFormatter();
            for (Row row : book.getSheet("Summary")) {
                if (out.size() == rows) break;
                out.add(f.formatCellValue(row.getCell(0)) + ": " + f.formatCellValue(row.getCell(1)));
            }
        }
        return out;
    }
}
