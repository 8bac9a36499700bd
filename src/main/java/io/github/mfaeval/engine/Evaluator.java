package io.github.mfaeval.engine;

import io.github.mfaeval.load.CaPolicyRecord;
import io.github.mfaeval.load.DirectoryUser;
import io.github.mfaeval.load.Registration;
import io.github.mfaeval.result.Rejection;
import io.github.mfaeval.load.SignInKind;
import io.github.mfaeval.load.TenantData;
import io.github.mfaeval.load.SignInSource;
import io.github.mfaeval.model.ArmInput;
import io.github.mfaeval.model.ArmOperation;
import io.github.mfaeval.model.ArmTally;
import io.github.mfaeval.model.CaPolicy;
import io.github.mfaeval.model.EvaluationDate;
import io.github.mfaeval.model.Finding;
import io.github.mfaeval.model.KnownGroups;
import io.github.mfaeval.model.PhaseSchedule;
import io.github.mfaeval.model.RoleAssignment;
import io.github.mfaeval.model.SignIn;
import io.github.mfaeval.model.SignInTally;
import io.github.mfaeval.model.SignInPeriod;
import io.github.mfaeval.model.UserFact;
import io.github.mfaeval.result.Inputs;
import io.github.mfaeval.result.Readiness;
import io.github.mfaeval.result.Report;
import io.github.mfaeval.result.ScheduleEntry;
import io.github.mfaeval.result.SignInSink;
import io.github.mfaeval.result.SignInVerdict;
import io.github.mfaeval.result.Summary;
import io.github.mfaeval.result.UserVerdict;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;

/**
 * Runs the stages of the rule base over one tenant: tenant, then sign-ins in chunks, then users in
 * chunks. Each chunk gets a fresh session (fast, and nothing is carried between chunks or tenants).
 *
 * <p>Sign-ins are read on the calling thread and evaluated on a second one (a {@link ChunkPipeline} at most
 * {@link #DEPTH} chunks behind), so JSON parsing and rules use two cores; verdicts still come out in the
 * order the sign-ins were read, and what is kept per tenant grows with its users, never its sign-ins.
 */
public final class Evaluator {
    static final int CHUNK = 1000;
    /**
     * The first chunk of a tenant is smaller, and each next one twice as big up to {@link #CHUNK}: the rules start
     * on the first sign-ins while the rest are read, which is most of the overlap a tenant of a thousand
     * sign-ins can get; chunks do not affect verdicts (sign-in rules look at one sign-in at a time).
     */
    static final int FIRST_CHUNK = 250;
    /** Chunks the reader may be ahead of the rules: enough to absorb jitter, a few MB at most. */
    static final int DEPTH = 4;

    /** Default of --max-sign-in-age: a newest sign-in older than this before the as-of date is stale. */
    public static final int DEFAULT_MAX_SIGN_IN_AGE_DAYS = 7;

    private final RuleBase rules;
    private final boolean pipelined;
    private final int maxSignInAgeDays;
    private final int readers;
    private final long partBytes;

