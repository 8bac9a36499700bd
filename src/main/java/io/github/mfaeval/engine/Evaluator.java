package io.github.mfaeval.engine;

import io.github.mfaeval.load.CaPolicyRecord;
import io.github.mfaeval.load.DirectoryUser;
import io.github.mfaeval.load.Registration;
import io.github.mfaeval.load.Rejection;
import io.github.mfaeval.load.SignInKind;
import io.github.mfaeval.load.TenantData;
import io.github.mfaeval.load.format.PortalAuthDetails;
import io.github.mfaeval.load.format.SignInReader;
import io.github.mfaeval.model.AdminPortalTarget;
import io.github.mfaeval.model.CaPolicy;
import io.github.mfaeval.model.DirectoryRole;
import io.github.mfaeval.model.Finding;
import io.github.mfaeval.model.ListedApp;
import io.github.mfaeval.model.MfaMethod;
import io.github.mfaeval.model.PhaseDefault;
import io.github.mfaeval.model.PhaseSchedule;
import io.github.mfaeval.model.PhishingResistantMethod;
import io.github.mfaeval.model.PostponementWindow;
import io.github.mfaeval.model.RequirementProvider;
import io.github.mfaeval.model.ResultPhrase;
import io.github.mfaeval.model.RoleAssignment;
import io.github.mfaeval.model.SignIn;
import io.github.mfaeval.model.SignInTally;
import io.github.mfaeval.model.SyncAccountPattern;
import io.github.mfaeval.model.UserFact;
import io.github.mfaeval.report.Inputs;
import io.github.mfaeval.report.Report;
import io.github.mfaeval.report.ScheduleEntry;
import io.github.mfaeval.report.SignInVerdict;
import io.github.mfaeval.report.Summary;
import io.github.mfaeval.report.UserVerdict;
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
 */
public final class Evaluator {
    static final int CHUNK = 1000;

    private final RuleBase rules;

    public Evaluator(RuleBase rules) {
        this.rules = rules;
    }

