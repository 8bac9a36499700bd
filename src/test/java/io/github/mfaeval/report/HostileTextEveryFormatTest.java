package io.github.mfaeval.report;

import io.github.mfaeval.TestRules;
import io.github.mfaeval.cli.Main;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
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
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One tenant whose names carry ESC and CSI sequences, an 8-bit CSI (U+009B), BEL, a right-to-left override
 * (U+202E) and an isolate (U+2066), through every report format and the batch's outputs: no format lets one of
 * them through raw. The page shows each as its code point; the text formats (text, Markdown, CSV, XLSX, NDJSON)
 * show '?', as the text report always did.
 */
class HostileTextEveryFormatTest {
    static final String NAME = "Evil\u001b[31m\u009b2J\u0007\u202Egnp.exe Co";
    static final String NAME_AS_TEXT = "Evil?[31m?2J??gnp.exe Co";
    static final String UPN = "erik\u202Eliam\u2066\u001b]0;x\u0007@fabrikam.com";
    static final String POLICY = "Duo\u202E \u0085MFA\u000b for all";
    /** What must never be written raw (line ends are the formats' own). */
    static final String FORBIDDEN = "\u001b\u009b\u0007\u202E\u2066\u0085\u000b";

    @TempDir
    static Path tmp;
    static Path root;

    @BeforeAll
    static void hostileTenant() throws Exception {
        root = tmp.resolve("root");
        Path dir = root.resolve("evil");
        Files.createDirectories(dir);
        Map<String, String> replace = Map.of("Fabrikam Test Lab", NAME, "erik.dev@fabrikam.com", UPN,
                "Duo MFA for all apps (custom control)", POLICY);
        try (Stream<Path> files = Files.list(TestRules.EXAMPLES.resolve("fabrikam-gaps"))) {
            for (Path f : files.toList()) {
                String json = Files.readString(f, StandardCharsets.UTF_8);
                for (var e : replace.entrySet()) {
                    json = json.replace(e.getKey(), new String(com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(e.getValue())));
                }
                Files.writeString(dir.resolve(f.getFileName()), json, StandardCharsets.UTF_8);
            }
        }
    }

    record Run(int code, String out, String err) {
    }

    static Run cli(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    private static void assertNoneRaw(String where, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int at = i;
            assertFalse(FORBIDDEN.indexOf(c) >= 0, () -> where + ": U+" + String.format("%04X", (int) c) + " written raw near \""
                    + text.substring(Math.max(0, at - 30), Math.min(text.length(), at + 10)) + "\"");
        }
    }

    private static Path evaluate(String format, String file) {
        Path out = tmp.resolve(file);
        Run r = cli("evaluate", root.resolve("evil").toString(), "--format", format, "-o", out.toString());
        assertTrue(r.code() == Main.ACTION_REQUIRED || r.code() == Main.READY, () -> format + ": exit " + r.code() + ": " + r.out() + r.err());
        assertNoneRaw(format + " stderr", r.err());
        return out;
    }

    @Test
    void everyTextFormatShowsTheCharactersAsQuestionMarks() throws Exception {
        for (String[] f : new String[][] {{"text", "r.txt"}, {"markdown", "r.md"}, {"ndjson", "r.ndjson"}}) {
            String text = Files.readString(evaluate(f[0], f[1]));
            assertNoneRaw(f[0], text);
            assertTrue(text.contains(NAME_AS_TEXT) || text.contains(NAME_AS_TEXT.replace(".", "\\.").replace("[", "\\[")), f[0] + ":\n" + text);
        }
        Path csv = evaluate("csv", "csv");
        List<String> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(csv)) {
            for (Path p : files.toList()) {
                String text = Files.readString(p);
                assertNoneRaw(p.getFileName().toString(), text);
                all.add(text);
            }
        }
        assertTrue(String.join("", all).contains(NAME_AS_TEXT), "the tenant's findings name it, as text");
        assertTrue(String.join("", all).contains("erik?liam??]0;x?@fabrikam.com"), "the UPN, as text");
    }

    @Test
    void theWorkbookHoldsNoneOfThem() throws Exception {
        Path xlsx = evaluate("xlsx", "r.xlsx");
        StringBuilder cells = new StringBuilder();
        try (InputStream in = Files.newInputStream(xlsx); Workbook w = new XSSFWorkbook(in)) {
            for (Sheet s : w) {
                for (Row row : s) {
                    for (Cell c : row) cells.append(c.toString()).append('\n');
                }
            }
        }
        assertNoneRaw("xlsx", cells.toString());
        assertTrue(cells.toString().contains("erik?liam??]0;x?@fabrikam.com"), "the UPN, as text");
    }

    @Test
    void thePageShowsEachAsItsCodePoint() throws Exception {
        String html = Files.readString(evaluate("html", "r.html"));
        assertNoneRaw("html", html);
        assertTrue(html.contains("Evil[U+001B][31m[U+009B]2J[U+0007][U+202E]gnp.exe Co"), "the name, every hidden character shown");
        assertTrue(html.contains("erik[U+202E]liam[U+2066][U+001B]]0;x[U+0007]@fabrikam.com"), "the UPN");
    }

    @Test
    void theBatchOutputsAndItsLogHoldNoneOfThem() throws Exception {
        Path out = tmp.resolve("batch-out");
        Run r = cli("batch", root.toString(), "--out", out.toString());
        assertTrue(r.code() == Main.ACTION_REQUIRED || r.code() == Main.READY, () -> "exit " + r.code() + ": " + r.out() + r.err());
        assertNoneRaw("batch log", r.out() + r.err());
        int checked = 0;
        try (Stream<Path> files = Files.walk(out)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                String name = p.getFileName().toString();
                if (name.endsWith(".json") || name.startsWith(".")) continue; // the JSON files carry values exactly
                assertNoneRaw(out.relativize(p).toString(), Files.readString(p));
                checked++;
            }
        }
        assertTrue(checked >= 4, "summary.csv, action-plan.csv, index.html and the tenant's page: " + checked);
        assertTrue(Files.readString(out.resolve("summary.csv")).contains(NAME_AS_TEXT));
        assertTrue(Files.readString(out.resolve("index.html")).contains("[U+202E]gnp.exe Co"));
    }

    @Test
    void comparingEditionsPrintsThemAsQuestionMarksAndRefusesAPageItCannotWrite() throws Exception {
        Run text = cli("evaluate", root.resolve("evil").toString(), "--compare-edition", "2024-09-24");
        assertNoneRaw("compare-edition", text.out() + text.err());
        Run json = cli("evaluate", root.resolve("evil").toString(), "--compare-edition", "2024-09-24", "--format", "json");
        assertNoneRaw("compare-edition json", json.out() + json.err());
        for (String file : new String[] {"c.html", "c.xlsx", "c.md"}) {
            Path f = tmp.resolve(file);
            Run refused = cli("evaluate", root.resolve("evil").toString(), "--compare-edition", "2024-09-24", "-o", f.toString());
            assertEquals(Main.ERROR, refused.code(), refused.err());
            assertTrue(refused.err().contains("--compare-edition lists the verdicts that differ as text or json, not "), refused.err());
            assertFalse(Files.exists(f), "nothing written under " + file);
        }
        Run html = cli("evaluate", root.resolve("evil").toString(), "--compare-edition", "2024-09-24", "--format", "html");
        assertEquals(Main.ERROR, html.code(), html.err());
    }
}