    public Evaluator(RuleBase rules) {
        this(rules, true, DEFAULT_MAX_SIGN_IN_AGE_DAYS, defaultReaders(), SignInSource.PART_BYTES);
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
        return withReaders(threads, partBytes);
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
     * Authentication-detail rows whose Request ID no sign-in claimed (is the main download missing, or cut?) are
     * no sign-ins, so they count in no sign-in total, but they are listed as ignored rather than dropped unseen.
     */
    static void ignoredDetails(SignInSource source, List<Rejection> rejected) {
        Rejection unclaimed = source.unclaimedDetails();
        if (unclaimed != null) rejected.add(unclaimed);
    }

    /** Counts of a read without rules. */
    public record ReadCounts(long read, long rejected, long duplicates) {
    }

    /**
     * Reads the tenant's sign-ins exactly as {@link #evaluate} does (same reader, mapping and
     * de-duplication) but evaluates nothing: the floor that evaluation throughput is measured against.
     */
    public static ReadCounts readOnly(TenantData data) throws IOException {
        return readOnly(data, defaultReaders());
    }

    /** {@link #readOnly(TenantData)} with {@code readers} threads parsing. */
    public static ReadCounts readOnly(TenantData data, int readers) throws IOException {
        SignInTotals totals = new SignInTotals();
        SignInSource source = data.signIns();
        // Without rules there is no copy ranking; the counts do not depend on which copy is held (the first is).
        SignInStream stream = new SignInStream(chunk -> { }, totals, SignInCopies.scan(source, readers, SignInSource.PART_BYTES, (a, b) -> 0),
                data.tenant.getTenantId());
        stream.readFiles(source, readers, SignInSource.PART_BYTES);
        stream.finish();
        return new ReadCounts(totals.read, totals.rejectedCount, totals.duplicates);
    }

    /**
     * Evaluates the tenant, handing each sign-in verdict to {@code sink} as soon as it is decided (from the
     * evaluating thread, in reading order); the report's {@code signIns} is null.
     */
    public Report evaluate(TenantData data, LocalDate asOf, SignInSink sink) throws IOException {
        TenantStage tenant = tenantStage(data, asOf);
        SignInTotals totals = new SignInTotals();
        SignInEvaluation evaluation = new SignInEvaluation(tenant.signInContext(), tenant.findings, tenant.fired, sink, totals);
        try (ChunkPipeline<List<SignIn>> pipeline = pipelined
                ? ChunkPipeline.threaded("mfa-eval sign-ins", DEPTH, evaluation::accept)
                : ChunkPipeline.inline(evaluation::accept)) {
            SignInSource source = data.signIns();
            SignInStream stream = new SignInStream(pipeline::submit, totals, SignInCopies.scan(source, readers, partBytes, rules.copyRanking()),
                    data.tenant.getTenantId());
            try {
                stream.readFiles(source, readers, partBytes);
                stream.finish();
                ignoredDetails(source, totals.rejected);
            } catch (RuntimeException e) {
                // The evaluating side failed: rethrow its own exception, not the reader's view of it.
                if (pipeline.failed()) pipeline.finish();
                throw e;
            }
            pipeline.finish();
        }
        return finish(data, asOf, tenant, totals);
    }

    /**
     * The tenant stage and what the later stages need from it: the tenant's schedule, its classified Conditional
     * Access policies, the facts its sign-ins are evaluated with, and the findings and rules so far.
     */
    public final class TenantStage {
        final FindingSink findings = rules.newFindingSink();
        final Set<String> fired = new TreeSet<>();
        /** The policy stage's rules that fired: not in the report's rules.fired, but in its rules.classified. */
        final Set<String> classified = new TreeSet<>();
        final List<CaPolicy> policies = new ArrayList<>();
        final List<PhaseSchedule> schedule = new ArrayList<>();
        /**
         * What the tenant stage's rules derived (insertLogical) that the user stage's rules read, such as the
         * sign-in window a complete collection is evidence for: given to the user stage once, in its first chunk.
         */
        final List<Object> forUsers = new ArrayList<>();
        final SignInContext context;

        private TenantStage(TenantData data, LocalDate asOf) {
            policies.addAll(classifyPolicies(data, findings, classified));
            List<Object> tenantFacts = new ArrayList<>();
            tenantFacts.add(data.tenant);
            tenantFacts.add(new EvaluationDate(asOf));
            tenantFacts.addAll(data.notifiedStarts);
            tenantFacts.addAll(data.manifestPhaseDates());
            tenantFacts.addAll(data.tenantSettings);
            tenantFacts.addAll(data.settingsUnknown);
            tenantFacts.addAll(data.policyAssignments);
            tenantFacts.addAll(data.subscriptions);
            tenantFacts.addAll(rules.referenceFor(Stage.TENANT));
            tenantFacts.addAll(data.roleAssignments);
            tenantFacts.addAll(policies);
            if (data.securityDefaults != null) tenantFacts.add(data.securityDefaults);
            tenantFacts.addAll(data.federatedDomains);
            tenantFacts.addAll(data.missing);
            tenantFacts.addAll(CollectionFacts.of(data));
            run(Stage.TENANT, tenantFacts, List.of(), findings, fired, session -> {
                session.getObjects(o -> o instanceof PhaseSchedule).forEach(o -> schedule.add((PhaseSchedule) o));
                for (Object fact : derivedFacts(session)) {
                    if (!(fact instanceof PhaseSchedule) && rules.reads(Stage.USER, fact.getClass())) forUsers.add(fact);
                }
            });
            schedule.sort(Comparator.comparingInt(PhaseSchedule::getPhase));
            context = new SignInContext(schedule, data);
        }

        /** The tenant's part of the sign-in stage's facts (serializable: a cluster ships it to its executors). */
        public SignInContext signInContextOfTenant() {
            return context;
        }

        /** Every fact the sign-in stage starts from, in the order they are inserted. */
        List<Object> signInContext() {
            return context.facts(rules);
        }

        /** Findings raised and rules fired elsewhere (a cluster's executors) for this tenant's sign-ins. */
        public void addSignInResults(List<Finding> signInFindings, Set<String> signInRules) {
            findings.findings().addAll(signInFindings);
            fired.addAll(signInRules);
        }
    }

    /**
     * The facts of one tenant that the sign-in rules match besides the sign-ins: its schedule and what decides
     * whose MFA counts (federation, cross-tenant trust, external methods). Reference facts come from the rule base.
     */
    public static final class SignInContext implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private final List<PhaseSchedule> schedule;
        private final List<Object> tenantFacts = new ArrayList<>();

        SignInContext(List<PhaseSchedule> schedule, TenantData data) {
            this.schedule = new ArrayList<>(schedule);
            tenantFacts.addAll(data.federatedDomains);
            if (data.crossTenantDefault != null) tenantFacts.add(data.crossTenantDefault);
            tenantFacts.addAll(data.crossTenantPartners);
            tenantFacts.addAll(data.externalMethods);
        }

        public List<Object> facts(RuleBase rules) {
            List<Object> facts = new ArrayList<>(schedule);
            facts.addAll(rules.referenceFor(Stage.SIGNIN));
            facts.addAll(tenantFacts);
            return facts;
        }
    }

