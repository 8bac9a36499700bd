package io.github.mfaeval.scenario;

import java.util.List;
import java.util.Set;

/** The outcome of one case: its failures (empty when it passed) and the rules and codes it produced. */
public record CaseResult(Scenario scenario, Scenario.Case testCase, List<String> failures, Set<String> fired, Set<String> codes) {
    public boolean passed() {
        return failures.isEmpty();
    }

    /** file:line for a YAML file, for editors and CI logs; "file, row N" for a table, as a spreadsheet shows it. */
    public String location() {
        return ScenarioTable.isTable(scenario.file()) ? scenario.file() + ", row " + testCase.line() : scenario.file() + ":" + testCase.line();
    }
}
