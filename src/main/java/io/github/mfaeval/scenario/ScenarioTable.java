package io.github.mfaeval.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mfaeval.rules.TableSheet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A scenario file as a table (CSV or XLSX), for the FAQ cases that are truth tables: one row per case. Above the
 * header row, {@code Title}, {@code FAQ} or {@code Section}, {@code Answer} and optionally {@code As of} rows,
 * as in a YAML file. The header row starts with {@code case}; then {@code as of} and {@code note} columns if
 * wanted, {@code given PATH} columns named by the paths the YAML's {@code given} uses, and {@code expect PATH}
 * columns named by the verdict paths of its {@code expect}. A path is the file (or verdict key) followed by
 * {@code .field} steps, with {@code [id]} selecting a record of a list file or a sign-in / user of the report:
 *
 * <pre>
 * case, given signIns.json[s-guest-portal].homeTenantId, given crossTenantAccessPolicy.json.default.inboundTrust.isMfaAccepted, expect signIns[s-guest-portal].mfaSatisfied, expect users[u-guest].findings
 * a distrusting partner is not satisfied, t-distrusted, , false, GUEST_HOME_MFA_NOT_TRUSTED
 * </pre>
 *
 * A cell is read as a YAML value ({@code true}, {@code 3}, {@code null}, {@code [A, B]}, else text); a blank
 * cell changes or expects nothing. The case's line is its row, and failures are named by file and row.
 */
final class ScenarioTable {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Verdict fields that hold lists: a single value or "A, B" in a cell is a list. */
    private static final Set<String> LISTS = Set.of("findings", "noFindings", "rules", "noRules", "coveredBy");

    private ScenarioTable() {
    }

    static boolean isTable(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return (n.endsWith(".csv") || n.endsWith(".xlsx")) && !n.startsWith("~$");
    }

    static Scenario read(Path file) throws IOException, ScenarioFiles.BadScenario {
        List<TableSheet.Line> lines;
        try {
            lines = TableSheet.read(file.toString(), Files.readAllBytes(file));
        } catch (TableSheet.Unreadable e) {
            throw new ScenarioFiles.BadScenario(file + ": " + e.getMessage());
        }
        String title = null, faq = null, section = null, answer = null;
        LocalDate fileAsOf = null;
        List<String> headers = null;
        List<Scenario.Case> cases = new ArrayList<>();
        for (TableSheet.Line l : lines) {
            if (l.blank()) continue;
            String key = l.cell(0).toLowerCase(Locale.ROOT);
            if (headers == null) {
                switch (key) {
                    case "title" -> title = l.cell(1);
                    case "faq" -> faq = l.cell(1);
                    case "section" -> section = l.cell(1);
                    case "answer" -> answer = l.cell(1);
                    case "as of", "asof" -> fileAsOf = date(file, l.where(), l.cell(1));
                    case "case" -> headers = header(file, l);
                    default -> throw new ScenarioFiles.BadScenario(file + ", " + l.where() + ": expected Title, FAQ, Section, Answer, As of"
                            + " or the header row starting with \"case\", not \"" + l.cell(0) + "\"");
                }
                continue;
            }
            cases.add(row(file, l, headers, fileAsOf));
        }
        if (title == null || title.isEmpty()) throw new ScenarioFiles.BadScenario(file + ": missing Title row (the question or section the file proves)");
        if (isEmpty(faq) && isEmpty(section)) throw new ScenarioFiles.BadScenario(file + ": give a FAQ row (an id from faqs.yaml) or a Section row (a source heading)");
        if (isEmpty(answer)) throw new ScenarioFiles.BadScenario(file + ": missing Answer row (quote the source)");
        if (cases.isEmpty()) throw new ScenarioFiles.BadScenario(file + ": no cases (a header row starting with \"case\", then one row per case)");
        return new Scenario(file, title, isEmpty(faq) ? null : faq, isEmpty(section) ? null : section, answer, cases);
    }

