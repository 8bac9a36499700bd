package io.github.mfaeval.rules;

import io.github.mfaeval.engine.RuleProblem;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A decision table as a compliance author writes it (docs/rules-authoring.md), turned into the DRL it stands for:
 * one rule per data row. The author sees one value per column under a header that says what it is; the only
 * line that speaks Drools is each table's {@code Action} row in the header block, which authors leave alone.
 * Every problem names the file, the row and the column (letter and header) the author must fix.
 *
 * <pre>
 * Table,   Applications
 * Notes,   free text for the author
 * Action,  reference.add(new ListedApp({Client app id}, {Name shown in reports}, {Phase:number}))
 * Application, Rule id, Source section, Active, Client app id, Name shown in reports, Phase
 * Azure portal, MM-APP-001, Applications, true, c44b4083-..., Azure portal, 1
 * </pre>
 *
 * Placeholders are typed: {@code text} (default), {@code number} (whole), {@code boolean} (true/false, yes/no,
 * any case), {@code date} (yyyy-mm-dd, passed as a {@code LocalDate}), a list of allowed values {@code A|B|C} (passed as
 * text) and an enum of the model package by its simple name (passed as the constant). The first column is the rule's
 * title; {@code Rule id} and {@code Source section} are required, {@code Active} (blank is true) switches a row
 * off without deleting it. Before the first {@code Table} row a file may have {@code Import} and {@code Global}
 * rows (Drools declarations, also for tool authors only); classes of the model package are imported.
 */
public final class AuthorTable {
    /** The suffix under which the generated DRL of a table is compiled; messages about it are mapped back to the table. */
    public static final String GENERATED = ".generated.drl";
    static final String RULE_ID = "Rule id";
    static final String SECTION = "Source section";
    static final String ACTIVE = "Active";
    static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}:]+)(?::([^{}]+))?}");
    static final String MODEL = "io.github.mfaeval.model";

    /** The DRL of a table file, the table row behind each DRL line, and the author's problems (errors stop the build). */
    public record Translation(String drl, Map<Integer, String> rowOfLine, List<RuleProblem> problems) {
        public boolean failed() {
            return problems.stream().anyMatch(RuleProblem::error);
        }

        /** "row 7" for a line of the generated DRL, or null when the line is plumbing shared by the file. */
        public String rowAt(int line) {
            return rowOfLine.get(line);
        }
    }

    private AuthorTable() {
    }

    /** True for a table file in the author's format; false for Drools' own decision-table format (RuleSet / RuleTable rows). */
    public static boolean isAuthorTable(String file, byte[] content) {
        return isTableFile(file) && droolsFormatRow(file, content) == null;
    }

    /**
     * Where a table file shows Drools' own decision-table format, which the tool does not read: its first RuleSet or
     * RuleTable row ("row 2"); null for the author's format (an unreadable file is reported by {@link #translate}).
     */
    public static String droolsFormatRow(String file, byte[] content) {
        try {
            for (TableSheet.Line l : TableSheet.read(file, content)) {
                String first = l.cell(0);
                if (first.equalsIgnoreCase("RuleSet") || first.startsWith("RuleTable")) return l.where();
            }
        } catch (TableSheet.Unreadable e) {
            return null;
        }
        return null;
    }

    /** Why a table in Drools' own format is refused, and what to write instead. */
    static String droolsFormatRefused(String row) {
        return row + ": this table is in Drools' own decision-table format (RuleSet and RuleTable rows), which mfa-eval does not"
                + " read: write it in the author's format, a Table row, an Action row and a header row, then one row per rule"
                + " (see docs/rules-authoring.md, \"Decision tables\")";
    }

    public static boolean isTableFile(String file) {
        String lower = file.toLowerCase(Locale.ROOT);
        return lower.endsWith(".drl.csv") || lower.endsWith(".drl.xlsx") || lower.endsWith(".drl.xls");
    }

    public static Translation translate(String file, byte[] content) {
        List<RuleProblem> problems = new ArrayList<>();
        List<TableSheet.Line> lines;
        try {
            lines = TableSheet.read(file, content);
        } catch (TableSheet.Unreadable e) {
            problems.add(new RuleProblem(file, 0, true, e.getMessage()));
            return new Translation("", Map.of(), problems);
        }
        int slash = file.indexOf('/');
        String pkg = slash > 0 ? file.substring(0, slash) : "";
        if (!pkg.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            problems.add(new RuleProblem(file, 0, true,
                    "a table must be in the folder of its stage (reference/, tenant/, signin/ or user/)"));
            return new Translation("", Map.of(), problems);
        }
        return new TableTranslation(file, pkg, problems).build(lines);
    }

    /** The values of a list type "A|B|C", or of an enum of the model package named by its simple name ("SyncAccountPattern.Kind"). */
    static List<String> allowed(String type) {
        if (type.contains("|")) return List.of(type.split("\\|")).stream().map(String::strip).toList();
        try {
            Class<?> c = Class.forName(MODEL + "." + type.replace('.', '$'), false, AuthorTable.class.getClassLoader());
            if (!c.isEnum()) return null;
            return java.util.Arrays.stream(c.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList();
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    static Boolean bool(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y" -> Boolean.TRUE;
            case "false", "no", "n" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** A Java/DRL string literal. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /** " (did you mean "X"?)" for the closest of the known names, or "". */
    public static String didYouMean(String typed, java.util.Collection<String> known) {
        String best = Spelling.nearest(typed, known);
        return best == null ? "" : " (did you mean \"" + best + "\"?)";
    }
}
