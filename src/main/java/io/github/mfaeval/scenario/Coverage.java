package io.github.mfaeval.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mfaeval.rules.FindingRaises;
import io.github.mfaeval.rules.RuleFiles;
import io.github.mfaeval.engine.RuleInfo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the scenarios prove about the rule catalogue, and what they leave unproven: every FAQ entry has a
 * case, every rule fires in some case and not in another, every finding code is expected somewhere.
 */
public final class Coverage {

    private Coverage() {
    }

    /** The finding codes the rules can raise, read from the rule files. */
    public static Set<String> findingCodes(RuleFiles rules) {
        Map<String, String> drl = new LinkedHashMap<>();
        for (String name : rules.files().keySet()) {
            if (name.endsWith(".drl")) drl.put(name, rules.text(name));
        }
        Set<String> codes = new TreeSet<>();
        for (FindingRaises.Raised r : FindingRaises.raised(drl)) codes.add(r.code());
        return codes;
    }

    /** Every offender, one line each; empty when coverage is complete. */
    public static List<String> offenders(List<Scenario> scenarios, List<CaseResult> results, Map<String, RuleInfo> catalogue,
                                         Map<String, String> faqs, Set<String> codes) {
        List<String> out = new ArrayList<>();
        Set<String> faqsCovered = new TreeSet<>();
        for (Scenario s : scenarios) {
            if (s.faq() == null) continue;
            if (!faqs.containsKey(s.faq())) out.add(s.file().getFileName() + ": faq '" + s.faq() + "' is not in faqs.yaml");
            else faqsCovered.add(s.faq());
        }
        faqs.forEach((id, q) -> {
            if (!faqsCovered.contains(id)) out.add("FAQ '" + id + "' (" + q + ") has no scenario");
        });
        for (RuleInfo r : catalogue.values().stream().sorted(RuleInfo.BY_ID).toList()) {
            // The assignment stage only derives PolicyReach facts for the user stage, and reports cite the coverage rules
            // that read them: AssignmentStageTest proves each of its rules.
            if (r.stage().equals(io.github.mfaeval.engine.Stage.ASSIGNMENT.kbase())) continue;
            // The rows of the copy ranking (applied by the tool) and of the guest marks (read by the assignment stage)
            // are cited by no verdict.
            if (RuleInfo.citedByNoVerdict(r)) continue;
            long firing = results.stream().filter(c -> c.fired().contains(r.id())).count();
            if (firing == 0) out.add("rule " + r.id() + " (" + r.file() + ": " + r.title() + ") fires in no case");
            else if (firing == results.size()) out.add("rule " + r.id() + " (" + r.file() + ": " + r.title() + ") fires in every case: add one where it does not");
        }
        Set<String> expected = new TreeSet<>();
        for (Scenario s : scenarios) {
            for (Scenario.Case c : s.cases()) collectFindings(c.expect(), expected);
        }
        for (String code : codes) {
            if (!expected.contains(code)) out.add("finding code " + code + " is expected by no case");
        }
        return out;
    }

    private static void collectFindings(JsonNode node, Set<String> into) {
        if (node == null) return;
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equals("findings") && e.getValue().isArray()) e.getValue().forEach(n -> into.add(n.asText()));
                else collectFindings(e.getValue(), into);
            }
        }
    }

    /** Rule-by-scenario matrix: how many cases of each scenario file fire each rule. */
    public static String matrix(List<Scenario> scenarios, List<CaseResult> results, Collection<RuleInfo> rules) {
        Map<String, Scenario> columns = new LinkedHashMap<>();
        for (Scenario s : scenarios) columns.put(s.file().getFileName().toString().replace(".yaml", ""), s);
        StringBuilder sb = new StringBuilder();
        List<String> names = new ArrayList<>(columns.keySet());
        sb.append("Scenario files:\n");
        for (int i = 0; i < names.size(); i++) sb.append(String.format("  %2d  %s%n", i + 1, names.get(i)));
        sb.append(String.format("%n%-13s", "RULE"));
        for (int i = 0; i < names.size(); i++) sb.append(String.format("%3d", i + 1));
        sb.append("  total\n");
        for (RuleInfo r : rules.stream().sorted(RuleInfo.BY_ID).toList()) {
            sb.append(String.format("%-13s", r.id()));
            int total = 0;
            for (String n : names) {
                Scenario s = columns.get(n);
                long count = results.stream().filter(c -> c.scenario() == s && c.fired().contains(r.id())).count();
                total += count;
                sb.append(String.format("%3s", count == 0 ? "." : String.valueOf(count)));
            }
            sb.append(String.format("  %d%n", total));
        }
        return sb.toString();
    }
}
