package io.github.mfaeval.spark;

import io.github.mfaeval.engine.RuleBase;
import io.github.mfaeval.model.SignIn;
import io.github.mfaeval.pipeline.ChunkContext;
import io.github.mfaeval.pipeline.SignInShare;
import io.github.mfaeval.pipeline.TenantPipeline;
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

/**
 * One partition of the sign-in stage, on an executor: each group of copies of a sign-in id becomes one sign-in
 * (the copy read first, as {@code evaluate} keeps it; the others count as duplicates), evaluated in chunks per
 * tenant in fresh sessions of this JVM's rule base, giving verdicts as they are decided and, at the end, the
 * partition's per-user and per-tenant partial results. Rejections and file counts pass through.
 */
final class SignInStageTask implements Iterator<Outcome> {
    static final int CHUNK = 1000;

    private final Iterator<Tuple2<String, Iterable<Piece>>> groups;
    private final Map<String, ChunkContext> contexts;
    /** Tenants with several sign-in files: there, as in evaluate, repeated records are copies judged on the richest. */
    private final Set<String> severalFiles;
    private final TenantPipeline pipeline;
    private final Map<String, TenantWork> work = new LinkedHashMap<>();
    private final Deque<Outcome> ready = new ArrayDeque<>();
    private boolean finished;

    SignInStageTask(Iterator<Tuple2<String, Iterable<Piece>>> groups, RuleBase rules, Map<String, ChunkContext> contexts,
                    Set<String> severalFiles) {
        this.groups = groups;
        this.severalFiles = severalFiles;
        this.contexts = contexts;
        this.pipeline = new TenantPipeline(rules);
    }

    /** A tenant's share of this partition. */
    private final class TenantWork {
        final String tenant;
        final SignInShare share;
        final Map<String, Outcome> users = new HashMap<>();
        List<Piece> chunk = new ArrayList<>(CHUNK);
        long duplicates;

        TenantWork(String tenant) {
            this.tenant = tenant;
            ChunkContext c = contexts.get(tenant);
            if (c == null) throw new IllegalStateException("no sign-in context for tenant " + tenant);
            this.share = pipeline.signInShare(c);
        }

        void evaluate() {
            if (chunk.isEmpty()) return;
            List<SignIn> signIns = new ArrayList<>(chunk.size());
            for (Piece p : chunk) signIns.add(p.signIn);
            List<SignInShare.Judged> judged = pipeline.evaluateChunk(share, signIns);
            for (int i = 0; i < chunk.size(); i++) {
                Piece p = chunk.get(i);
                SignInShare.Judged j = judged.get(i);
                String key = j.userKey();
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
                        u.seenAs = j.seenAs();
                    }
                }
                ready.add(Outcome.verdict(tenant, p.file, p.seq, j.verdict()));
            }
            chunk = new ArrayList<>(CHUNK);
        }

        void finish() {
            evaluate();
            for (Outcome u : users.values()) {
                u.tally = share.tally(u.user);
                ready.add(u);
            }
            Outcome t = Outcome.tenantPart(tenant);
            t.duplicates = duplicates;
            t.inScope = share.inScope();
            t.satisfied = share.satisfied();
            t.notSatisfied = share.notSatisfied();
            t.period.merge(share.period());
            t.findings.addAll(share.findings());
            t.fired.addAll(share.fired());
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
            if (richest == null || pipeline.richerCopyFirst().compare(p.signIn, richest.signIn) < 0) richest = p;
        }
        if (first == null) return;
        if (copies > 1 && severalFiles.contains(first.tenant)) {
            // As evaluate does (SignInIntake, SignInEvaluation): judged on the richest copy, listed after every sign-in read once,
            // in (createdDateTime, id) order (the driver breaks ties by id).
            first = Piece.afterEveryFile(first.tenant, copyOrder(richest.signIn), richest.signIn);
        }
        TenantWork w = work.computeIfAbsent(first.tenant, TenantWork::new);
        w.duplicates += copies - 1;
        w.chunk.add(first);
        if (w.chunk.size() >= CHUNK) w.evaluate();
    }
}
