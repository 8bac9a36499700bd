package io.github.mfaeval.rules;

import io.github.mfaeval.engine.RuleProblem;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The rules in a folder do not build; carries every problem found, each with its file and line, and Drools' own
 * messages as Drools wrote them (generated Java included), which the command line shows only with --verbose.
 */
public final class RuleBuildException extends Exception {
    private final List<RuleProblem> problems;
    private final List<String> droolsMessages;

    public RuleBuildException(List<RuleProblem> problems) {
        this(problems, List.of());
    }

    public RuleBuildException(List<RuleProblem> problems, List<String> droolsMessages) {
        super(problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
        this.droolsMessages = List.copyOf(droolsMessages);
    }

    public List<RuleProblem> getProblems() {
        return problems;
    }

    /**
     * Drools' messages of the failed build, unexplained: "ERROR path:line:column: text", where a mistake in a
     * consequence comes with the generated Java class. Empty when the build failed before Drools was asked.
     */
    public List<String> getDroolsMessages() {
        return droolsMessages;
    }
}
