package io.github.mfaeval.engine;

import io.github.mfaeval.model.DirectoryUser;
import io.github.mfaeval.model.SignIn;
import io.github.mfaeval.model.SignInTally;
import io.github.mfaeval.result.SignInVerdict;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The sign-in stage over one chunk of a tenant's sign-ins, in a fresh session (chunks do not affect verdicts: sign-in
 * rules look at one sign-in at a time), and what is kept of each judged sign-in: its verdict, and its place in the
 * counts and in its user's tally ({@link SignInTotals}).
 */
public final class SignInStage {
    private SignInStage() {
    }

    /**
     * Sets each sign-in's verdict; {@code context} is {@link SignInContext#facts}. Findings go to {@code findings},
     * the rules that fired to {@code fired}.
     */
    public static void evaluate(RuleBase rules, List<Object> context, List<SignIn> chunk, FindingSink findings, Set<String> fired) {
        rules.run(Stage.SIGNIN, context, chunk, findings, fired);
    }

    /** The verdict of an evaluated sign-in, as listed in the report. */
    public static SignInVerdict verdict(SignIn s) {
        return new SignInVerdict(s.getId(), s.getCreatedDateTime(), s.getUserId(), s.getUserPrincipalName(),
                s.getAppId(), s.getApplication(), s.getPhase(), s.isInScope(), s.getScopeReason(), s.getMfaSatisfied(),
                s.getSatisfiedBy(), s.getEnforcementActive(), List.copyOf(s.getRules()), s.getSource());
    }

    /** The user an evaluated sign-in is tallied under (null: none; workload identities are not users). */
    public static String userKey(SignIn s) {
        if (s.isWorkloadIdentity()) return null;
        if (!s.getUserId().isEmpty()) return s.getUserId();
        return s.getUserPrincipalName() == null ? null : s.getUserPrincipalName().toLowerCase(Locale.ROOT);
    }

    /** The user a sign-in shows, for users who are not in the directory export. */
    public static DirectoryUser seenUser(String key, SignIn s) {
        return new DirectoryUser(key, s.getUserPrincipalName(), null, s.getUserType(), s.isGuest());
    }


    /** Adds one evaluated sign-in to the counts and tallies. */
    public static void count(SignInTotals totals, SignIn s) {
        totals.period.add(s.getKind() == null ? "user" : s.getKind(), s.getCreatedDateTime());
        String key = userKey(s);
        if (key != null) {
            SignInTally tally = totals.tallies.get(key);
            if (tally == null) {
                tally = new SignInTally();
                totals.tallies.put(key, tally);
                totals.seenUsers.putIfAbsent(key, seenUser(key, s));
            }
            tally.add(s);
        }
        if (s.isInScope()) {
            totals.inScope++;
            if (Boolean.TRUE.equals(s.getMfaSatisfied())) totals.satisfied++;
            else totals.notSatisfied++;
        }
    }
}
