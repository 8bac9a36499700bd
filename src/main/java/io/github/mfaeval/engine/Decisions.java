package io.github.mfaeval.engine;

import io.github.mfaeval.model.CopyRank;
import io.github.mfaeval.model.ReferenceFact;
import io.github.mfaeval.model.SignIn;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The decisions of rules/ that the tool applies itself rather than in a rule session, read once from their tables
 * when the rule base is built: which copy of a sign-in wins (reference/copy-ranking.drl.csv). A table that says too
 * little is a build error naming it, never a default.
 */
public record Decisions(Comparator<SignIn> copyRanking, List<RuleProblem> problems) {
    static final String COPY_RANKING = "reference/copy-ranking.drl.csv";
    /**
     * Tables whose rows no verdict cites: those the tool applies itself, and the guest marks, read only by the
     * assignment stage (which the gate leaves out). An edition may have its own copy, under editions/ID/.
     */
    private static final List<String> CITED_BY_NO_VERDICT = List.of(COPY_RANKING, "reference/guest-marks.drl.csv");

    /**
     * Whether a rule is a row of a table no verdict cites (above): the scenario coverage gate leaves it to the tests
     * that prove each row (RulesAreDataTest), as it leaves the assignment stage to AssignmentStageTest.
     */
    public static boolean citedByNoVerdict(RuleInfo rule) {
        return rule.file() != null && CITED_BY_NO_VERDICT.stream().anyMatch(t -> rule.file().equals(t) || rule.file().endsWith("/" + t));
    }

    static Decisions of(List<ReferenceFact> reference, Map<String, RuleInfo> catalogue) {
        List<RuleProblem> problems = new ArrayList<>();
        return new Decisions(copyRanking(reference, catalogue, problems), List.copyOf(problems));
    }

    private static Comparator<SignIn> copyRanking(List<ReferenceFact> reference, Map<String, RuleInfo> catalogue, List<RuleProblem> problems) {
        List<CopyRank> rows = reference.stream().filter(CopyRank.class::isInstance).map(CopyRank.class::cast).toList();
        if (rows.isEmpty()) {
            return (a, b) -> {
                throw new IllegalStateException("the same sign-in is in several exports, but the rules have no "
                        + COPY_RANKING + " to say which copy to judge it on");
            };
        }
        // Several rows of one criterion are refused by the table's Key; a criterion without a row is refused here.
        Map<CopyRank.Criterion, CopyRank> byCriterion = new EnumMap<>(CopyRank.Criterion.class);
        rows.forEach(r -> byCriterion.put(r.getCriterion(), r));
        String file = fileOf(rows.get(0), catalogue, COPY_RANKING);
        for (CopyRank.Criterion c : CopyRank.Criterion.values()) {
            if (!byCriterion.containsKey(c)) {
                problems.add(new RuleProblem(file, 0, true, "criterion " + c + " has no active row: every criterion of "
                        + java.util.Arrays.toString(CopyRank.Criterion.values()) + " needs one, with its rank"));
            }
        }
        Map<Integer, CopyRank> byRank = new java.util.HashMap<>();
        for (CopyRank r : rows) {
            CopyRank other = byRank.putIfAbsent(r.getRank(), r);
            if (other != null) {
                problems.add(new RuleProblem(file, 0, true, "rank " + r.getRank() + " is given to " + other.getCriterion()
                        + " (" + other.getSourceRule() + ") and " + r.getCriterion() + " (" + r.getSourceRule() + "): give each criterion its own rank"));
            }
        }
        return CopyRank.ranking(rows);
    }

    private static String fileOf(ReferenceFact row, Map<String, RuleInfo> catalogue, String otherwise) {
        RuleInfo info = row.getSourceRule() == null ? null : catalogue.get(row.getSourceRule());
        return info == null || info.file() == null ? otherwise : info.file();
    }
}
