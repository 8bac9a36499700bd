package io.github.mfaeval.pipeline;

import io.github.mfaeval.engine.Evaluator;
import io.github.mfaeval.engine.FindingSink;
import io.github.mfaeval.engine.SignInStage;
import io.github.mfaeval.engine.SignInTotals;
import io.github.mfaeval.model.DirectoryUser;
import io.github.mfaeval.model.Finding;
import io.github.mfaeval.model.SignIn;
import io.github.mfaeval.model.SignInTally;
import io.github.mfaeval.result.SignInPeriod;
import io.github.mfaeval.result.SignInVerdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A tenant's share of its sign-ins evaluated apart (a cluster's executor), chunk by chunk in fresh sessions, as the
 * sign-in step does: each sign-in judged, counted and tallied under its user; what the share found goes back to the
 * driver, which adds the shares up ({@link SignInResults#addShare}).
 */
public final class SignInShare {
    private final Evaluator evaluator;
    private final List<Object> context;
    private final FindingSink findings;
    private final Set<String> fired = new TreeSet<>();
    private final SignInTotals totals = new SignInTotals();

    SignInShare(Evaluator evaluator, ChunkContext context) {
        this.evaluator = evaluator;
        this.context = evaluator.signInFacts(context.context);
        this.findings = evaluator.newFindingSink();
    }

    /** One evaluated sign-in: its verdict, the user it is tallied under (null: none) and the user it shows. */
    public record Judged(SignIn signIn, SignInVerdict verdict, String userKey, DirectoryUser seenAs) {
    }

    /** One chunk through the sign-in stage, each sign-in counted; the judged sign-ins in the chunk's order. */
    List<Judged> evaluate(List<SignIn> chunk) {
        evaluator.evaluateSignIns(context, chunk, findings, fired);
        List<Judged> judged = new ArrayList<>(chunk.size());
        for (SignIn s : chunk) {
            SignInStage.count(totals, s);
            String key = SignInStage.userKey(s);
            judged.add(new Judged(s, SignInStage.verdict(s), key, key == null ? null : SignInStage.seenUser(key, s)));
        }
        return judged;
    }

    /** The tally of a user of this share (null: no sign-in of this user). */
    public SignInTally tally(String userKey) {
        return totals.tallies.get(userKey);
    }

    public long inScope() {
        return totals.inScope;
    }

    public long satisfied() {
        return totals.satisfied;
    }

    public long notSatisfied() {
        return totals.notSatisfied;
    }

    /** The period the share's sign-ins cover, per kind. */
    public SignInPeriod.Builder period() {
        return totals.period;
    }

    public List<Finding> findings() {
        return findings.findings();
    }

    public Set<String> fired() {
        return fired;
    }
}
