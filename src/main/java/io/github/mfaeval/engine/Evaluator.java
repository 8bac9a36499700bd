package io.github.mfaeval.engine;

import io.github.mfaeval.model.DirectoryUser;
import io.github.mfaeval.load.TenantData;
import io.github.mfaeval.model.ArmInput;
import io.github.mfaeval.model.ArmOperation;
import io.github.mfaeval.model.CaPolicy;
import io.github.mfaeval.model.SignIn;
import io.github.mfaeval.model.UserFact;
import io.github.mfaeval.result.Rejection;
import io.github.mfaeval.result.Report;
import io.github.mfaeval.result.SignInReading;
import io.github.mfaeval.result.SignInSink;
import io.github.mfaeval.result.SignInVerdict;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs the stages of the rule base over one tenant, each part in classes of its own: the policy and tenant stages
 * ({@link TenantStage}), the sign-ins in chunks ({@link SignInChunks} hands them to {@link SignInStage}), the
 * activity log's Azure Resource Manager writes, the users ({@link UserFacts}), then the report
 * ({@link ReportAssembly}). Each chunk gets a fresh session ({@link RuleBase#run}): nothing is carried between chunks
 * or tenants. The pipeline ({@code pipeline.TenantPipeline}) calls these steps by name.
 *
 * <p>Sign-ins are read on the calling thread and evaluated on a second one (a {@link ChunkPipeline} at most
 * {@link SignInChunks#DEPTH} chunks behind, see {@link SignInChunks}), so JSON parsing and rules use two cores; verdicts still come out in the
 * order the sign-ins were read, and what is kept per tenant grows with its users, never its sign-ins.
 */
public final class Evaluator {
    /** Facts per session: sign-ins, activity-log operations and users are judged this many at a time. */
    static final int CHUNK = 1000;

    /** Default of --max-sign-in-age: a newest sign-in older than this before the as-of date is stale. */
    public static final int DEFAULT_MAX_SIGN_IN_AGE_DAYS = 7;

    private final RuleBase rules;
    private final boolean pipelined;
    private final int maxSignInAgeDays;
    private final int readers;
    /** Bytes per part of a large NDJSON file; 0: the intake's own size (the engine does not know the intake's numbers). */
    private final long partBytes;

    public Evaluator(RuleBase rules) {
        this(rules, true, DEFAULT_MAX_SIGN_IN_AGE_DAYS, defaultReaders(), 0); // 0: the intake's own part size
    }

    private Evaluator(RuleBase rules, boolean pipelined, int maxSignInAgeDays, int readers, long partBytes) {
        this.rules = rules;
        this.pipelined = pipelined;
        this.maxSignInAgeDays = maxSignInAgeDays;
        this.readers = readers;
        this.partBytes = partBytes;
    }

    /** Threads that parse sign-in files: one per core (the rules' thread mostly waits for them). */
    public static int defaultReaders() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** The same evaluation on the calling thread only (same results; for callers that run tenants in parallel). */
    public Evaluator onOneThread() {
        return new Evaluator(rules, false, maxSignInAgeDays, 1, partBytes);
    }

    /** The same evaluation with another --max-sign-in-age (days). */
    public Evaluator withMaxSignInAge(int days) {
        if (days < 0) throw new IllegalArgumentException("the maximum sign-in age must not be negative, found " + days);
        return new Evaluator(rules, pipelined, days, readers, partBytes);
    }

    /** The same evaluation with {@code threads} threads parsing sign-in files (same results, byte for byte). */
    public Evaluator withReaders(int threads) {
        // the part size as it is: 0, the default, is the intake's own size
        return new Evaluator(rules, pipelined, maxSignInAgeDays, Math.max(1, threads), partBytes);
    }

    /** ... and large NDJSON files cut into parts of about {@code partBytes} (tests cut small files into many). */
    public Evaluator withReaders(int threads, long partBytes) {
        return new Evaluator(rules, pipelined, maxSignInAgeDays, Math.max(1, threads), Math.max(1, partBytes));
    }

    /** Evaluates the tenant and keeps every sign-in verdict in the report. */
    public Report evaluate(TenantData data, LocalDate asOf) throws IOException {
        List<SignInVerdict> verdicts = new ArrayList<>();
        return evaluate(data, asOf, verdicts::add).withSignIns(verdicts);
    }

    /**
     * Evaluates the tenant, handing each sign-in verdict to {@code sink} as soon as it is decided (from the
     * evaluating thread, in reading order); the report's {@code signIns} is null.
     */
    public Report evaluate(TenantData data, LocalDate asOf, SignInSink sink) throws IOException {
        TenantStage tenant = tenantStage(data, asOf);
        return finish(data, asOf, tenant, signIns(data, tenant, sink));
    }

    /**
     * Reads the tenant's sign-ins exactly as {@link #evaluate} does (same reader, mapping and de-duplication, with
     * {@code readers} threads parsing) but evaluates nothing: the floor that evaluation throughput is measured against.
     */
    public static SignInTotals readOnly(TenantData data, int readers) throws IOException {
        SignInTotals totals = new SignInTotals();
        SignInChunks.readOnly(data.signInIntake(), readers, totals);
        return totals;
    }

    /** The policy stage alone: the tenant's Conditional Access policies as the rules classify them ({@link TenantStage}). */
    public List<CaPolicy> classifyPolicies(TenantData data) {
        return TenantStage.classifyPolicies(rules, data, rules.newFindingSink(), new TreeSet<>());
    }

    /** Runs the policy and tenant stages (the first); the sign-ins are then evaluated with their sign-in context. */
    public TenantStage tenantStage(TenantData data, LocalDate asOf) {
        return new TenantStage(rules, data, asOf);
    }

    /**
     * The sign-in stage over the tenant's sign-ins, read and handed on in chunks; each verdict goes to {@code sink} as
     * soon as it is decided (from the evaluating thread, in reading order).
     */
    public SignInTotals signIns(TenantData data, TenantStage tenant, SignInSink sink) throws IOException {
        return signIns(data.signInIntake(), tenant, sink);
    }

    /** {@link #signIns(TenantData, TenantStage, SignInSink)} from an intake given (the folder's files read once). */
    public SignInTotals signIns(SignInReading intake, TenantStage tenant, SignInSink sink) throws IOException {
        SignInTotals totals = new SignInTotals();
        SignInChunks.evaluate(intake, readers, partBytes, pipelined, rules.copyRanking(), totals,
                new SignInEvaluation(rules, tenant.signInContext(), tenant.findings, tenant.fired, sink, totals));
        return totals;
    }

    /** The sign-in stage over one chunk, in a fresh session ({@link SignInStage#evaluate}). */
    public void evaluateSignIns(List<Object> context, List<SignIn> chunk, FindingSink findings, Set<String> fired) {
        SignInStage.evaluate(rules, context, chunk, findings, fired);
    }

    /** The facts the sign-in stage starts from for a tenant whose tenant stage ran elsewhere (a cluster's driver). */
    public List<Object> signInFacts(SignInContext context) {
        return context.facts(rules);
    }

    /**
     * Of several copies of one sign-in (a tenant with several sign-in files), the one its verdict is judged on: the
     * richest evidence first, as the rules rank copies ({@link RuleBase#copyRanking()}); a cluster picks the same copy
     * as the sign-in step.
     */
    public java.util.Comparator<SignIn> richerCopyFirst() {
        return rules.copyRanking();
    }

    /** A findings collector for stages run apart from {@link #tenantStage} (a cluster's executors). */
    public FindingSink newFindingSink() {
        return rules.newFindingSink();
    }

    /**
     * What follows the sign-in stage: the Azure Resource Manager writes of the tenant folder's activity log, the
     * user stage, then the report.
     */
    public Report finish(TenantData data, LocalDate asOf, TenantStage tenant, SignInTotals totals) {
        List<Rejection> rejected = new ArrayList<>(data.rejected);
        rejected.addAll(totals.rejected);

        // Stage: Azure Resource Manager writes, in sessions of the sign-in stage: editions that enforce Phase 2 on
        // writes judge them there (the base edition has no rules about them). Without any activity log one
        // session still runs, so that an edition can say the log is missing.
        ArmWrites arm = ArmWrites.of(data.readActivityLog(rejected));
        long phase2Users = totals.tallies.values().stream().filter(t -> t.getPhase2() > 0).count();
        ArmInput armInput = new ArmInput(arm.present, phase2Users, arm.first, arm.last, asOf, maxSignInAgeDays);
        List<Object> armContext = new ArrayList<>(tenant.schedule);
        armContext.add(data.tenant);
        armContext.addAll(rules.referenceFor(Stage.SIGNIN));
        armContext.add(armInput);
        List<ArmOperation> operations = arm.operations();
        // Who made each operation is read from the directory first (users.json, then users seen in sign-ins), so
        // that an event without claims whose caller is a user's object id is judged as that user's write.
        Map<String, DirectoryUser> everyone = new LinkedHashMap<>(data.users);
        totals.seenUsers.forEach(everyone::putIfAbsent);
        ArmCallers callers = new ArmCallers(everyone);
        callers.markDirectoryUsers(operations);
        if (operations.isEmpty()) rules.run(Stage.SIGNIN, armContext, List.of(), tenant.findings, tenant.fired);
        for (int i = 0; i < operations.size(); i += CHUNK) {
            rules.run(Stage.SIGNIN, armContext, operations.subList(i, Math.min(operations.size(), i + CHUNK)),
                    tenant.findings, tenant.fired);
        }

        // Stage: users
        List<UserFact> users = UserFacts.of(data, everyone, totals, arm.tallies(callers::keyOf));
        UserFacts.judge(rules, data, asOf, maxSignInAgeDays, tenant, totals, armInput, users);

        Report report = ReportAssembly.assemble(rules, data, asOf, tenant, totals, users, rejected, arm);
        return report.withEdition(rules.edition() == null ? null : rules.edition().id(),
                arm.present ? arm.verdicts(callers::nameOf) : null);
    }
}
