package io.github.mfaeval.engine;

import io.github.mfaeval.model.SignIn;
import io.github.mfaeval.result.Rejection;
import io.github.mfaeval.result.SignInFeed;
import io.github.mfaeval.result.SignInReading;
import io.github.mfaeval.result.SignInSink;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The engine's end of the intake ({@link SignInFeed}): counts what the intake read and hands the sign-ins to judge on
 * a chunk at a time (250, then 500, then {@link Evaluator#CHUNK}), to the rules thread of a {@link ChunkPipeline} or,
 * for the parse floor, to nothing. Runs on the reading thread. What is a duplicate or another tenant's record is the
 * intake's decision ({@code load.signin.SignInIntake}); with several files the judged sign-ins wait in a
 * {@link SignInSpool} until the copies are known ({@link SignInEvaluation}).
 */
final class SignInChunks implements SignInFeed {
    /**
     * The first chunk of a tenant is smaller, and each next one twice as big up to {@link Evaluator#CHUNK}: the rules
     * start on the first sign-ins while the rest are read, which is most of the overlap a tenant of a thousand
     * sign-ins can get; chunks do not affect verdicts (sign-in rules look at one sign-in at a time).
     */
    static final int FIRST_CHUNK = 250;
    /** Chunks the reader may be ahead of the rules: enough to absorb jitter, a few MB at most. */
    static final int DEPTH = 4;

    /** Where each full chunk of sign-ins goes: the rules' side, on its thread or inline. */
    private final ChunkPipeline<List<SignIn>> pipeline;
    private final SignInTotals totals;
    private int limit = FIRST_CHUNK;
    private List<SignIn> chunk = new ArrayList<>(limit);
    /** Records read before the current file. */
    private long before;

    SignInChunks(ChunkPipeline<List<SignIn>> pipeline, SignInTotals totals) {
        this.pipeline = pipeline;
        this.totals = totals;
    }

    /** Reads the sign-ins of {@code reading} into {@code totals}, evaluating nothing (the parse floor). */
    static void readOnly(SignInReading reading, int readers, SignInTotals totals) {
        // Without rules there is no copy ranking; the counts do not depend on which copy is held (the first is).
        SignInChunks chunks = new SignInChunks(ChunkPipeline.inline(chunk -> { }), totals);
        reading.read(readers, 0, (a, b) -> 0, chunks);
        chunks.flush();
    }

    /**
     * Reads the sign-ins of {@code reading} and hands them, a chunk at a time and in reading order, to
     * {@code evaluation}: on a thread of its own at most {@link #DEPTH} chunks behind when {@code pipelined}, else on
     * this one. With several files the judged sign-ins are spooled, and counted and sent on once every file is read
     * ({@link SignInEvaluation#replay}). Authentication-detail rows no sign-in claimed end in {@code totals.rejected}
     * as ignored.
     */
    static void evaluate(SignInReading reading, int readers, long partBytes, boolean pipelined,
                         Comparator<SignIn> richerFirst, SignInTotals totals, SignInEvaluation evaluation) throws IOException {
        boolean several = reading.severalFiles();
        try (SignInSpool spool = several ? new SignInSpool() : null) {
            ChunkPipeline.Stage<List<SignIn>> stage = several ? chunk -> evaluation.spool(chunk, spool) : evaluation::judgeAndSend;
            try (ChunkPipeline<List<SignIn>> pipeline = pipelined
                    ? ChunkPipeline.threaded("mfa-eval sign-ins", DEPTH, stage)
                    : ChunkPipeline.inline(stage)) {
                SignInChunks chunks = new SignInChunks(pipeline, totals);
                try {
                    reading.read(readers, partBytes, richerFirst, chunks);
                    chunks.flush();
                } catch (RuntimeException e) {
                    // The evaluating side failed: rethrow its own exception, not the reader's view of it.
                    if (pipeline.failed()) pipeline.finish();
                    throw e;
                }
                pipeline.finish();
            }
            if (several) evaluation.replay(spool, pipelined, reading.repeatedIds(), reading.heldCopies(), richerFirst);
            ignoredDetails(reading, totals.rejected);
        }
    }

    /**
     * Authentication-detail rows whose Request ID no sign-in claimed (is the main download missing, or cut?) are
     * no sign-ins, so they count in no sign-in total, but they are listed as ignored rather than dropped unseen.
     */
    static void ignoredDetails(SignInReading reading, List<Rejection> rejected) {
        Rejection unclaimed = reading.unclaimedDetails();
        if (unclaimed != null) rejected.add(unclaimed);
    }

    @Override
    public void firstSight(SignIn s) {
        totals.read++;
        chunk.add(s);
        if (chunk.size() >= limit) flush();
    }

    @Override
    public void repeated(boolean duplicate) {
        totals.read++;
        if (duplicate) totals.duplicates++;
    }

    @Override
    public void otherTenant(SignIn s) {
        totals.otherTenants.leftOut(s);
    }

    @Override
    public void rejected(Rejection r) {
        totals.read += r.records();
        totals.rejectedCount += r.records();
        totals.rejected.add(r);
    }

    @Override
    public void fileRead(String fileName) {
        totals.recordsPerFile.put(fileName, totals.read - before);
        totals.otherTenants.fileRead(fileName);
        before = totals.read;
    }

    /** After the last file: the last chunk. */
    void flush() {
        if (chunk.isEmpty()) return;
        List<SignIn> full = chunk;
        limit = Math.min(Evaluator.CHUNK, limit * 2);
        // A new list, not clear(): the evaluating thread may still be working on the previous one.
        chunk = new ArrayList<>(limit);
        pipeline.submit(full);
    }
}
