package io.github.mfaeval.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.matching.StringValuePattern;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.mfaeval.load.text.JsonRecords;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * Microsoft Graph and Azure Resource Manager on 127.0.0.1 (WireMock, a port chosen by the OS), serving the
 * data of a hand-made tenant folder the way the real services would: Graph pages with {@code @odata.nextLink}
 * ({@code $skiptoken}), the four sign-in kinds by {@code signInEventTypes} filter, {@code $batch} answered user
 * by user, ARM pages with {@code nextLink}. Response shapes follow Microsoft's documentation examples. Faults
 * are added per test: throttling with {@code Retry-After}, a transient 503, a 403, a token refused once, inner
 * batch failures, a looping link.
 */
final class FakeGraph implements AutoCloseable {
    static final String GRAPH_TOKEN = "test-graph-token";
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String GRAPH_META = "https://graph.microsoft.com/v1.0/$metadata#";

    final WireMockServer server;
    final Path source;
    final int pageSize;
    /** Sign-ins served, by event type: every one must be read. */
    final Map<String, List<JsonNode>> signInsByType = new LinkedHashMap<>();
    final BatchAnswers batch = new BatchAnswers();
    final SignInLog signInLog = new SignInLog();

    FakeGraph(Path handMade, int pageSize) throws IOException {
        this.source = handMade;
        this.pageSize = pageSize;
        server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().extensions(batch, signInLog));
        server.start();
        signInLog.pageSize = pageSize;
        signInLog.base = url();
        serveTenant();
    }

    /** The served tenant's id (what collect must be asked for: Graph answers for this tenant only). */
    String tenantId() {
        try {
            return MAPPER.readTree(source.resolve("tenant.json").toFile()).path("tenantId").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    public void close() {
        server.stop();
    }

    // --- the tenant ---------------------------------------------------------------------------------------------

    private void serveTenant() throws IOException {
        JsonNode manifest = MAPPER.readTree(source.resolve("tenant.json").toFile());
        ObjectNode org = MAPPER.createObjectNode();
        org.put("@odata.context", GRAPH_META + "organization(id,displayName)");
        ObjectNode organization = org.putArray("value").addObject().put("id", manifest.path("tenantId").asText())
                .put("displayName", manifest.path("displayName").asText());
        // Graph lists the tenant's verified domains: collect checks that the tenant asked for (by domain) is this one
        ArrayNode verified = organization.putArray("verifiedDomains");
        for (JsonNode d : records("domains.json")) {
            verified.addObject().put("name", d.path("id").asText()).put("isDefault", verified.size() == 0).put("type", "Managed");
        }
        stub(get(urlPathEqualTo("/v1.0/organization")), ok(org));
        stub(get(urlPathEqualTo("/v1.0/subscribedSkus")), ok(skus(manifest.path("license").asText("free"))));

        list("/v1.0/users", records("users.json"), "users");
        list("/v1.0/reports/authenticationMethods/userRegistrationDetails", records("userRegistrationDetails.json"), "reports/authenticationMethods/userRegistrationDetails");
        List<JsonNode> policies = records("conditionalAccessPolicies.json");
        list("/v1.0/identity/conditionalAccess/policies", policies, "identity/conditionalAccess/policies");
        list("/v1.0/roleManagement/directory/roleAssignments", records("roleAssignments.json"), "roleManagement/directory/roleAssignments");
        object("/v1.0/policies/identitySecurityDefaultsEnforcementPolicy", "securityDefaults.json");
        object("/beta/policies/authenticationMethodsPolicy", "authenticationMethodsPolicy.json");
        serveDomains();
        serveCrossTenant();
        serveGroups(policies);
        servePerUserMfa();
        serveSignIns();
    }

    private static JsonNode skus(String licence) {
        ObjectNode page = MAPPER.createObjectNode();
        page.put("@odata.context", GRAPH_META + "subscribedSkus");
        ArrayNode v = page.putArray("value");
        ObjectNode e5 = v.addObject();
        e5.put("capabilityStatus", "Enabled").put("consumedUnits", 14).put("skuPartNumber", "O365_BUSINESS_PREMIUM")
                .put("skuId", "f245ecc8-75af-4f8e-b61f-27d8114de5f3");
        e5.putObject("prepaidUnits").put("enabled", 25).put("suspended", 0).put("warning", 0);
        ArrayNode plans = e5.putArray("servicePlans");
        plans.addObject().put("servicePlanName", "EXCHANGE_S_STANDARD").put("provisioningStatus", "Success").put("appliesTo", "User");
        if (!licence.equalsIgnoreCase("free")) {
            plans.addObject().put("servicePlanName", "AAD_PREMIUM").put("provisioningStatus", "Success").put("appliesTo", "User");
        }
        if (licence.equalsIgnoreCase("P2")) {
            plans.addObject().put("servicePlanName", "AAD_PREMIUM_P2").put("provisioningStatus", "Success").put("appliesTo", "User");
        }
        // a suspended P2 trial licenses nothing
        ObjectNode trial = v.addObject();
        trial.put("capabilityStatus", "Suspended").put("consumedUnits", 0).put("skuPartNumber", "AAD_PREMIUM_P2");
        trial.putObject("prepaidUnits").put("enabled", 0).put("suspended", 25);
        trial.putArray("servicePlans").addObject().put("servicePlanName", "AAD_PREMIUM_P2").put("provisioningStatus", "Success");
        return page;
    }

    List<JsonNode> records(String file) throws IOException {
        Path p = source.resolve(file);
        List<JsonNode> out = new ArrayList<>();
        if (!Files.isRegularFile(p)) return out;
        JsonRecords.read(p, (n, pos) -> out.add(n), (pos, why) -> {
            throw new IllegalStateException(file + " " + pos + ": " + why);
        });
        return out;
    }

    private void object(String path, String file) throws IOException {
        Path p = source.resolve(file);
        if (!Files.isRegularFile(p)) {
            forbid(path);
            return;
        }
        ObjectNode n = (ObjectNode) MAPPER.readTree(p.toFile());
        n.put("@odata.context", GRAPH_META + "policies/x/$entity");
        stub(get(urlPathEqualTo(path)), ok(n));
    }

    private void serveDomains() throws IOException {
        List<JsonNode> domains = records("domains.json");
        List<JsonNode> listed = new ArrayList<>();
        for (JsonNode d : domains) {
            ObjectNode copy = d.deepCopy();
            JsonNode fed = copy.remove("federationConfiguration");
            listed.add(copy);
            if (fed != null) {
                ObjectNode page = MAPPER.createObjectNode();
                page.put("@odata.context", GRAPH_META + "domains('" + d.path("id").asText() + "')/federationConfiguration");
                ArrayNode v = page.putArray("value");
                fed.forEach(f -> v.add(((ObjectNode) f.deepCopy()).put("@odata.type", "#microsoft.graph.internalDomainFederation")));
                stub(get(urlPathEqualTo("/v1.0/domains/" + d.path("id").asText() + "/federationConfiguration")), ok(page));
            }
        }
        list("/v1.0/domains", listed, "domains");
    }

    private void serveCrossTenant() throws IOException {
        Path p = source.resolve("crossTenantAccessPolicy.json");
        if (!Files.isRegularFile(p)) {
            forbid("/v1.0/policies/crossTenantAccessPolicy/default");
            return;
        }
        JsonNode ct = MAPPER.readTree(p.toFile());
        ObjectNode def = ct.path("default").deepCopy();
        def.put("@odata.context", GRAPH_META + "policies/crossTenantAccessPolicy/default/$entity");
        stub(get(urlPathEqualTo("/v1.0/policies/crossTenantAccessPolicy/default")), ok(def));
        List<JsonNode> partners = new ArrayList<>();
        ct.path("partners").forEach(partners::add);
        list("/v1.0/policies/crossTenantAccessPolicy/partners", partners, "policies/crossTenantAccessPolicy/partners");
    }

    private void serveGroups(List<JsonNode> policies) throws IOException {
        Path p = source.resolve("groupMembers.json");
        JsonNode groups = Files.isRegularFile(p) ? MAPPER.readTree(p.toFile()) : MAPPER.createObjectNode();
        Set<String> named = new HashSet<>();
        for (JsonNode pol : policies) {
            for (String f : new String[] {"includeGroups", "excludeGroups"}) pol.path("conditions").path("users").path(f).forEach(g -> named.add(g.asText()));
        }
        for (String g : named) {
            JsonNode members = groups.get(g);
            String path = "/v1.0/groups/" + g + "/transitiveMembers/microsoft.graph.user";
            if (members == null) {
                stub(get(urlPathEqualTo(path)), aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"code\":\"Request_ResourceNotFound\",\"message\":\"Resource '" + g + "' does not exist or one of its queried reference-property objects are not present.\"}}"));
                continue;
            }
            List<JsonNode> users = new ArrayList<>();
            members.forEach(m -> users.add(MAPPER.createObjectNode().put("@odata.type", "#microsoft.graph.user").put("id", m.asText())));
            list(path, users, "users");
        }
    }

    private void servePerUserMfa() throws IOException {
        if (!Files.isRegularFile(source.resolve("perUserMfa.json"))) {
            batch.forbidden = true;
        }
        for (JsonNode r : records("perUserMfa.json")) batch.states.put(r.path("userId").asText().toLowerCase(), r.path("perUserMfaState").asText());
        stub(post(urlPathEqualTo("/beta/$batch")), aResponse().withTransformers(BatchAnswers.NAME));
    }

    private void serveSignIns() throws IOException {
        for (String t : TenantCollector.SIGN_IN_EVENT_TYPES) signInsByType.put(t, new ArrayList<>());
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(source, "signIns*.json")) {
            ds.forEach(files::add);
        }
        files.sort(null);
        for (Path f : files) {
            for (JsonNode s : records(f.getFileName().toString())) signInsByType.get(kind(s)).add(s);
        }
        serveSignIns(signInsByType.values().stream().flatMap(List::stream).toList());
    }

    /** The sign-in log the fake answers queries on (replacing what it served so far), newest first as Graph returns it. */
    void serveSignIns(List<JsonNode> all) {
        signInsByType.clear();
        for (String t : TenantCollector.SIGN_IN_EVENT_TYPES) signInsByType.put(t, new ArrayList<>());
        for (JsonNode s : all) signInsByType.get(kind(s)).add(s);
        signInLog.serve(all);
        stub(get(urlPathEqualTo("/beta/auditLogs/signIns")), aResponse().withTransformers(SignInLog.NAME));
    }

    static String kind(JsonNode s) {
        JsonNode types = s.path("signInEventTypes");
        if (types.isArray() && !types.isEmpty()) return types.get(0).asText();
        if (!s.path("servicePrincipalId").asText("").isEmpty() && s.path("userId").asText("").isEmpty()) return "servicePrincipal";
        return s.path("isInteractive").asBoolean(true) ? "interactiveUser" : "nonInteractiveUser";
    }

    long signInsServed() {
        return signInsByType.values().stream().mapToLong(List::size).sum();
    }

    /** Sign-ins of a kind counted once per id: an overlapping export may serve one twice, collect keeps one. */
    long distinctSignIns(String kind) {
        return signInsByType.get(kind).stream().map(s -> s.path("id").asText()).distinct().count();
    }

    // --- paging -------------------------------------------------------------------------------------------------

    void list(String path, List<JsonNode> records, String context) {
        list(path, records, context, Map.of(), path);
    }

    /** The records in pages of {@code pageSize}: page 1 without $skiptoken, page k with $skiptoken={key}-{k}. */
    void list(String path, List<JsonNode> records, String context, Map<String, StringValuePattern> query, String key) {
        int pages = Math.max(1, (records.size() + pageSize - 1) / pageSize);
        for (int k = 1; k <= pages; k++) {
            ObjectNode page = MAPPER.createObjectNode();
            page.put("@odata.context", (path.startsWith("/beta") ? GRAPH_META.replace("v1.0", "beta") : GRAPH_META) + context);
            if (k < pages) page.put("@odata.nextLink", url() + path + "?$skiptoken=" + token(key, k + 1));
            ArrayNode v = page.putArray("value");
            records.subList((k - 1) * pageSize, Math.min(records.size(), k * pageSize)).forEach(v::add);
            MappingBuilder m = get(urlPathEqualTo(path)).withQueryParam("$skiptoken", k == 1 ? absent() : equalTo(token(key, k)));
            if (k == 1) query.forEach(m::withQueryParam);
            stub(m, ok(page));
        }
    }

    static String token(String key, int page) {
        return Integer.toHexString(key.hashCode()) + "-" + page;
    }

    private void stub(MappingBuilder m, ResponseDefinitionBuilder r) {
        server.stubFor(m.atPriority(5).willReturn(r));
    }

    static ResponseDefinitionBuilder ok(JsonNode body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json;odata.metadata=minimal").withBody(body.toString());
    }

    // --- faults ---------------------------------------------------------------------------------------------------

    /** 403 as Graph words it, for every request to {@code path}. */
    void forbid(String path) {
        server.stubFor(get(urlPathEqualTo(path)).atPriority(1).willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"Authorization_RequestDenied\",\"message\":\"Insufficient privileges to complete the operation.\","
                        + "\"innerError\":{\"date\":\"2026-12-02T05:00:00\",\"request-id\":\"0f2a…\",\"client-request-id\":\"0f2a…\"}}}")));
    }

    /** The first request matching {@code m} gets {@code status} (with Retry-After if given); the next ones the normal answer. */
    void failOnce(String name, MappingBuilder m, int status, String retryAfter) {
        ResponseDefinitionBuilder r = aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(status == 429 ? "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"Too many requests.\"}}"
                        : status == 401 ? "{\"error\":{\"code\":\"InvalidAuthenticationToken\",\"message\":\"Access token has expired or is not yet valid.\"}}"
                        : "{\"error\":{\"code\":\"ServiceUnavailable\",\"message\":\"Service unavailable.\"}}");
        if (retryAfter != null) r.withHeader("Retry-After", retryAfter);
        server.stubFor(m.atPriority(1).inScenario(name).whenScenarioStateIs(Scenario.STARTED).willSetStateTo("answered").willReturn(r));
    }

    List<ServeEvent> served() {
        return server.getAllServeEvents();
    }

    /**
     * {@code POST /beta/$batch}: each inner {@code GET /users/{id}/authentication/requirements} answered from the
     * hand-made perUserMfa.json; users in {@link #throttleOnce} get one 429 (Retry-After 0) first, users in
     * {@link #alwaysFail} a 500 every time.
     */
    static final class BatchAnswers implements ResponseDefinitionTransformerV2 {
        static final String NAME = "graph-batch";
        final Map<String, String> states = new ConcurrentHashMap<>();
        final Set<String> throttleOnce = ConcurrentHashMap.newKeySet();
        final Set<String> alwaysFail = ConcurrentHashMap.newKeySet();
        final List<Integer> batchSizes = java.util.Collections.synchronizedList(new ArrayList<>());
        volatile boolean forbidden;

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            try {
                JsonNode body = MAPPER.readTree(event.getRequest().getBodyAsString());
                ObjectNode out = MAPPER.createObjectNode();
                ArrayNode responses = out.putArray("responses");
                JsonNode requests = body.path("requests");
                batchSizes.add(requests.size());
                if (requests.size() > 20) {
                    return aResponse().withStatus(400).withBody("{\"error\":{\"code\":\"BadRequest\",\"message\":\"Number of batch requests exceeds 20.\"}}").build();
                }
                // Graph answers in any order: answer last request first
                List<JsonNode> reversed = new ArrayList<>();
                requests.forEach(reversed::add);
                java.util.Collections.reverse(reversed);
                for (JsonNode r : reversed) {
                    String url = r.path("url").asText();
                    String user = url.replaceAll("^/users/([^/]+)/authentication/requirements$", "$1").toLowerCase();
                    ObjectNode a = responses.addObject().put("id", r.path("id").asText());
                    if (forbidden) {
                        a.put("status", 403);
                        a.putObject("body").putObject("error").put("code", "accessDenied").put("message", "Request Authorization failed");
                    } else if (throttleOnce.remove(user)) {
                        a.put("status", 429);
                        a.putObject("headers").put("Retry-After", "0").put("Content-Type", "application/json");
                        a.putObject("body").putObject("error").put("code", "TooManyRequests").put("message", "Too many requests");
                    } else if (alwaysFail.contains(user)) {
                        a.put("status", 500);
                        a.putObject("body").putObject("error").put("code", "generalException").put("message", "An internal server error occurred.");
                    } else if (states.containsKey(user)) {
                        a.put("status", 200);
                        a.putObject("headers").put("Content-Type", "application/json;odata.metadata=minimal");
                        a.putObject("body").put("@odata.context", "https://graph.microsoft.com/beta/$metadata#users('" + user + "')/authentication/requirements/$entity")
                                .put("perUserMfaState", states.get(user));
                    } else {
                        a.put("status", 404);
                        a.putObject("body").putObject("error").put("code", "Request_ResourceNotFound").put("message", "Resource '" + user + "' does not exist");
                    }
                }
                return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(out.toString()).build();
            } catch (IOException e) {
                return aResponse().withStatus(400).withBody(e.getMessage()).build();
            }
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return NAME;
        }
    }

    /**
     * {@code GET /beta/auditLogs/signIns} as Graph answers it: the {@code $filter} read (createdDateTime ge/lt, the
     * event type, appId eq, several appId eq joined by or), anything else refused with 400 as Graph does; newest
     * first, pages of {@code pageSize} with a {@code $skiptoken} link (for a query without appId, the token of page k
     * is {@code token(kind, k)}, so a test can fault a given page). {@link #refuseOr} and {@link #refuseAppId} make
     * it refuse those filters (400); {@link #throttle} makes it enforce a request limit per window with 429s.
     */
    static final class SignInLog implements ResponseDefinitionTransformerV2 {
        static final String NAME = "sign-in-log";
        private static final java.util.regex.Pattern GE = java.util.regex.Pattern.compile("createdDateTime ge (\\S+)");
        private static final java.util.regex.Pattern LT = java.util.regex.Pattern.compile("createdDateTime lt (\\S+)");
        private static final java.util.regex.Pattern KIND = java.util.regex.Pattern.compile("signInEventTypes/any\\(t: t eq '(\\w+)'\\)");
        private static final java.util.regex.Pattern APP = java.util.regex.Pattern.compile("appId eq '([^']+)'");

        record Query(String kind, java.time.Instant from, java.time.Instant to, Set<String> apps, String key) {
        }

        volatile List<JsonNode> log = List.of();
        volatile int pageSize = 50;
        volatile String base;
        volatile boolean refuseOr;
        /** The first query of this kind is held until {@link #release} (a test kills the collector meanwhile). */
        volatile String holdKind;
        final java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
        final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        /** Serve every sign-in whatever the createdDateTime bounds (for a hand-made tenant whose dates are long past). */
        volatile boolean ignoreWindow;
        final Set<String> refuseAppId = ConcurrentHashMap.newKeySet();
        private final Map<String, Query> pending = new ConcurrentHashMap<>();
        /** Every query asked (page 1 only): the filter as received. */
        final List<String> filters = java.util.Collections.synchronizedList(new ArrayList<>());
        private int limit;
        private long windowMillis;
        private final java.util.ArrayDeque<Long> recent = new java.util.ArrayDeque<>();
        /** Throttled answers given. */
        final java.util.concurrent.atomic.AtomicInteger throttled = new java.util.concurrent.atomic.AtomicInteger();

        void serve(List<JsonNode> all) {
            List<JsonNode> sorted = new ArrayList<>(all);
            sorted.sort(java.util.Comparator.comparing((JsonNode s) -> time(s)).reversed());
            log = sorted;
        }

        /** At most {@code limit} requests in any {@code windowMillis}; more get 429 with Retry-After, as Graph's reports APIs. */
        synchronized void throttle(int limit, long windowMillis) {
            this.limit = limit;
            this.windowMillis = windowMillis;
        }

        private synchronized Long throttledFor() {
            if (limit <= 0) return null;
            long now = System.currentTimeMillis();
            while (!recent.isEmpty() && recent.peekFirst() <= now - windowMillis) recent.pollFirst();
            if (recent.size() >= limit) return recent.peekFirst() + windowMillis - now;
            recent.addLast(now);
            return null;
        }

        static java.time.Instant time(JsonNode s) {
            return java.time.Instant.parse(s.path("createdDateTime").asText());
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            var req = event.getRequest();
            Long wait = throttledFor();
            if (wait != null) {
                throttled.incrementAndGet();
                return aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                        .withHeader("Retry-After", String.valueOf(Math.max(0, (wait + 999) / 1000)))
                        .withBody("{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"Too many requests.\"}}").build();
            }
            var skip = req.queryParameter("$skiptoken");
            Query q;
            int page;
            if (skip.isPresent()) {
                q = pending.get(skip.firstValue());
                if (q == null) return bad("Invalid $skiptoken");
                page = Integer.parseInt(skip.firstValue().substring(skip.firstValue().lastIndexOf('-') + 1));
            } else {
                var f = req.queryParameter("$filter");
                if (!f.isPresent()) return bad("a $filter is required");
                String filter = f.firstValue();
                filters.add(filter);
                String rest = filter;
                java.util.regex.Matcher ge = GE.matcher(filter);
                java.util.regex.Matcher lt = LT.matcher(filter);
                java.util.regex.Matcher kind = KIND.matcher(filter);
                if (!ge.find() || !lt.find() || !kind.find()) return bad("Invalid filter clause");
                Set<String> apps = new java.util.LinkedHashSet<>();
                java.util.regex.Matcher app = APP.matcher(filter);
                while (app.find()) apps.add(app.group(1).toLowerCase());
                rest = APP.matcher(KIND.matcher(LT.matcher(GE.matcher(rest).replaceAll("")).replaceAll("")).replaceAll("")).replaceAll("");
                if (!rest.replaceAll("\\b(and|or)\\b|[()\\s]", "").isEmpty()) return bad("Invalid filter clause: " + rest.trim());
                if (apps.size() > 1 && refuseOr) return bad("Invalid filter clause: 'or' is not supported on appId");
                if (!apps.isEmpty() && refuseAppId.contains(kind.group(1))) return bad("Invalid filter clause: appId on " + kind.group(1));
                String key = apps.isEmpty() ? kind.group(1) : kind.group(1) + "|" + String.join(",", apps) + "|" + ge.group(1);
                q = new Query(kind.group(1), java.time.Instant.parse(ge.group(1)), java.time.Instant.parse(lt.group(1)), apps, key);
                page = 1;
                if (q.kind().equals(holdKind)) {
                    holdKind = null;
                    held.countDown();
                    try {
                        release.await(60, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
            List<JsonNode> matches = new ArrayList<>();
            for (JsonNode s : log) {
                java.time.Instant t = time(s);
                if (!ignoreWindow && (t.isBefore(q.from()) || !t.isBefore(q.to()))) continue;
                if (!kind(s).equals(q.kind())) continue;
                if (!q.apps().isEmpty() && !q.apps().contains(s.path("appId").asText().toLowerCase())) continue;
                matches.add(s);
            }
            ObjectNode body = MAPPER.createObjectNode();
            body.put("@odata.context", "https://graph.microsoft.com/beta/$metadata#auditLogs/signIns");
            ArrayNode v = body.putArray("value");
            int from = (page - 1) * pageSize;
            matches.subList(Math.min(from, matches.size()), Math.min(matches.size(), from + pageSize)).forEach(v::add);
            if (from + pageSize < matches.size()) {
                String next = token(q.key(), page + 1);
                pending.put(next, q);
                body.put("@odata.nextLink", base + "/beta/auditLogs/signIns?$skiptoken=" + next);
            }
            return ok(body).build();
        }

        private static ResponseDefinition bad(String message) {
            return aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                    .withBody("{\"error\":{\"code\":\"BadRequest\",\"message\":\"" + message.replace("\"", "'") + "\"}}").build();
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return NAME;
        }
    }

    // --- Azure Resource Manager --------------------------------------------------------------------------------------

    /** Subscriptions the identity can list; each one's Activity Log events (null: 403 on its log), in ARM pages. */
    void serveArm(String tenantId, Map<String, List<JsonNode>> eventsBySubscription) {
        ObjectNode subs = MAPPER.createObjectNode();
        ArrayNode v = subs.putArray("value");
        eventsBySubscription.keySet().forEach(id -> v.addObject().put("id", "/subscriptions/" + id).put("subscriptionId", id)
                .put("tenantId", tenantId).put("displayName", "Subscription " + id.substring(0, 8)).put("state", "Enabled"));
        subs.putObject("count").put("type", "Total").put("value", eventsBySubscription.size());
        stub(get(urlPathEqualTo("/subscriptions")).withQueryParam("api-version", equalTo("2022-12-01")), ok(subs));
        // no management group readable and no MFA assignment, unless a test serves some (servePolicyAssignments)
        stub(get(urlPathEqualTo("/providers/Microsoft.Management/managementGroups")), ok(armPage(List.of())));
        eventsBySubscription.keySet().forEach(id -> stub(get(urlPathEqualTo("/subscriptions/" + id + "/providers/Microsoft.Authorization/policyAssignments")),
                ok(armPage(List.of()))));
        eventsBySubscription.forEach((id, events) -> {
            String path = "/subscriptions/" + id + "/providers/Microsoft.Insights/eventtypes/management/values";
            if (events == null) {
                server.stubFor(get(urlPathEqualTo(path)).atPriority(1).willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"code\":\"AuthorizationFailed\",\"message\":\"The client 'x' with object id 'x' does not have authorization to perform action "
                                + "'microsoft.insights/eventtypes/values/read' over scope '/subscriptions/" + id + "' or the scope is invalid.\"}}")));
                return;
            }
            int pages = Math.max(1, (events.size() + pageSize - 1) / pageSize);
            for (int k = 1; k <= pages; k++) {
                ObjectNode page = MAPPER.createObjectNode();
                ArrayNode pv = page.putArray("value");
                events.subList((k - 1) * pageSize, Math.min(events.size(), k * pageSize)).forEach(pv::add);
                if (k < pages) page.put("nextLink", url() + path + "?api-version=2015-04-01&$skipToken=" + token(id, k + 1));
                MappingBuilder m = get(urlPathEqualTo(path)).withQueryParam("api-version", equalTo("2015-04-01"))
                        .withQueryParam("$skipToken", k == 1 ? absent() : equalTo(token(id, k)));
                if (k == 1) m.withQueryParam("$filter", containing("eventTimestamp ge '"));
                stub(m, ok(page));
            }
        });
    }

    static ObjectNode armPage(List<JsonNode> values) {
        ObjectNode page = MAPPER.createObjectNode();
        ArrayNode v = page.putArray("value");
        values.forEach(v::add);
        return page;
    }

    /** An ARM error answer, as ARM words a 403. */
    static ResponseDefinitionBuilder armError(int status, String code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}}");
    }

    /**
     * The tenant-level settings resource: {@code body} as ARM returns it (the shape of the specification's
     * Settings_Get example), or, when null, the given error status (404: never changed; 403: not allowed to read).
     */
    void serveEnforcementSettings(JsonNode body, int status) {
        MappingBuilder m = get(urlPathEqualTo("/providers/Microsoft.PortalServices/settings/default"))
                .withQueryParam("api-version", equalTo("2025-04-01-preview"));
        if (body != null) stub(m, ok(body));
        else if (status == 404) server.stubFor(m.atPriority(1).willReturn(armError(404, "ResourceNotFound",
                "The Resource 'Microsoft.PortalServices/settings/default' under resource group '<null>' was not found.")));
        else server.stubFor(m.atPriority(1).willReturn(armError(status, "AuthorizationFailed",
                "The client 'x' with object id 'x' does not have authorization to perform action 'Microsoft.PortalServices/settings/read' over scope '/providers/Microsoft.PortalServices/settings/default'.")));
    }

    /**
     * Management groups (each one's assignments as the list at its scope returns them; null: 403) and subscriptions
     * (each one's list, inherited ones included as {@code $filter=atScope()} returns them; null: 403), in ARM pages.
     */
    void servePolicyAssignments(Map<String, List<JsonNode>> byManagementGroup, Map<String, List<JsonNode>> bySubscription) {
        List<JsonNode> groups = new ArrayList<>();
        byManagementGroup.keySet().forEach(g -> groups.add(MAPPER.createObjectNode().put("id", "/providers/Microsoft.Management/managementGroups/" + g)
                .put("type", "Microsoft.Management/managementGroups").put("name", g)));
        stub(get(urlPathEqualTo("/providers/Microsoft.Management/managementGroups")).withQueryParam("api-version", equalTo("2021-04-01")),
                ok(armPage(groups)));
        byManagementGroup.forEach((g, list) -> answer("/providers/Microsoft.Management/managementGroups/" + g
                + "/providers/Microsoft.Authorization/policyAssignments", list));
        bySubscription.forEach((s, list) -> answer("/subscriptions/" + s + "/providers/Microsoft.Authorization/policyAssignments", list));
    }

    private void answer(String path, List<JsonNode> list) {
        MappingBuilder m = get(urlPathEqualTo(path)).withQueryParam("api-version", equalTo("2023-04-01"))
                .withQueryParam("$filter", equalTo("atScope()"));
        if (list == null) {
            server.stubFor(m.atPriority(1).willReturn(armError(403, "AuthorizationFailed",
                    "The client 'x' does not have authorization to perform action 'Microsoft.Authorization/policyAssignments/read' over scope '" + path + "'.")));
        } else {
            stub(m, ok(armPage(list)));
        }
    }

    /** A policy assignment as ARM returns it (Policy Assignments - Get example shape, with systemData). */
    static ObjectNode policyAssignment(String scope, String name, String definitionId, String enforcementMode, String effect,
                                       List<String> notScopes, String createdAt) {
        ObjectNode a = MAPPER.createObjectNode();
        a.put("id", scope + "/providers/Microsoft.Authorization/policyAssignments/" + name);
        a.put("type", "Microsoft.Authorization/policyAssignments");
        a.put("name", name);
        a.put("location", "eastus");
        ObjectNode p = a.putObject("properties");
        p.put("displayName", "MFA: " + name);
        p.put("policyDefinitionId", "/providers/Microsoft.Authorization/policyDefinitions/" + definitionId);
        p.put("definitionVersion", "1.*.*-preview");
        p.put("scope", scope);
        ArrayNode ns = p.putArray("notScopes");
        notScopes.forEach(ns::add);
        if (effect != null) p.putObject("parameters").putObject("effect").put("value", effect);
        p.put("enforcementMode", enforcementMode);
        p.putObject("metadata").put("assignedBy", "Admin");
        if (createdAt != null) a.putObject("systemData").put("createdBy", "admin@example.com").put("createdByType", "User").put("createdAt", createdAt);
        return a;
    }

    /** The built-in definition with its default effect (read when an assignment sets none). */
    void serveDefinition(String definitionId, String defaultEffect) {
        ObjectNode d = MAPPER.createObjectNode();
        d.put("id", "/providers/Microsoft.Authorization/policyDefinitions/" + definitionId);
        d.put("name", definitionId);
        d.putObject("properties").putObject("parameters").putObject("effect").put("type", "String").put("defaultValue", defaultEffect);
        stub(get(urlPathEqualTo("/providers/Microsoft.Authorization/policyDefinitions/" + definitionId)), ok(d));
    }

    /** An Activity Log event as ARM returns it (Microsoft's Activity Logs - List example, with a user's claims). */
    static ObjectNode activityEvent(String subscription, String tenantId, int n, String category, String caller, String amr) {
        ObjectNode e = MAPPER.createObjectNode();
        String rg = "rg-app" + (n % 3);
        String resource = "/subscriptions/" + subscription + "/resourceGroups/" + rg + "/providers/Microsoft.Compute/virtualMachines/vm" + n;
        e.putObject("authorization").put("action", "Microsoft.Compute/virtualMachines/write").put("scope", resource);
        e.put("caller", caller);
        e.put("channels", "Operation");
        ObjectNode claims = e.putObject("claims");
        claims.put("aud", "https://management.core.windows.net/").put("iss", "https://sts.windows.net/" + tenantId + "/")
                .put("http://schemas.microsoft.com/claims/authnmethodsreferences", amr)
                .put("appid", "04b07795-8ddb-461a-bbee-02f9e1bf7b46").put("idtyp", "user").put("name", caller)
                .put("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn", caller);
        e.put("correlationId", String.format("6f2f4d3c-0000-4000-8000-%012d", n));
        e.put("description", "");
        e.put("eventDataId", String.format("2b6a6c1e-0000-4000-8000-%012d", n));
        e.putObject("eventName").put("value", "EndRequest").put("localizedValue", "End request");
        e.putObject("category").put("value", category).put("localizedValue", category);
        e.putObject("httpRequest").put("clientRequestId", "c-" + n).put("clientIpAddress", "203.0.113." + (n % 200)).put("method", "PUT");
        e.put("id", resource + "/events/" + n + "/ticks/63879" + n);
        e.put("level", "Informational");
        e.put("resourceGroupName", rg);
        e.putObject("resourceProviderName").put("value", "Microsoft.Compute").put("localizedValue", "Microsoft.Compute");
        e.put("resourceId", resource);
        e.putObject("resourceType").put("value", "Microsoft.Compute/virtualMachines").put("localizedValue", "Microsoft.Compute/virtualMachines");
        e.putObject("operationName").put("value", "Microsoft.Compute/virtualMachines/write").put("localizedValue", "Create or Update Virtual Machine");
        e.putObject("properties").put("statusCode", "Created");
        e.putObject("status").put("value", "Succeeded").put("localizedValue", "Succeeded");
        e.putObject("subStatus").put("value", "Created").put("localizedValue", "Created (HTTP Status Code: 201)");
        e.put("eventTimestamp", String.format("2026-11-%02dT09:14:02.1234567Z", 1 + n % 28));
        e.put("submissionTimestamp", String.format("2026-11-%02dT09:15:10.2174987Z", 1 + n % 28));
        e.put("subscriptionId", subscription);
        e.put("tenantId", tenantId);
        return e;
    }
}
