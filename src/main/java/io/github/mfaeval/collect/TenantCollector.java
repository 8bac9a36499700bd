package io.github.mfaeval.collect;

import io.github.mfaeval.collect.CollectionRecord.FileEntry;
import io.github.mfaeval.collect.CollectionRecord.Status;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Collects one tenant into its folder, in exactly the layout {@code evaluate} and {@code batch} read: one file
 * per export of the README's table, each written whole and renamed into place, then {@code collection.json}.
 * A file the identity may not read (403) or that keeps failing is left out and said so; the others are collected.
 */
public final class TenantCollector {
    /** The four sign-in kinds Graph keeps apart, each in its own file. */
    public static final List<String> SIGN_IN_EVENT_TYPES = List.of("interactiveUser", "nonInteractiveUser", "servicePrincipal", "managedIdentity");
    static final int BATCH_SIZE = 20;

    private final CollectOptions o;
    private final TokenSource tokens;
    private final HttpClient http;
    private final Consumer<String> log;
    private final Api graph;
    private final ManifestCollector manifest;
    private final DirectoryCollector directory;
    private final ArmCollector azure;
    private final CollectionRecord rec = new CollectionRecord();
    private CollectionRecord previous;
    /** The folder's collection.json as this run found it (whatever --resume says): what the sign-in files hold. */
    private CollectionRecord last;
    private long runPages;

    @FunctionalInterface
    private interface Step {
        long run() throws ApiException, AuthException, IOException, Skip, Partial;
    }

    /** A file written whole from what could be read, while some of its sources could not be (not evidence). */
    static final class Partial extends Exception {
        final long records;
        final String missingPermission;

        Partial(long records, String reason, String missingPermission) {
            super(reason);
            this.records = records;
            this.missingPermission = missingPermission;
        }
    }

    /** A file that is not collected, for a reason that is no fault (nothing to collect it from). */
    static final class Skip extends Exception {
        Skip(String reason) {
            super(reason);
        }
    }

    public TenantCollector(CollectOptions options, TokenSource tokens, HttpClient http, Consumer<String> log) {
        this(options, tokens, http, log, null);
    }

    /** @param reportsGate paces requests to the reports APIs (sign-ins) to Graph's limits; null: not paced */
    public TenantCollector(CollectOptions options, TokenSource tokens, HttpClient http, Consumer<String> log, Pacing.Gate reportsGate) {
        this.o = options;
        this.tokens = tokens;
        this.http = http;
        this.log = line -> log.accept(options.tenant() + ": " + line);
        this.graph = new Api(http, Audience.GRAPH, options.graphEndpoint(), tokens, options.retry(), this.log);
        graph.pace(reportsGate);
        this.manifest = new ManifestCollector(graph, options, rec, this.log);
        this.directory = new DirectoryCollector(graph, options, rec, this.log);
        this.azure = new ArmCollector(http, tokens, options, rec, this.log);
    }

    public CollectionRecord run() throws CollectException, AuthException {
        Path folder = o.folder();
        Instant started = o.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        try {
            Files.createDirectories(folder);
            int strays = StagedFile.removeStrays(folder);
            if (strays > 0) log.accept("removed " + strays + " unfinished temporary file(s) of an interrupted collection");
            previous = o.resume() ? CollectionRecord.read(folder) : null;
        } catch (IOException e) {
            throw new CollectException(folder + ": cannot be written: " + e.getMessage(), e);
        }
        try {
            last = CollectionRecord.read(folder);
        } catch (IOException | RuntimeException e) {
            // unreadable: nothing to add to, every sign-in kind is fetched for the whole window
            log.accept(CollectionRecord.FILE + " of the earlier collection is unreadable (" + e.getMessage() + "): the sign-ins are fetched for the whole window");
            last = null;
        }
        long runStart = System.nanoTime();
        rec.tool = o.toolVersion();
        rec.tenant = o.tenant();
        rec.auth = tokens.describe();
        rec.startedAt = started.toString();
        rec.endpoints = new CollectionRecord.Endpoints(Api.trimSlash(o.graphEndpoint()), o.arm() ? Api.trimSlash(o.armEndpoint()) : null,
                tokens instanceof EnvTokens ? null : Api.trimSlash(o.loginEndpoint()));

        String licence = manifest.manifest(folder);
        rec.signInWindow = window(licence, started);
        rec.signInFilter = o.signIns().filter().describe();
        if (last != null) {
            // until a kind is fetched again, its files are the earlier run's: say so, should this run be killed
            for (String type : SIGN_IN_EVENT_TYPES) {
                FileEntry before = last.entry(SignInDays.entryName(type));
                if (before != null) rec.put(before);
            }
        }
        save();

        step("users.json", () -> directory.list("/v1.0/users?$select=id,userPrincipalName,mail,userType,accountEnabled,onPremisesSyncEnabled&$top=999", "users.json"));
        step("userRegistrationDetails.json", () -> directory.list("/v1.0/reports/authenticationMethods/userRegistrationDetails", "userRegistrationDetails.json"));
        step("conditionalAccessPolicies.json", () -> directory.list("/v1.0/identity/conditionalAccess/policies", "conditionalAccessPolicies.json"));
        step("groupMembers.json", directory::groupMembers);
        step("securityDefaults.json", () -> directory.object("/v1.0/policies/identitySecurityDefaultsEnforcementPolicy", "securityDefaults.json"));
        step("perUserMfa.json", directory::perUserMfa);
        step("domains.json", directory::domains);
        step("crossTenantAccessPolicy.json", directory::crossTenant);
        step("authenticationMethodsPolicy.json", () -> directory.object("/beta/policies/authenticationMethodsPolicy", "authenticationMethodsPolicy.json"));
        step("roleAssignments.json", () -> directory.list("/v1.0/roleManagement/directory/roleAssignments", "roleAssignments.json"));
        List<IncrementalWindow> plans = new ArrayList<>();
        for (String type : SIGN_IN_EVENT_TYPES) plans.add(signInKind(type));
        rec.signInWindow = withFetch(rec.signInWindow, plans);
        step("activityLog.json", azure::activityLog);
        step("enforcementSettings.json", azure::enforcementSettings);
        step("policyAssignments.json", azure::policyAssignments);

        rec.finishedAt = o.clock().instant().truncatedTo(ChronoUnit.SECONDS).toString();
        Set<Status> bad = Set.of(Status.forbidden, Status.failed, Status.partial);
        rec.complete = rec.files.stream().noneMatch(f -> bad.contains(f.status()));
        rec.stats = new CollectionRecord.Stats(graph.requests() + (azure.arm == null ? 0 : azure.arm.requests()),
                graph.throttled() + (azure.arm == null ? 0 : azure.arm.throttled()), runPages, seconds(runStart));
        save();
        summary();
        return rec;
    }

