package io.github.mfaeval.engine;

import io.github.mfaeval.load.signin.HashedIdSet;
import io.github.mfaeval.load.signin.OtherTenantRecords;
import io.github.mfaeval.load.signin.SignInCopies;
import io.github.mfaeval.load.signin.SignInKind;
import io.github.mfaeval.load.signin.SignInSource;
import io.github.mfaeval.model.SignIn;
import io.github.mfaeval.result.Rejection;
import io.github.mfaeval.result.SignInSink;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * The intake's sink on the engine's side: reads sign-ins record by record, drops duplicates and hands them on a
 * chunk at a time (250, then 500, then {@link Evaluator#CHUNK}), to the rules thread of a {@link ChunkPipeline} or,
 * for the parse floor, to nothing. Runs on the calling thread; what it keeps grows only with the ids it has seen
 * (64-bit hashes, see {@link HashedIdSet}).
 */
final class SignInChunks {
    /**
     * The first chunk of a tenant is smaller, and each next one twice as big up to {@link Evaluator#CHUNK}: the rules
     * start on the first sign-ins while the rest are read, which is most of the overlap a tenant of a thousand
     * sign-ins can get; chunks do not affect verdicts (sign-in rules look at one sign-in at a time).
     */
    static final int FIRST_CHUNK = 250;
    /** Chunks the reader may be ahead of the rules: enough to absorb jitter, a few MB at most. */
    static final int DEPTH = 4;

    /** Where the reader puts each full chunk of sign-ins. */
    interface ChunkHandler {
        void accept(List<SignIn> chunk);
    }

    /** What is done with each chunk on the rules' side (it may fail; the failure reaches the reading thread). */
    interface ChunkStage {
        void accept(List<SignIn> chunk) throws Exception;
    }

    private final ChunkHandler handler;
    private final SignInTotals totals;
    private int limit = FIRST_CHUNK;
    private List<SignIn> chunk = new ArrayList<>(limit);
    private final HashedIdSet seenIds = new HashedIdSet();
    private final SignInCopies copies;
    /** The tenant evaluated: records of other tenants' logs are left out (OtherTenantRecords). */
    private final String tenantId;

    SignInChunks(ChunkHandler handler, SignInTotals totals, SignInCopies copies, String tenantId) {
        this.handler = handler;
        this.totals = totals;
        this.copies = copies;
        this.tenantId = tenantId;
    }

    /** Reads the sign-ins of {@code source} into {@code totals}, evaluating nothing (the parse floor). */
    static void readOnly(SignInSource source, String tenantId, int readers, SignInTotals totals) {
        // Without rules there is no copy ranking; the counts do not depend on which copy is held (the first is).
        SignInChunks chunks = new SignInChunks(chunk -> { }, totals, SignInCopies.scan(source, readers, SignInSource.PART_BYTES, (a, b) -> 0),
                tenantId);
        chunks.readFiles(source, readers, SignInSource.PART_BYTES);
        chunks.finish();
    }

    /**
     * Reads the sign-ins of {@code source} and hands them, a chunk at a time and in reading order, to {@code stage}:
     * on a thread of its own at most {@link #DEPTH} chunks behind when {@code pipelined}, else on this one.
     * Authentication-detail rows no sign-in claimed end in {@code totals.rejected} as ignored.
     */
    static void evaluate(SignInSource source, String tenantId, int readers, long partBytes, boolean pipelined,
                         Comparator<SignIn> richerFirst, SignInTotals totals, ChunkStage stage) throws IOException {
        try (ChunkPipeline<List<SignIn>> pipeline = pipelined
                ? ChunkPipeline.threaded("mfa-eval sign-ins", DEPTH, stage::accept)
                : ChunkPipeline.inline(stage::accept)) {
            SignInChunks chunks = new SignInChunks(pipeline::submit, totals, SignInCopies.scan(source, readers, partBytes, richerFirst),
                    tenantId);
            try {
                chunks.readFiles(source, readers, partBytes);
                chunks.finish();
                ignoredDetails(source, totals.rejected);
            } catch (RuntimeException e) {
                // The evaluating side failed: rethrow its own exception, not the reader's view of it.
                if (pipeline.failed()) pipeline.finish();
                throw e;
            }
            pipeline.finish();
        }
    }

    /**
     * Authentication-detail rows whose Request ID no sign-in claimed (is the main download missing, or cut?) are
     * no sign-ins, so they count in no sign-in total, but they are listed as ignored rather than dropped unseen.
     */
    static void ignoredDetails(SignInSource source, List<Rejection> rejected) {
        Rejection unclaimed = source.unclaimedDetails();
        if (unclaimed != null) rejected.add(unclaimed);
    }

    /**
     * Any format SignInReader knows; every record it sees is evaluated, rejected or a duplicate. Files are
     * parsed on {@code readers} threads but arrive here in order, on this thread, as from one.
     */
    void readFiles(SignInSource source, int readers, long partBytes) {
        source.read(readers, partBytes, new SignInSource.Sink() {
            long before;

            @Override
            public void signIn(SignIn s, SignInKind kind) {
                stopIfInterrupted();
                if (OtherTenantRecords.foreign(s, tenantId)) {
                    totals.otherTenants.leftOut(s);
                    return;
                }
                totals.read++;
                if (copies.isCopied(s.getId())) {
                    // judged on its richest copy once every file is read (SignInCopies)
                    if (!copies.hold(s, kind)) totals.duplicates++;
                    return;
                }
                if (!seenIds.add(s.getId())) {
                    totals.duplicates++;
                    return;
                }
                add(s, kind);
            }

            @Override
            public void rejected(Rejection r) {
                totals.read += r.records();
                totals.rejectedCount += r.records();
                totals.rejected.add(r);
            }

            @Override
            public void fileRead(Path file, String description) {
                totals.recordsPerFile.put(file.getFileName().toString(), totals.read - before);
                totals.otherTenants.fileRead(file.getFileName().toString());
                before = totals.read;
            }
        });
    }

    private void add(SignIn s, SignInKind kind) {
        chunk.add(s);
        if (chunk.size() >= limit) flush();
    }

    /** After the last file: the sign-ins found in several records, each once, then the last chunk. */
    void finish() {
        for (SignInCopies.Copy c : copies.drain()) add(c.signIn(), c.kind());
        flush();
    }

    private void flush() {
        if (chunk.isEmpty()) return;
        List<SignIn> full = chunk;
        limit = Math.min(Evaluator.CHUNK, limit * 2);
        // A new list, not clear(): the evaluating thread may still be working on the previous one.
        chunk = new ArrayList<>(limit);
        handler.accept(full);
    }

    /**
     * Evaluates chunks of sign-ins in fresh sessions, one chunk after the other, on the evaluating thread:
     * counts them, tallies them per user and hands each verdict to the sink. The main thread reads its
     * fields only after the pipeline has finished.
     */
    static final class Evaluation implements ChunkStage {
        final RuleBase rules;
        final List<Object> context;
        final FindingSink findings;
        final Set<String> fired;
        final SignInSink sink;
        final SignInTotals totals;

        Evaluation(RuleBase rules, List<Object> context, FindingSink findings, Set<String> fired, SignInSink sink,
                   SignInTotals totals) {
            this.rules = rules;
            this.context = context;
            this.findings = findings;
            this.fired = fired;
            this.sink = sink;
            this.totals = totals;
        }

        @Override
        public void accept(List<SignIn> chunk) throws IOException {
            SignInStage.evaluate(rules, context, chunk, findings, fired);
            for (SignIn s : chunk) {
                SignInStage.count(totals, s);
                sink.accept(SignInStage.verdict(s));
            }
        }
    }

    /**
     * An interrupted thread (a batch whose per-tenant time limit ran out) stops at the next record instead of
     * reading on; the caller gets a CancellationException, never a partial report.
     */
    private static void stopIfInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("evaluation interrupted");
        }
    }
}