    /**
     * The policy stage: what each Conditional Access policy of the tenant means for mandatory MFA (rules/policy/),
     * decided before any other rule reads a policy. These rules classify and raise no finding; their firings are not
     * listed in the report's rules.fired (verdicts that use a policy cite the admin-portal target row it covers) but
     * kept apart in rules.classified, which the scenarios' coverage gate counts.
     */
    public List<CaPolicy> classifyPolicies(TenantData data) {
        return classifyPolicies(data, rules.newFindingSink(), new TreeSet<>());
    }

    private List<CaPolicy> classifyPolicies(TenantData data, FindingSink findings, Set<String> fired) {
        List<CaPolicy> policies = new ArrayList<>();
        for (CaPolicyRecord r : data.caPolicies) policies.add(r.policy());
        List<Object> facts = new ArrayList<>(policies);
        facts.add(new KnownGroups(data.knownGroups));
        facts.addAll(rules.referenceFor(Stage.POLICY));
        run(Stage.POLICY, facts, List.of(), findings, fired, session -> { });
        return policies;
    }

    /** Runs the tenant stage (the first); the sign-ins are then evaluated with {@link TenantStage#signInContext()}. */
    public TenantStage tenantStage(TenantData data, LocalDate asOf) {
        return new TenantStage(data, asOf);
    }

    /**
     * What the sign-in stage leaves for the user and tenant stages: every count of the summary, the rejections,
     * the records read per file, and per user their tallies and how they first appeared. Filled by
     * {@link #evaluate}, or by a caller that read and evaluated the sign-ins elsewhere (a cluster).
     */
    public static final class SignInTotals {
        public long read, rejectedCount, duplicates, inScope, satisfied, notSatisfied;
        public final List<Rejection> rejected = new ArrayList<>();
        public final Map<String, Long> recordsPerFile = new LinkedHashMap<>();
        /** Records of other tenants' logs left out, per file (not read, not evaluated; inputs.warnings). */
        public final OtherTenantRecords otherTenants = new OtherTenantRecords();
        public final Map<String, SignInTally> tallies = new HashMap<>();
        /** Users seen only in sign-ins, in the order of their first evaluated sign-in. */
        public final Map<String, DirectoryUser> seenUsers = new LinkedHashMap<>();
        /** The period the evaluated (not duplicate) sign-ins cover, per kind: the report's inputs.signInPeriod. */
        public final io.github.mfaeval.result.SignInPeriod.Builder period = new io.github.mfaeval.result.SignInPeriod.Builder();
    }

