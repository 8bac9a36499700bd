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

import static io.github.mfaeval.rules.AuthorTable.ACTIVE;
import static io.github.mfaeval.rules.AuthorTable.MODEL;
import static io.github.mfaeval.rules.AuthorTable.PLACEHOLDER;
import static io.github.mfaeval.rules.AuthorTable.RULE_ID;
import static io.github.mfaeval.rules.AuthorTable.SECTION;
import static io.github.mfaeval.rules.AuthorTable.allowed;
import static io.github.mfaeval.rules.AuthorTable.bool;
import static io.github.mfaeval.rules.AuthorTable.didYouMean;
import static io.github.mfaeval.rules.AuthorTable.quote;

/**
 * The translation of one table file in the author's format ({@link AuthorTable}) into the DRL it stands for, one
 * rule per data row, row by row: the header block of each table, each row's values checked against the type its
 * column has in the Action row, and every problem named by row and column.
 */
final class TableTranslation {
    /** A table of the file: its header block and columns. */
    private static final class Table {
        final String name;
        final String where;
        String action;
        String actionWhere;
        List<String> headers;
        String headerWhere;
        int headerWritten = -1;
        /** The columns whose values each row must have its own of (the optional Key row); their indexes. */
        List<String> key = List.of();
        String keyWhere;
        final Map<String, String> rowOfKey = new HashMap<>();
        final Map<String, String> rowOfId = new HashMap<>();
        final Map<String, TableSheet.Line> rowOfTitle = new HashMap<>();
        final List<Placeholder> placeholders = new ArrayList<>();

        Table(String name, String where) {
            this.name = name;
            this.where = where;
        }

        int column(String header) {
            for (int i = 0; i < headers.size(); i++) if (headers.get(i).equalsIgnoreCase(header.strip())) return i;
            return -1;
        }
    }

    private record Placeholder(String text, String header, int column, String type) {
    }

    final String file;
    final String pkg;
    final List<RuleProblem> problems;
    final List<String> imports = new ArrayList<>();
    final List<String> globals = new ArrayList<>();
    final StringBuilder drl = new StringBuilder();
    final Map<Integer, String> rowOfLine = new HashMap<>();
    int line = 1;
    Table table;
    int rules;

    TableTranslation(String file, String pkg, List<RuleProblem> problems) {
        this.file = file;
        this.pkg = pkg;
        this.problems = problems;
    }

    void error(String where, String message) {
        problems.add(new RuleProblem(file, 0, true, where + ": " + message));
    }

    void emit(String text, String row) {
        for (String l : text.split("\n", -1)) {
            if (row != null) rowOfLine.put(line, row);
            drl.append(l).append('\n');
            line++;
        }
    }

    AuthorTable.Translation build(List<TableSheet.Line> lines) {
        List<TableSheet.Line> data = new ArrayList<>();
        // The declarations come first in the DRL, wherever the author's file has them.
        for (TableSheet.Line l : lines) {
            String key = l.cell(0).toLowerCase(Locale.ROOT);
            if (key.equals("table")) break;
            if (l.blank() || key.equals("notes")) continue;
            if (key.equals("import")) imports.add(l.cell(1));
            else if (key.equals("global")) globals.add(l.cell(1));
            else error(l.where(), "before the first Table row only Notes, Import and Global rows are allowed, not \""
                    + l.cell(0) + "\"" + didYouMean(l.cell(0), List.of("Table", "Notes", "Import", "Global")));
        }
        emit("package " + pkg + ";", null);
        emit("import " + MODEL + ".*;", null);
        for (String i : imports) emit("import " + i + ";", null);
        for (String g : globals) emit("global " + g + ";", null);
        boolean started = false;
        for (TableSheet.Line l : lines) {
            String key = l.cell(0).toLowerCase(Locale.ROOT);
            if (key.equals("table")) {
                finish();
                started = true;
                table = new Table(l.cell(1), l.where());
                if (table.name.isEmpty()) error(l.where(), "the Table row needs the table's name in column B");
                continue;
            }
            if (!started || l.blank()) continue;
            if (table.headers == null) {
                if (key.equals("notes")) continue;
                if (key.equals("action")) {
                    table.action = l.cell(1);
                    table.actionWhere = l.where();
                    continue;
                }
                if (key.equals("key")) {
                    // Key, Client app id[, …]: one row per value of these columns (a second would silently lose to the first).
                    table.key = l.cells().subList(1, l.cells().size()).stream().filter(c -> !c.isEmpty()).toList();
                    table.keyWhere = l.where();
                    continue;
                }
                if (key.equals("import") || key.equals("global")) {
                    error(l.where(), l.cell(0) + " rows belong before the first Table row");
                    continue;
                }
                header(l);
                continue;
            }
            if (table.placeholders.isEmpty() && table.action == null) continue;
            row(l);
        }
        finish();
        if (!started) error("row 1", "no Table row: a table file starts with a row \"Table\", name (see docs/rules-authoring.md)");
        return new AuthorTable.Translation(drl.toString(), rowOfLine, problems);
    }

