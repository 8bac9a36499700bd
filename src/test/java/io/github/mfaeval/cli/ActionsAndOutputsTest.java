package io.github.mfaeval.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mfaeval.TestRules;
import io.github.mfaeval.model.Finding;
import io.github.mfaeval.result.Action;
import io.github.mfaeval.result.Report;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The actions, the markdown, xlsx and ndjson outputs, the format chosen from -o, and the CLI's errors as sentences. */
class ActionsAndOutputsTest {
    private static final String RULES = TestRules.RULES.toString();
    private static final Path FABRIKAM = TestRules.EXAMPLES.resolve("fabrikam-gaps");

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cli = Main.commandLine(args);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    static Run evaluate(Path tenant, String... more) {
        List<String> args = new ArrayList<>(List.of("evaluate", tenant.toString(), "--as-of", "2025-11-28", "--rules", RULES));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    /** The report as the command line makes it (with the default edition and every export of the folder). */
    static Report cliReport(Path tenant, Path tmp) throws Exception {
        Path json = tmp.resolve("as-the-cli-makes-it.json");
        evaluate(tenant, "--sign-ins", "all", "-o", json.toString());
        return io.github.mfaeval.report.JsonRenderer.MAPPER.readValue(json.toFile(), Report.class);
    }

    @Test
    void everyFindingRequiringActionIsInExactlyOneActionRankedBySeverity() {
        Report r = TestRules.evaluate(FABRIKAM);
        List<Action> actions = r.actions();
        assertFalse(actions.isEmpty());
        Set<String> codes = new HashSet<>();
        int findings = 0;
        for (int i = 0; i < actions.size(); i++) {
            Action a = actions.get(i);
            assertEquals(i + 1, a.rank());
            if (i > 0) assertTrue(actions.get(i - 1).severity().compareTo(a.severity()) <= 0, "most severe first: " + actions);
            for (String c : a.codes()) assertTrue(codes.add(c), c + " in two actions");
            findings += a.findings();
            assertFalse(a.title().isBlank() || a.whatToDo().isBlank(), a.toString());
        }
        List<Finding> todo = r.findings().stream().filter(Finding::countsAgainstStatus).toList();
        assertEquals(todo.size(), findings, "the actions cover every finding requiring action, once");
        for (Finding f : todo) assertTrue(codes.contains(f.code()), f.code());
        Action policy = actions.stream().filter(a -> a.codes().contains("NOT_COVERED")).findFirst().orElseThrow();
        assertTrue(policy.codes().contains("NO_MFA_POLICY"), "one action: the policy fixes the users it does not cover");
        assertEquals(r.findings().stream().filter(f -> f.code().equals("NOT_COVERED") && !f.isAdvice()).count(), policy.users());
        assertTrue(policy.fixes().endsWith("users and the tenant"), policy.fixes());
    }

    @Test
    void theJsonReportListsTheActions(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("r.json");
        assertEquals(Main.ACTION_REQUIRED, evaluate(FABRIKAM, "-o", out.toString()).code(), "json from the extension");
        JsonNode json = new ObjectMapper().readTree(out.toFile());
        long todo = 0;
        for (JsonNode f : json.get("findings")) if (!f.get("severity").asText().equals("INFO") && !f.hasNonNull("accepted") && !f.path("advice").asBoolean(false)) todo++;
        long inActions = 0;
        for (JsonNode a : json.get("actions")) inActions += a.get("findings").asLong();
        assertEquals(todo, inActions, "the actions cover the findings requiring action");
        assertEquals(1, json.get("actions").get(0).get("rank").asInt());
        assertTrue(json.get("inputs").get("signInPeriod").get("first").asText().startsWith("2025-11-01"), json.get("inputs").toString());
    }

    @Test
    void markdownIsASummaryWithTheActions(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("summary.md");
        assertEquals(Main.ACTION_REQUIRED, evaluate(FABRIKAM, "-o", out.toString()).code());
        String md = Files.readString(out);
        Report r = cliReport(FABRIKAM, tmp);
        assertTrue(md.startsWith("## Mandatory MFA readiness: Fabrikam Test Lab: **Action required**"), md);
        assertTrue(md.contains("**Sign-ins evaluated:** 2025\\-11\\-01 to 2025\\-11\\-23"), md);
        assertTrue(md.contains("**Edition:** " + r.edition().replace("-", "\\-") + " \\(rules of Microsoft"), md);
        assertTrue(md.contains("**Phase 2 writes:** " + r.summary().armWritesRead() + " activity log records read"), md);
        assertTrue(md.contains("### What to do first"), md);
        assertTrue(md.contains("| 1 | " + r.actions().get(0).severity() + " | **"), md);
        assertTrue(md.contains("### Findings by code"), md);
    }

    @Test
    void everySummaryNamesTheEditionAndThePhase2Writes(@TempDir Path tmp) throws Exception {
        Report r = cliReport(FABRIKAM, tmp);
        for (String edition : List.of("2024-09-24", "2026-04-03")) {
            Path file = tmp.resolve(edition + ".txt");
            evaluate(FABRIKAM, "--edition", edition, "-o", file.toString());
            String text = Files.readString(file);
            assertTrue(text.contains("\nEdition  " + edition + " (rules of Microsoft's page as of that date)\n"), text);
            var m = r.summary();
            assertTrue(text.contains("\nPhase 2 writes  " + m.armWritesRead() + " activity log records read (" + m.armWritesEvaluated()
                    + " evaluated + " + m.armWritesRejected() + " rejected + " + m.armWritesDuplicate()
                    + " duplicate; events from 2025-09-15 to 2025-11-22); "), text);
        }
        // issue 24: the Activity Log's read = evaluated + rejected + duplicate, in the HTML and Markdown reports too
        var m = r.summary();
        assertEquals(m.armWritesRead(), m.armWritesEvaluated() + m.armWritesRejected() + m.armWritesDuplicate());
        Path html = tmp.resolve("report.html");
        evaluate(FABRIKAM, "-o", html.toString());
        assertTrue(Files.readString(html).contains("Activity log records read: " + m.armWritesRead() + " = " + m.armWritesEvaluated()
                + " evaluated + " + m.armWritesRejected() + " rejected + " + m.armWritesDuplicate() + " duplicate ("), "HTML");
        Path md = tmp.resolve("report.md");
        evaluate(FABRIKAM, "-o", md.toString());
        assertTrue(Files.readString(md).contains(m.armWritesRead() + " activity log records read \\(" + m.armWritesEvaluated()
                + " evaluated \\+ " + m.armWritesRejected() + " rejected \\+ " + m.armWritesDuplicate() + " duplicate\\;"), Files.readString(md));
        Path csv = tmp.resolve("csv");
        evaluate(FABRIKAM, "--format", "csv", "-o", csv.toString());
        List<String> writes = Files.readAllLines(csv.resolve("phase2-writes.csv"));
        assertEquals("time,user,operation,statuses,mfa,enforcementActive,refused,clientAppId,rules,sources,policy", writes.get(0));
        assertEquals(r.armWrites().size(), writes.size() - 1, "one row per write operation");
    }

    @Test
    void theXlsxWorkbookReadsBackWithItsFiveSheets(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("report.xlsx");
        assertEquals(Main.ACTION_REQUIRED, evaluate(FABRIKAM, "-o", out.toString()).code());
        Report r = cliReport(FABRIKAM, tmp);
        try (InputStream in = Files.newInputStream(out); Workbook book = new XSSFWorkbook(in)) {
            assertEquals(List.of("Summary", "Actions", "Findings", "Users", "Sign-ins"),
                    List.of(book.getSheetName(0), book.getSheetName(1), book.getSheetName(2), book.getSheetName(3), book.getSheetName(4)));
            Sheet actions = book.getSheet("Actions");
            assertEquals("Action", actions.getRow(0).getCell(2).getStringCellValue());
            assertEquals(r.actions().size(), actions.getLastRowNum());
            assertEquals(r.actions().get(0).title(), actions.getRow(1).getCell(2).getStringCellValue());
            assertEquals(r.actions().get(0).users(), (int) actions.getRow(1).getCell(5).getNumericCellValue());
            assertEquals(r.findings().size(), book.getSheet("Findings").getLastRowNum());
            assertEquals(r.users().size(), book.getSheet("Users").getLastRowNum());
            assertEquals(r.summary().signInsEvaluated(), book.getSheet("Sign-ins").getLastRowNum());
            assertEquals("ACTION_REQUIRED", summaryValue(book, "Status"));
            assertEquals(r.edition() + " (rules of Microsoft's page as of that date)", summaryValue(book, "Edition"));
        }
    }

    @Test
    void ndjsonIsOneFindingPerLine(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("findings.ndjson");
        assertEquals(Main.ACTION_REQUIRED, evaluate(FABRIKAM, "-o", out.toString()).code());
        Report r = cliReport(FABRIKAM, tmp);
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertEquals(r.findings().size(), lines.size());
        ObjectMapper json = new ObjectMapper();
        for (String line : lines) {
            JsonNode f = json.readTree(line);
            for (String field : List.of("tenant", "code", "severity", "subject", "rule", "section", "time")) {
                assertTrue(f.hasNonNull(field), field + " in " + line);
            }
            assertEquals(r.tenant().id(), f.get("tenant").asText());
            assertEquals("2025-11-28T00:00:00Z", f.get("time").asText());
        }
    }

    @Test
    void aFormatThatContradictsTheExtensionIsAnError(@TempDir Path tmp) {
        Run r = evaluate(FABRIKAM, "--format", "json", "-o", tmp.resolve("r.html").toString());
        assertEquals(Main.ERROR, r.code());
        assertTrue(r.err().contains("--format json but -o") && r.err().contains("names a .html file"), r.err());
        assertFalse(Files.exists(tmp.resolve("r.html")));
        Run html = evaluate(FABRIKAM, "-o", tmp.resolve("r.html").toString());
        assertEquals(Main.ACTION_REQUIRED, html.code());
        Run xlsx = evaluate(FABRIKAM, "--format", "xlsx");
        assertTrue(xlsx.err().contains("name the file with -o FILE.xlsx"), xlsx.err());
    }

    @Test
    void cliErrorsAreSentencesWithoutJavaExceptionNames(@TempDir Path tmp) throws Exception {
        Run date = evaluate(FABRIKAM, "--as-of", "2025-13-01");
        assertEquals(Main.ERROR, date.code());
        assertTrue(date.err().contains("'2025-13-01' is not a date: there is no such day; write it as yyyy-mm-dd"), date.err());
        Run typo = run("evaluate", FABRIKAM.toString(), "--fromat", "json");
        assertTrue(typo.err().contains("Did you mean: --format?"), typo.err());
        Run command = run("evalute", FABRIKAM.toString());
        assertTrue(command.err().contains("Did you mean: mfa-eval evaluate"), command.err());
        Run folder = run("evaluate", TestRules.EXAMPLES.toString(), "--rules", RULES);
        assertEquals(Main.ERROR, folder.code());
        assertTrue(folder.err().contains("holds 3 tenant folders") && folder.err().contains("mfa-eval batch " + TestRules.EXAMPLES), folder.err());
        Run duration = run("batch", TestRules.EXAMPLES.toString(), "--out", tmp.resolve("o").toString(), "--tenant-timeout", "5x");
        assertTrue(duration.err().contains("write e.g. 90s, 10m, 1h30m"), duration.err());
        Run number = run("batch", TestRules.EXAMPLES.toString(), "--out", tmp.resolve("o").toString(), "--threads", "two");
        assertEquals(Main.ERROR, number.code());
        assertTrue(number.err().contains("'two' is not a whole number; write digits only"), number.err());
        assertFalse(number.err().contains(" int"), number.err());
        Run days = evaluate(FABRIKAM, "--max-sign-in-age", "99999999999");
        assertTrue(days.err().contains("'99999999999' is too large a number"), days.err());

        Path broken = Files.createDirectories(tmp.resolve("broken"));
        Files.writeString(broken.resolve("tenant.json"), "{\n  \"tenantId\": \"x\",,\n}\n");
        Run json = run("evaluate", broken.toString(), "--rules", RULES);
        assertEquals(Main.ERROR, json.code());
        assertTrue(json.err().contains("tenant.json: not valid JSON: line 2, column"), json.err());

        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        Run csv = evaluate(FABRIKAM, "--format", "csv", "-o", file.toString());
        assertTrue(csv.err().contains("is a file: name a folder"), csv.err());
        for (Run r : List.of(date, typo, command, folder, duration, json, csv)) {
            assertFalse(r.err().matches("(?s).*\\b\\w+(Exception|Error)\\b.*"), () -> "a Java exception name in: " + r.err());
        }
    }

    @Test
    void batchWritesACrossTenantActionPlan(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        run("batch", TestRules.EXAMPLES.toString(), "--out", out.toString(), "--as-of", "2025-11-28", "--rules", RULES);
        List<String> lines = Files.readAllLines(out.resolve("action-plan.csv"));
        assertTrue(lines.get(0).replace("\"", "").startsWith("Tenant,Tenant id,Tenant status,Rank in tenant,Action,Severity,Enforcement date,"
                + "Already enforced,Users fixed,Findings,Report,Owner,Due date,Notes"), lines.get(0));
        int actions = 0;
        for (String t : List.of("contoso-ready", "fabrikam-gaps", "northwind-guests")) {
            actions += new ObjectMapper().readTree(out.resolve("tenants").resolve(t).resolve("report.json").toFile()).get("actions").size();
        }
        assertEquals(actions, lines.size() - 1, "every tenant's actions");
        assertTrue(lines.get(1).contains(",HIGH,"), "the most severe first: " + lines.get(1));
        String index = Files.readString(out.resolve("index.html"));
        assertTrue(index.indexOf("data-tenant=\"fabrikam-gaps\"") < index.indexOf("data-tenant=\"contoso-ready\""), "ready tenants last");
    }

    private static String summaryValue(Workbook book, String label) {
        for (Row row : book.getSheet("Summary")) {
            if (label.equals(row.getCell(0).getStringCellValue())) return row.getCell(1).getStringCellValue();
        }
        throw new AssertionError("no " + label + " row in the Summary sheet");
    }
}
