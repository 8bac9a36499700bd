package io.github.mfaeval.rules;

import io.github.mfaeval.engine.RuleProblem;
import io.github.mfaeval.TestRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Decision tables in the author's format: what a spreadsheet does to them is tolerated, and every mistake is named by row and column. */
class AuthorTableTest {
    private static final String APPS = "reference/applications.drl.csv";

    private static String errors(String file, String content) {
        return errors(file, content.getBytes(StandardCharsets.UTF_8));
    }

    private static String errors(String file, byte[] content) {
        AuthorTable.Translation t = AuthorTable.translate(file, content);
        StringBuilder b = new StringBuilder();
        for (RuleProblem p : t.problems()) b.append(p).append('\n');
        return b.toString();
    }

    private static String appsTable(String... rows) {
        StringBuilder b = new StringBuilder("""
                "Global","io.github.mfaeval.engine.ReferenceSink reference"
                "Table","Applications"
                "Action","reference.add(new ListedApp({Client app id}, {Name shown in reports}, {Phase:number}))"
                "Application","Rule id","Source section","Active","Client app id","Name shown in reports","Phase"
                """);
        for (String r : rows) b.append(r).append('\n');
        return b.toString();
    }

    @Test
    void everyShippedTableIsInTheAuthorsFormat() throws Exception {
        try (Stream<Path> walk = Files.walk(TestRules.RULES)) {
            for (Path p : walk.filter(p -> p.toString().endsWith(".drl.csv")).toList()) {
                String name = TestRules.RULES.relativize(p).toString().replace('\\', '/');
                String stage = name.startsWith("editions/") ? name.split("/", 3)[2] : name;
                byte[] content = Files.readAllBytes(p);
                assertTrue(AuthorTable.isAuthorTable(stage, content), name);
                AuthorTable.Translation t = AuthorTable.translate(stage, content);
                assertEquals(List.of(), t.problems(), name);
                String text = new String(content, StandardCharsets.UTF_8);
                assertFalse(text.contains("RuleTable") || text.contains("$param") || text.contains("\"INFO\""), name + " shows Drools plumbing");
            }
        }
    }