    void header(TableSheet.Line l) {
        table.headers = l.cells();
        table.headerWhere = l.where();
        table.headerWritten = l.written();
        for (String k : table.key) {
            if (table.column(k) < 0) error(table.keyWhere, "the Key names column \"" + k + "\", which table \"" + table.name
                    + "\" does not have" + didYouMean(k, table.headers));
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < table.headers.size(); i++) {
            String h = table.headers.get(i);
            if (h.isEmpty()) {
                error(l.where() + ", column " + TableSheet.columnLetter(i), "a column without a header: name what it holds");
                continue;
            }
            Integer before = seen.putIfAbsent(h.toLowerCase(Locale.ROOT), i);
            if (before != null) error(l.where() + ", column " + TableSheet.columnLetter(i),
                    "header \"" + h + "\" is also column " + TableSheet.columnLetter(before) + ": each header once");
        }
        for (String required : List.of(RULE_ID, SECTION)) {
            if (table.column(required) < 0) error(l.where(), "table \"" + table.name + "\" has no column \"" + required + "\""
                    + didYouMean(required, table.headers) + "; the header row is " + String.join(", ", table.headers));
        }
        if (table.action == null || table.action.isBlank()) {
            error(table.where, "table \"" + table.name + "\" has no Action row (the row above the headers that says what each row does)");
            table.action = null;
            return;
        }
        Matcher m = PLACEHOLDER.matcher(table.action);
        while (m.find()) {
            String header = m.group(1).strip();
            String type = m.group(2) == null ? "text" : m.group(2).strip();
            // "date?": the cell may be left empty, which passes null (a value some rows have and others not)
            String plain = type.endsWith("?") && !type.contains("|") ? type.substring(0, type.length() - 1).strip() : type;
            int column = table.column(header);
            int typo = column < 0 ? misspelt(header) : -1;
            if (typo >= 0) {
                // A header the Action does not name, spelt like one it does: the header cell is what to fix.
                error(l.where() + ", column " + TableSheet.columnLetter(typo) + " \"" + table.headers.get(typo) + "\"",
                        "this header should read \"" + header + "\" (the name table \"" + table.name + "\"'s Action row gives the column)");
            } else if (column < 0) {
                error(table.actionWhere, "the Action names column \"" + header + "\", which table \"" + table.name
                        + "\" does not have" + didYouMean(header, table.headers));
            } else if (!type.contains("|") && !Set.of("text", "date").contains(plain)
                    && (plain.equals(type) ? !Set.of("number", "boolean").contains(type) && allowed(type) == null : true)) {
                error(table.actionWhere, "{" + header + ":" + type + "}: the type is one of text, number, boolean, date,"
                        + " a list A|B|C or an enum of the model package (such as SatisfiedBy); text? and date? may be left empty");
            }
            table.placeholders.add(new Placeholder(m.group(), header, column, type));
        }
    }

