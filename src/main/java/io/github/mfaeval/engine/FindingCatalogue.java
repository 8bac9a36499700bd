package io.github.mfaeval.engine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The findings catalogue, {@code rules/findings.csv}: every finding code the rules raise, with its title, its
 * source (a heading of the page, or {@code faq:ID} from test-scenarios/faqs.yaml), what to do about it and links.
 * A table in the same tolerant reading as the decision tables (one header row: Code, Title, Source, Remediation,
 * Links). {@code rules check} holds the rules and the catalogue to each other: a code a rule raises must be in
 * the catalogue (a typo gets a "did you mean"), and a code in the catalogue must be raised by some rule of some
 * edition.
 */
public final class FindingCatalogue {
    public static final String FILE = "findings.csv";
    static final List<String> HEADERS = List.of("Code", "Title", "Source", "Remediation", "Links");
    private static final Pattern RAISED = Pattern.compile(
            "findings\\s*\\.\\s*(?:add|user|advice|incomplete)\\s*\\(\\s*(?:\\$?\\w+\\s*,\\s*)?\"([A-Za-z0-9_]+)\"");

    /** One code of the catalogue, and the row it is on. */
    public record Entry(String code, String title, String source, String remediation, String links, String row) {
    }

    /** A code a rule raises, and where. */
    public record Raised(String code, String file, int line, int column) {
    }

    private final Map<String, Entry> entries;

    private FindingCatalogue(Map<String, Entry> entries) {
        this.entries = entries;
    }

    public Map<String, Entry> entries() {
        return entries;
    }

    /** The catalogue of a table file; mistakes (a missing column, an empty or repeated code) go to {@code problems}. */
    public static FindingCatalogue read(String file, byte[] content, List<RuleProblem> problems) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        List<TableSheet.Line> lines;
        try {
            lines = TableSheet.read(file, content);
        } catch (TableSheet.Unreadable e) {
            problems.add(new RuleProblem(file, 0, true, e.getMessage()));
            return new FindingCatalogue(entries);
        }
        List<String> headers = null;
        int[] column = new int[HEADERS.size()];
        for (TableSheet.Line l : lines) {
            if (l.blank() || (headers == null && l.cell(0).equalsIgnoreCase("Notes"))) continue;
            if (headers == null) {
                headers = l.cells();
                for (int i = 0; i < HEADERS.size(); i++) {
                    column[i] = -1;
                    for (int c = 0; c < headers.size(); c++) if (headers.get(c).equalsIgnoreCase(HEADERS.get(i))) column[i] = c;
                    if (column[i] < 0) problems.add(new RuleProblem(file, 0, true, l.where() + ": no column \"" + HEADERS.get(i) + "\""
                            + AuthorTable.didYouMean(HEADERS.get(i), headers) + "; the header row is " + String.join(", ", headers)));
                }
                if (column[0] < 0) return new FindingCatalogue(entries);
                continue;
            }
            String code = l.cell(column[0]);
            String where = l.where() + ", column " + TableSheet.columnLetter(column[0]) + " \"Code\"";
            if (code.isEmpty()) {
                problems.add(new RuleProblem(file, 0, true, where + ": no code"));
                continue;
            }
            if (!code.matches("[A-Z][A-Z0-9_]*")) {
                problems.add(new RuleProblem(file, 0, true, where + ": \"" + code + "\" is not a finding code (capitals, digits and _ only)"));
            }
            Entry previous = entries.put(code, new Entry(code, cell(l, column[1]), cell(l, column[2]), cell(l, column[3]), cell(l, column[4]), l.where()));
            if (previous != null) problems.add(new RuleProblem(file, 0, true, where + ": " + code + " is also on " + previous.row()));
        }
        return new FindingCatalogue(entries);
    }

    private static String cell(TableSheet.Line l, int column) {
        return column < 0 ? "" : l.cell(column);
    }

    /** The codes raised in the DRL texts given (file name -> text), with their line and column. */
    public static List<Raised> raised(Map<String, String> drl) {
        List<Raised> out = new ArrayList<>();
        for (Map.Entry<String, String> e : drl.entrySet()) {
            String[] lines = e.getValue().split("\n", -1);
            int offset = 0;
            int[] starts = new int[lines.length];
            for (int i = 0; i < lines.length; i++) {
                starts[i] = offset;
                offset += lines[i].length() + 1;
            }
            Matcher m = RAISED.matcher(e.getValue());
            while (m.find()) {
                int at = m.start(1);
                int line = 0;
                while (line + 1 < starts.length && starts[line + 1] <= at) line++;
                if (lines[line].strip().startsWith("//")) continue;
                out.add(new Raised(m.group(1), e.getKey(), line + 1, at - starts[line] + 1));
            }
        }
        return out;
    }

    /**
     * The problems between a rules folder's catalogue and its rules, every edition taken together; none when the
     * folder has no catalogue. Files are named as they are in the folder (editions/ID/... for an edition's own).
     */
    public static List<RuleProblem> check(RuleFiles folder) throws IOException {
        List<RuleProblem> problems = new ArrayList<>();
        byte[] content = folder.files().get(FILE);
        if (content == null) return problems;
        FindingCatalogue catalogue = read(FILE, content, problems);
        Map<String, String> drl = new TreeMap<>();
        for (String id : folder.availableEditions()) {
            RuleFiles edition = folder.edition(id);
            for (Map.Entry<String, byte[]> f : edition.files().entrySet()) {
                String name = f.getKey();
                if (!name.toLowerCase(Locale.ROOT).endsWith(".drl")) continue;
                drl.put(edition.pathOf(name), new String(f.getValue(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        Set<String> used = new LinkedHashSet<>();
        for (Raised r : raised(drl)) {
            used.add(r.code());
            if (!catalogue.entries.containsKey(r.code())) {
                problems.add(new RuleProblem(r.file(), r.line(), r.column(), true, "finding code " + r.code() + " is not in " + FILE
                        + AuthorTable.didYouMean(r.code(), catalogue.entries.keySet())
                        + ": correct the code, or add a row for it to " + FILE));
            }
        }
        for (Entry e : catalogue.entries.values()) {
            if (!used.contains(e.code())) {
                problems.add(new RuleProblem(FILE, 0, true, e.row() + ": " + e.code() + " is raised by no rule of any edition:"
                        + " remove the row, or correct the code" + AuthorTable.didYouMean(e.code(), used)));
            }
        }
        return problems;
    }
}
