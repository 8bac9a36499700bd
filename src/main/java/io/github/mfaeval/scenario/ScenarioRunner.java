package io.github.mfaeval.scenario;

import io.github.mfaeval.engine.RuleBase;
import io.github.mfaeval.load.InputException;
import io.github.mfaeval.model.Finding;
import io.github.mfaeval.pipeline.TenantPipeline;
import io.github.mfaeval.result.Report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs scenario cases through the real loader and the real rules: each case's tenant is the base
 * tenant ({@code base/} beside the scenario files) with the case's changes, written to a temporary folder.
 */
public final class ScenarioRunner {
    public static final String BASE = "base";
    /** The evaluation date when a scenario file gives none. */
    public static final LocalDate DEFAULT_AS_OF = LocalDate.of(2025, 11, 28);

    private final TenantPipeline pipeline;
    private final List<Path> bases;

    public ScenarioRunner(RuleBase rules, Path dir) {
        this(rules, List.of(dir.resolve(BASE)));
    }

    /** Cases start from the first base tenant folder with the files of the next ones laid over it (an edition's base/). */
    public ScenarioRunner(RuleBase rules, List<Path> bases) {
        this.pipeline = new TenantPipeline(rules);
        this.bases = List.copyOf(bases);
    }

    public CaseResult run(Scenario scenario, Scenario.Case c) {
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory("mfa-eval-case");
            Path tenant = TenantPatch.apply(bases, c.given(), tmp.resolve("tenant"));
            Report report = pipeline.evaluate(tenant, c.asOf() == null ? DEFAULT_AS_OF : c.asOf());
            Set<String> codes = new TreeSet<>();
            for (Finding f : report.findings()) codes.add(f.code());
            // The coverage gate counts the policy stage's rules too, which reports do not list (Report.RulesUsed).
            Set<String> fired = new TreeSet<>(report.rules().fired());
            if (report.rules().classified() != null) fired.addAll(report.rules().classified());
            return new CaseResult(scenario, c, Expectations.check(c.expect(), report), fired, codes);
        } catch (IOException | InputException | RuntimeException e) {
            return new CaseResult(scenario, c, List.of("could not evaluate: " + e.getMessage()), Set.of(), Set.of());
        } finally {
            if (tmp != null) TenantPatch.delete(tmp);
        }
    }

    public List<CaseResult> runAll(List<Scenario> scenarios) {
        List<CaseResult> out = new ArrayList<>();
        for (Scenario s : scenarios) {
            for (Scenario.Case c : s.cases()) out.add(run(s, c));
        }
        return out;
    }
}