    public Report evaluate(TenantData data, LocalDate asOf) throws IOException {
        FindingSink findings = new FindingSink(rules.catalogue());
        Set<String> fired = new TreeSet<>();
        List<Rejection> rejected = new ArrayList<>(data.rejected);

        List<CaPolicy> policies = new ArrayList<>();
        List<AdminPortalTarget> targets = rules.reference(AdminPortalTarget.class);
        for (CaPolicyRecord r : data.caPolicies) {
            r.policy().classifyPortalTargets(targets);
            policies.add(r.policy());
        }

        // Stage: tenant
        List<Object> tenantFacts = new ArrayList<>();
        tenantFacts.add(data.tenant);
        tenantFacts.addAll(data.notifiedStarts);
        tenantFacts.addAll(rules.reference(PhaseDefault.class));
        tenantFacts.addAll(rules.reference(PostponementWindow.class));
        tenantFacts.addAll(rules.reference(DirectoryRole.class));
        tenantFacts.addAll(data.roleAssignments);
        tenantFacts.addAll(policies);
        if (data.securityDefaults != null) tenantFacts.add(data.securityDefaults);
        tenantFacts.addAll(data.federatedDomains);
        tenantFacts.addAll(data.missing);
        List<PhaseSchedule> schedule = new ArrayList<>();
        run(Stage.TENANT, tenantFacts, List.of(), findings, fired, session ->
                session.getObjects(o -> o instanceof PhaseSchedule).forEach(o -> schedule.add((PhaseSchedule) o)));
        schedule.sort(Comparator.comparingInt(PhaseSchedule::getPhase));

        // Stage: sign-ins
        List<Object> signInContext = new ArrayList<>();
        signInContext.addAll(schedule);
        signInContext.addAll(rules.reference(ListedApp.class));
        signInContext.addAll(rules.reference(MfaMethod.class));
        signInContext.addAll(rules.reference(ResultPhrase.class));
        signInContext.addAll(rules.reference(RequirementProvider.class));
        signInContext.addAll(data.federatedDomains);
        if (data.crossTenantDefault != null) signInContext.add(data.crossTenantDefault);
        signInContext.addAll(data.crossTenantPartners);
        signInContext.addAll(data.externalMethods);

        SignInStream stream = new SignInStream(signInContext, findings, fired, rejected);
        for (Path file : data.signInFiles()) {
            stream.readFile(file, data.authDetails);
        }
        stream.flush();

        // Stage: users
        Map<String, Set<String>> rolesOf = new HashMap<>();
        for (RoleAssignment a : data.roleAssignments) {
            rolesOf.computeIfAbsent(a.getPrincipalId(), k -> new HashSet<>()).add(a.getRoleTemplateId());
        }
        Map<String, DirectoryUser> everyone = new LinkedHashMap<>(data.users);
        stream.seenUsers.forEach(everyone::putIfAbsent);
        List<UserFact> users = new ArrayList<>();
        for (DirectoryUser u : everyone.values()) {
            Registration reg = data.registrations.get(u.id());
            String upn = u.userPrincipalName() == null ? "" : u.userPrincipalName().toLowerCase(Locale.ROOT);
            Set<String> emergency = data.tenant.getEmergencyAccessAccounts();
            Set<String> service = data.tenant.getServiceAccounts();
            users.add(new UserFact(u.id(), u.userPrincipalName(), u.mail(), u.guest(),
                    reg == null ? null : reg.mfaCapable(), reg == null ? Set.of() : reg.methodsRegistered(),
                    data.perUserMfa.get(u.id()), rolesOf.getOrDefault(u.id(), Set.of()),
                    data.groupsOfUser.getOrDefault(u.id(), Set.of()),
                    emergency.contains(u.id()) || emergency.contains(upn), service.contains(u.id()) || service.contains(upn),
                    stream.tallies.getOrDefault(u.id(), new SignInTally())));
        }
        List<Object> userContext = new ArrayList<>();
        userContext.add(data.tenant);
        userContext.addAll(rules.reference(PhishingResistantMethod.class));
        userContext.addAll(rules.reference(SyncAccountPattern.class));
        userContext.addAll(rules.reference(DirectoryRole.class));
        if (data.securityDefaults != null) userContext.add(data.securityDefaults);
        userContext.addAll(policies);
        for (int i = 0; i < users.size(); i += CHUNK) {
            run(Stage.USER, userContext, users.subList(i, Math.min(users.size(), i + CHUNK)), findings, fired, s -> { });
        }

        return assemble(data, asOf, schedule, stream, users, findings, fired, rejected);
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

    /** Reads sign-ins record by record and evaluates them a chunk at a time; keeps only per-user tallies. */
    private final class SignInStream {
        final List<Object> context;
        final FindingSink findings;
        final Set<String> fired;
        final List<Rejection> rejected;
        final List<SignIn> chunk = new ArrayList<>(CHUNK);
        final Set<String> seenIds = new HashSet<>();
        final Map<String, SignInTally> tallies = new HashMap<>();
        final Map<String, DirectoryUser> seenUsers = new LinkedHashMap<>();
        final List<SignInVerdict> verdicts = new ArrayList<>();
        final Map<String, Long> recordsPerFile = new LinkedHashMap<>();
        long read, rejectedCount, duplicates, inScope, satisfied, notSatisfied;

        SignInStream(List<Object> context, FindingSink findings, Set<String> fired, List<Rejection> rejected) {
            this.context = context;
            this.findings = findings;
            this.fired = fired;
            this.rejected = rejected;
        }

        /** Any format SignInReader knows; every record it sees is evaluated, rejected or a duplicate. */
        void readFile(Path file, PortalAuthDetails details) {
            String name = file.getFileName().toString();
            long before = read;
            SignInReader.read(file, details, new SignInReader.Sink() {
                @Override
                public void signIn(SignIn s, SignInKind kind) {
                    stopIfInterrupted();
                    read++;
                    if (!seenIds.add(s.getId())) {
                        duplicates++;
                        return;
                    }
                    chunk.add(s);
                    if (chunk.size() >= CHUNK) flush();
                }

                @Override
                public void rejected(Rejection r) {
                    read += r.records();
                    rejectedCount += r.records();
                    rejected.add(r);
                }
            });
            recordsPerFile.put(name, read - before);
        }

        void flush() {
            if (chunk.isEmpty()) return;
            run(Stage.SIGNIN, context, chunk, findings, fired, s -> { });
            for (SignIn s : chunk) {
                String key = userKey(s);
                if (key != null && !s.isWorkloadIdentity()) {
                    tallies.computeIfAbsent(key, k -> new SignInTally()).add(s);
                    seenUsers.computeIfAbsent(key, k -> new DirectoryUser(k, s.getUserPrincipalName(), null, s.getUserType(), s.isGuest()));
                }
                if (s.isInScope()) {
                    inScope++;
                    if (Boolean.TRUE.equals(s.getMfaSatisfied())) satisfied++;
                    else notSatisfied++;
                }
                verdicts.add(new SignInVerdict(s.getId(), s.getCreatedDateTime(), s.getUserId(), s.getUserPrincipalName(),
                        s.getAppId(), s.getApplication(), s.getPhase(), s.isInScope(), s.getScopeReason(), s.getMfaSatisfied(),
                        s.getSatisfiedBy(), s.getEnforcementActive(), List.copyOf(s.getRules()), s.getSource()));
            }
            chunk.clear();
        }

        private String userKey(SignIn s) {
            if (!s.getUserId().isEmpty()) return s.getUserId();
            return s.getUserPrincipalName() == null ? null : s.getUserPrincipalName().toLowerCase(Locale.ROOT);
        }
    }

    private Report assemble(TenantData data, LocalDate asOf, List<PhaseSchedule> schedule, SignInStream stream,
                            List<UserFact> users, FindingSink findings, Set<String> fired, List<Rejection> rejected) {
        List<ScheduleEntry> entries = new ArrayList<>();
        for (PhaseSchedule p : schedule) {
            boolean enforced = p.isEnforcedOn(asOf);
            entries.add(new ScheduleEntry(p.getPhase(), p.getStart(), p.isPostponed(),
                    enforced ? ScheduleEntry.State.ENFORCED : ScheduleEntry.State.UPCOMING,
                    enforced ? 0 : ChronoUnit.DAYS.between(asOf, p.getStart()), List.copyOf(p.getRules())));
        }
        List<Finding> all = new ArrayList<>(findings.findings());
        all.sort(Finding.REPORT_ORDER);
        Map<String, Boolean> userBlocked = new HashMap<>();
        for (Finding f : all) {
            if (f.severity().requiresAction()) userBlocked.put(f.subject(), true);
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
                    new UserVerdict.SignInCounts(t.getInScope(), t.getSatisfied(), t.getUnsatisfied()), List.copyOf(u.getRules())));
        }
        long evaluated = stream.read - stream.rejectedCount - stream.duplicates;
        Summary summary = new Summary(stream.read, evaluated, stream.rejectedCount, stream.duplicates, stream.inScope,
                stream.satisfied, stream.notSatisfied, users.size(), inScopeUsers, readyUsers, all.size());
        Report.Status status = Report.Status.of(rejected, all);
        List<Inputs.FileRead> files = new ArrayList<>();
        data.filesRead.forEach((name, count) -> files.add(new Inputs.FileRead(name, count)));
        stream.recordsPerFile.forEach((name, count) -> files.add(new Inputs.FileRead(name, count)));
        List<String> missing = data.missing.stream().map(m -> m.getFile()).toList();
        return new Report(Report.SCHEMA_VERSION,
                new Report.TenantRef(data.tenant.getTenantId(), data.tenant.getDisplayName(), data.tenant.isTestTenant(), data.tenant.getLicense()),
                asOf, status, entries, stream.verdicts, userVerdicts, all, summary,
                new Inputs(data.folder.toString(), files, missing, rejected),
                new Report.RulesUsed(rules.source() == null ? "(packaged)" : rules.source().toString(), rules.fingerprint(), List.copyOf(fired)));
    }
}
