package io.github.mfaeval.engine;

import java.util.List;
import java.util.stream.Collectors;

/** The rules in a folder do not build; carries every problem found, each with its file and line. */
public final class RuleBuildException extends Exception {
    private final List<RuleProblem> problems;

    public RuleBuildException(List<RuleProblem> problems) {
        super(problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> getProblems() {
        return problems;
    }
}
