package io.github.mfaeval.cli;

import io.github.mfaeval.engine.RuleBase;
import io.github.mfaeval.rules.RuleFiles;
import io.github.mfaeval.scenario.CaseResult;
import io.github.mfaeval.scenario.Coverage;
import io.github.mfaeval.scenario.Faqs;
import io.github.mfaeval.scenario.Scenario;
import io.github.mfaeval.scenario.ScenarioFiles;
import io.github.mfaeval.scenario.ScenarioRunner;
import io.github.mfaeval.scenario.ScenarioSuite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "scenarios", mixinStandardHelpOptions = true,
        description = "Run the FAQ and rule-section scenarios (test-scenarios/) through the real rules and print a pass/fail table.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every case passes (and, with --coverage, coverage is complete)",
                "1:a case fails, or coverage is incomplete with --coverage",
                "2:the rules or a scenario file cannot be read"})
final class ScenariosCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", arity = "0..1", description = "Scenario folder (default: the project's test-scenarios/).")
    Path dir;

    @Option(names = "--coverage", description = "Also print the rule-by-scenario matrix and fail on incomplete coverage.")
    boolean coverage;

    @Mixin
    RulesOption rules;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path folder = dir != null ? dir : Path.of("test-scenarios");
        if (!Files.isDirectory(folder)) {
            Main.error(err, "scenario folder not found: " + folder);
            return Main.ERROR;
        }
        RuleBase base = rules.build(err);
        if (base == null) return Main.ERROR;
        // The edition's suite: the shared scenarios, with the edition's own files (editions/ID/) laid over them.
        ScenarioSuite suite = new ScenarioSuite(folder, base.edition().id());
        List<Scenario> scenarios;
        try {
            scenarios = suite.scenarios();
        } catch (ScenarioFiles.BadScenario e) {
            err.println(e.getMessage());
            return Main.ERROR;
        }
        out.printf("Edition %s%n", base.edition().id());
        List<CaseResult> results = new ScenarioRunner(base, suite.bases()).runAll(scenarios);
        int failed = 0;
        for (CaseResult r : results) {
            out.printf("%-4s %-40s %s%n", r.passed() ? "PASS" : "FAIL", r.scenario().file().getFileName() + ":" + r.testCase().line(),
                    r.scenario().title() + " / " + r.testCase().name());
            if (!r.passed()) {
                failed++;
                r.failures().forEach(f -> out.println("       " + f));
            }
        }
        out.printf("%n%d cases in %d scenario files: %d passed, %d failed%n", results.size(), scenarios.size(), results.size() - failed, failed);
        if (coverage) {
            out.println();
            out.print(Coverage.matrix(scenarios, results, base.catalogue().values()));
            RuleFiles files = rules.files();
            List<String> offenders = new ArrayList<>(Coverage.offenders(scenarios, results, base.catalogue(), suite.faqs(), Coverage.findingCodes(files)));
            try {
                offenders.addAll(suite.misnamed(scenarios));
            } catch (ScenarioFiles.BadScenario e) {
                offenders.add(e.getMessage());
            }
            out.println();
            if (offenders.isEmpty()) {
                out.println("Coverage complete: every FAQ has a case, every rule fires in some case and not in another, every finding code is expected, every file is named after what it proves.");
            } else {
                out.println("Coverage incomplete (" + offenders.size() + "):");
                offenders.forEach(o -> out.println("  " + o));
                return Main.ACTION_REQUIRED;
            }
        }
        return failed == 0 ? Main.READY : Main.ACTION_REQUIRED;
    }
}
