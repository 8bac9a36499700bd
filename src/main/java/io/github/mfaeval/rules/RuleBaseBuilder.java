package io.github.mfaeval.rules;

import io.github.mfaeval.engine.Edition;
import io.github.mfaeval.engine.FindingCatalogue;
import io.github.mfaeval.engine.RuleBase;
import io.github.mfaeval.engine.RuleInfo;
import io.github.mfaeval.engine.RuleProblem;
import io.github.mfaeval.engine.Stage;
import io.github.mfaeval.model.Severity;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieBaseModel;
import org.kie.api.builder.model.KieModuleModel;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds a {@link RuleBase} from a rules folder at run time, and reports every problem as
 * {@code file:line: message} relative to that folder.
 */
public final class RuleBaseBuilder {
    static final String RESOURCES = "src/main/resources/";
    private static final AtomicLong BUILDS = new AtomicLong();

    private RuleBaseBuilder() {
    }

    public static boolean isRuleFile(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".drl") || n.endsWith(".drl.csv") || n.endsWith(".drl.xls") || n.endsWith(".drl.xlsx");
    }

    public static RuleBase build(RuleFiles rules) throws RuleBuildException {
        return build(rules, false).base();
    }

    /**
     * A rule base and, when asked for, what {@link RuleBaseCache} stores: the compiled module as jar bytes, and
     * the packages of each stage when kmodule.xml declares nothing but kbase names and packages (then the
     * stages can be made straight from the module's generated model classes, skipping kmodule.xml); null
     * when it declares more, and the module must be loaded the way Drools loads any kjar.
     */
    record Compiled(RuleBase base, byte[] module, Map<String, List<String>> packages) {
    }

    static Compiled build(RuleFiles rules, boolean keepModule) throws RuleBuildException {
        List<RuleProblem> problems = new ArrayList<>();
        String kmodule = rules.text("kmodule.xml");
        if (kmodule == null) {
            throw new RuleBuildException(List.of(new RuleProblem("kmodule.xml", 0, true,
                    "missing: the rules folder must declare its rule bases in kmodule.xml")));
        }
        List<String> ruleFiles = new ArrayList<>();
        for (String name : rules.files().keySet()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (isRuleFile(name)) {
                ruleFiles.add(name);
            } else if (name.equals(FindingCatalogue.FILE)) {
                continue; // the findings catalogue: data for rules check and authors, not rules
            } else if (lower.endsWith(".csv") || lower.endsWith(".xls") || lower.endsWith(".xlsx")) {
                problems.add(new RuleProblem(name, 0, true,
                        "decision table not recognised: Drools reads decision tables only when named *.drl.csv, *.drl.xls or *.drl.xlsx"));
            } else if (!name.equals("kmodule.xml") && !name.equals(Editions.DESCRIPTION) && !lower.endsWith(".md")) {
                problems.add(new RuleProblem(name, 0, false, "ignored: not a rule file (.drl, .drl.csv, .drl.xls, .drl.xlsx)"));
            }
        }
        // One table in two files (x.drl.csv beside x.drl.xlsx, say after rules convert) would define each rule twice, and
        // an edit to one of them could vanish behind the other: an error naming both.
        Map<String, String> tableFiles = new HashMap<>();
        for (String name : ruleFiles) {
            String table = Editions.tableName(name);
            if (table == null) continue;
            String other = tableFiles.putIfAbsent(table, name);
            if (other != null) {
                problems.add(new RuleProblem(rules.pathOf(name), 0, true, "table " + table + " is also in " + rules.pathOf(other)
                        + ": one table, one file. Keep the one you edit and delete the other (rules convert writes one from the other)"));
            }
        }
        // Drools' own decision-table format (RuleSet, RuleTable rows) is not read: one table format, the author's, whose
        // every mistake is named by row and column. Refused by name, so that the author knows what to write instead.
        for (String name : ruleFiles) {
            if (!AuthorTable.isTableFile(name)) continue;
            String row = AuthorTable.droolsFormatRow(name, rules.files().get(name));
            if (row != null) problems.add(new RuleProblem(rules.pathOf(name), 0, true, AuthorTable.droolsFormatRefused(row)));
        }
        // A table of tens of thousands of rows is as many rules: Drools would take minutes and more memory than the
        // default heap, then fail with a stack trace. Refused here, before anything is compiled, naming the file.
        problems.addAll(TableSize.check(rules, ruleFiles));
        if (problems.stream().anyMatch(RuleProblem::error)) {
            throw new RuleBuildException(problems);
        }

        // Every finding a rule raises takes its message from the catalogue: a key it lacks, or a placeholder a raise
        // does not fill, would fail only when the rule fires; here it fails the build, at the raise.
        FindingCatalogue findingCatalogue = FindingsTable.of(rules, problems);
        Map<String, String> drl = FindingRaises.drlOf(rules, false);
        problems.addAll(FindingRaises.checkRaises(findingCatalogue, drl));
        if (problems.stream().anyMatch(RuleProblem::error)) {
            throw new RuleBuildException(problems);
        }

        // Tables in the author's format become DRL here, so that their mistakes are named by row and column.
        Map<String, AuthorTable.Translation> tables = new HashMap<>();
        for (String name : ruleFiles) {
            if (AuthorTable.isAuthorTable(name, rules.files().get(name))) {
                AuthorTable.Translation t = AuthorTable.translate(name, rules.files().get(name));
                tables.put(name, t);
                problems.addAll(t.problems());
            }
        }
        if (problems.stream().anyMatch(RuleProblem::error)) {
            throw new RuleBuildException(problems);
        }

        KieServices ks = KieServices.Factory.get();
        ReleaseId releaseId = ks.newReleaseId("io.github.mfaeval.rules", "rules", "1.0." + BUILDS.incrementAndGet());
        Compilation compilation;
        try {
            compilation = compile(ks, releaseId, kmodule, rules, ruleFiles, tables);
        } catch (OutOfMemoryError e) {
            ks.getRepository().removeKieModule(releaseId);
            throw new RuleBuildException(List.of(new RuleProblem("(rules)", 0, true, TableSize.outOfMemory(rules, ruleFiles))));
        }
        List<Message> messages = compilation.messages();
        boolean unlocated = false;
        DrlErrors explained = null;
        if (messages.stream().anyMatch(m -> m.getLevel() == Message.Level.ERROR)) {
            explained = new DrlErrors(drlTexts(rules, ruleFiles, tables), tables);
        }
        for (RuleProblem p : explained == null ? messages.stream().map(m -> DroolsMessages.problemOf(m, null, tables)).toList()
                : explained.explain(messages, null)) {
            if (p.error() && (p.file().equals("(rules)") || p.line() <= 0) && !tables.containsKey(p.file())) unlocated = true;
            problems.add(p);
        }
        if (problems.stream().anyMatch(RuleProblem::error)) {
            ks.getRepository().removeKieModule(releaseId);
            if (unlocated) {
                List<RuleProblem> located = locateByBuildingAlone(ks, kmodule, rules, ruleFiles, tables, explained);
                // What the first build could not place is replaced by what building each file alone placed.
                if (!located.isEmpty()) problems.removeIf(p -> p.error() && p.file().equals("(rules)"));
                problems.addAll(0, located);
            }
            throw new RuleBuildException(DroolsMessages.distinct(problems), messages.stream().map(DroolsMessages::asDroolsWroteIt).toList());
        }

        // The executable model's module is a jar of generated classes: loading it needs no compiler.
        InternalKieModule compiled = keepModule ? (InternalKieModule) compilation.builder().getKieModule() : null;
        byte[] module = compiled == null ? null : compiled.getBytes();
        KieContainer container = ks.newKieContainer(releaseId);
        ks.getRepository().removeKieModule(releaseId);
        Map<Stage, KieBase> bases = new EnumMap<>(Stage.class);
        for (Stage stage : Stage.values()) {
            try {
                bases.put(stage, container.getKieBase(stage.kbase()));
            } catch (RuntimeException e) {
                problems.add(new RuleProblem("kmodule.xml", 0, true, "no kbase named '" + stage.kbase() + "' is declared"));
            }
        }
        Map<String, RuleInfo> catalogue = RuleCatalogue.catalogue(bases, RuleCatalogue.ruleLocations(rules, ruleFiles), ruleFiles, problems, rules);
        // An edition's own files are named where they live in the folder (editions/ID/...), shared ones as they are.
        catalogue.replaceAll((id, r) -> new RuleInfo(r.id(), r.title(), r.section(), r.severity(), r.stage(), rules.pathOf(r.file()), r.faq()));
        if (problems.stream().anyMatch(RuleProblem::error)) {
            container.dispose();
            throw new RuleBuildException(problems);
        }
        Map<String, List<String>> packages = compiled == null ? null
                : packagesIfPlain(container, bases, compiled.getKieModuleModel().getConfigurationProperties());
        if (packages != null) {
            // Make sure now, once per build, that the shortcut gives these very rules, so a cached start never has to find out.
            try {
                if (RuleCatalogue.disagreement(GeneratedModel.of(module).kieBases(packages), catalogue) != null) packages = null;
            } catch (java.io.IOException | RuntimeException | LinkageError e) {
                packages = null;
            }
        }
        RuleBase base = new RuleBase(rules.directory(), rules.fingerprint(), rules.edition(), container, bases, catalogue, problems,
                findingCatalogue);
        if (!base.decisionProblems().isEmpty()) {
            container.dispose();
            throw new RuleBuildException(base.decisionProblems());
        }
        return new Compiled(base, module, packages);
    }

    /**
     * The packages of each stage's kbase, when every kbase is plain: no includes, every option at its
     * default, and no kmodule property but the builder's ("drools.kbuilder.*"); else null.
     */
    private static Map<String, List<String>> packagesIfPlain(KieContainer container, Map<Stage, KieBase> bases,
                                                             Map<String, String> moduleProperties) {
        KieModuleModel plainModule = KieServices.Factory.get().newKieModuleModel();
        KieBaseModel plain = plainModule.newKieBaseModel("plain");
        Map<String, List<String>> packages = new LinkedHashMap<>();
        for (Stage stage : Stage.values()) {
            KieBaseModel m = container.getKieBaseModel(stage.kbase());
            if (m == null || !m.getIncludes().isEmpty() || !m.getRuleTemplates().isEmpty()
                    || m.getEqualsBehavior() != plain.getEqualsBehavior()
                    || m.getEventProcessingMode() != plain.getEventProcessingMode()
                    || m.getDeclarativeAgenda() != plain.getDeclarativeAgenda()
                    || m.getSequential() != plain.getSequential()
                    || m.getMutability() != plain.getMutability()
                    || m.getPrototypes() != plain.getPrototypes()
                    || m.getBetaRangeIndexOption() != plain.getBetaRangeIndexOption()
                    || m.getSessionsPool().getSize() != plain.getSessionsPool().getSize()) {
                return null;
            }
            List<String> names = new ArrayList<>();
            for (KiePackage p : bases.get(stage).getKiePackages()) {
                // Packages of rule files; the packages of fact classes (type metadata only) have no model class.
                if (!p.getRules().isEmpty() || !p.getGlobalVariables().isEmpty() || !p.getFunctionNames().isEmpty()
                        || !p.getQueries().isEmpty()) {
                    names.add(p.getName());
                }
            }
            names.sort(null);
            packages.put(stage.kbase(), names);
        }
        for (String key : moduleProperties.keySet()) {
            if (!key.startsWith("drools.kbuilder.")) return null;
        }
        return packages;
    }

    /**
     * A rule base from a module compiled earlier by {@link #build(RuleFiles, boolean)}, with the catalogue and
     * warnings that build produced. Throws (unchecked) when the module cannot be loaded or does not hold
     * exactly the rules of the catalogue, so that the caller builds afresh.
     */
    static RuleBase fromModule(RuleFiles rules, byte[] module, Map<String, List<String>> packages,
                               Map<String, RuleInfo> catalogue, List<RuleProblem> warnings) throws java.io.IOException {
        KieContainer container = null;
        Map<Stage, KieBase> loaded;
        if (packages != null) {
            loaded = GeneratedModel.of(module).kieBases(packages);
        } else {
            KieServices ks = KieServices.Factory.get();
            ReleaseId releaseId = ks.getRepository().addKieModule(ks.getResources().newByteArrayResource(module)).getReleaseId();
            try {
                container = ks.newKieContainer(releaseId);
            } finally {
                ks.getRepository().removeKieModule(releaseId);
            }
            loaded = new EnumMap<>(Stage.class);
            for (Stage stage : Stage.values()) loaded.put(stage, container.getKieBase(stage.kbase()));
        }
        String disagreement = RuleCatalogue.disagreement(loaded, catalogue);
        if (disagreement != null) {
            if (container != null) container.dispose();
            throw new IllegalStateException("cached module and catalogue disagree: " + disagreement);
        }
        return new RuleBase(rules.directory(), rules.fingerprint(), rules.edition(), container, loaded, catalogue, warnings,
                FindingsTable.of(rules, new ArrayList<>()));
    }

    private record Compilation(List<Message> messages, KieBuilder builder) {
    }

    private static Compilation compile(KieServices ks, ReleaseId releaseId, String kmodule, RuleFiles rules, List<String> files,
                                       Map<String, AuthorTable.Translation> tables) {
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        kfs.writeKModuleXML(kmodule);
        for (String name : files) {
            AuthorTable.Translation table = tables.get(name);
            if (table != null) {
                kfs.write(RESOURCES + name + AuthorTable.GENERATED, table.drl().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } else {
                kfs.write(RESOURCES + name, rules.files().get(name));
            }
        }
        KieBuilder builder = ks.newKieBuilder(kfs);
        try {
            builder.buildAll(ExecutableModelProject.class);
        } catch (RuntimeException | StackOverflowError e) {
            // The executable-model generator throws on some type errors instead of reporting them.
            return new Compilation(List.of(new DroolsMessages.CrashMessage(e)), builder);
        }
        return new Compilation(builder.getResults().getMessages(), builder);
    }

    /** Drools sometimes cannot say which file an error is in; building each file alone names the culprits. */
    private static List<RuleProblem> locateByBuildingAlone(KieServices ks, String kmodule, RuleFiles rules, List<String> files,
                                                           Map<String, AuthorTable.Translation> tables, DrlErrors explained) {
        List<RuleProblem> located = new ArrayList<>();
        for (String name : files) {
            ReleaseId alone = ks.newReleaseId("io.github.mfaeval.rules", "alone", "1.0." + BUILDS.incrementAndGet());
            List<Message> messages = compile(ks, alone, kmodule, rules, List.of(name), tables).messages();
            ks.getRepository().removeKieModule(alone);
            List<Message> errors = messages.stream().filter(m -> m.getLevel() == Message.Level.ERROR).toList();
            for (RuleProblem p : explained.explain(errors, name, false)) located.add(p.file().equals("(rules)") ? p.in(name) : p);
        }
        return located;
    }

    /** DRL text of a rule file: itself for .drl, generated for a table in the author's format; null when it cannot be read. */
    static String drlOf(String file, byte[] content) {
        if (file.toLowerCase(Locale.ROOT).endsWith(".drl")) return new String(content, java.nio.charset.StandardCharsets.UTF_8);
        try {
            if (!AuthorTable.isAuthorTable(file, content)) return null;
            AuthorTable.Translation t = AuthorTable.translate(file, content);
            return t.failed() ? null : t.drl();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The DRL of every rule file, by name: as written, or as generated from a table. */
    private static Map<String, String> drlTexts(RuleFiles rules, List<String> files, Map<String, AuthorTable.Translation> tables) {
        Map<String, String> drl = new LinkedHashMap<>();
        for (String name : files) {
            AuthorTable.Translation t = tables.get(name);
            String text = t != null ? t.drl() : drlOf(name, rules.files().get(name));
            if (text != null) drl.put(name, text);
        }
        return drl;
    }
}
