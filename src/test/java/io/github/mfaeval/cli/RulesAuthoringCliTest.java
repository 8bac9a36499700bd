package io.github.mfaeval.cli;

import io.github.mfaeval.TestRules;
import io.github.mfaeval.rules.TableSheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What an author sees of the rules from the command line: rules convert, and --verbose on a rule that does not build. */
class RulesAuthoringCliTest {

    private static List<List<String>> cells(Path file) throws Exception {
        return TableSheet.read(file.getFileName().toString(), Files.readAllBytes(file)).stream().map(TableSheet.Line::cells).toList();
    }

    @Test
    void aTableConvertedToXlsxBuildsTheSameRulesAndConvertsBackToTheSameCells(@TempDir Path tmp) throws Exception {
        Path rules = TestRules.copyOfRules(tmp.resolve("rules"));
        Path csv = rules.resolve("reference/applications.drl.csv");
        List<List<String>> before = cells(csv);
        String listBefore = CliTest.run("rules", "list", "--no-cache", "--rules", rules.toString()).out();

        CliTest.Run toXlsx = CliTest.run("rules", "convert", csv.toString());
        assertEquals(0, toXlsx.code(), toXlsx.err());
        Path xlsx = rules.resolve("reference/applications.drl.xlsx");
        assertTrue(Files.isRegularFile(xlsx));
        assertTrue(toXlsx.out().contains("now delete one of the two from the rules folder: " + csv + " (if you will edit"
                + " applications.drl.xlsx) or " + xlsx + " (if you keep editing applications.drl.csv); with both, the rules do not build"), toXlsx.out());
        assertEquals(before, cells(xlsx), "the workbook holds the same cells, row for row");

        // Both kept, a row added to the CSV must not vanish behind the workbook: the check fails, naming both files.
        Files.writeString(csv, Files.readString(csv) + "\"Another app\",\"MM-APP-098\",\"Applications\",\"true\","
                + "\"11111111-2222-3333-4444-555555555555\",\"Another app\",\"1\"\n");
        CliTest.Run both = CliTest.run("rules", "check", "--no-cache", rules.toString());
        assertEquals(2, both.code(), both.out() + both.err());
        assertTrue(both.err().contains("reference/applications.drl.xlsx: table reference/applications.drl is also in reference/applications.drl.csv:"
                + " one table, one file. Keep the one you edit and delete the other (rules convert writes one from the other)"), both.err());

        // the author works in the workbook from now on
        Files.move(csv, tmp.resolve("applications.drl.csv.orig"));
        CliTest.Run check = CliTest.run("rules", "check", "--no-cache", rules.toString());
        assertEquals(0, check.code(), check.err());
        assertEquals(listBefore, CliTest.run("rules", "list", "--no-cache", "--rules", rules.toString()).out().replace(".drl.xlsx", ".drl.csv"));

        // and back, for review in version control
        CliTest.Run back = CliTest.run("rules", "convert", xlsx.toString(), "-o", tmp.resolve("again.drl.csv").toString());
        assertEquals(0, back.code(), back.err());
        assertEquals(before, cells(tmp.resolve("again.drl.csv")));
    }

    @Test
    void convertKeepsRowNumbersAndRefusesToOverwrite(@TempDir Path tmp) throws Exception {
        Path csv = tmp.resolve("t.drl.csv");
        Files.writeString(csv, "Notes,x\n\n\nTable,T\r\n\"a, b\",TRUE\n");
        assertEquals(0, CliTest.run("rules", "convert", csv.toString()).code());
        List<TableSheet.Line> lines = TableSheet.read("t.drl.xlsx", Files.readAllBytes(tmp.resolve("t.drl.xlsx")));
        assertEquals("row 5", lines.get(lines.size() - 1).where());
        assertEquals(List.of("a, b", "TRUE"), lines.get(lines.size() - 1).cells());

        CliTest.Run again = CliTest.run("rules", "convert", csv.toString());
        assertEquals(2, again.code());
        assertTrue(again.err().contains("t.drl.xlsx: exists; give --force to overwrite it"), again.err());
        assertEquals(0, CliTest.run("rules", "convert", csv.toString(), "--force").code());

        CliTest.Run notATable = CliTest.run("rules", "convert", tmp.resolve("rules.drl").toString());
        assertEquals(2, notATable.code());
        assertTrue(notATable.err().contains("must end in .csv or .xlsx"), notATable.err());
    }

    @Test
    void droolsOwnMessagesAndGeneratedJavaAreShownOnlyWithVerbose(@TempDir Path tmp) throws Exception {
        Path rules = TestRules.copyOfRules(tmp.resolve("rules"));
        Path drl = rules.resolve("tenant/manifest.drl");
        Files.writeString(drl, Files.readString(drl).replace("$t.getTenantId())", "$t.getTenantID())"));

        CliTest.Run plain = CliTest.run("rules", "check", "--no-cache", "--edition", "2024-09-24", rules.toString());
        assertEquals(2, plain.code());
        assertTrue(plain.err().contains("tenant/manifest.drl:14:49: Tenant has no method getTenantID()"), plain.err());
        assertFalse(plain.err().contains("Drools' own messages"), plain.err());
        assertFalse(plain.err().contains(".java"), plain.err());

        CliTest.Run verbose = CliTest.run("rules", "check", "--no-cache", "--edition", "2024-09-24", "--verbose", rules.toString());
        assertEquals(2, verbose.code());
        assertTrue(verbose.err().contains("tenant/manifest.drl:14:49: Tenant has no method getTenantID()"), verbose.err());
        assertTrue(verbose.err().contains("Drools' own messages (--verbose):"), verbose.err());
        assertTrue(verbose.err().contains("ERROR "), verbose.err());
        assertTrue(verbose.err().contains("getTenantID"), verbose.err());
        assertTrue(verbose.err().contains(".java"), "the generated Java is named: " + verbose.err());
    }
}