    /** The header, not named by the Action, that is spelt nearest to a name the Action gives; -1 for none. */
    int misspelt(String named) {
        List<String> unnamed = new ArrayList<>();
        for (String h : table.headers) {
            if (h.isEmpty() || h.equalsIgnoreCase(RULE_ID) || h.equalsIgnoreCase(SECTION) || h.equalsIgnoreCase(ACTIVE)) continue;
            if (!table.action.toLowerCase(Locale.ROOT).contains("{" + h.toLowerCase(Locale.ROOT))) unnamed.add(h);
        }
        String near = Spelling.nearest(named, unnamed);
        return near == null ? -1 : table.column(near);
    }

    void row(TableSheet.Line l) {
        // Values are read by position: a row with a comma missing or one too many would put every value after it under
        // the wrong header, and be reported as wrong values there. Said first, for that row alone.
        if (l.written() >= 0 && table.headerWritten >= 0 && l.written() != table.headerWritten) {
            error(l.where(), l.written() + " cells, but the header row (" + table.headerWhere + ") has " + table.headerWritten
                    + ": a comma is " + (l.written() < table.headerWritten ? "missing" : "one too many")
                    + " (or a value with a comma is not in quotes); the row is not read until it has one cell per header");
            return;
        }
        int errors = problems.size();
        String title = l.cell(0);
        String id = cell(l, RULE_ID);
        String section = cell(l, SECTION);
        if (section.length() >= 2 && section.startsWith("\"") && section.endsWith("\"")) {
            section = section.substring(1, section.length() - 1).strip();
        }
        if (title.isEmpty()) error(at(l, 0), "the row has no title: say in words what the row is");
        if (id.isEmpty()) error(at(l, table.column(RULE_ID)), "no rule id: every row needs its own (such as MM-APP-006)");
        else if (!id.matches("[A-Za-z][A-Za-z0-9_.-]*")) {
            error(at(l, table.column(RULE_ID)), "\"" + id + "\" is not a rule id: letters, digits and - only (such as MM-APP-006)");
        }
        if (section.isEmpty()) error(at(l, table.column(SECTION)), "no source section: name the heading of the source this row comes from");
        int activeColumn = table.column(ACTIVE);
        String active = activeColumn < 0 ? "" : l.cell(activeColumn);
        Boolean on = active.isEmpty() ? Boolean.TRUE : bool(active);
        if (on == null) error(at(l, activeColumn), "\"" + active + "\" is not true or false (yes and no are fine too)");
        for (int i = table.headers.size(); i < l.cells().size(); i++) {
            if (!l.cell(i).isEmpty()) error(at(l, i), "\"" + l.cell(i) + "\" is in a column without a header");
        }
        String action = table.action;
        StringBuilder filled = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(action);
        int last = 0;
        while (m.find()) {
            filled.append(action, last, m.start());
            last = m.end();
            Placeholder p = table.placeholders.stream().filter(x -> x.text().equals(m.group())).findFirst().orElseThrow();
            if (p.column() < 0) continue;
            String value = l.cell(p.column());
            String literal = literal(l, p, value);
            filled.append(literal == null ? "null" : literal);
        }
        filled.append(action.substring(last));
        if (problems.size() > errors) return;
        if (!repeated(l, id, title, on)) return;
        rules++;
        String row = l.where();
        emit("", null);
        emit("// " + row, row);
        emit("rule " + quote(title), row);
        emit("    @id(" + id + ") @section(" + quote(section) + ") @severity(INFO)", row);
        emit("when", row);
        emit("    ReferenceBuild( active(" + on + ") )", row);
        emit("then", row);
        emit("    " + filled.toString().replace("\n", " ") + (filled.toString().strip().endsWith(";") ? "" : ";"), row);
        emit("end", row);
    }

