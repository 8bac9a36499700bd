package io.github.mfaeval.engine;

import io.github.mfaeval.model.SignIn;
import io.github.mfaeval.result.SignInSink;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Judges the chunks of a tenant's sign-ins in fresh sessions, on the evaluating thread, and counts, tallies and sends on
 * each judged sign-in: at once with one sign-in file; with several, once every file is read ({@link #replay}), since
 * only then is it known which copy of a sign-in read more than once is counted. The reading thread reads its fields
 * only after the evaluating thread is done.
 */
final class SignInEvaluation {
    /** The copies of sign-ins read more than once are sent on last, in this order, as they always were. */
    static final Comparator<SignIn> COPIES_ORDER = Comparator
            .comparing(SignIn::getCreatedDateTime, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
            .thenComparing(SignIn::getId);

    private final RuleBase rules;
    private final List<Object> context;
    private final FindingSink findings;
    private final Set<String> fired;
    private final SignInSink sink;
    private final SignInTotals totals;

    SignInEvaluation(RuleBase rules, List<Object> context, FindingSink findings, Set<String> fired, SignInSink sink,
                     SignInTotals totals) {
        this.rules = rules;
        this.context = context;
        this.findings = findings;
        this.fired = fired;
        this.sink = sink;
        this.totals = totals;
    }

    /** One file: judged, counted and sent on at once. */
    void judgeAndSend(List<SignIn> chunk) throws IOException {
        SignInStage.evaluate(rules, context, chunk, findings, fired);
        for (SignIn s : chunk) send(s);
    }

    /**
     * Several files: judged now, counted later. Why {@code fired} is filled with care here: a first copy judged now
     * may lose to a richer later copy, which before the one-pass intake was never judged at all; the report lists the
     * rules that fired for the sign-ins it counts and for the stage's context, never for a copy that lost, and it must
     * not start to. So the rules a sign-in fired are taken into {@code fired} only when it is counted
     * ({@link #replay}), from its own {@code rules}; the firings of this session that belong to no sign-in of the
     * chunk (rules about the context alone) are taken now. A rule's firing on a sign-in is written onto the sign-in,
     * its subject (Explainer: sign-in rules list the sign-in first). The rules of rules/signin raise no findings (they
     * write the verdict onto the sign-in), so a losing copy leaves none.
     */
    void spool(List<SignIn> chunk, SignInSpool spool) throws IOException {
        Set<String> firedHere = new HashSet<>();
        SignInStage.evaluate(rules, context, chunk, findings, firedHere);
        Set<String> ofSignIns = new HashSet<>();
        for (SignIn s : chunk) {
            ofSignIns.addAll(s.getRules());
            spool.write(s);
        }
        for (String id : firedHere) if (!ofSignIns.contains(id)) fired.add(id);
    }

    /**
     * After the last file: the spool replayed in reading order, each sign-in whose id was read once counted and sent
     * on; then each sign-in read more than once, judged on its richest copy (the spooled first copy, or the richest
     * later one the intake held, which replaces it only when strictly richer), in {@link #COPIES_ORDER}. A spooled
     * copy that wins keeps the verdict it was given; a held one is judged now.
     */
    void replay(SignInSpool spool, boolean decodeAhead, Set<String> repeated, Collection<SignIn> held, Comparator<SignIn> richerFirst)
            throws IOException {
        Set<String> firedByCounted = new HashSet<>();
        Map<String, SignIn> firstCopies = new HashMap<>();
        spool.replay(decodeAhead, s -> {
            if (repeated.contains(s.getId())) {
                firstCopies.put(s.getId(), s);
            } else {
                send(s);
                firedByCounted.addAll(s.getRules());
            }
        });
        List<SignIn> copies = new ArrayList<>(held.size() + firstCopies.size());
        List<SignIn> toJudge = new ArrayList<>();
        for (SignIn later : held) {
            SignIn first = firstCopies.remove(later.getId());
            if (first != null && richerFirst.compare(later, first) >= 0) {
                copies.add(first);
            } else {
                toJudge.add(later);
                copies.add(later);
            }
        }
        copies.addAll(firstCopies.values()); // read again only in another tenant's log
        for (int i = 0; i < toJudge.size(); i += Evaluator.CHUNK) {
            SignInStage.evaluate(rules, context, toJudge.subList(i, Math.min(toJudge.size(), i + Evaluator.CHUNK)),
                    findings, fired);
        }
        copies.sort(COPIES_ORDER);
        for (SignIn s : copies) {
            send(s);
            firedByCounted.addAll(s.getRules());
        }
        fired.addAll(firedByCounted);
    }

    private void send(SignIn s) throws IOException {
        SignInStage.count(totals, s);
        sink.accept(SignInStage.verdict(s));
    }
}
