package io.github.mfaeval.model;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * One row of the copy ranking (rules/reference/copy-ranking.drl.csv): of several copies of one sign-in (the same id
 * in several exports), which wins on one criterion. The rows, in the order of their rank, make the ranking; the
 * criteria are named measures of a copy's evidence, the table decides their order and which way each one wins.
 */
public final class CopyRank extends ReferenceFact {
    /** What the table's "Which copy wins" column says: the copy whose measure is higher, or lower. */
    public static final String HIGHER = "higher";
    public static final String LOWER = "lower";

    /** A measure of a copy's evidence. A presence counts as higher than an absence; a source is compared as text. */
    public enum Criterion {
        /** MFA steps (steps other than primary authentication) that succeeded. */
        SUCCEEDED_MFA_STEPS(s -> {
            int n = 0;
            for (AuthStep step : s.getAuthenticationDetails()) if (step.isSucceeded() && !step.isPrimary()) n++;
            return n;
        }),
        /** Authentication steps, whatever they were. */
        STEPS(SignIn::getStepCount),
        /** An MFA requirement (authenticationRequirement multiFactorAuthentication). */
        MFA_REQUIREMENT(s -> s.isMfaRequirement() ? 1 : 0),
        /** Requirement providers named by the export. */
        REQUIREMENT_PROVIDERS(s -> s.getRequirementProviders().size()),
        /** A status detail (status.additionalDetails). */
        STATUS_DETAIL(s -> s.getAdditionalDetails().isEmpty() ? 0 : 1),
        /** The source (file and record) of the copy, as text. */
        SOURCE(s -> s.getSource() == null ? "" : s.getSource());

        private final Comparator<SignIn> lowerFirst;

        <T extends Comparable<? super T>> Criterion(Function<SignIn, T> measure) {
            this.lowerFirst = Comparator.comparing(measure);
        }

        /** The copies in this criterion's order, the winner first. */
        public Comparator<SignIn> winnerFirst(String wins) {
            return HIGHER.equals(wins) ? lowerFirst.reversed() : lowerFirst;
        }
    }

    private final int rank;
    private final Criterion criterion;
    private final String wins;

    public CopyRank(int rank, Criterion criterion, String wins) {
        this.rank = rank;
        this.criterion = criterion;
        this.wins = wins;
    }

    public int getRank() { return rank; }
    public Criterion getCriterion() { return criterion; }
    public String getWins() { return wins; }

    /**
     * The copies, the one a sign-in's verdict is judged on first: the rows by rank, each criterion breaking the ties
     * of those before it. The caller has checked that every criterion has exactly one row.
     */
    public static Comparator<SignIn> ranking(List<CopyRank> rows) {
        Comparator<SignIn> order = null;
        for (CopyRank r : rows.stream().sorted(Comparator.comparingInt(CopyRank::getRank)).toList()) {
            Comparator<SignIn> next = r.criterion.winnerFirst(r.wins);
            order = order == null ? next : order.thenComparing(next);
        }
        return order;
    }
}
