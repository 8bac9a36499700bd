package io.github.mfaeval.cli;

import io.github.mfaeval.TestRules;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A tenant folder made by collect, which could not get a file (forbidden: a permission missing), says so on the
 * first screen of every format with what to do, "grant PERMISSION and collect again", and its INPUT_MISSING finding
 * says the same instead of "export them" (issue 27).
 */
class CollectionGapsFirstTest {
    static final String PERMISSION = "Policy.ReadWrite.AuthenticationMethod";
    static final String ADVICE = "grant " + PERMISSION + " and collect again";

    @TempDir
    static Path temp;
    static Path tenant;

    @BeforeAll
    static void aCollectedTenantWithAForbiddenFile() throws IOException {
        tenant = temp.resolve("collected");
        Files.createDirectories(tenant);
        try (var files = Files.list(TestRules.EXAMPLES.resolve("fabrikam-gaps"))) {
            for (Path f : files.toList()) Files.copy(f, tenant.resolve(f.getFileName()));
        }
        // fabrikam-gaps has no perUserMfa.json: here collect was refused it.
        Files.deleteIfExists(tenant.resolve("perUserMfa.json"));
        Files.writeString(tenant.resolve("collection.json"), """
                {"tool": "mfa-eval test", "startedAt": "2025-11-28T01:00:00Z", "finishedAt": "2025-11-28T01:05:00Z", "complete": false,
                 "signInWindow": {"from": "2025-11-01T00:00:00Z", "to": "2025-11-28T00:00:00Z", "days": 27},
                 "files": [
                   {"name": "users.json", "status": "collected", "records": 9},
                   {"name": "perUserMfa.json", "status": "forbidden", "missingPermission": "%s", "reason": "403 Forbidden"}
                 ]}
                """.formatted(PERMISSION));
    }

    private static CliTest.Run evaluate(String... more) {
        List<String> args = new ArrayList<>(List.of("evaluate", tenant.toString(), "--rules", TestRules.RULES.toString()));
        args.addAll(List.of(more));
        return CliTest.run(args.toArray(String[]::new));
    }

    /** The report written to a file (evaluate writes standard output outside picocli's writers). */
    private static String report(String name, String... more) throws IOException {
        Path file = temp.resolve(name);
        List<String> args = new ArrayList<>(List.of(more));
        args.addAll(List.of("-o", file.toString()));
        evaluate(args.toArray(String[]::new));
        return Files.readString(file);
    }

    private static String firstLines(String text, int n) {
        return String.join("\n", text.lines().limit(n).toList());
    }

    @Test
    void textMarkdownAndHtmlSayItBeforeAnythingElse() throws IOException {
        String text = report("r.txt");
        assertTrue(firstLines(text, 8).contains("Collect  Collection incomplete, so this report stands on part of the tenant."
                + " Not collected: perUserMfa.json (forbidden): " + ADVICE + "."), text);
        String md = report("r.md");
        assertTrue(firstLines(md, 3).replace("\\", "").contains(ADVICE), md);
        Path html = temp.resolve("r.html");
        evaluate("-o", html.toString());
        String page = Files.readString(html);
        String header = page.substring(page.indexOf("<header"), page.indexOf("</header>"));
        assertTrue(header.contains("id=\"collection-gaps\"") && header.contains(ADVICE), header);
    }

    @Test
    void jsonXlsxAndTheCsvActionPlanSayItFirst() throws IOException {
        Path json = temp.resolve("r.json");
        evaluate("-o", json.toString());
        String j = Files.readString(json);
        assertTrue(j.indexOf("\"collectionGaps\"") > 0 && j.indexOf("\"collectionGaps\"") < j.indexOf("\"signIns\""), "before the sign-ins");
        assertEquals(ADVICE, io.github.mfaeval.report.JsonRenderer.MAPPER.readTree(j).at("/collectionGaps/0/advice").asText());

        Path xlsx = temp.resolve("r.xlsx");
        evaluate("-o", xlsx.toString());
        List<String> rows = new ArrayList<>();
        try (Workbook book = WorkbookFactory.create(xlsx.toFile())) {
            DataFormatter f = new DataFormatter();
            for (Row row : book.getSheet("Summary")) if (rows.size() < 10) rows.add(f.formatCellValue(row.getCell(1)));
        }
        assertTrue(rows.stream().anyMatch(c -> c.contains(ADVICE)), rows.toString());

        Path csv = temp.resolve("csv");
        evaluate("--format", "csv", "-o", csv.toString());
        List<String> plan = Files.readAllLines(csv.resolve("action-plan.csv"));
        assertTrue(plan.get(1).contains("perUserMfa.json") && plan.get(1).contains(ADVICE), plan.get(1));
    }

    @Test
    void theFindingSaysGrantAndCollectAgainNotExport() throws IOException {
        String json = report("f.json");
        assertTrue(json.contains("perUserMfa.json was not collected (forbidden), so coverage by per-user MFA cannot be checked: " + ADVICE + "."), json);
        assertFalse(json.contains("perUserMfa.json is missing from the tenant folder"), "not the words for a hand-made export");
        // A folder not made by collect keeps the export advice.
        Path file = temp.resolve("examples.json");
        CliTest.run("evaluate", TestRules.EXAMPLES.resolve("fabrikam-gaps").toString(), "--rules", TestRules.RULES.toString(), "-o", file.toString());
        String examples = Files.readString(file);
        assertTrue(examples.contains("perUserMfa.json is missing from the tenant folder, so coverage by per-user MFA cannot be checked:"
                + " export it (see docs/formats.md) and evaluate again."), "hand-made export");
        assertFalse(examples.contains("\"collectionGaps\""), "no collection, no gaps");
    }
}