    @Test
    void aSpreadsheetsWaysOfSavingAreTolerated() {
        // Excel's "CSV UTF-8": a byte order mark, CRLF, TRUE/yes for booleans, a comma inside a quoted cell, a
        // section typed with quotes by a hand used to the old format, blank lines at the end.
        String table = appsTable(
                "\"Exchange Online, added by an author\",\"MM-APP-099\",\"\"\"Applications\"\"\",\"TRUE\",\"00000002-0000-0ff1-ce00-000000000000\",\"Exchange, Online\",\"2\"",
                "\"SharePoint\",\"MM-APP-098\",\"Applications\",\"yes\",\"00000003-0000-0ff1-ce00-000000000000\",\"SharePoint\",\"2\"",
                "", "", "");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = table.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, content, 0, 3);
        System.arraycopy(body, 0, content, 3, body.length);
        AuthorTable.Translation t = AuthorTable.translate(APPS, content);
        assertEquals(List.of(), t.problems());
        assertTrue(t.drl().contains("rule \"Exchange Online, added by an author\""), t.drl());
        assertTrue(t.drl().contains("@section(\"Applications\")"), t.drl());
        assertTrue(t.drl().contains("reference.add(new ListedApp(\"00000002-0000-0ff1-ce00-000000000000\", \"Exchange, Online\", 2));"), t.drl());
        assertTrue(t.drl().contains("ReferenceBuild( active(true) )"), t.drl());
    }

    /** Issue 24: a column typed {@code date?} may be left empty (null: the application starts with its phase); a date is still checked. */
    @Test
    void anOptionalDateMayBeLeftEmptyButNotWrong() {
        String table = """
                "Global","io.github.mfaeval.engine.ReferenceSink reference"
                "Table","Applications"
                "Action","reference.add(new ListedApp({Client app id}, {Name shown in reports}, {Phase:number}, {Enforced from:date?}))"
                "Application","Rule id","Source section","Active","Client app id","Name shown in reports","Phase","Enforced from"
                "Azure CLI","MM-APP-002","Applications","true","04b07795-8ddb-461a-bbee-02f9e1bf7b46","Azure CLI","2",""
                "M365","MM-APP-005","Applications","true","00000006-0000-0ff1-ce00-000000000000","Microsoft 365 admin center","1","2025-02-01"
                """;
        AuthorTable.Translation t = AuthorTable.translate(APPS, table.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), t.problems());
        assertTrue(t.drl().contains("new ListedApp(\"04b07795-8ddb-461a-bbee-02f9e1bf7b46\", \"Azure CLI\", 2, null)"), t.drl());
        assertTrue(t.drl().contains("new ListedApp(\"00000006-0000-0ff1-ce00-000000000000\", \"Microsoft 365 admin center\", 1, java.time.LocalDate.parse(\"2025-02-01\"))"), t.drl());
        assertEquals("reference/applications.drl.csv: row 6, column H \"Enforced from\": \"February 2025\" is not a date written yyyy-mm-dd (such as 2025-03-15)\n",
                errors(APPS, table.replace("\"2025-02-01\"", "\"February 2025\"")));
        assertTrue(errors(APPS, table.replace("{Phase:number}", "{Phase:number?}")).contains("text? and date? may be left empty"));
    }

    @Test
    void aWrongValueIsNamedByRowAndColumn() {
        String e = errors(APPS, appsTable(
                "\"Azure CLI\",\"MM-APP-002\",\"Applications\",\"true\",\"04b07795-8ddb-461a-bbee-02f9e1bf7b46\",\"Azure CLI\",\"two\""));
        assertEquals("reference/applications.drl.csv: row 5, column G \"Phase\": \"two\" is not a whole number\n", e);
        e = errors(APPS, appsTable(
                "\"Azure CLI\",\"MM-APP-002\",\"Applications\",\"maybe\",\"04b07795-8ddb-461a-bbee-02f9e1bf7b46\",\"Azure CLI\",\"2\""));
        assertEquals("reference/applications.drl.csv: row 5, column D \"Active\": \"maybe\" is not true or false (yes and no are fine too)\n", e);
        e = errors(APPS, appsTable(
                "\"Azure CLI\",\"\",\"Applications\",\"true\",\"04b07795-8ddb-461a-bbee-02f9e1bf7b46\",\"\",\"2\""));
        assertTrue(e.contains("row 5, column B \"Rule id\": no rule id"), e);
        assertTrue(e.contains("row 5, column F \"Name shown in reports\": empty"), e);
    }

    @Test
    void aMisspeltEnumValueOrDateGetsASuggestion() {
        String methods = """
                "Table","MFA methods"
                "Action","reference.add(new MfaMethod({Method}, {Evidence kind:SatisfiedBy}, {Primary:boolean}))"
                "Name","Rule id","Source section","Active","Method","Evidence kind","Primary"
                "Passkey","MM-EVID-010","Implementation","true","Passkey","ENTRA_MFS","TRUE"
                """;
        assertEquals("reference/mfa-evidence.drl.csv: row 4, column F \"Evidence kind\": \"ENTRA_MFS\" is not one of ENTRA_MFA,"
                + " EXTERNAL_AUTHENTICATION_METHOD, FEDERATED_IDP_CLAIM, HOME_TENANT_MFA, PREVIOUS_MFA_CLAIM (did you mean \"ENTRA_MFA\"?)\n",
                errors("reference/mfa-evidence.drl.csv", methods));
        String schedule = """
                "Table","Phase schedule"
                "Action","reference.add(new PhaseDefault({Phase:number}, {Not before:date}))"
                "Phase start","Rule id","Source section","Active","Phase","Not before"
                "Phase 2","MM-SCHED-002","Enforcement phases","true","2","01/10/2025"
                """;
        assertEquals("reference/schedule.drl.csv: row 4, column F \"Not before\": \"01/10/2025\" is not a date written yyyy-mm-dd (such as 2025-03-15)\n",
                errors("reference/schedule.drl.csv", schedule));
    }

    @Test
    void aRenamedHeaderIsCaughtWhereTheActionUsesIt() {
        String e = errors(APPS, """
                "Table","Applications"
                "Action","reference.add(new ListedApp({Client app id}, {Name shown in reports}, {Phase:number}))"
                "Application","Rule id","Source section","Active","Client app ID","Name in reports","Phase"
                """);
        // The header cell is named (row 3, column F), with the header it should have: not the Action row, not the typo as the fix.
        assertEquals("reference/applications.drl.csv: row 3, column F \"Name in reports\": this header should read \"Name shown in reports\""
                + " (the name table \"Applications\"'s Action row gives the column)\n", e);
        String typo = errors(APPS, """
                "Table","Applications"
                "Action","reference.add(new ListedApp({Client app id}, {Name shown in reports}, {Phase:number}))"
                "Application","Rule id","Source section","Active","Clent app id","Name shown in reports","Phase"
                "Azure CLI","MM-APP-002","Applications","true","04b07795-8ddb-461a-bbee-02f9e1bf7b46","Azure CLI","2"
                """);
        assertEquals("reference/applications.drl.csv: row 3, column E \"Clent app id\": this header should read \"Client app id\""
                + " (the name table \"Applications\"'s Action row gives the column)\n", typo);
    }

    @Test
    void aRowRepeatedOrReusingAnIdATitleOrAKeyIsNamedWithBothRows() {
        String head = """
                "Table","Applications"
                "Action","reference.add(new ListedApp({Client app id}, {Name shown in reports}, {Phase:number}))"
                "Key","Client app id"
                "Application","Rule id","Source section","Active","Client app id","Name shown in reports","Phase"
                "Azure CLI","MM-APP-002","Applications","true","04b07795-8ddb-461a-bbee-02f9e1bf7b46","Azure CLI","2"
                """;
        // an exact copy (Drools would say "Duplicate rule name", naming neither row)
        assertEquals("reference/applications.drl.csv: row 6: repeats row 5 exactly: delete one of the two rows\n",
                errors(APPS, head + "\"Azure CLI\",\"MM-APP-002\",\"Applications\",\"true\",\"04b07795-8ddb-461a-bbee-02f9e1bf7b46\",\"Azure CLI\",\"2\"\n"));
        // a copy with a new title: the rule id, with both rows
        assertEquals("reference/applications.drl.csv: row 6, column B \"Rule id\": rule id MM-APP-002 is also on row 5: every row needs its own rule id\n"
                        + "reference/applications.drl.csv: row 6, column E \"Client app id\": Client app id 04b07795-8ddb-461a-bbee-02f9e1bf7b46 is also on"
                        + " row 5 (MM-APP-002): one active row per Client app id (the table's Key), or the second is silently ignored; merge the two rows,"
                        + " or set Active to false on the one to drop\n",
                errors(APPS, head + "\"Azure CLI again\",\"MM-APP-002\",\"Applications\",\"true\",\"04b07795-8ddb-461a-bbee-02f9e1bf7b46\",\"Azure CLI\",\"2\"\n"));
        // the same app id under another rule id and another phase: refused, naming both rows (the first used to win silently)
        assertEquals("reference/applications.drl.csv: row 6, column E \"Client app id\": Client app id 04B07795-8ddb-461a-bbee-02f9e1bf7b46 is also on"
                        + " row 5 (MM-APP-002): one active row per Client app id (the table's Key), or the second is silently ignored; merge the two rows,"
                        + " or set Active to false on the one to drop\n",
                errors(APPS, head + "\"Azure CLI, phase 1\",\"MM-APP-099\",\"Applications\",\"true\",\"04B07795-8ddb-461a-bbee-02f9e1bf7b46\",\"Azure CLI\",\"1\"\n"));
        // switched off, the second row is allowed (kept for the record)
        assertEquals("", errors(APPS, head + "\"Azure CLI, phase 1\",\"MM-APP-099\",\"Applications\",\"false\",\"04b07795-8ddb-461a-bbee-02f9e1bf7b46\",\"Azure CLI\",\"1\"\n"));
        // the same title under another id
        assertEquals("reference/applications.drl.csv: row 6, column A \"Application\": title \"Azure CLI\" is also on row 5: every row needs its own title\n",
                errors(APPS, head + "\"Azure CLI\",\"MM-APP-099\",\"Applications\",\"true\",\"1950a258-227b-4e31-a9cf-717495945fc2\",\"Azure PowerShell\",\"2\"\n"));
    }

    @Test
    void aRowWithACommaMissingOrOneTooManyIsSaidForThatRowAlone() {
        String head = """
                "Table","Applications"
                "Action","reference.add(new ListedApp({Client app id}, {Name shown in reports}, {Phase:number}))"
                "Application","Rule id","Source section","Active","Client app id","Name shown in reports","Phase"
                """;
        // a comma missing between two values: before, "Azure CLI" was a wrong Phase and the next cells cascaded
        assertEquals("reference/applications.drl.csv: row 4: 6 cells, but the header row (row 3) has 7: a comma is missing (or a value"
                        + " with a comma is not in quotes); the row is not read until it has one cell per header\n",
                errors(APPS, head + "Azure CLI,MM-APP-002,Applications,true 04b07795-8ddb-461a-bbee-02f9e1bf7b46,Azure CLI,2\n"
                        + "Azure PowerShell,MM-APP-003,Applications,true,1950a258-227b-4e31-a9cf-717495945fc2,Azure PowerShell,2\n"));
        assertEquals("reference/applications.drl.csv: row 4: 8 cells, but the header row (row 3) has 7: a comma is one too many (or a value"
                        + " with a comma is not in quotes); the row is not read until it has one cell per header\n",
                errors(APPS, head + "Azure CLI,MM-APP-002,Applications,true,04b07795-8ddb-461a-bbee-02f9e1bf7b46,Azure, CLI,2\n"));
        // an unbalanced quote: said in an author's words, not the CSV parser's
        String quote = errors(APPS, head + "\"Azure CLI\" \"MM-APP-002\",\"Applications\",\"true\",\"04b07795-8ddb-461a-bbee-02f9e1bf7b46\",\"Azure CLI\",\"2\"\n");
        assertEquals("reference/applications.drl.csv: row 4: a quote is out of place: a value in quotes must end with a quote followed by a"
                + " comma (or the end of the row), and a quote inside a value is written twice (\"\"); look for a missing comma after a quoted"
                + " value, or a missing or extra quote\n", quote);
        String open = errors(APPS, head + "\"Azure CLI,\"MM-APP-002\",\"Applications\",\"true\",\"04b07795\",\"Azure CLI\",\"2\"\n");
        assertFalse(open.contains("Unexpected character") || open.contains("code 34"), open);
    }

    @Test
    void aRowTheGeneratedRuleCannotCompileIsNamedByRow(@TempDir Path tmp) throws Exception {
        Path rules = TestRules.copyOfRules(tmp);
        Path table = rules.resolve(APPS);
        // An Action making a fact of a class that does not exist: the build error points at the first row, in the table.
        Files.writeString(table, Files.readString(table).replace("new ListedApp(", "new ListApp("));
        try {
            RuleBaseBuilder.build(RuleFiles.fromDirectory(rules));
            fail("built");
        } catch (RuleBuildException e) {
            String all = e.getProblems().toString();
            assertTrue(e.getProblems().stream().anyMatch(p -> p.file().equals(APPS) && p.message().startsWith("row 8: ")), all);
            assertTrue(all.contains("ListApp"), all);
            assertFalse(all.contains(".java"), all);
        }
    }

    @Test
    void aTableInDroolsOwnFormatIsRefusedSayingWhatToWriteInstead(@TempDir Path tmp) throws Exception {
        Path rules = TestRules.copyOfRules(tmp);
        // A table as Drools' own decision-table reader takes it (RuleSet, RuleTable, CONDITION/ACTION plumbing rows):
        // one table format is read, the author's, so this one is refused by name rather than built or half-explained.
        String table = "reference/extra-apps.drl.csv";
        Files.writeString(rules.resolve(table), """
                "RuleSet","reference"
                "Import","io.github.mfaeval.model.*"
                "Variables","io.github.mfaeval.engine.ReferenceSink reference"
                "",""
                "RuleTable Extra apps",""
                "NAME","CONDITION","ACTION"
                "","ReferenceBuild",""
                "","active($param)","reference.add(new ListedApp(""$param"", ""Extra"", 2));"
                "Name","Active","App"
                "Extra app","true","00000002-0000-0ff1-ce00-000000000000"
                """);
        try {
            RuleBaseBuilder.build(RuleFiles.fromDirectory(rules));
            fail("built");
        } catch (RuleBuildException e) {
            String all = e.getProblems().toString();
            assertTrue(e.getProblems().stream().anyMatch(p -> p.error() && p.file().equals(table) && p.line() == 0
                    && p.message().startsWith("row 1: this table is in Drools' own decision-table format (RuleSet and RuleTable rows)")
                    && p.message().contains("write it in the author's format") && p.message().contains("docs/rules-authoring.md")), all);
            assertEquals(1, e.getProblems().size(), "nothing else is said about the file: " + all);
        }
    }

    @Test
    void csvAndXlsxOfTheSameTableGiveTheSameRules(@TempDir Path tmp) throws Exception {
        try (Stream<Path> walk = Files.walk(TestRules.RULES.resolve("reference"))) {
            for (Path p : walk.filter(p -> p.toString().endsWith(".drl.csv")).toList()) {
                String name = "reference/" + p.getFileName();
                byte[] csv = Files.readAllBytes(p);
                byte[] xlsx = TableSheet.toWorkbook(rows(name, csv), "table");
                String xlsxName = name.replace(".csv", ".xlsx");
                AuthorTable.Translation fromCsv = AuthorTable.translate(name, csv);
                AuthorTable.Translation fromXlsx = AuthorTable.translate(xlsxName, xlsx);
                assertEquals(fromCsv.drl(), fromXlsx.drl(), name);
                // And back: the workbook's rows written as CSV are the same table again.
                String again = TableSheet.toCsv(rows(xlsxName, xlsx));
                assertEquals(fromCsv.drl(), AuthorTable.translate(name, again.getBytes(StandardCharsets.UTF_8)).drl(), name);
            }
        }
    }

    private static List<List<String>> rows(String name, byte[] content) throws TableSheet.Unreadable {
        List<List<String>> rows = new ArrayList<>();
        for (TableSheet.Line l : TableSheet.read(name, content)) rows.add(l.cells());
        return rows;
    }
}
