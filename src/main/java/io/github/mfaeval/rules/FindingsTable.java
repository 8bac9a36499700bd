package io.github.mfaeval.rules;

import io.github.mfaeval.engine.FindingCatalogue;
import io.github.mfaeval.engine.FindingCatalogue.Entry;
import io.github.mfaeval.engine.FindingCatalogue.Message;
import io.github.mfaeval.engine.RuleProblem;
import io.github.mfaeval.model.Severity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads {@code rules/findings.csv} into the {@link FindingCatalogue} the rules run with, and checks the table as it
 * reads it: every mistake (a missing column, an empty or repeated key, a code that can require action but names no
 * action, ...) is a problem located by row and column. The table's format is described on {@link FindingCatalogue}.
 */
public final class FindingsTable {
    static final List<String> HEADERS = List.of("Code", "Variant", "Title", "Source", "Remediation", "Links", "Message", "Action", "Severity");
    private static final int ACTION = 7;
    private static final int SEVERITY = 8;
    /**
     * The optional column naming the phase a code is about, when that is not the phase of its subject's applications:
     * ARM writes are refused from the tenant's Phase 2 start, whichever applications the user also signs in to.
     */
    static final String PHASE = "Phase";

    private FindingsTable() {
    }

    /** The catalogue of a rules folder (as one edition sees it), or null when it has none. */
    public static FindingCatalogue of(RuleFiles rules, List<RuleProblem> problems) {
        byte[] content = rules.files().get(FindingCatalogue.FILE);
        return content == null ? null : read(FindingCatalogue.FILE, content, problems);
    }

