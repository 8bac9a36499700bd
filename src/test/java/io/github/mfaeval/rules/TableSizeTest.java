package io.github.mfaeval.rules;

import io.github.mfaeval.TestRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A reference table of 20,000 or 100,000 rows (an export pasted into the spreadsheet) is refused at once, naming
 * the file, its size and the limit the README states: never minutes of silence, never an OutOfMemoryError.
 */
class TableSizeTest {
    private static Path withApplications(Path tmp, int rows) throws Exception {
        Path rules = TestRules.copyOfRules(tmp.resolve("rules" + rows));
        Path table = rules.resolve("reference/applications.drl.csv");
        List<String> lines = Files.readAllLines(table);
        StringBuilder b = new StringBuilder();
        for (String l : lines) b.append(l).append('\n');
        for (int i = 0; i < rows - (lines.size() - 5); i++) {
            String id = String.format("%08x-0000-4000-8000-%012x", i, i);
            b.append("\"App ").append(i).append("\",\"MM-APP-X").append(i).append("\",\"Applications\",\"true\",\"").append(id)
                    .append("\",\"App ").append(i).append("\",\"2\"\n");
        }
        Files.writeString(table, b);
        return rules;
    }

    @Test
    void tablesOfTwentyAndAHundredThousandRowsAreRefusedAtOnceNamingTheFileAndTheLimit(@TempDir Path tmp) throws Exception {
        for (int rows : new int[] {20_000, 100_000}) {
            Path rules = withApplications(tmp, rows);
            long start = System.nanoTime();
            RuleBuildException e = assertThrows(RuleBuildException.class, () -> RuleBaseBuilder.build(RuleFiles.fromDirectory(rules)));
            double seconds = (System.nanoTime() - start) / 1e9;
            assertEquals(1, e.getProblems().size(), e.getMessage());
            String m = e.getProblems().get(0).toString();
            assertTrue(m.startsWith("reference/applications.drl.csv"), m);
            assertTrue(m.contains(String.format(java.util.Locale.ROOT, "%,d", rows).substring(0, 3)) && m.contains(" rows: a table holds at most 5,000"), m);
            assertTrue(m.contains("README, Rule tables"), m);
            assertTrue(seconds < 60, "refused before anything is compiled: " + seconds + " s");
        }
    }

    @Test
    void theProjectsTablesAreFarBelowTheLimit() throws Exception {
        RuleFiles rules = RuleFiles.fromDirectory(TestRules.RULES);
        for (String name : rules.files().keySet()) {
            if (AuthorTable.isTableFile(name)) assertTrue(TableSize.rows(name, rules.files().get(name)) < 100, name);
        }
    }
}