    /** The name under which collection.json lists a sign-in kind's files (one per day). */
    public static String signInFile(String eventType) {
        return SignInDays.entryName(eventType);
    }

    /** The day file of a kind for one UTC day. */
    public static String signInDayFile(String eventType, java.time.LocalDate day) {
        return SignInDays.file(eventType, day);
    }

    private static double seconds(long startNanos) {
        return Math.round((System.nanoTime() - startNanos) / 1e7) / 100.0;
    }

    /** End-of-run figures on stderr: what each file cost, and the whole run. */
    private void summary() {
        for (FileEntry f : rec.files) {
            if (f.stats() == null) continue;
            log.accept(String.format(Locale.ROOT, "stats: %s: %d request(s), %d throttled (429), %s record(s), %d page(s), %.1f s", f.name(),
                    f.stats().requests(), f.stats().throttled(), f.records() == null ? "no" : f.records().toString(), f.stats().pages(), f.stats().seconds()));
        }
        CollectionRecord.Stats t = rec.stats;
        log.accept(String.format(Locale.ROOT, "stats: whole tenant: %d request(s), %d throttled (429), %d page(s), %.1f s", t.requests(), t.throttled(), t.pages(), t.seconds()));
    }

    /** The window as collection.json states it: full when every kind was fetched whole, else incremental and from where. */
    private static CollectionRecord.Window withFetch(CollectionRecord.Window w, List<IncrementalWindow> plans) {
        if (plans.stream().anyMatch(p -> p == null)) return w;
        boolean incremental = plans.stream().anyMatch(IncrementalWindow::incremental);
        Instant earliest = plans.stream().map(IncrementalWindow::fetchFrom).min(Instant::compareTo).orElse(null);
        return new CollectionRecord.Window(w.from(), w.to(), w.days(), w.basis(), incremental ? "incremental" : "full",
                earliest == null ? null : earliest.toString());
    }

    /** One sign-in kind: its plan (full or incremental), then the fetch; null when the kind was not fetched (kept or failed). */
    private IncrementalWindow signInKind(String type) throws AuthException, CollectException {
        String name = SignInDays.entryName(type);
        CollectionRecord.Window w = rec.signInWindow;
        Instant from = Instant.parse(w.from());
        Instant to = Instant.parse(w.to());
        FileEntry before = last == null ? null : last.entry(name);
        CollectOptions.SignInOptions so = o.signIns();
        IncrementalWindow plan = IncrementalWindow.plan(before, o.folder(), so.filter(), from, to, so.overlap(), so.full());
        if (plan.incremental() && before.signIns() != null && w.to().equals(before.signIns().coversTo())) {
            // --resume of a run that finished this kind already
            rec.put(before);
            log.accept(name + ": kept from the interrupted run (--resume)");
            return plan;
        }
        SignInKindCollector.Result[] result = new SignInKindCollector.Result[1];
        boolean ok = step(name, () -> {
            result[0] = new SignInKindCollector(graph, o.folder(), type, so.filter(), log, so.progressEvery())
                    .collect(plan, from, before == null ? null : before.signIns());
            return result[0].records();
        }, n -> {
            SignInKindCollector.Result r = result[0];
            return new CollectionRecord.SignInFetch(so.filter().key(), r.query(), plan.incremental() ? "incremental" : "full", plan.why(),
                    w.from(), w.to(), plan.fetchFrom().toString(), r.fetched(), r.days());
        }, () -> result[0] == null ? 0 : result[0].pages());
        return ok ? plan : null;
    }