    /** The catalogue of a table file; mistakes (a missing column, an empty or repeated key) go to {@code problems}. */
    public static FindingCatalogue read(String file, byte[] content, List<RuleProblem> problems) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        Map<String, Message> messages = new LinkedHashMap<>();
        List<TableSheet.Line> lines;
        try {
            lines = TableSheet.read(file, content);
        } catch (TableSheet.Unreadable e) {
            problems.add(new RuleProblem(file, 0, true, e.getMessage()));
            return FindingCatalogue.of(entries, messages);
        }
        List<String> headers = null;
        int[] column = new int[HEADERS.size()];
        int phaseColumn = -1;
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
                for (int c = 0; c < headers.size(); c++) if (headers.get(c).equalsIgnoreCase(PHASE)) phaseColumn = c;
                if (column[0] < 0) return FindingCatalogue.of(entries, messages);
                continue;
            }
            String code = l.cell(column[0]);
            String where = at(l, column[0], "Code");
            if (code.isEmpty()) {
                problems.add(new RuleProblem(file, 0, true, where + ": no code"));
                continue;
            }
            if (!code.matches("[A-Z][A-Z0-9_]*")) {
                problems.add(new RuleProblem(file, 0, true, where + ": \"" + code + "\" is not a finding code (capitals, digits and _ only)"));
            }
            String variant = cell(l, column[1]);
            if (!variant.isEmpty() && !variant.matches("[A-Za-z0-9_-]+")) {
                problems.add(new RuleProblem(file, 0, true, at(l, column[1], "Variant") + ": \"" + variant
                        + "\" is not a variant name (letters, digits, - and _ only, such as not-global-admin)"));
            }
            String key = variant.isEmpty() ? code : code + "/" + variant;
            Entry first = entries.get(code);
            if (first == null) {
                Entry entry = new Entry(code, cell(l, column[2]), cell(l, column[3]), cell(l, column[4]), cell(l, column[5]),
                        cell(l, column[ACTION]), l.where(), key, phase(file, l, phaseColumn, problems));
                entries.put(code, entry);
                checkAction(file, l, column, entry, entries, problems);
            } else {
                // A further message of a code: what the code is called and what to do about it are said once, on its first row.
                for (int i : new int[]{2, 3, 4, 5, ACTION}) {
                    if (!cell(l, column[i]).isEmpty()) {
                        problems.add(new RuleProblem(file, 0, true, at(l, column[i], HEADERS.get(i)) + ": " + code + " has its "
                                + HEADERS.get(i) + " on " + first.row() + ": leave it blank on the code's further messages"));
                    }
                }
            }
            Severity severity = severity(file, l, column[SEVERITY], key, first == null ? null : messages.get(first.firstKey()), problems);
            String template = cell(l, column[6]);
            if (template.isEmpty()) problems.add(new RuleProblem(file, 0, true, at(l, column[6], "Message") + ": no message for " + key));
            Message previous = messages.put(key, new Message(key, code, severity, template, FindingCatalogue.placeholders(template), l.where()));
            if (previous != null) problems.add(new RuleProblem(file, 0, true, where + ": " + key + " is also on " + previous.row()
                    + (variant.isEmpty() ? ": give one of them a Variant" : "")));
        }
        if (headers != null && column[ACTION] >= 0) checkActionable(file, column[ACTION], entries, messages, problems);
        return FindingCatalogue.of(entries, messages);
    }

    /**
     * Every code that can require action (a message at HIGH, MEDIUM or LOW) is fixed by an action with a title and
     * advice: a report must never title an action with a raw code, nor give one user's message as what to do.
     */
    private static void checkActionable(String file, int actionColumn, Map<String, Entry> entries, Map<String, Message> messages,
                                        List<RuleProblem> problems) {
        Map<String, Entry> firstOfAction = new LinkedHashMap<>();
        for (Entry e : entries.values()) if (!e.action().isEmpty()) firstOfAction.putIfAbsent(e.action(), e);
        for (Entry e : entries.values()) {
            Severity worst = null;
            for (Message m : messages.values()) {
                if (m.code().equals(e.code()) && m.severity() != null && m.severity().requiresAction()
                        && (worst == null || m.severity().compareTo(worst) < 0)) worst = m.severity();
            }
            String where = e.row() + ", column " + TableSheet.columnLetter(actionColumn) + " \"Action\"";
            if (e.action().isEmpty()) {
                if (worst == null) continue;
                problems.add(new RuleProblem(file, 0, true, where + ": " + e.code() + " can require action (" + worst
                        + ") but names no action: give it the id of the action that fixes it (such as "
                        + String.join(", ", firstOfAction.keySet().stream().limit(3).toList())
                        + "), or a new id with a Title and a Remediation saying what the administrator does"));
            } else if (firstOfAction.get(e.action()) == e && e.title().isEmpty()) {
                problems.add(new RuleProblem(file, 0, true, e.row() + ": " + e.code() + " is the first code of action " + e.action()
                        + ": give it a Title, the action's name in the report"));
            }
        }
    }

    /**
     * What to do is written once: the first code of an action says it (its Remediation, titled by its Title), the
     * other codes of the action leave Remediation blank; a code with a Remediation names its action.
     */
    private static void checkAction(String file, TableSheet.Line l, int[] column, Entry entry, Map<String, Entry> entries,
                                    List<RuleProblem> problems) {
        String action = entry.action();
        if (action.isEmpty()) {
            if (!entry.remediation().isEmpty()) {
                problems.add(new RuleProblem(file, 0, true, at(l, column[ACTION], "Action") + ": " + entry.code()
                        + " says what to do (Remediation) but names no action: give the action an id, such as "
                        + entry.code().toLowerCase(Locale.ROOT).replace('_', '-')));
            }
            return;
        }
        if (!action.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            problems.add(new RuleProblem(file, 0, true, at(l, column[ACTION], "Action") + ": \"" + action
                    + "\" is not an action id (lower-case words joined by -, such as register-mfa-methods)"));
        }
        Entry first = null;
        for (Entry e : entries.values()) {
            if (e != entry && e.action().equals(action)) {
                first = e;
                break;
            }
        }
        if (first == null && entry.remediation().isEmpty()) {
            problems.add(new RuleProblem(file, 0, true, at(l, column[4], "Remediation") + ": " + entry.code()
                    + " is the first code of action " + action + ": say here what the administrator does"));
        } else if (first != null && !entry.remediation().isEmpty()) {
            problems.add(new RuleProblem(file, 0, true, at(l, column[4], "Remediation") + ": " + entry.code() + " shares action "
                    + action + " with " + first.code() + " (" + first.row() + "), which says what to do: leave this one blank"));
        }
    }

    /**
     * The severity of a row's message: its Severity cell (any case), or on a code's further rows, when blank, the
     * severity of the code's first row. A code's first row must give one.
     */
    private static Severity severity(String file, TableSheet.Line l, int column, String key, Message first, List<RuleProblem> problems) {
        String text = cell(l, column).strip();
        if (text.isEmpty()) {
            if (first != null) return first.severity();
            if (column >= 0) {
                problems.add(new RuleProblem(file, 0, true, at(l, column, "Severity") + ": no severity for " + key + "; use one of " + SEVERITY_NAMES));
            }
            return Severity.INFO;
        }
        try {
            return Severity.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new RuleProblem(file, 0, true, at(l, column, "Severity") + ": \"" + text + "\" is not a severity"
                    + AuthorTable.didYouMean(text.toUpperCase(Locale.ROOT), SEVERITY_NAMES) + "; use one of " + SEVERITY_NAMES));
            return Severity.INFO;
        }
    }

    private static final List<String> SEVERITY_NAMES = java.util.Arrays.stream(Severity.values()).map(Enum::name).toList();

    /** The Phase cell of a code's first row: blank (the phase of the subject's applications) or a phase number. */
    private static Integer phase(String file, TableSheet.Line l, int column, List<RuleProblem> problems) {
        String text = cell(l, column).strip();
        if (text.isEmpty()) return null;
        if (text.matches("[1-9]")) return Integer.valueOf(text);
        problems.add(new RuleProblem(file, 0, true, at(l, column, PHASE) + ": \"" + text
                + "\" is not a phase: leave it blank (the phase of the subject's applications) or give its number, such as 2"));
        return null;
    }

    private static String at(TableSheet.Line l, int column, String header) {
        return l.where() + ", column " + TableSheet.columnLetter(Math.max(column, 0)) + " \"" + header + "\"";
    }

    private static String cell(TableSheet.Line l, int column) {
        return column < 0 ? "" : l.cell(column);
    }
}
