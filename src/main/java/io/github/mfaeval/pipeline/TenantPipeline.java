package io.github.mfaeval.pipeline;

import io.github.mfaeval.engine.Evaluator;
import io.github.mfaeval.engine.RuleBase;
import io.github.mfaeval.engine.SignInTotals;
import io.github.mfaeval.engine.TenantStage;
import io.github.mfaeval.load.InputException;
import io.github.mfaeval.load.TenantData;
import io.github.mfaeval.load.TenantLoader;
import io.github.mfaeval.load.signin.SignInFiles;
import io.github.mfaeval.model.MissingInput;
import io.github.mfaeval.model.SignIn;
import io.github.mfaeval.result.Report;
import io.github.mfaeval.result.SignInSink;
import io.github.mfaeval.result.SignInVerdict;
import io.github.mfaeval.risk.AcceptedRisks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The one way a tenant folder becomes a report, in four named steps: {@link #load} (the folder, its accepted risks
 * and the evaluation date), {@link #tenantStage} (policy and tenant stages), {@link #signIns} (the intake hands the
 * sign-ins in chunks to the sign-in stage) and {@link #finish} (activity log, user stage, report, accepted risks).
 * {@code evaluate}, {@code batch}, {@code scenarios}, the benchmark and Spark all go through these steps, so they
 * cannot drift apart. A cluster runs the sign-in step apart: {@link #signInParts}, {@link #readPart} and
 * {@link #evaluateChunk} on its executors, {@link #signInResults} on the driver. {@link #readOnly} is the parse floor.
 */
public final class TenantPipeline {
    /** Default of --max-sign-in-age: a newest sign-in older than this before the as-of date is stale. */
    public static final int DEFAULT_MAX_SIGN_IN_AGE_DAYS = Evaluator.DEFAULT_MAX_SIGN_IN_AGE_DAYS;

    private final Evaluator evaluator;

    public TenantPipeline(RuleBase rules) {
        this(new Evaluator(rules));
    }

    private TenantPipeline(Evaluator evaluator) {
        this.evaluator = evaluator;
    }

    /** The same pipeline with another --max-sign-in-age (days). */
    public TenantPipeline withMaxSignInAge(int days) {
        return new TenantPipeline(evaluator.withMaxSignInAge(days));
    }

    /** The same pipeline with {@code threads} threads parsing sign-in files (same reports). */
    public TenantPipeline withReaders(int threads) {
        return new TenantPipeline(evaluator.withReaders(threads));
    }

    /** The same pipeline on the calling thread only (same reports; for callers that run tenants in parallel). */
    public TenantPipeline onOneThread() {
        return new TenantPipeline(evaluator.onOneThread());
    }

    /** Threads that parse sign-in files by default: one per core. */
    public static int defaultReaders() {
        return Evaluator.defaultReaders();
    }

    /** Whether {@code folder} is a tenant folder (it has a tenant.json), as batch and Spark find them. */
    public static boolean isTenantFolder(Path folder) {
        return Files.isRegularFile(folder.resolve(TenantLoader.MANIFEST));
    }

    // ---------------------------------------------------------------- step 1: load

    /**
     * Step 1: reads the folder (everything but the sign-ins, which are streamed when evaluated) and its accepted
     * risks, and settles the evaluation date ({@link EvaluationDate}: {@code given}, else the manifest's
     * {@code asOf}, else {@code today}).
     */
    public Tenant load(Path folder, LocalDate given, LocalDate today) throws InputException {
        TenantData data = TenantLoader.load(folder);
        AcceptedRisks accepted = AcceptedRisks.read(folder);
        return new Tenant(data, accepted, EvaluationDate.of(given, data.tenant.getAsOf(), today));
    }

    /** {@link #load(Path, LocalDate, LocalDate)} with today's date (UTC) when neither is given. */
    public Tenant load(Path folder, LocalDate given) throws InputException {
        return load(folder, given, EvaluationDate.today());
    }

    /**
     * Step 1 for a cluster: the folder and its date, the accepted risks read only by {@link #finish} (a cluster reads
     * every tenant's sign-ins before it writes any report; a tenant whose accepted risks cannot be read fails there).
     */
    public Tenant loadForCluster(Path folder, LocalDate given) throws InputException {
        TenantData data = TenantLoader.load(folder);
        return new Tenant(data, null, EvaluationDate.of(given, data.tenant.getAsOf()));
    }

    // ---------------------------------------------------------------- step 2: tenant stage

    /**
     * Step 2: the policy and tenant stages (the tenant's schedule, its classified policies, what the sign-in stage
     * starts from); run again, it starts over. Returns what a cluster ships to its executors for step 3.
     */
    public ChunkContext tenantStage(Tenant t) {
        t.stage = evaluator.tenantStage(t.data, t.asOf);
        return new ChunkContext(t.stage.signInContextOfTenant());
    }

    // ---------------------------------------------------------------- step 3: sign-ins

    /**
     * Step 3: the intake reads the tenant's sign-ins (one pass, duplicates dropped) and hands them in chunks to the
     * sign-in stage; each verdict goes to {@code sink} as soon as it is decided, in reading order.
     */
    public SignInResults signIns(Tenant t, SignInSink sink) throws IOException {
        // The intake (load.signin) and the engine meet here: the engine knows the intake only as a SignInReading.
        return new SignInResults(evaluator.signIns(t.data.signInIntake(), t.stage(), sink));
    }

    /** Step 3 on a cluster's driver: the files cut into parts ({@link SignInParts#parts}). */
    public static List<SignInParts.Part> signInParts(Path file, long partBytes) {
        return SignInParts.parts(file, partBytes);
    }

    /** Step 3 on a cluster's executor: one part read ({@link SignInParts#read}). */
    public static SignInParts.End readPart(Path file, SignInParts.Part part, List<Path> detailFiles, SignInParts.Sink sink) {
        return SignInParts.read(file, part, detailFiles, sink);
    }

    /** Step 3 on a cluster's executor: a tenant's share of the sign-ins, evaluated chunk by chunk ({@link #evaluateChunk}). */
    public SignInShare signInShare(ChunkContext context) {
        return new SignInShare(evaluator, context);
    }

    /** Step 3 on a cluster's executor: one chunk of a tenant's sign-ins through the sign-in stage, counted in its share. */
    public List<SignInShare.Judged> evaluateChunk(SignInShare share, List<SignIn> chunk) {
        return share.evaluate(chunk);
    }

    /** Step 3 on a cluster's driver: the tenant's results, filled from what the executors sent back. */
    public static SignInResults signInResults() {
        return new SignInResults(new SignInTotals());
    }

    /**
     * Of several copies of one sign-in (a tenant with several sign-in files), the one its verdict is judged on: a
     * cluster picks the same copy as {@link #signIns}.
     */
    public Comparator<SignIn> richerCopyFirst() {
        return evaluator.richerCopyFirst();
    }

    // ---------------------------------------------------------------- step 4: finish

    /**
     * Step 4: the activity log's Azure Resource Manager writes, the user stage, the report (its signIns null), and
     * last the findings judged against the accepted risks.
     */
    public Report finish(Tenant t, SignInResults signIns) throws InputException {
        AcceptedRisks accepted = t.accepted != null ? t.accepted : AcceptedRisks.read(t.data.folder);
        // Findings raised and rules fired elsewhere (a cluster's executors) for this tenant's sign-ins.
        if (!signIns.findings.isEmpty() || !signIns.fired.isEmpty()) t.stage().addSignInResults(signIns.findings, signIns.fired);
        return accepted.apply(evaluator.finish(t.data, t.asOf, t.stage(), signIns.totals));
    }

    /** Load and evaluate in one step, every sign-in verdict kept in the report. */
    public Report evaluate(Path folder, LocalDate given) throws InputException, IOException {
        return load(folder, given).evaluate();
    }

    // ---------------------------------------------------------------- the parse floor

    /** Counts of a read without rules. */
    public record ReadCounts(long read, long rejected, long duplicates) {
    }

    /**
     * The parse floor: reads the folder and its sign-ins exactly as {@link #signIns} does (same reader, mapping and
     * de-duplication, {@code readers} threads parsing) but evaluates nothing; no rule base needed.
     */
    public static ReadCounts readOnly(Path folder, int readers) throws InputException, IOException {
        SignInTotals totals = Evaluator.readOnly(TenantLoader.load(folder), readers);
        return new ReadCounts(totals.read, totals.rejectedCount, totals.duplicates);
    }

    /** A folder read and its evaluation date settled, ready to evaluate. */
    public final class Tenant {
        private final TenantData data;
        private final AcceptedRisks accepted;
        private final LocalDate asOf;
        private TenantStage stage;

        private Tenant(TenantData data, AcceptedRisks accepted, LocalDate asOf) {
            this.data = data;
            this.accepted = accepted;
            this.asOf = asOf;
        }

        public TenantData data() {
            return data;
        }

        public LocalDate asOf() {
            return asOf;
        }

        public Path folder() {
            return data.folder;
        }

        /** The tenant id of the manifest. */
        public String tenantId() {
            return data.tenant.getTenantId();
        }

        /** The folder's sign-in files, in reading order. */
        public List<Path> signInFiles() {
            return data.signInFiles();
        }

        /** The folder's authentication-details files (the portal's second download), joined to its sign-ins. */
        public List<Path> authDetailFiles() {
            return data.authDetailFiles;
        }

        /**
         * The folder's sign-ins are not missing after all (a cluster reads them from elsewhere): takes the missing
         * input that says so out, and returns it, for {@link #signInsMissing} to put back.
         */
        public List<MissingInput> signInsFoundElsewhere() {
            List<MissingInput> removed = data.missing.stream().filter(m -> SignInFiles.PATTERN.equals(m.getFile())).toList();
            data.missing.removeAll(removed);
            return removed;
        }

        /** Puts back what {@link #signInsFoundElsewhere} took out (run {@link #tenantStage} again after). */
        public void signInsMissing(List<MissingInput> missing) {
            data.missing.addAll(missing);
        }

        /** What the report's head says before any sign-in is read (a streamed report writes it first). */
        public Report.TenantRef tenantRef() {
            return Report.TenantRef.of(data.tenant);
        }

        /** What looks wrong in the folder but changes no verdict. */
        public List<String> warnings() {
            return data.warnings;
        }

        private TenantStage stage() {
            if (stage == null) throw new IllegalStateException("the tenant stage of " + data.folder + " has not run");
            return stage;
        }

        /**
         * Steps 2 to 4, handing each sign-in verdict to {@code sink} as soon as it is decided; the report (accepted
         * risks applied) keeps none of them.
         */
        public Report evaluate(SignInSink sink) throws IOException {
            tenantStage(this);
            SignInResults results = signIns(this, sink);
            try {
                return finish(this, results);
            } catch (InputException e) {
                throw new IllegalStateException("accepted risks are read by load", e);
            }
        }

        /** Evaluates and keeps every sign-in verdict in the report. */
        public Report evaluate() throws IOException {
            List<SignInVerdict> verdicts = new ArrayList<>();
            return evaluate(verdicts::add).withSignIns(verdicts);
        }
    }
}
