package io.github.mfaeval.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mfaeval.collect.CollectionRecord.FileEntry;
import io.github.mfaeval.collect.CollectionRecord.Status;
import io.github.mfaeval.load.text.JsonRecords;
import io.github.mfaeval.report.AtomicFile;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
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
    private final CollectionRecord rec = new CollectionRecord();
    private CollectionRecord previous;
    /** The folder's collection.json as this run found it (whatever --resume says): what the sign-in files hold. */
    private CollectionRecord last;
    private Api arm;
    private long runPages;
    /** Pages of plain lists read so far (sign-in kinds count their own). */
    private long pagesSeen;

    @FunctionalInterface
    private interface Step {
        long run() throws ApiException, AuthException, IOException, Skip, Partial;
    }

    /** A file written whole from what could be read, while some of its sources could not be (not evidence). */
    private static final class Partial extends Exception {
        final long records;
        final String missingPermission;

        Partial(long records, String reason, String missingPermission) {
            super(reason);
            this.records = records;
            this.missingPermission = missingPermission;
        }
    }

    /** A file that is not collected, for a reason that is no fault (nothing to collect it from). */
    private static final class Skip extends Exception {
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

        String licence = manifest(folder);
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

        step("users.json", () -> list("/v1.0/users?$select=id,userPrincipalName,mail,userType,accountEnabled,onPremisesSyncEnabled&$top=999", "users.json"));
        step("userRegistrationDetails.json", () -> list("/v1.0/reports/authenticationMethods/userRegistrationDetails", "userRegistrationDetails.json"));
        step("conditionalAccessPolicies.json", () -> list("/v1.0/identity/conditionalAccess/policies", "conditionalAccessPolicies.json"));
        step("groupMembers.json", this::groupMembers);
        step("securityDefaults.json", () -> object("/v1.0/policies/identitySecurityDefaultsEnforcementPolicy", "securityDefaults.json"));
        step("perUserMfa.json", this::perUserMfa);
        step("domains.json", this::domains);
        step("crossTenantAccessPolicy.json", this::crossTenant);
        step("authenticationMethodsPolicy.json", () -> object("/beta/policies/authenticationMethodsPolicy", "authenticationMethodsPolicy.json"));
        step("roleAssignments.json", () -> list("/v1.0/roleManagement/directory/roleAssignments", "roleAssignments.json"));
        List<IncrementalWindow> plans = new ArrayList<>();
        for (String type : SIGN_IN_EVENT_TYPES) plans.add(signInKind(type));
        rec.signInWindow = withFetch(rec.signInWindow, plans);
        step("activityLog.json", this::activityLog);
        step("enforcementSettings.json", this::enforcementSettings);
        step("policyAssignments.json", this::policyAssignments);

        rec.finishedAt = o.clock().instant().truncatedTo(ChronoUnit.SECONDS).toString();
        Set<Status> bad = Set.of(Status.forbidden, Status.failed, Status.partial);
        rec.complete = rec.files.stream().noneMatch(f -> bad.contains(f.status()));
        rec.stats = new CollectionRecord.Stats(graph.requests() + (arm == null ? 0 : arm.requests()),
                graph.throttled() + (arm == null ? 0 : arm.throttled()), runPages, seconds(runStart));
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

    /** organization and subscribedSkus into tenant.json; returns the licence (null when unknown). */
    private String manifest(Path folder) throws AuthException, CollectException {
        String tenantId = null;
        String name = null;
        String licence = null;
        List<String> problems = new ArrayList<>();
        try {
            JsonNode org = graph.get(graph.url("/v1.0/organization?$select=id,displayName,verifiedDomains"));
            JsonNode first = org == null ? null : org.path("value").path(0);
            if (first != null && first.isObject()) {
                tenantId = first.path("id").asText(null);
                name = first.path("displayName").asText(null);
                sameTenant(first);
                rec.tenantId = tenantId;
            }
        } catch (ApiException e) {
            if (e.status() == 401) throw new AuthException("Microsoft Graph refused the token, a fresh one too: " + e.getMessage());
            problems.add(problem(e, "tenant.json"));
        }
        try {
            List<JsonNode> skus = new ArrayList<>();
            graph.pages(graph.url("/v1.0/subscribedSkus"), Api.Paging.GRAPH, values -> values.forEach(skus::add));
            licence = Licence.of(Api.MAPPER.valueToTree(skus));
        } catch (ApiException e) {
            problems.add(problem(e, "tenant.json") + "; the licence is left for you to write");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        try {
            for (String note : TenantManifest.merge(folder, tenantId, name, licence)) {
                rec.warn(note);
                log.accept("warning: " + note);
            }
        } catch (IOException e) {
            throw new CollectException(folder.resolve("tenant.json") + ": cannot be written: " + e.getMessage(), e);
        }
        problems.forEach(rec::warn);
        rec.put(new FileEntry("tenant.json", problems.isEmpty() ? Status.collected : Status.failed, null,
                Permissions.BY_FILE.get("tenant.json").endpoint(), problems.isEmpty() ? null : missingOf(problems),
                problems.isEmpty() ? null : String.join("; ", problems), now()));
        return licence;
    }

    /**
     * The tenant Graph answers for must be the one asked for (--tenant, by id or by one of its domains): a token
     * of another tenant would write that tenant's data into this folder. Stops the tenant before any file is written.
     */
    private void sameTenant(JsonNode org) throws CollectException {
        String asked = o.tenant().trim().toLowerCase(Locale.ROOT);
        String id = org.path("id").asText("").toLowerCase(Locale.ROOT);
        if (asked.equals(id)) return;
        JsonNode domains = org.get("verifiedDomains");
        boolean isId = asked.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        if (!isId && domains != null && domains.isArray()) {
            for (JsonNode d : domains) if (d.path("name").asText("").equalsIgnoreCase(asked)) return;
        }
        if (isId || (domains != null && domains.isArray())) {
            throw new CollectException("Microsoft Graph answers for tenant " + org.path("id").asText("(no id)")
                    + (org.hasNonNull("displayName") ? " (" + org.path("displayName").asText() + ")" : "")
                    + ", not for " + o.tenant() + ": the credentials belong to another tenant; nothing was collected into " + o.folder());
        }
        rec.warn("GET /v1.0/organization listed no verified domains, so it could not be confirmed that tenant "
                + org.path("id").asText("(no id)") + " is " + o.tenant());
    }

    private static String missingOf(List<String> problems) {
        for (String p : problems) if (p.contains("HTTP 403")) return Permissions.BY_FILE.get("tenant.json").application();
        return null;
    }

    private String problem(ApiException e, String file) {
        return e.forbidden() ? e.getMessage() + " (needs " + Permissions.missing(file, o.delegated()) + ")" : e.getMessage();
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
        long requests0 = graph.requests() + (arm == null ? 0 : arm.requests());
        long throttled0 = graph.throttled() + (arm == null ? 0 : arm.throttled());
        long pages0 = pagesSeen;
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
        long pages = pagesSeen - pages0 + pagesOf.getAsLong();
        runPages += pages;
        entry = entry.withStats(new CollectionRecord.Stats(graph.requests() + (arm == null ? 0 : arm.requests()) - requests0,
                graph.throttled() + (arm == null ? 0 : arm.throttled()) - throttled0, pages, seconds(start)));
        rec.put(entry);
        save();
        return entry.status() == Status.collected;
    }

    private String now() {
        return o.clock().instant().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private Path out(String name) {
        return o.folder().resolve(name);
    }

    /** A Graph list, every page, into {@code {"value": [...]}}. */
    private long list(String path, String file) throws ApiException, AuthException, IOException {
        Progress progress = Progress.of(file, log, o.signIns().progressEvery());
        try (StagedFile f = StagedFile.list(out(file))) {
            graph.pages(graph.url(path), Api.Paging.GRAPH, values -> {
                for (JsonNode v : values) f.add(v);
                progress.page(values.size(), null);
                pagesSeen++;
            });
            f.commit();
            return f.records();
        }
    }

    /** One Graph object, as it comes. */
    private long object(String path, String file) throws ApiException, AuthException, IOException {
        JsonNode node = graph.get(graph.url(path));
        if (node instanceof ObjectNode obj) obj.remove("@odata.context");
        writeJson(file, node);
        return 1;
    }

    private void writeJson(String file, JsonNode node) throws IOException {
        AtomicFile.write(out(file), w -> Api.MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(w, node));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Ids of the records of a file this collection wrote (users.json, conditionalAccessPolicies.json). */
    private List<JsonNode> recordsOf(String file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        JsonRecords.read(out(file), (node, pos) -> out.add(node), (pos, reason) -> {
            throw new IllegalStateException(file + " " + pos + ": " + reason);
        });
        return out;
    }

    private long groupMembers() throws ApiException, AuthException, IOException, Skip {
        if (!Files.isRegularFile(out("conditionalAccessPolicies.json"))) {
            throw new Skip("conditionalAccessPolicies.json was not collected, so the groups it names are unknown");
        }
        Set<String> groups = new LinkedHashSet<>();
        for (JsonNode p : recordsOf("conditionalAccessPolicies.json")) {
            JsonNode users = p.path("conditions").path("users");
            for (String field : new String[] {"includeGroups", "excludeGroups"}) {
                for (JsonNode g : users.path(field)) groups.add(g.asText());
            }
        }
        ObjectNode members = Api.MAPPER.createObjectNode();
        for (String group : groups) {
            ArrayNode ids = members.putArray(group);
            int[] pages = {0};
            try {
                // transitive: Conditional Access applies to members of nested groups too
                graph.pages(graph.url("/v1.0/groups/" + encode(group) + "/transitiveMembers/microsoft.graph.user?$select=id&$top=999"),
                        Api.Paging.GRAPH, values -> {
                            pages[0]++;
                            for (JsonNode v : values) ids.add(v.path("id").asText());
                        });
            } catch (ApiException e) {
                // A 404 on the first page: the group is gone. On a later page it is a broken listing, and the pages
                // read are not the whole group: the file fails, and the policy's groups count as unknown (fail closed).
                if (!e.notFound() || pages[0] > 0) throw e;
                rec.warn("groupMembers.json: group " + group + " named by a Conditional Access policy no longer exists (no members)");
            }
        }
        writeJson("groupMembers.json", members);
        return groups.size();
    }

    private long domains() throws ApiException, AuthException, IOException {
        List<JsonNode> domains = new ArrayList<>();
        graph.pages(graph.url("/v1.0/domains"), Api.Paging.GRAPH, values -> values.forEach(domains::add));
        try (StagedFile f = StagedFile.list(out("domains.json"))) {
            for (JsonNode d : domains) {
                if (d instanceof ObjectNode od && "federated".equalsIgnoreCase(d.path("authenticationType").asText())) {
                    ArrayNode fed = od.putArray("federationConfiguration");
                    graph.pages(graph.url("/v1.0/domains/" + encode(d.path("id").asText()) + "/federationConfiguration"),
                            Api.Paging.GRAPH, values -> values.forEach(fed::add));
                }
                f.add(d);
            }
            f.commit();
            return f.records();
        }
    }

    private long crossTenant() throws ApiException, AuthException, IOException {
        JsonNode def = graph.get(graph.url("/v1.0/policies/crossTenantAccessPolicy/default"));
        if (def instanceof ObjectNode obj) obj.remove("@odata.context");
        ArrayNode partners = Api.MAPPER.createArrayNode();
        graph.pages(graph.url("/v1.0/policies/crossTenantAccessPolicy/partners"), Api.Paging.GRAPH, values -> values.forEach(partners::add));
        ObjectNode out = Api.MAPPER.createObjectNode();
        out.set("default", def);
        out.set("partners", partners);
        writeJson("crossTenantAccessPolicy.json", out);
        return 1 + partners.size();
    }

    private long perUserMfa() throws ApiException, AuthException, IOException, Skip {
        if (!Files.isRegularFile(out("users.json"))) throw new Skip("users.json was not collected, so the users to ask about are unknown");
        List<String> users = new ArrayList<>();
        for (JsonNode u : recordsOf("users.json")) {
            String id = u.path("id").asText(null);
            if (id != null) users.add(id);
        }
        PerUserMfa.Result r;
        try (StagedFile f = StagedFile.list(out("perUserMfa.json"))) {
            r = new PerUserMfa(graph, o.retry(), log).collect(users, f);
            f.commit();
        }
        r.problems().forEach(p -> rec.warn("perUserMfa.json: " + p));
        if (!r.problems().isEmpty()) {
            log.accept("perUserMfa.json: " + r.problems().size() + " user(s) not read; they count as not covered by per-user MFA");
        }
        return r.written();
    }

    /** Azure Resource Manager, when this collection reads it (else why not). */
    private Api arm() throws Skip {
        if (!o.arm()) throw new Skip("--no-arm");
        if (!tokens.offers(Audience.ARM)) {
            throw new Skip("no Azure Resource Manager token (" + (tokens instanceof EnvTokens ? EnvTokens.ARM_VARIABLE + " is not set" : "none offered") + ")");
        }
        return new Api(http, Audience.ARM, Api.trimSlash(o.armEndpoint()), tokens, o.retry(), log);
    }

    private long enforcementSettings() throws ApiException, AuthException, IOException, Skip {
        Api arm = arm();
        JsonNode settings;
        try {
            settings = new EnforcementStateCollector(arm, rec::warn).settings();
        } catch (AuthException e) {
            throw new Skip("no Azure Resource Manager token: " + e.getMessage());
        }
        writeJson("enforcementSettings.json", settings);
        if (settings.path("notFound").asBoolean(false)) {
            rec.warn("enforcementSettings.json: Azure Resource Manager answered 404: the tenant never changed its enforcement settings (Microsoft's schedule)");
            return 0;
        }
        return 1;
    }

    private long policyAssignments() throws ApiException, AuthException, IOException, Skip {
        Api arm = arm();
        List<EnforcementStateCollector.Subscription> subscriptions = new ArrayList<>();
        EnforcementStateCollector.Assignments a;
        try {
            arm.pages(arm.url("/subscriptions?api-version=2022-12-01"), Api.Paging.ARM, values -> {
                for (JsonNode s : values) {
                    if (!s.path("state").asText("Enabled").equalsIgnoreCase("Disabled")) {
                        subscriptions.add(new EnforcementStateCollector.Subscription(s.path("subscriptionId").asText(), s.path("displayName").asText(null)));
                    }
                }
            });
            a = new EnforcementStateCollector(arm, rec::warn).assignments(subscriptions);
        } catch (AuthException e) {
            throw new Skip("no Azure Resource Manager token: " + e.getMessage());
        }
        writeJson("policyAssignments.json", a.document());
        return a.records();
    }

    private long activityLog() throws ApiException, AuthException, IOException, Skip, Partial {
        if (!o.arm()) throw new Skip("--no-arm");
        String armEndpoint = Api.trimSlash(o.armEndpoint());
        if (!tokens.offers(Audience.ARM)) {
            throw new Skip("no Azure Resource Manager token (" + (tokens instanceof EnvTokens ? EnvTokens.ARM_VARIABLE + " is not set" : "none offered") + ")");
        }
        arm = new Api(http, Audience.ARM, armEndpoint, tokens, o.retry(), log);
        List<String> subscriptions = new ArrayList<>();
        try {
            arm.pages(arm.url("/subscriptions?api-version=2022-12-01"), Api.Paging.ARM, values -> {
                for (JsonNode s : values) {
                    String state = s.path("state").asText("Enabled");
                    if (!state.equalsIgnoreCase("Disabled")) subscriptions.add(s.path("subscriptionId").asText());
                }
            });
        } catch (AuthException e) {
            throw new Skip("no Azure Resource Manager token: " + e.getMessage());
        }
        if (subscriptions.isEmpty()) throw new Skip("the identity can read no Azure subscription");
        CollectionRecord.Window w = rec.signInWindow;
        String filter = "eventTimestamp ge '" + w.from() + "' and eventTimestamp le '" + w.to() + "'";
        String role = Permissions.missing("activityLog.json", o.delegated());
        // One subscription that cannot be read leaves the writes there unknown: the file is then partial, never
        // "collected", and collection.json names the subscription (Phase 2 there is unknown, so not READY).
        List<String> unread = new ArrayList<>();
        boolean anyForbidden = false;
        ApiException last = null;
        try (StagedFile f = StagedFile.list(out("activityLog.json"))) {
            for (String sub : subscriptions) {
                long before = f.records();
                try {
                    arm.pages(arm.url("/subscriptions/" + encode(sub) + "/providers/Microsoft.Insights/eventtypes/management/values?api-version=2015-04-01&$filter="
                            + encode(filter)), Api.Paging.ARM, values -> {
                        for (JsonNode e : values) {
                            // Administrative: the control-plane operations Phase 2 is about; Policy audit and deny
                            // events: what Azure Policy did to them (the rules judge which definitions matter)
                            String category = e.path("category").path("value").asText();
                            String operation = e.path("operationName").path("value").asText().toLowerCase(Locale.ROOT);
                            if ("Administrative".equalsIgnoreCase(category) || ("Policy".equalsIgnoreCase(category)
                                    && (operation.endsWith("/policies/audit/action") || operation.endsWith("/policies/deny/action")))) {
                                f.add(e);
                            }
                        }
                    });
                    rec.activityLogSubscriptions.add(new CollectionRecord.SubscriptionRead(sub, Status.collected, f.records() - before, null, null));
                } catch (ApiException e) {
                    // the events already added from this subscription stay: they are true, but the file is partial
                    last = e;
                    anyForbidden |= e.forbidden();
                    unread.add(sub + (e.forbidden() ? " (forbidden)" : " (failed)"));
                    rec.activityLogSubscriptions.add(new CollectionRecord.SubscriptionRead(sub, e.forbidden() ? Status.forbidden : Status.failed,
                            null, e.forbidden() ? role : null, e.getMessage()));
                    rec.warn("activityLog.json: subscription " + sub + " not read: " + e.getMessage()
                            + (e.forbidden() ? " (needs " + role + ")" : ""));
                }
            }
            if (unread.size() == subscriptions.size()) throw last;
            f.commit();
            if (!unread.isEmpty()) {
                throw new Partial(f.records(), unread.size() + " of " + subscriptions.size() + " subscription(s) not read: "
                        + String.join(", ", unread), anyForbidden ? role : null);
            }
            return f.records();
        }
    }

    static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
