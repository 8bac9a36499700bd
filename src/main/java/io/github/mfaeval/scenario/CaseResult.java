package io.github.mfaeval.scenario;

import java.util.List;
import java.util.Set;

/** The outcome of one case: its failures (empty when it passed) and the rules and codes it produced. */
public record CaseResult(Scenario scenario, Scenario.Case testCase, List<String> failures, Set<String> fired, Set<String> codes) {
    public boolean passed() {
        return failures.isEmpty();
    }

    /** file:line, for editors and CI logs. */
    public String location() {
        return scenario.file() + ":" + testCase.line();
    }
}
