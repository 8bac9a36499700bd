package io.github.mfaeval.spark;

import io.github.mfaeval.engine.Evaluator;
import io.github.mfaeval.engine.FindingSink;
import io.github.mfaeval.engine.RuleBase;
import io.github.mfaeval.model.SignIn;
import scala.Tuple2;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;

/**
 * One partition of the sign-in stage, on an executor: each group of copies of a sign-in id becomes one sign-in
 * (the copy read first, as {@code evaluate} keeps it; the others count as duplicates), evaluated in chunks per
 * tenant in fresh sessions of this JVM's rule base, giving verdicts as they are decided and, at the end, the
 * partition's per-user and per-tenant partial results. Rejections and file counts pass through.
 */
final class SignInStageTask implements Iterator<Outcome> {
    static final int CHUNK = 1000;

    private final Iterator<Tuple2<String, Iterable<Piece>>> groups;
    private final Map<String, Evaluator.SignInContext> contexts;
    /** Tenants with several sign-in files: there, as in evaluate, repeated records are copies judged on the richest. */
    private final Set<String> severalFiles;
    private final RuleBase rules;
    private final Evaluator evaluator;
    private final Map<String, TenantWork> work = new LinkedHashMap<>();
    private final Deque<Outcome> ready = new ArrayDeque<>();
    private boolean finished;

    SignInStageTask(Iterator<Tuple2<String, Iterable<Piece>>> groups, RuleBase rules, Map<String, Evaluator.SignInContext> contexts,
                    Set<String> severalFiles) {
        this.groups = groups;
        this.severalFiles = severalFiles;
        this.rules = rules;
        this.contexts = contexts;
        this.evaluator = new Evaluator(rules);
    }

    /** A tenant's share of this partition. */
    private final class TenantWork {
        final String tenant;
        final List<Object> context;
        final FindingSink findings = evaluator.newFindingSink();
        final Set<String> fired = new TreeSet<>();
        final Evaluator.SignInTotals totals = new Evaluator.SignInTotals();
        final Map<String, Outcome> users = new HashMap<>();
        List<Piece> chunk = new ArrayList<>(CHUNK);
        long duplicates;

        TenantWork(String tenant) {
            this.tenant = tenant;
            Evaluator.SignInContext c = contexts.get(tenant);
            if (c == null) throw new IllegalStateException("no sign-in context for tenant " + tenant);
            this.context = c.facts(rules);
        }

        void evaluate() {
            if (chunk.isEmpty()) return;
            List<SignIn> signIns = new ArrayList<>(chunk.size());
            for (Piece p : chunk) signIns.add(p.signIn);
            evaluator.evaluateSignIns(context, signIns, findings, fired);
            for (Piece p : chunk) {
                SignIn s = p.signIn;
                Evaluator.count(totals, s);
                String key = Evaluator.userKey(s);
                if (key != null) {
                    Outcome u = users.get(key);
                    if (u == null || p.file < u.file || (p.file == u.file && p.seq < u.seq)) {
                        if (u == null) {
                            u = new Outcome(Outcome.Kind.USER, tenant);
                            u.user = key;
                            users.put(key, u);
                        }
                        u.file = p.file;
                        u.seq = p.seq;
                        u.seenAs = Evaluator.seenUser(key, s);
                    }
                }
                ready.add(Outcome.verdict(tenant, p.file, p.seq, Evaluator.verdict(s)));
            }
            chunk = new ArrayList<>(CHUNK);
        }

        void finish() {
            evaluate();
            for (Outcome u : users.values()) {
                u.tally = totals.tallies.get(u.user);
                ready.add(u);
            }
            Outcome t = Outcome.tenantPart(tenant);
            t.duplicates = duplicates;
            t.inScope = totals.inScope;
            t.satisfied = totals.satisfied;
            t.notSatisfied = totals.notSatisfied;
            t.period.merge(totals.period);
            t.findings.addAll(findings.findings());
            t.fired.addAll(fired);
            ready.add(t);
        }
    }

    @Override
    public boolean hasNext() {
        while (ready.isEmpty() && !finished) step();
        return !ready.isEmpty();
    }

    @Override
    public Outcome next() {
        if (!hasNext()) throw new NoSuchElementException();
        return ready.poll();
    }

    private static long copyOrder(SignIn s) {
        java.time.Instant at = s.getCreatedDateTime();
        return at == null ? Long.MAX_VALUE : at.getEpochSecond() * 1_000_000_000L + at.getNano();
    }

    private void step() {
        if (!groups.hasNext()) {
            for (TenantWork w : work.values()) w.finish();
            finished = true;
            return;
        }
        Piece first = null;
        Piece richest = null;
        long copies = 0;
        for (Piece p : groups.next()._2()) {
            if (p.kind != Piece.Kind.SIGN_IN) {
                ready.add(Outcome.of(p));
                continue;
            }
            copies++;
            if (first == null || p.before(first)) first = p;
            if (richest == null || evaluator.richerCopyFirst().compare(p.signIn, richest.signIn) < 0) richest = p;
        }
        if (first == null) return;
        if (copies > 1 && severalFiles.contains(first.tenant)) {
            // As evaluate does (SignInCopies): judged on the richest copy, listed after every sign-in read once,
            // in (createdDateTime, id) order (the driver breaks ties by id).
            first = Piece.afterEveryFile(first.tenant, copyOrder(richest.signIn), richest.signIn);
        }
        TenantWork w = work.computeIfAbsent(first.tenant, TenantWork::new);
        w.duplicates += copies - 1;
        w.chunk.add(first);
        if (w.chunk.size() >= CHUNK) w.evaluate();
    }
}