    /**
     * The sign-in stage over one chunk of sign-ins of a tenant, in a fresh session: sets each sign-in's verdict.
     * {@code context} is {@link SignInContext#facts}; chunks do not affect verdicts.
     */
    public void evaluateSignIns(List<Object> context, List<SignIn> chunk, FindingSink findings, Set<String> fired) {
        run(Stage.SIGNIN, context, chunk, findings, fired, s -> { });
    }

    /** A findings collector for stages run apart from {@link #tenantStage} (a cluster's executors). */
    public FindingSink newFindingSink() {
        return rules.newFindingSink();
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

    /**
     * Of several copies of one sign-in (a tenant with several sign-in files), the one its verdict is judged on:
     * the richest evidence first, as the rules rank copies ({@link RuleBase#copyRanking()}); a cluster picks the same
     * copy as {@link #evaluate}.
     */
    public Comparator<SignIn> richerCopyFirst() {
        return rules.copyRanking();
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

    /**
     * What follows the sign-in stage of {@link #evaluate}: the Azure Resource Manager writes of the tenant folder's
     * activity log, the user stage, then the report.
     */
    public Report finish(TenantData data, LocalDate asOf, TenantStage tenant, SignInTotals totals) {
        FindingSink findings = tenant.findings;
        Set<String> fired = tenant.fired;
        List<CaPolicy> policies = tenant.policies;
        List<PhaseSchedule> schedule = tenant.schedule;
        List<Rejection> rejected = new ArrayList<>(data.rejected);
        rejected.addAll(totals.rejected);

        // Stage: Azure Resource Manager writes, in sessions of the sign-in stage: editions that enforce Phase 2 on
        // writes judge them there (the base edition has no rules about them). Without any activity log one
        // session still runs, so that an edition can say the log is missing.
        ArmWrites arm = ArmWrites.read(data.activityLogFiles, rejected);
        long phase2Users = totals.tallies.values().stream().filter(t -> t.getPhase2() > 0).count();
        ArmInput armInput = new ArmInput(arm.present, phase2Users, arm.first, arm.last, asOf, maxSignInAgeDays);
        List<Object> armContext = new ArrayList<>(schedule);
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
        if (operations.isEmpty()) run(Stage.SIGNIN, armContext, List.of(), findings, fired, s -> { });
        for (int i = 0; i < operations.size(); i += CHUNK) {
            run(Stage.SIGNIN, armContext, operations.subList(i, Math.min(operations.size(), i + CHUNK)), findings, fired, s -> { });
        }

        // Stage: users
        Map<String, Set<String>> rolesOf = new HashMap<>();
        for (RoleAssignment a : data.roleAssignments) {
            rolesOf.computeIfAbsent(a.getPrincipalId(), k -> new HashSet<>()).add(a.getRoleTemplateId());
        }
        Map<String, ArmTally> armTallies = arm.tallies(callers::keyOf);
        List<UserFact> users = new ArrayList<>();
        for (DirectoryUser u : everyone.values()) {
            Registration reg = data.registrations.get(u.id());
            String upn = u.userPrincipalName() == null ? "" : u.userPrincipalName().toLowerCase(Locale.ROOT);
            Set<String> emergency = data.tenant.getEmergencyAccessAccounts();
            Set<String> service = data.tenant.getServiceAccounts();
            SignInTally tally = totals.tallies.getOrDefault(u.id(), new SignInTally());
            users.add(new UserFact(u.id(), u.userPrincipalName(), u.mail(), u.guest(),
                    reg == null ? null : reg.mfaCapable(), reg == null ? Set.of() : reg.methodsRegistered(),
                    data.perUserMfa.get(u.id()), rolesOf.getOrDefault(u.id(), Set.of()),
                    data.groupsOfUser.getOrDefault(u.id(), Set.of()),
                    emergency.contains(u.id()) || emergency.contains(upn), service.contains(u.id()) || service.contains(upn),
                    tally, null, tally.getHomeTenantId()));
            // Which guest or external type the user is, the assignment stage's rules decide from the marks.
            users.get(users.size() - 1).setGuestMarks(u.marks());
            ArmTally armTally = armTallies.get(u.id());
            if (armTally != null) users.get(users.size() - 1).setArmWrites(armTally);
        }
        List<Object> userContext = new ArrayList<>();
        userContext.add(data.tenant);
        userContext.add(armInput);
        userContext.addAll(rules.referenceFor(Stage.USER));
        if (data.securityDefaults != null) userContext.add(data.securityDefaults);
        userContext.addAll(policies);
        // The period of the sign-ins is a tenant-wide fact: in the first chunk only (which runs even without
        // users), so the rules that judge it fire once.
        io.github.mfaeval.result.SignInPeriod covered = totals.period.build();
        SignInPeriod period = new SignInPeriod(covered == null ? null : covered.first(), covered == null ? null : covered.last(),
                asOf, maxSignInAgeDays);
        List<Object> assignmentContext = new ArrayList<>(policies);
        assignmentContext.addAll(rules.referenceFor(Stage.ASSIGNMENT));
        for (int i = 0; i == 0 || i < users.size(); i += CHUNK) {
            List<Object> chunk = new ArrayList<>(users.subList(Math.min(i, users.size()), Math.min(users.size(), i + CHUNK)));
            if (i == 0) {
                chunk.add(period);
                chunk.addAll(tenant.forUsers);
            }
            // The assignment stage derives facts about these users (how far each policy reaches them); the user
            // stage then reads them as finished facts, only those of the types its rules match (not the
            // intermediate PolicyMatch facts, one per matching condition).
            List<Object> derived = new ArrayList<>();
            run(Stage.ASSIGNMENT, assignmentContext, chunk, findings, new TreeSet<>(), s -> {
                for (Object fact : derivedFacts(s)) if (rules.reads(Stage.USER, fact.getClass())) derived.add(fact);
            });
            chunk.addAll(derived);
            run(Stage.USER, userContext, chunk, findings, fired, s -> { });
        }

        Report report = assemble(data, asOf, schedule, totals, users, findings, fired, tenant.classified, rejected, arm);
        return report.withEdition(rules.edition() == null ? null : rules.edition().id(),
                arm.present ? arm.verdicts(callers::nameOf) : null);
    }

    /**
     * The facts a session's rules inserted (logically: what still holds once the rules are done), in the order they
     * were inserted, so that the next stage gets them in the same order on every run.
     */
    private static List<Object> derivedFacts(KieSession session) {
        List<org.drools.core.common.InternalFactHandle> handles = new ArrayList<>();
        for (org.kie.api.runtime.rule.FactHandle h : session.getFactHandles()) {
            org.drools.core.common.InternalFactHandle handle = (org.drools.core.common.InternalFactHandle) h;
            if (handle.getEqualityKey() != null && handle.getEqualityKey().getStatus() == org.drools.core.common.EqualityKey.JUSTIFIED) {
                handles.add(handle);
            }
        }
        handles.sort(Comparator.comparingLong(org.drools.core.common.InternalFactHandle::getId));
        List<Object> facts = new ArrayList<>();
        for (org.drools.core.common.InternalFactHandle h : handles) facts.add(h.getObject());
        return facts;
    }

    private interface AfterFire {
        void accept(KieSession session);
    }

    private void run(Stage stage, List<?> context, List<?> facts, FindingSink findings, Set<String> fired, AfterFire after) {
        stopIfInterrupted();
        KieSession session = rules.newSession(stage, findings, null, fired);
        try {
            session.addEventListener(new HaltWhenInterrupted(session));
            for (Object o : context) session.insert(o);
            for (Object o : facts) session.insert(o);
            session.fireAllRules();
            stopIfInterrupted();
            after.accept(session);
        } finally {
            session.dispose();
        }
    }

    /**
     * An interrupted thread (a batch whose per-tenant time limit ran out) stops at the next rule firing or
     * record instead of running on; the caller gets a CancellationException, never a partial report.
     */
    private static void stopIfInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("evaluation interrupted");
        }
    }

