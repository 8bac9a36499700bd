package io.github.mfaeval.result;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What to do about each finding code: the actions of the rules' findings catalogue ({@code rules/findings.csv},
 * its Action column). Codes naming the same action share it; its title and what to do are those of the first row
 * naming it (its Title and Remediation), so the words for people are written once, in the rules' catalogue. A code
 * with no action (a rule added since) still gets an action of its own, named after the code, with the finding's
 * own message as what to do.
 *
 * <p>An evaluation uses the catalogue of its rules ({@link Report.RulesUsed#actions()}); a report read back from JSON
 * uses the catalogue of the rules packaged with the tool ({@link #packaged()}).
 */
public final class ActionCatalogue implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    /** Where the build puts a copy of rules/ on the class path (as rules.RuleFiles reads it). */
    private static final String PACKAGED_FILE = "/mfa-eval-rules/findings.csv";

    /** One remediation: the codes it fixes, in the catalogue's order. */
    public record Entry(String id, String title, String whatToDo, List<String> codes) implements java.io.Serializable {
    }

    /**
     * A code's first row of the findings catalogue, as far as actions go (blank action: the code has none); {@code phase}
     * the phase the code is about when not its subject's (its Phase cell; null when blank).
     */
    public record Row(String code, String action, String title, String remediation, Integer phase) implements java.io.Serializable {
    }

    private static volatile ActionCatalogue packaged;

    private final Map<String, Entry> byCode = new HashMap<>();
    /** What the catalogue calls each code and says to do about it, for a code without an action (a report read back). */
    private final Map<String, Row> rowOfCode = new HashMap<>();
    /** Which findings require action at all (rules/reference/readiness.drl.csv); none known: every one does. */
    private Readiness readiness = Readiness.UNDECIDED;

    private ActionCatalogue(List<Entry> entries) {
        for (Entry e : entries) {
            for (String code : e.codes()) {
                if (byCode.put(code, e) != null) throw new IllegalStateException("findings catalogue: code " + code + " in two actions");
            }
        }
    }

    /** The actions of the catalogue's rows: one per action id, titled and described by the first row naming it. */
    public static ActionCatalogue of(List<Row> rows) {
        Map<String, Row> first = new LinkedHashMap<>();
        Map<String, List<String>> codes = new LinkedHashMap<>();
        for (Row r : rows) {
            if (r.action() == null || r.action().isBlank()) continue;
            first.putIfAbsent(r.action(), r);
            codes.computeIfAbsent(r.action(), k -> new ArrayList<>()).add(r.code());
        }
        List<Entry> entries = new ArrayList<>();
        first.forEach((id, r) -> entries.add(new Entry(id, r.title(), r.remediation(), List.copyOf(codes.get(id)))));
        ActionCatalogue c = new ActionCatalogue(entries);
        for (Row r : rows) c.rowOfCode.putIfAbsent(r.code(), r);
        return c;
    }

    /** The same actions, with which findings require action at all as the rules' readiness table decides. */
    public ActionCatalogue withReadiness(Readiness readiness) {
        ActionCatalogue c = new ActionCatalogue(List.of());
        c.byCode.putAll(byCode);
        c.rowOfCode.putAll(rowOfCode);
        c.readiness = readiness;
        return c;
    }

    /** Which findings block readiness and which status a report takes, as the rules decide. */
    public Readiness readiness() {
        return readiness;
    }

    /** The actions of the findings catalogue packaged with the tool. */
    public static ActionCatalogue packaged() {
        ActionCatalogue c = packaged;
        if (c == null) {
            c = of(readPackaged());
            packaged = c;
        }
        return c;
    }

    /**
     * The entry fixing the code. The rule build refuses a catalogue where a code that can require action has no
     * action (rules.FindingsTable), so this is only for a report read back that names a code these rules do not
     * fix: titled by the code's Title where the catalogue has one, never by the raw code, and never described by one
     * finding's message.
     */
    public Entry of(String code, String message) {
        Entry e = byCode.get(code);
        if (e != null) return e;
        Row r = rowOfCode.get(code);
        String title = r != null && !r.title().isEmpty() ? r.title() : "Review findings these rules have no action for";
        String advice = r != null && !r.remediation().isEmpty() ? r.remediation()
                : "The rules' findings catalogue names no action for these findings: read each finding's message, and add an action"
                + " for the code to the catalogue (rules/findings.csv).";
        return new Entry(code.toLowerCase(Locale.ROOT).replace('_', '-'), title, advice, List.of(code));
    }

    /** The phase the code is about when the catalogue says (ARM writes: 2); null: the phase of the subject's applications. */
    public Integer phaseOf(String code) {
        Row r = rowOfCode.get(code);
        return r == null ? null : r.phase();
    }

    public boolean knows(String code) {
        return byCode.containsKey(code);
    }

    /**
     * The rows of the packaged catalogue. The tool's own file, checked when its rules are built (rules.FindingsTable
     * reads every catalogue an author edits, with its messages for mistakes); here only the action columns are read.
     */
    private static List<Row> readPackaged() {
        try (InputStream in = ActionCatalogue.class.getResourceAsStream(PACKAGED_FILE)) {
            if (in == null) throw new IllegalStateException("missing resource " + PACKAGED_FILE);
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) text = text.substring(1);
            CsvMapper csv = new CsvMapper();
            csv.enable(CsvParser.Feature.WRAP_AS_ARRAY);
            List<Row> rows = new ArrayList<>();
            Map<String, Integer> column = null;
            try (MappingIterator<List<String>> it = csv.readerForListOf(String.class).readValues(text)) {
                while (it.hasNext()) {
                    List<String> cells = it.next();
                    if (column == null) {
                        if (!cells.isEmpty() && cells.get(0).strip().equalsIgnoreCase("Code")) {
                            column = new HashMap<>();
                            for (int i = 0; i < cells.size(); i++) column.put(cells.get(i).strip().toLowerCase(Locale.ROOT), i);
                        }
                        continue;
                    }
                    String code = cell(cells, column, "code");
                    if (code.isEmpty() || rows.stream().anyMatch(r -> r.code().equals(code))) continue;
                    String phase = cell(cells, column, "phase");
                    rows.add(new Row(code, cell(cells, column, "action"), cell(cells, column, "title"), cell(cells, column, "remediation"),
                            phase.matches("[1-9]") ? Integer.valueOf(phase) : null));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String cell(List<String> cells, Map<String, Integer> column, String header) {
        Integer i = column.get(header);
        return i == null || i >= cells.size() || cells.get(i) == null ? "" : cells.get(i).strip();
    }
}