    private void save() throws CollectException {
        try {
            rec.write(o.folder());
        } catch (IOException e) {
            throw new CollectException(o.folder().resolve(CollectionRecord.FILE) + ": cannot be written: " + e.getMessage(), e);
        }
    }


    private CollectionRecord.Window window(String licence, Instant now) {
        CollectionRecord.Window before = previous == null ? null : previous.signInWindow;
        if (before != null && before.from() != null && before.to() != null) {
            // the files of the interrupted run cover that window: the rest must cover the same one
            return new CollectionRecord.Window(before.from(), before.to(), before.days(), before.basis() + " (kept from the interrupted run, --resume)");
        }
        int days;
        String basis;
        if (o.days() != null) {
            days = o.days();
            basis = "--days " + days;
            if (licence != null && days > Licence.retentionDays(licence)) {
                rec.warn("--days " + days + " asks for more than Entra keeps with licence " + licence + " (" + Licence.retentionDays(licence)
                        + " days): the older days have no sign-ins");
            }
        } else if (licence != null) {
            days = Licence.retentionDays(licence);
            basis = "retention of licence " + licence + ": " + days + " days";
        } else {
            days = 30;
            basis = "licence unknown: 30 days, the longest retention (Entra returns what it keeps)";
        }
        Instant to = now.truncatedTo(ChronoUnit.SECONDS);
        return new CollectionRecord.Window(to.minus(Duration.ofDays(days)).toString(), to.toString(), days, basis);
    }

    private void step(String file, Step step) throws AuthException, CollectException {
        FileEntry done = previous == null ? null : previous.entry(file);
        if (done != null && done.status() == Status.collected && Files.isRegularFile(o.folder().resolve(file))) {
            rec.put(done);
            log.accept(file + ": kept from the interrupted run (--resume)");
            return;
        }
        step(file, step, null, () -> 0);
    }

    /** Runs one file's step and records it; true when collected. {@code detail} adds the sign-in fetch to a collected entry. */
    private boolean step(String file, Step step, java.util.function.LongFunction<CollectionRecord.SignInFetch> detail,
                         java.util.function.LongSupplier pagesOf) throws AuthException, CollectException {
        boolean signIns = file.startsWith("signIns");
        Permissions.Need need = Permissions.BY_FILE.get(signIns ? "signIns" : file);
        String endpoint = need == null ? null : need.endpoint();
        FileEntry entry;
        long requests0 = graph.requests() + (azure.arm == null ? 0 : azure.arm.requests());
        long throttled0 = graph.throttled() + (azure.arm == null ? 0 : azure.arm.throttled());
        long pages0 = directory.pagesSeen;
        long start = System.nanoTime();
        try {
            long n = step.run();
            entry = new FileEntry(file, Status.collected, n, endpoint, null, null, now(),
                    signIns ? o.signIns().filter().describe() : null, detail == null ? null : detail.apply(n), null);
            log.accept(file + ": " + n + " record(s)");
        } catch (Partial p) {
            entry = new FileEntry(file, Status.partial, p.records, endpoint, p.missingPermission, p.getMessage(), now());
            log.accept(file + ": " + p.records + " record(s), partial: " + p.getMessage());
        } catch (Skip s) {
            entry = new FileEntry(file, Status.skipped, null, endpoint, null, s.getMessage(), now());
            log.accept(file + ": skipped: " + s.getMessage());
        } catch (ApiException e) {
            if (e.forbidden()) {
                String missing = Permissions.missing(file, o.delegated());
                entry = new FileEntry(file, Status.forbidden, null, endpoint, missing, e.getMessage(), now());
                log.accept(file + ": not collected, forbidden: needs " + missing);
            } else {
                entry = new FileEntry(file, Status.failed, null, endpoint, null, e.getMessage(), now());
                log.accept(file + ": not collected: " + e.getMessage());
            }
        } catch (IOException e) {
            entry = new FileEntry(file, Status.failed, null, endpoint, null, "cannot write " + file + ": " + e.getMessage(), now());
            log.accept(file + ": not collected: " + entry.reason());
        }
        long pages = directory.pagesSeen - pages0 + pagesOf.getAsLong();
        runPages += pages;
        entry = entry.withStats(new CollectionRecord.Stats(graph.requests() + (azure.arm == null ? 0 : azure.arm.requests()) - requests0,
                graph.throttled() + (azure.arm == null ? 0 : azure.arm.throttled()) - throttled0, pages, seconds(start)));
        rec.put(entry);
        save();
        return entry.status() == Status.collected;
    }

    private String now() {
        return now(o);
    }

    static String now(CollectOptions o) {
        return o.clock().instant().truncatedTo(ChronoUnit.SECONDS).toString();
    }


    static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}