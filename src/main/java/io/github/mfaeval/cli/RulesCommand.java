package io.github.mfaeval.cli;

import io.github.mfaeval.engine.RuleBase;
import io.github.mfaeval.engine.RuleInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

@Command(name = "rules", mixinStandardHelpOptions = true, description = "Check or list the rules, or convert a decision table between CSV and XLSX.",
        subcommands = {RulesCommand.Check.class, RulesCommand.ListRules.class, TableConvertCommand.class})
final class RulesCommand {

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Build the rules and print every problem as file:line: message.",
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:the rules build", "2:the rules have errors"})
    static final class Check implements java.util.concurrent.Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "DIR", arity = "0..1", description = "Rules folder (default: as for --rules).")
        Path dir;

        @Mixin
        RulesOption rules;

        @Override
        public Integer call() {
            if (dir != null) rules.rules = dir;
            PrintWriter out = spec.commandLine().getOut();
            // Without --edition every edition of the folder is checked: an edit to a shared file can break any of them.
            java.util.List<io.github.mfaeval.rules.RuleFiles> editions = new java.util.ArrayList<>();
            io.github.mfaeval.rules.RuleFiles folder;
            try {
                folder = rules.folder();
                if (rules.edition != null) editions.add(folder.edition(rules.edition));
                else for (String id : folder.availableEditions()) editions.add(folder.edition(id));
            } catch (java.io.IOException e) {
                Main.error(spec.commandLine().getErr(), e.getMessage());
                return Main.ERROR;
            }
            boolean ok = true;
            java.util.Set<String> built = new java.util.HashSet<>();
            for (io.github.mfaeval.rules.RuleFiles files : editions) {
                built.add(files.edition().id());
                RuleBase base = rules.build(files, spec.commandLine().getErr());
                if (base == null) {
                    ok = false;
                    continue;
                }
                base.warnings().forEach(w -> out.println(w.in(files.pathOf(w.file()))));
                out.printf("%d rules build from %s (edition %s)%n", base.catalogue().size(),
                        base.source() == null ? "the packaged rules" : base.source(), files.edition().id());
            }
            // The findings catalogue against the rules of every edition: a row no rule raises (what each edition raises was
            // checked when it was built).
            try {
                String prefix = folder.directory() == null ? "" : folder.directory() + "/";
                java.util.List<io.github.mfaeval.engine.RuleProblem> catalogue = io.github.mfaeval.rules.FindingRaises.check(folder, built);
                catalogue.forEach(p -> spec.commandLine().getErr().println(prefix + p));
                if (catalogue.stream().anyMatch(io.github.mfaeval.engine.RuleProblem::error)) {
                    spec.commandLine().getErr().println("mfa-eval: the findings catalogue (" + io.github.mfaeval.engine.FindingCatalogue.FILE
                            + ") and the rules disagree (" + catalogue.size() + " problem(s))");
                    ok = false;
                }
            } catch (java.io.IOException e) {
                Main.error(spec.commandLine().getErr(), e.getMessage());
                return Main.ERROR;
            }
            return ok ? Main.READY : Main.ERROR;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the rules: id, section, severity, title, file.")
    static final class ListRules implements java.util.concurrent.Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        RulesOption rules;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            RuleBase base = rules.build(spec.commandLine().getErr());
            if (base == null) return Main.ERROR;
            List<RuleInfo> all = base.catalogue().values().stream()
                    .sorted(RuleInfo.BY_ID).toList();
            out.printf("Edition %s%s%n", base.edition().id(), base.edition().title() == null ? "" : ": " + base.edition().title());
            out.printf("%-13s %-8s %-50s %-8s %s%n", "ID", "SEVERITY", "SECTION", "STAGE", "TITLE (FILE)");
            for (RuleInfo r : all) {
                // An FAQ is cited by its id (faqs.yaml): "FAQs", the heading above all of them, says too little here.
                String section = r.faq() == null ? r.section() : RuleInfo.FAQ_PREFIX + r.faq();
                out.printf("%-13s %-8s %-50s %-8s %s (%s)%n", r.id(), r.severity(), section, r.stage(), r.title(), r.file());
            }
            return Main.READY;
        }
    }
}
