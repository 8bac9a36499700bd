package io.github.mfaeval.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the scenario files (*.yaml) of a folder, remembering the line each case starts on. */
public final class ScenarioFiles {
    static final YAMLMapper YAML = new YAMLMapper();
    private static final Set<String> CASE_FIELDS = Set.of("name", "asOf", "given", "expect", "note");

    private ScenarioFiles() {
    }

    /** A scenario file that is not well formed: names the file and line. */
    public static final class BadScenario extends Exception {
        public BadScenario(String message) {
            super(message);
        }
    }

    public static List<Scenario> load(Path dir) throws IOException, BadScenario {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.{yaml,csv,xlsx}")) {
            for (Path p : ds) {
                if (!p.getFileName().toString().equals(Faqs.FILE) && (p.toString().endsWith(".yaml") || ScenarioTable.isTable(p))) files.add(p);
            }
        }
        files.sort(null);
        List<Scenario> out = new ArrayList<>();
        for (Path f : files) out.add(readAny(f));
        return out;
    }

    /** A scenario file: YAML, or a table (CSV, XLSX) with one case per row. */
    static Scenario readAny(Path f) throws IOException, BadScenario {
        return ScenarioTable.isTable(f) ? ScenarioTable.read(f) : read(f);
    }

    static Scenario read(Path file) throws IOException, BadScenario {
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new BadScenario(file + ":" + line + ": not valid YAML: " + e.getOriginalMessage().split("\n")[0]);
        }
        if (root == null || !root.isObject()) throw new BadScenario(file + ": expected a mapping with title, answer and cases");
        Map<Integer, Integer> lines = caseLines(file);
        String title = text(root, "title");
        String faq = text(root, "faq");
        String section = text(root, "section");
        String answer = text(root, "answer");
        if (title == null) throw new BadScenario(file + ": missing title (the question or section the file proves)");
        if (faq == null && section == null) throw new BadScenario(file + ": give faq (an id from faqs.yaml) or section (a source heading)");
        if (answer == null) throw new BadScenario(file + ": missing answer (quote the source)");
        LocalDate fileAsOf = date(file, 1, root, "asOf", null);
        JsonNode cases = root.get("cases");
        if (cases == null || !cases.isArray() || cases.isEmpty()) throw new BadScenario(file + ": no cases");
        List<Scenario.Case> list = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            JsonNode c = cases.get(i);
            int line = lines.getOrDefault(i, 0);
            if (!c.isObject()) throw new BadScenario(file + ":" + line + ": a case must be a mapping");
            for (var it = c.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!CASE_FIELDS.contains(f)) throw new BadScenario(file + ":" + line + ": unknown case field '" + f + "' (use " + CASE_FIELDS + ")");
            }
            String name = text(c, "name");
            if (name == null) throw new BadScenario(file + ":" + line + ": case without a name");
            if (c.get("expect") == null) throw new BadScenario(file + ":" + line + ": case '" + name + "' expects nothing");
            list.add(new Scenario.Case(name, line, date(file, line, c, "asOf", fileAsOf), c.get("given"), c.get("expect")));
        }
        return new Scenario(file, title, faq, section, answer, list);
    }

    private static LocalDate date(Path file, int line, JsonNode node, String field, LocalDate fallback) throws BadScenario {
        String v = text(node, field);
        if (v == null) return fallback;
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new BadScenario(file + ":" + line + ": " + field + " must be yyyy-mm-dd, found " + v);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText().trim();
    }

    /** Line of each item of the top-level "cases" list. */
    private static Map<Integer, Integer> caseLines(Path file) throws IOException {
        Map<Integer, Integer> lines = new HashMap<>();
        try (JsonParser p = new YAMLFactory().createParser(file.toFile())) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.START_OBJECT) {
                    String ptr = p.getParsingContext().getParent() == null ? "" : p.getParsingContext().pathAsPointer().toString();
                    if (ptr.matches("/cases/\\d+")) {
                        lines.put(Integer.parseInt(ptr.substring("/cases/".length())), p.currentLocation().getLineNr());
                    }
                }
            }
        }
        return lines;
    }
}
