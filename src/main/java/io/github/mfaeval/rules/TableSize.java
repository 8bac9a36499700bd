package io.github.mfaeval.rules;

import io.github.mfaeval.engine.RuleProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * How large a decision table the tool builds. Every data row of a table is one rule, and Drools' executable model
 * compiles each rule into classes: measured on this project's rules with the launcher's default heap (1 GB),
 * 20,000 rows ran out of memory and 100,000 rows compiled for minutes before failing. Reference tables are lists
 * of ids and dates of Microsoft's page (tens of rows), so a table beyond {@link #MAX_ROWS} rows is refused, before
 * anything is compiled, with its file, its row count and the limit (README, "Rule tables").
 */
final class TableSize {
    /** Data rows (lines after a table's header) one table file may hold. */
    static final int MAX_ROWS = 5_000;

    private TableSize() {
    }

    static List<RuleProblem> check(RuleFiles rules, List<String> ruleFiles) {
        List<RuleProblem> out = new ArrayList<>();
        for (String name : ruleFiles) {
            if (!AuthorTable.isTableFile(name)) continue;
            int rows = rows(name, rules.files().get(name));
            if (rows > MAX_ROWS) {
                out.add(new RuleProblem(name, 0, true, String.format(java.util.Locale.ROOT,
                        "%,d rows: a table holds at most %,d (each row is one rule, and that many rules do not build within the default "
                                + "memory; README, Rule tables); split the list or keep the ids out of the rules", rows, MAX_ROWS)));
            }
        }
        return out;
    }

    /** The lines of a table file that are not blank, header rows included (a bound, not an exact count of rules). */
    static int rows(String name, byte[] content) {
        try {
            int n = 0;
            for (TableSheet.Line l : TableSheet.read(name, content)) {
                if (l.cells().stream().anyMatch(c -> c != null && !c.isBlank())) n++;
            }
            // the header block (Table, Action, headers, Notes, Import, Global) is a few lines, not rows
            return Math.max(0, n - 4);
        } catch (TableSheet.Unreadable e) {
            return 0; // said by the table's own reading, with its reason
        }
    }

    /** The message when the build ran out of memory anyway: the largest table, and what to do. */
    static String outOfMemory(RuleFiles rules, List<String> ruleFiles) {
        String largest = null;
        int most = -1;
        for (String name : ruleFiles) {
            if (!AuthorTable.isTableFile(name)) continue;
            int rows = rows(name, rules.files().get(name));
            if (rows > most) {
                most = rows;
                largest = name;
            }
        }
        return "the rules ran out of memory while building" + (largest == null ? "" : " (the largest table: " + largest + ", " + most + " rows)")
                + ": make the tables smaller, or give the tool more memory (MFA_EVAL_HEAP=2g; README, Memory)";
    }
}
