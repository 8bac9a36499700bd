package io.github.mfaeval.engine;

import io.github.mfaeval.model.CopyRank;
import io.github.mfaeval.model.ReadinessRule;
import io.github.mfaeval.model.StatusRule;
import io.github.mfaeval.model.ReferenceFact;
import io.github.mfaeval.model.SignIn;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The decisions of rules/ that the tool applies itself rather than in a rule session, read once from their tables
 * when the rule base is built: which copy of a sign-in wins (reference/copy-ranking.drl.csv), which findings block
 * readiness and the report's status (reference/readiness.drl.csv). A table that says too little is a build error
 * naming it, or fails closed, never a default that passes.
 */
record Decisions(Comparator<SignIn> copyRanking, io.github.mfaeval.result.Readiness readiness, List<RuleProblem> problems) {
    static final String COPY_RANKING = "reference/copy-ranking.drl.csv";
    static final String READINESS = "reference/readiness.drl.csv";

    static Decisions of(List<ReferenceFact> reference, Map<String, RuleInfo> catalogue) {
        List<RuleProblem> problems = new ArrayList<>();
        Comparator<SignIn> ranking = copyRanking(reference, catalogue, problems);
        return new Decisions(ranking, readiness(reference, catalogue, problems), List.copyOf(problems));
    }

    /**
     * Which findings block readiness and the report's status (reference/readiness.drl.csv). Without the table every
     * finding blocks and no report is READY; a status table that could make READY anything but the last resort is
     * refused, so that no edit makes incomplete evidence or a finding that counts READY by the order of its rows.
     */
    private static io.github.mfaeval.result.Readiness readiness(List<ReferenceFact> reference, Map<String, RuleInfo> catalogue,
                                                               List<RuleProblem> problems) {
        List<ReadinessRule> findings = reference.stream().filter(ReadinessRule.class::isInstance).map(ReadinessRule.class::cast).toList();
        List<StatusRule> status = reference.stream().filter(StatusRule.class::isInstance).map(StatusRule.class::cast)
                .sorted(Comparator.comparingInt(StatusRule::getRank)).toList();
        if (status.isEmpty()) return io.github.mfaeval.result.Readiness.of(findings, List.of());
        String file = fileOf(status.get(0), catalogue, READINESS);
        StatusRule last = status.get(status.size() - 1);
        for (StatusRule r : status) {
            if (r.getWhen() == StatusRule.When.OTHERWISE && r != last) {
                problems.add(new RuleProblem(file, 0, true, "status row " + r.getSourceRule() + " (OTHERWISE) has rank " + r.getRank()
                        + ", but rows come after it that it would hide: OTHERWISE is the last rank"));
            }
            if ("READY".equals(r.getStatus()) && r.getWhen() != StatusRule.When.OTHERWISE) {
                problems.add(new RuleProblem(file, 0, true, "status row " + r.getSourceRule() + " makes a report READY when "
                        + r.getWhen() + ": only OTHERWISE (nothing incomplete, no finding counting) may be READY"));
            }
        }
        for (int i = 1; i < status.size(); i++) {
            if (status.get(i).getRank() == status.get(i - 1).getRank()) {
                problems.add(new RuleProblem(file, 0, true, "status rows " + status.get(i - 1).getSourceRule() + " and "
                        + status.get(i).getSourceRule() + " have the same rank " + status.get(i).getRank() + ": give each its own"));
            }
        }
        return io.github.mfaeval.result.Readiness.of(findings, status);
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
