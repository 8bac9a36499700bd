package io.github.mfaeval.result;

import io.github.mfaeval.model.Finding;
import io.github.mfaeval.model.ReadinessRule;
import io.github.mfaeval.model.Severity;
import io.github.mfaeval.model.StatusRule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Which findings block readiness and which status a report takes, as rules/reference/readiness.drl.csv says: set once
 * on each finding ({@link #decide}) and on the report ({@link #status}) when the report is assembled, and again
 * when accepted risks are applied; renderers, counts and actions only read what was set. Fail closed: a severity the
 * table has no row for blocks readiness, and when no status row holds the report is INCOMPLETE, never READY.
 */
public final class Readiness implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    /** Rules without the table: every finding blocks readiness, and no report is READY. */
    public static final Readiness UNDECIDED = new Readiness(Map.of(), Map.of(), List.of());

    private record Step(StatusRule.When when, Report.Status status) implements java.io.Serializable {
    }

    private final Map<Severity, Boolean> blocks;
    private final Map<Severity, Boolean> adviceBlocks;
    private final List<Step> steps;

    private Readiness(Map<Severity, Boolean> blocks, Map<Severity, Boolean> adviceBlocks, List<Step> steps) {
        this.blocks = blocks;
        this.adviceBlocks = adviceBlocks;
        this.steps = steps;
    }

    /** The decision of the table's rows (the build has checked them: one row per severity and per condition). */
    public static Readiness of(List<ReadinessRule> findings, List<StatusRule> status) {
        Map<Severity, Boolean> blocks = new EnumMap<>(Severity.class);
        Map<Severity, Boolean> adviceBlocks = new EnumMap<>(Severity.class);
        for (ReadinessRule r : findings) {
            blocks.put(r.getSeverity(), r.isBlocks());
            adviceBlocks.put(r.getSeverity(), r.isAdviceBlocks());
        }
        List<Step> steps = new ArrayList<>();
        status.stream().sorted(Comparator.comparingInt(StatusRule::getRank))
                .forEach(r -> steps.add(new Step(r.getWhen(), Report.Status.valueOf(r.getStatus()))));
        return new Readiness(blocks, adviceBlocks, List.copyOf(steps));
    }

    private static volatile Readiness packaged;

    /**
     * The decision of the rules packaged with the tool, for a report read back from JSON (which does not say what
     * blocks readiness), as {@link ActionCatalogue#packaged()} gives its actions. The table is read here as the rule
     * build reads it, without the build's checks (the packaged rules were built and checked); a table that cannot
     * be read gives {@link #UNDECIDED} (fail closed).
     */
    public static Readiness packaged() {
        Readiness r = packaged;
        if (r == null) {
            r = readPackaged();
            packaged = r;
        }
        return r;
    }

    private static Readiness readPackaged() {
        try (java.io.InputStream in = Readiness.class.getResourceAsStream("/mfa-eval-rules/reference/readiness.drl.csv")) {
            if (in == null) return UNDECIDED;
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) text = text.substring(1);
            com.fasterxml.jackson.dataformat.csv.CsvMapper csv = new com.fasterxml.jackson.dataformat.csv.CsvMapper();
            csv.enable(com.fasterxml.jackson.dataformat.csv.CsvParser.Feature.WRAP_AS_ARRAY);
            List<ReadinessRule> findings = new ArrayList<>();
            List<StatusRule> status = new ArrayList<>();
            Map<String, Integer> column = null;
            try (com.fasterxml.jackson.databind.MappingIterator<List<String>> it = csv.readerForListOf(String.class).readValues(text)) {
                while (it.hasNext()) {
                    List<String> cells = it.next();
                    if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
                        column = null;
                    } else if (column == null) {
                        if (cells.contains("Rule id") && cells.contains("Active")) {
                            column = new java.util.HashMap<>();
                            for (int i = 0; i < cells.size(); i++) column.put(cells.get(i).strip(), i);
                        }
                    } else if (!"false".equalsIgnoreCase(cell(cells, column, "Active")) && !"no".equalsIgnoreCase(cell(cells, column, "Active"))) {
                        if (column.containsKey("Severity")) {
                            findings.add(new ReadinessRule(Severity.valueOf(cell(cells, column, "Severity").toUpperCase(java.util.Locale.ROOT)),
                                    yes(cell(cells, column, "Blocks readiness")), yes(cell(cells, column, "As advice, blocks readiness"))));
                        } else if (column.containsKey("When")) {
                            status.add(new StatusRule(Integer.parseInt(cell(cells, column, "Rank")),
                                    StatusRule.When.valueOf(cell(cells, column, "When")), cell(cells, column, "Status")));
                        }
                    }
                }
            }
            return of(findings, status);
        } catch (java.io.IOException | RuntimeException e) {
            return UNDECIDED;
        }
    }

    private static String cell(List<String> cells, Map<String, Integer> column, String name) {
        Integer i = column.get(name);
        return i == null || i >= cells.size() ? "" : cells.get(i).strip();
    }

    private static boolean yes(String value) {
        return value.equalsIgnoreCase("true") || value.equalsIgnoreCase("yes") || value.equalsIgnoreCase("y");
    }

    /** Whether a finding of this severity, as advice or not, makes its subject not ready. */
    public boolean blocks(Severity severity, boolean advice) {
        Boolean b = (advice ? adviceBlocks : blocks).get(severity);
        return b == null || b;
    }

    /** The finding with whether it blocks readiness set. */
    public Finding decide(Finding f) {
        return f.decided(blocks(f.severity(), f.isAdvice()));
    }

    public List<Finding> decide(List<Finding> findings) {
        return findings.stream().map(this::decide).toList();
    }

    /** The report's status, from its inputs and its decided findings: the first status row that holds. */
    public Report.Status status(Inputs inputs, List<Finding> findings) {
        for (Step s : steps) {
            boolean holds = switch (s.when()) {
                case INPUTS_INCOMPLETE -> inputs.incomplete();
                case A_FINDING_COUNTS -> findings.stream().anyMatch(FindingCounts::requiresAction);
                case OTHERWISE -> true;
            };
            if (holds) return s.status();
        }
        return Report.Status.INCOMPLETE;
    }
}
