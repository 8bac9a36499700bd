package io.github.mfaeval.rules;

import io.github.mfaeval.engine.Edition;
import io.github.mfaeval.engine.RuleInfo;
import io.github.mfaeval.engine.RuleProblem;
import io.github.mfaeval.engine.Stage;
import io.github.mfaeval.model.Severity;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The catalogue of a built rule base, read off its compiled rules: each rule's {@code @id}, {@code @section} and
 * {@code @severity} checked (the author's problems otherwise), the file it is written in, and the stage it runs in;
 * and whether a module loaded from the rule cache holds exactly the rules of a catalogue.
 */
final class RuleCatalogue {
    private static final Set<String> SEVERITIES = Set.of("HIGH", "MEDIUM", "LOW", "INFO");

    private RuleCatalogue() {
    }

    /** Null when each stage holds exactly the catalogue's rules of that stage; else the first stage that does not. */
    static String disagreement(Map<Stage, KieBase> bases, Map<String, RuleInfo> catalogue) {
        for (Stage stage : Stage.values()) {
            KieBase base = bases.get(stage);
            if (base == null) return "no kbase " + stage.kbase();
            Set<String> inModule = new TreeSet<>();
            for (KiePackage p : base.getKiePackages()) {
                for (Rule rule : p.getRules()) inModule.add(String.valueOf(text(rule.getMetaData().get("id"))));
            }
            Set<String> inCatalogue = new TreeSet<>();
            for (RuleInfo r : catalogue.values()) {
                if (r.stage().equals(stage.kbase())) inCatalogue.add(r.id());
            }
            if (!inModule.equals(inCatalogue)) return "the rules of stage " + stage.kbase();
        }
        return null;
    }

    static Map<String, RuleInfo> catalogue(Map<Stage, KieBase> bases, Map<String, String> locations, List<String> files,
                                                   List<RuleProblem> problems, RuleFiles rules) {
        Edition edition = rules.edition();
        java.util.Set<String> packages = new java.util.HashSet<>();
        Map<String, RuleInfo> catalogue = new LinkedHashMap<>();
        Map<String, Integer> rulesPerFile = new HashMap<>();
        for (String f : files) rulesPerFile.put(f, 0);
        for (Stage stage : Stage.values()) {
            KieBase base = bases.get(stage);
            if (base == null) continue;
            List<Rule> all = new ArrayList<>();
            for (KiePackage p : base.getKiePackages()) {
                all.addAll(p.getRules());
                packages.add(p.getName());
            }
            all.sort((a, b) -> (a.getPackageName() + a.getName()).compareTo(b.getPackageName() + b.getName()));
            for (Rule rule : all) {
                String file = locations.get(rule.getPackageName() + "/" + rule.getName());
                rulesPerFile.computeIfPresent(file, (k, v) -> v + 1);
                Map<String, Object> meta = rule.getMetaData();
                String id = text(meta.get("id"));
                // A rule citing one FAQ (faq:ID) sits under the page's FAQs heading, which is what reports show.
                String cited = text(meta.get("section"));
                String faq = null;
                if (cited != null && cited.startsWith(RuleInfo.FAQ_PREFIX)) {
                    faq = cited.substring(RuleInfo.FAQ_PREFIX.length()).strip();
                    cited = RuleInfo.FAQ_HEADING;
                }
                // A rule shared with the base edition cites the base page's heading: name this edition's.
                String section = edition.section(cited);
                String severity = text(meta.get("severity"));
                String where = file == null ? rule.getPackageName() : file;
                String label = where + ": rule \"" + rule.getName() + "\"";
                List<String> missing = new ArrayList<>();
                if (id == null) missing.add("@id");
                if (section == null) missing.add("@section");
                if (severity == null) missing.add("@severity");
                if (!missing.isEmpty()) {
                    problems.add(new RuleProblem(where, 0, true, "rule \"" + rule.getName() + "\" lacks " + String.join(", ", missing)));
                    continue;
                }
                if (faq != null && !faq.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
                    problems.add(new RuleProblem(where, 0, true, label + " has @section(\"" + RuleInfo.FAQ_PREFIX + faq
                            + "\"): after faq: comes the id of an FAQ of test-scenarios/faqs.yaml, such as faq:b2b-guests"));
                    continue;
                }
                if (!SEVERITIES.contains(severity)) {
                    problems.add(new RuleProblem(where, 0, true, label + " has @severity(" + severity + "); use one of " + new TreeSet<>(SEVERITIES)));
                    continue;
                }
                RuleInfo previous = catalogue.put(id, new RuleInfo(id, rule.getName(), section, Severity.valueOf(severity).name(), stage.kbase(), where, faq));
                if (previous != null) {
                    problems.add(new RuleProblem(where, 0, true, "rule id " + id + " is used twice: \"" + previous.title()
                            + "\" (" + previous.file() + ") and \"" + rule.getName() + "\""));
                }
            }
        }
        rulesPerFile.forEach((file, count) -> {
            // A file of functions only (the conditions other files' rules call, such as user/review.drl) is built
            // when its package is one of a stage's.
            if (count == 0 && !functionsOfABuiltPackage(rules.text(file), packages)) {
                problems.add(new RuleProblem(file, 0, true, "produced no rule: is its package listed in a kbase of kmodule.xml?"));
            }
        });
        return catalogue;
    }

    private static boolean functionsOfABuiltPackage(String drl, java.util.Set<String> packages) {
        return drl != null && packages.contains(DrlErrors.packageOf(drl)) && !DrlErrors.functionNames(drl).isEmpty();
    }

    private static String text(Object value) {
        if (value == null) return null;
        String s = value.toString().trim();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) s = s.substring(1, s.length() - 1);
        return s.isEmpty() ? null : s;
    }

    /**
     * Where each rule is written: Drools' executable model keeps no source resource on compiled rules, so the
     * rule declarations are read from the files themselves (decision tables through their generated DRL).
     */
    static Map<String, String> ruleLocations(RuleFiles rules, List<String> files) {
        Map<String, String> located = new HashMap<>();
        for (String file : files) {
            String drl = RuleBaseBuilder.drlOf(file, rules.files().get(file));
            if (drl == null) continue;
            String packageName = DrlErrors.packageOf(drl);
            java.util.regex.Matcher m = RULE.matcher(drl);
            while (m.find()) {
                String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                located.put(packageName + "/" + name.replace("\\\"", "\""), file);
            }
        }
        return located;
    }

    private static final java.util.regex.Pattern RULE = java.util.regex.Pattern.compile(
            "(?m)^\\s*rule\\s+(?:\"((?:[^\"\\\\]|\\\\.)*)\"|'([^']*)'|(\\S+))");
}