    private static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }

    private static List<String> header(Path file, TableSheet.Line l) throws ScenarioFiles.BadScenario {
        List<String> headers = l.cells();
        for (int i = 1; i < headers.size(); i++) {
            String h = headers.get(i);
            String lower = h.toLowerCase(Locale.ROOT);
            if (!(lower.startsWith("given ") || lower.startsWith("expect ") || lower.equals("as of") || lower.equals("asof") || lower.equals("note"))) {
                throw new ScenarioFiles.BadScenario(file + ", " + l.where() + ", column " + TableSheet.columnLetter(i) + " \"" + h
                        + "\": a column is \"given PATH\", \"expect PATH\", \"as of\" or \"note\"");
            }
            if (lower.startsWith("given ") || lower.startsWith("expect ")) {
                try {
                    path(h.substring(h.indexOf(' ') + 1).strip());
                } catch (IllegalArgumentException e) {
                    throw new ScenarioFiles.BadScenario(file + ", " + l.where() + ", column " + TableSheet.columnLetter(i) + " \"" + h + "\": " + e.getMessage());
                }
            }
        }
        return headers;
    }

    private static Scenario.Case row(Path file, TableSheet.Line l, List<String> headers, LocalDate fileAsOf) throws ScenarioFiles.BadScenario {
        String name = l.cell(0);
        if (name.isEmpty()) throw new ScenarioFiles.BadScenario(file + ", " + l.where() + ", column A \"case\": case without a name");
        ObjectNode given = NODES.objectNode();
        ObjectNode expect = NODES.objectNode();
        LocalDate asOf = fileAsOf;
        for (int i = headers.size(); i < l.cells().size(); i++) {
            if (!l.cell(i).isEmpty()) throw new ScenarioFiles.BadScenario(file + ", " + l.where() + ", column " + TableSheet.columnLetter(i)
                    + ": \"" + l.cell(i) + "\" is in a column without a header");
        }
        for (int i = 1; i < headers.size(); i++) {
            String cell = l.cell(i);
            if (cell.isEmpty()) continue;
            String h = headers.get(i);
            String lower = h.toLowerCase(Locale.ROOT);
            String where = file + ", " + l.where() + ", column " + TableSheet.columnLetter(i) + " \"" + h + "\"";
            if (lower.equals("as of") || lower.equals("asof")) {
                asOf = date(file, l.where() + ", column " + TableSheet.columnLetter(i), cell);
            } else if (lower.equals("note")) {
                continue;
            } else if (lower.startsWith("given ")) {
                given(given, path(h.substring(6).strip()), value(cell, false));
            } else {
                List<String> path = path(h.substring(7).strip());
                expect(expect, path, value(cell, LISTS.contains(path.get(path.size() - 1))), where);
            }
        }
        if (expect.isEmpty()) throw new ScenarioFiles.BadScenario(file + ", " + l.where() + ": case '" + name + "' expects nothing");
        int row = Integer.parseInt(l.where().replaceAll(".*row ", ""));
        return new Scenario.Case(name, row, asOf, given.isEmpty() ? null : given, expect);
    }

    /** The steps of a path: "signIns.json[s-1].homeTenantId" is [signIns.json, [s-1], homeTenantId]. */
    static List<String> path(String text) {
        List<String> steps = new ArrayList<>();
        int json = text.toLowerCase(Locale.ROOT).indexOf(".json");
        int i = 0;
        if (json > 0) {
            steps.add(text.substring(0, json + 5));
            i = json + 5;
        }
        StringBuilder step = new StringBuilder();
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '[') {
                if (!step.isEmpty()) steps.add(step.toString());
                step.setLength(0);
                int end = text.indexOf(']', i);
                if (end < 0) throw new IllegalArgumentException("a [ without its ]");
                steps.add(text.substring(i, end + 1));
                i = end + 1;
            } else if (c == '.') {
                if (!step.isEmpty()) steps.add(step.toString());
                step.setLength(0);
                i++;
            } else {
                step.append(c);
                i++;
            }
        }
        if (!step.isEmpty()) steps.add(step.toString());
        if (steps.isEmpty()) throw new IllegalArgumentException("an empty path");
        return steps;
    }

    /** given FILE[ID].field -> {FILE: [{id: ID, field: value}]}; given FILE.a.b -> {FILE: {a: {b: value}}}; given FILE -> {FILE: value}. */
    private static void given(ObjectNode given, List<String> path, JsonNode value) {
        String file = path.get(0);
        if (path.size() == 1) {
            given.set(file, value);
            return;
        }
        String second = path.get(1);
        if (second.startsWith("[")) {
            String inside = second.substring(1, second.length() - 1);
            String key = "id";
            String id = inside;
            if (inside.contains("=")) {
                key = inside.substring(0, inside.indexOf('=')).strip();
                id = inside.substring(inside.indexOf('=') + 1).strip();
            }
            ArrayNode records = given.has(file) && given.get(file).isArray() ? (ArrayNode) given.get(file) : given.putArray(file);
            ObjectNode record = null;
            for (JsonNode r : records) if (id.equals(r.path(key).asText(null))) record = (ObjectNode) r;
            if (record == null) {
                record = records.addObject();
                record.put(key, id);
            }
            set(record, path.subList(2, path.size()), value);
        } else {
            ObjectNode object = given.has(file) && given.get(file).isObject() ? (ObjectNode) given.get(file) : given.putObject(file);
            set(object, path.subList(1, path.size()), value);
        }
    }

    private static void expect(ObjectNode expect, List<String> path, JsonNode value, String where) throws ScenarioFiles.BadScenario {
        List<String> keys = new ArrayList<>();
        for (String s : path) keys.add(s.startsWith("[") ? s.substring(1, s.length() - 1) : s);
        if (keys.isEmpty()) throw new ScenarioFiles.BadScenario(where + ": an empty path");
        set(expect, keys, value);
    }

    private static void set(ObjectNode node, List<String> keys, JsonNode value) {
        if (keys.isEmpty()) throw new IllegalArgumentException("a path that names no field");
        ObjectNode at = node;
        for (String k : keys.subList(0, keys.size() - 1)) {
            at = at.has(k) && at.get(k).isObject() ? (ObjectNode) at.get(k) : at.putObject(k);
        }
        at.set(keys.get(keys.size() - 1), value);
    }

    /** A cell as a YAML value; for list fields a single value or "A, B" becomes a list. */
    private static JsonNode value(String cell, boolean list) {
        JsonNode v;
        try {
            v = ScenarioFiles.YAML.readTree(cell);
            if (v == null || v.isMissingNode() || v.isContainerNode() && !cell.startsWith("[") && !cell.startsWith("{")) v = NODES.textNode(cell);
        } catch (IOException | RuntimeException e) {
            v = NODES.textNode(cell);
        }
        if (list && !v.isArray()) {
            ArrayNode a = NODES.arrayNode();
            if (v.isTextual()) for (String s : v.asText().split(",")) a.add(s.strip());
            else a.add(v);
            return a;
        }
        return v;
    }

    private static LocalDate date(Path file, String where, String v) throws ScenarioFiles.BadScenario {
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new ScenarioFiles.BadScenario(file + ", " + where + ": as of must be yyyy-mm-dd, found " + v);
        }
    }
}