    /**
     * False (with the problem named on both rows) when the row repeats another: the same cells, the same rule id, the
     * same title (Drools would say "Duplicate rule name"), or, for an active row, the same value in the table's Key
     * columns (the second row would silently lose to the first).
     */
    boolean repeated(TableSheet.Line l, String id, String title, Boolean on) {
        TableSheet.Line same = table.rowOfTitle.get(title.toLowerCase(Locale.ROOT));
        if (same != null && same.cells().equals(l.cells())) {
            error(l.where(), "repeats " + same.where() + " exactly: delete one of the two rows");
            return false;
        }
        boolean ok = true;
        String idRow = table.rowOfId.putIfAbsent(id.toLowerCase(Locale.ROOT), l.where());
        if (idRow != null) {
            error(at(l, table.column(RULE_ID)), "rule id " + id + " is also on " + idRow + ": every row needs its own rule id");
            ok = false;
        }
        if (same != null) {
            error(at(l, 0), "title \"" + title + "\" is also on " + same.where() + ": every row needs its own title");
            ok = false;
        } else {
            table.rowOfTitle.put(title.toLowerCase(Locale.ROOT), l);
        }
        if (!table.key.isEmpty() && Boolean.TRUE.equals(on)) {
            List<String> values = new ArrayList<>();
            for (String k : table.key) values.add(cell(l, k).toLowerCase(Locale.ROOT));
            String keyRow = table.rowOfKey.putIfAbsent(String.join("\u0000", values), l.where() + " (" + id + ")");
            if (keyRow != null) {
                int c = table.column(table.key.get(0));
                error(at(l, c), String.join(", ", table.key) + " " + cell(l, table.key.get(0)) + " is also on " + keyRow
                        + ": one active row per " + String.join(", ", table.key) + " (the table's Key), or the second is silently"
                        + " ignored; merge the two rows, or set Active to false on the one to drop");
                ok = false;
            }
        }
        return ok;
    }

    String literal(TableSheet.Line l, Placeholder p, String value) {
        String where = at(l, p.column());
        if (value.isEmpty() && p.type().endsWith("?") && !p.type().contains("|")) return "null";
        if (value.isEmpty()) {
            List<String> choices = allowed(p.type());
            error(where, "empty: " + p.header() + " is needed" + (choices == null ? "" : " (one of " + String.join(", ", choices) + ")"));
            return null;
        }
        switch (p.type().endsWith("?") && !p.type().contains("|") ? p.type().substring(0, p.type().length() - 1).strip() : p.type()) {
            case "text":
                return quote(value);
            case "number":
                try {
                    return String.valueOf(Integer.parseInt(value.endsWith(".0") ? value.substring(0, value.length() - 2) : value));
                } catch (NumberFormatException e) {
                    error(where, "\"" + value + "\" is not a whole number");
                    return null;
                }
            case "boolean":
                Boolean b = bool(value);
                if (b == null) error(where, "\"" + value + "\" is not true or false (yes and no are fine too)");
                return String.valueOf(b);
            case "date":
                try {
                    return "java.time.LocalDate.parse(" + quote(LocalDate.parse(value).toString()) + ")";
                } catch (DateTimeParseException e) {
                    error(where, "\"" + value + "\" is not a date written yyyy-mm-dd (such as 2025-03-15)");
                    return null;
                }
            default:
                List<String> allowed = allowed(p.type());
                // An enum of the model is passed as its constant, a list of words as text.
                String prefix = p.type().contains("|") ? null : p.type() + ".";
                for (String a : allowed) {
                    if (a.strip().equalsIgnoreCase(value)) return prefix == null ? quote(a.strip()) : prefix + a.strip();
                }
                error(where, "\"" + value + "\" is not one of " + String.join(", ", allowed) + didYouMean(value, allowed));
                return null;
        }
    }

    String cell(TableSheet.Line l, String header) {
        int c = table.column(header);
        return c < 0 ? "" : l.cell(c);
    }

    String at(TableSheet.Line l, int column) {
        if (column < 0) return l.where();
        String header = column < table.headers.size() ? " \"" + table.headers.get(column) + "\"" : "";
        return l.where() + ", column " + TableSheet.columnLetter(column) + header;
    }

    void finish() {
        if (table != null && table.headers == null) {
            error(table.where, "table \"" + table.name + "\" has no header row");
        }
    }
}