    /** Halts a session whose thread was interrupted, so even rules that keep re-firing come to an end. */
    private static final class HaltWhenInterrupted extends DefaultAgendaEventListener {
        private final KieSession session;

        HaltWhenInterrupted(KieSession session) {
            this.session = session;
        }

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            if (Thread.currentThread().isInterrupted()) session.halt();
        }
    }

    /** Where the reader puts each full chunk of sign-ins. */
    private interface ChunkHandler {
        void accept(List<SignIn> chunk);
    }

    /**
     * Reads sign-ins record by record, drops duplicates and hands them on a chunk at a time. Runs on the
     * calling thread; what it keeps grows only with the ids it has seen (64-bit hashes, see {@link HashedIdSet}).
     */
    private static final class SignInStream {
        final ChunkHandler handler;
        final SignInTotals totals;
        int limit = FIRST_CHUNK;
        List<SignIn> chunk = new ArrayList<>(limit);
        final HashedIdSet seenIds = new HashedIdSet();
        final SignInCopies copies;
        /** The tenant evaluated: records of other tenants' logs are left out (OtherTenantRecords). */
        final String tenantId;

        SignInStream(ChunkHandler handler, SignInTotals totals, SignInCopies copies, String tenantId) {
            this.handler = handler;
            this.totals = totals;
            this.copies = copies;
            this.tenantId = tenantId;
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

        void flush() {
            if (chunk.isEmpty()) return;
            List<SignIn> full = chunk;
            limit = Math.min(CHUNK, limit * 2);
            // A new list, not clear(): the evaluating thread may still be working on the previous one.
            chunk = new ArrayList<>(limit);
            handler.accept(full);
        }
    }

    /**
     * Evaluates chunks of sign-ins in fresh sessions, one chunk after the other, on the evaluating thread:
     * counts them, tallies them per user and hands each verdict to the sink. The main thread reads its
     * fields only after the pipeline has finished.
     */
    private final class SignInEvaluation {
        final List<Object> context;
        final FindingSink findings;
        final Set<String> fired;
        final SignInSink sink;
        final SignInTotals totals;

        SignInEvaluation(List<Object> context, FindingSink findings, Set<String> fired, SignInSink sink, SignInTotals totals) {
            this.context = context;
            this.findings = findings;
            this.fired = fired;
            this.sink = sink;
            this.totals = totals;
        }

        void accept(List<SignIn> chunk) throws IOException {
            evaluateSignIns(context, chunk, findings, fired);
            for (SignIn s : chunk) {
                count(totals, s);
                sink.accept(verdict(s));
            }
        }
    }

    /** The tenant folder's warnings, then the records of other tenants' logs left out of its files. */
    private static List<String> warnings(TenantData data, SignInTotals totals) {
        List<String> all = new ArrayList<>(data.warnings);
        all.addAll(totals.otherTenants.warnings(data.tenant.getTenantId()));
        return List.copyOf(all);
    }

    private Report assemble(TenantData data, LocalDate asOf, List<PhaseSchedule> schedule, SignInTotals totals,
                            List<UserFact> users, FindingSink findings, Set<String> fired, Set<String> classified, List<Rejection> rejected,
                            ArmWrites arm) {
        List<ScheduleEntry> entries = new ArrayList<>();
        for (PhaseSchedule p : schedule) {
            boolean enforced = p.isEnforcedOn(asOf);
            ScheduleEntry.State state = p.isNotEnforced() ? ScheduleEntry.State.NOT_ENFORCED
                    : enforced ? ScheduleEntry.State.ENFORCED
                    : p.isSelfEnforced() ? ScheduleEntry.State.SELF_ENFORCED : ScheduleEntry.State.UPCOMING;
            boolean ahead = state == ScheduleEntry.State.UPCOMING || state == ScheduleEntry.State.SELF_ENFORCED;
            entries.add(new ScheduleEntry(p.getPhase(), p.getStart(), p.isPostponed(), state,
                    ahead ? ChronoUnit.DAYS.between(asOf, p.getStart()) : 0, List.copyOf(p.getRules()),
                    p.getSource(), p.getSourceCollectedAt(), state == ScheduleEntry.State.SELF_ENFORCED ? p.getSelfEnforcedSince() : null,
                    List.copyOf(p.getPolicyEvidence())));
        }
        // Facts are judged in chunks (one session each): a rule that fires in every chunk about the same subject
        // says the same thing again; the report says it once.
        List<Finding> all = new ArrayList<>(new java.util.LinkedHashSet<>(findings.findings()));
        all.sort(Finding.REPORT_ORDER);
        // Which findings block readiness, and the status, are the rules' (reference/readiness.drl.csv): set here once.
        Readiness readiness = rules.actionCatalogue().readiness();
        all = new ArrayList<>(readiness.decide(all));
        Map<String, Boolean> userBlocked = new HashMap<>();
        for (Finding f : all) {
            if (f.blocksReadiness()) userBlocked.put(f.subject(), true);
        }
        List<UserVerdict> userVerdicts = new ArrayList<>();
        int inScopeUsers = 0;
        int readyUsers = 0;
        for (UserFact u : users) {
            boolean ready = !userBlocked.containsKey(u.getId());
            if (u.isInScope()) {
                inScopeUsers++;
                if (ready) readyUsers++;
            }
            SignInTally t = u.getSignIns();
            userVerdicts.add(new UserVerdict(u.getId(), u.getUserPrincipalName(), u.isInScope(), ready,
                    List.copyOf(u.getCoveredBy()), List.copyOf(u.getFindings()),
                    new UserVerdict.SignInCounts(t.getInScope(), t.getSatisfied(), t.getUnsatisfied(), t.getFirstPhase()), List.copyOf(u.getRules())));
        }
        long evaluated = totals.read - totals.rejectedCount - totals.duplicates;
        Summary summary = new Summary(totals.read, evaluated, totals.rejectedCount, totals.duplicates, totals.inScope,
                totals.satisfied, totals.notSatisfied, users.size(), inScopeUsers, readyUsers, all.size(),
                arm.present ? arm.read : null, arm.present ? arm.evaluated() : null, arm.present ? arm.rejected : null,
                arm.present ? arm.duplicates : null, arm.present ? arm.inScope() : null, arm.present ? arm.withoutMfa() : null);
        List<Inputs.FileRead> files = new ArrayList<>();
        data.filesRead.forEach((name, count) -> files.add(new Inputs.FileRead(name, count)));
        totals.recordsPerFile.forEach((name, count) -> files.add(new Inputs.FileRead(name, count)));
        arm.recordsPerFile.forEach((name, count) -> files.add(new Inputs.FileRead(name, count)));
        List<String> missing = new ArrayList<>(data.missing.stream().map(m -> m.getFile()).toList());
        // An edition that needs the activity log says so with INPUT_MISSING naming it.
        if (all.stream().anyMatch(f -> f.code().equals("INPUT_MISSING") && f.subject().equals(ArmInput.FILE))) missing.add(ArmInput.FILE);
        Inputs inputs = new Inputs(data.folder.toString(), files, missing, rejected, totals.period.build(), policies(data),
                data.collection, List.copyOf(findings.incompleteEvidence()), warnings(data, totals), arm.period());
        Report.Status status = readiness.status(inputs, all);
        return new Report(Report.SCHEMA_VERSION,
                Report.TenantRef.of(data.tenant),
                asOf, status, entries, null, userVerdicts, all, summary,
                inputs,
                new Report.RulesUsed(rules.source() == null ? "(packaged)" : rules.source().toString(), rules.fingerprint(), List.copyOf(fired),
                        List.copyOf(classified), rules.actionCatalogue()));
    }

    private static List<Inputs.Policy> policies(TenantData data) {
        List<Inputs.Policy> out = new ArrayList<>();
        for (CaPolicyRecord p : data.caPolicies) {
            CaPolicy c = p.policy();
            out.add(new Inputs.Policy(c.getId(), c.getDisplayName(), c.getState() == null ? null : c.getState().toString()));
        }
        return out;
    }
}
