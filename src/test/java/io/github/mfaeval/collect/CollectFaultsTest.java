package io.github.mfaeval.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mfaeval.TestRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What collect does when Graph misbehaves, when it is interrupted, and with many tenants. No rules are run here. */
class CollectFaultsTest {
    private static final Path NORTHWIND = TestRules.EXAMPLES.resolve("northwind-guests");

    private static CollectRun.Settings settings(FakeGraph fake, boolean resume, Map<String, String> env) {
        return new CollectRun.Settings(fake.url(), fake.url(), fake.url(), true, resume,
                new RetryPolicy(2, Duration.ofMillis(1), Duration.ofSeconds(2)), "mfa-eval test", Clock.systemUTC(), env::get, null);
    }

    private static CollectRun.TenantResult collect(FakeGraph fake, Path out, boolean resume, List<String> log) {
        TenantList.Entry t = new TenantList.Entry("northwind.example", "n", new AuthSpec(AuthKind.token, null, null, null, null, null, null), null);
        return new CollectRun(settings(fake, resume, Map.of(EnvTokens.GRAPH_VARIABLE, "g-token")), CollectRun.httpClient(),
                line -> {
                    synchronized (log) {
                        log.add(line);
                    }
                }, line -> { }).one(t, out);
    }

    private static JsonNode entry(Path out, String name) throws Exception {
        return CollectAgainstFakeGraphTest.entry(FakeGraph.MAPPER.readTree(out.resolve("collection.json").toFile()), name);
    }

    @Test
    void aLoopingNextLinkIsAnErrorNamingTheEndpointAndTheRestIsCollected(@TempDir Path tmp) throws Exception {
        try (FakeGraph fake = new FakeGraph(NORTHWIND, 2)) {
            // the second page of users links back to the first
            ObjectNode page2 = FakeGraph.MAPPER.createObjectNode();
            page2.put("@odata.nextLink", fake.url() + "/v1.0/users?$top=999&$select=id");
            page2.putArray("value").addObject().put("id", "x");
            fake.server.stubFor(get(urlPathEqualTo("/v1.0/users")).withQueryParam("$skiptoken", equalTo(FakeGraph.token("/v1.0/users", 2)))
                    .atPriority(1).willReturn(FakeGraph.ok(page2)));
            // the role assignments' link points to another host: never followed, the token stays here
            ObjectNode elsewhere = FakeGraph.MAPPER.createObjectNode();
            elsewhere.put("@odata.nextLink", "https://graph.example.net/v1.0/roleManagement/directory/roleAssignments?$skiptoken=2");
            elsewhere.putArray("value");
            fake.server.stubFor(get(urlPathEqualTo("/v1.0/roleManagement/directory/roleAssignments")).atPriority(1).willReturn(FakeGraph.ok(elsewhere)));

            Path out = tmp.resolve("n");
            List<String> log = new ArrayList<>();
            CollectRun.TenantResult r = collect(fake, out, false, log);
            assertEquals(CollectRun.Outcome.GAPS, r.outcome());
            JsonNode users = entry(out, "users.json");
            assertEquals("failed", users.path("status").asText());
            assertTrue(users.path("reason").asText().startsWith("GET /v1.0/users: the paging link (@odata.nextLink) leads back to a page already read"), users.toString());
            assertFalse(Files.exists(out.resolve("users.json")), "no partial users.json");
            JsonNode roles = entry(out, "roleAssignments.json");
            assertEquals("failed", roles.path("status").asText());
            assertTrue(roles.path("reason").asText().contains("does not point to " + fake.url()), roles.toString());
            // the rest is collected; perUserMfa needs users.json and says so
            assertEquals("collected", entry(out, "conditionalAccessPolicies.json").path("status").asText());
            assertEquals("skipped", entry(out, "perUserMfa.json").path("status").asText());
            assertEquals("skipped", entry(out, "activityLog.json").path("status").asText(), "no ARM token in the environment");
            assertTrue(entry(out, "activityLog.json").path("reason").asText().contains(EnvTokens.ARM_VARIABLE + " is not set"));
        }
    }

    @Test
    void throttlingBeyondTheRetriesAndAFailingInnerRequestAreReportedNotHidden(@TempDir Path tmp) throws Exception {
        try (FakeGraph fake = new FakeGraph(NORTHWIND, 3)) {
            fake.server.stubFor(get(urlPathEqualTo("/v1.0/domains")).atPriority(1)
                    .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0").withBody("{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"Too many requests\"}}")));
            String failing = fake.batch.states.keySet().iterator().next();
            fake.batch.alwaysFail.add(failing);
            Path out = tmp.resolve("n");
            CollectRun.TenantResult r = collect(fake, out, false, new ArrayList<>());
            assertEquals(CollectRun.Outcome.GAPS, r.outcome());
            JsonNode domains = entry(out, "domains.json");
            assertEquals("failed", domains.path("status").asText());
            assertTrue(domains.path("reason").asText().contains("HTTP 429") && domains.path("reason").asText().contains("gave up after 3 attempts"), domains.toString());
            assertEquals(3, fake.server.findAll(getRequestedFor(urlPathEqualTo("/v1.0/domains"))).size(), "1 try + 2 retries, bounded");
            // per-user MFA: the user whose request keeps failing is left out and named; the others are there
            JsonNode mfa = entry(out, "perUserMfa.json");
            assertEquals("collected", mfa.path("status").asText());
            assertEquals(fake.batch.states.size() - 1, mfa.path("records").asInt());
            JsonNode warnings = FakeGraph.MAPPER.readTree(out.resolve("collection.json").toFile()).path("warnings");
            assertTrue(warnings.toString().contains("user " + failing + ": HTTP 500 generalException"), warnings.toString());
        }
    }

    @Test
    void aRefusedFreshTokenStopsTheTenantAndSaysWhy(@TempDir Path tmp) throws Exception {
        try (FakeGraph fake = new FakeGraph(NORTHWIND, 50)) {
            fake.server.stubFor(get(urlPathEqualTo("/v1.0/organization")).atPriority(1)
                    .willReturn(aResponse().withStatus(401).withBody("{\"error\":{\"code\":\"InvalidAuthenticationToken\",\"message\":\"Access token has expired or is not yet valid.\"}}")));
            Path out = tmp.resolve("n");
            CollectRun.TenantResult r = collect(fake, out, false, new ArrayList<>());
            assertEquals(CollectRun.Outcome.FAILED, r.outcome());
            assertTrue(r.error().contains("refused the token, a fresh one too"), r.error());
            assertEquals(2, fake.server.findAll(getRequestedFor(urlPathEqualTo("/v1.0/organization"))).size(), "one new token, once");
            JsonNode c = FakeGraph.MAPPER.readTree(out.resolve("collection.json").toFile());
            assertEquals(r.error(), c.path("error").asText());
        }
    }

    @Test
    void resumeKeepsFinishedFilesAndTheWindowAndRedoesTheRest(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("n");
        JsonNode firstWindow;
        try (FakeGraph fake = new FakeGraph(NORTHWIND, 2)) {
            // the first run is cut short: the managed-identity sign-ins keep failing
            fake.server.stubFor(get(urlPathEqualTo("/beta/auditLogs/signIns")).atPriority(1)
                    .withQueryParam("$filter", com.github.tomakehurst.wiremock.client.WireMock.containing("'managedIdentity'"))
                    .willReturn(aResponse().withStatus(503)));
            assertEquals(CollectRun.Outcome.GAPS, collect(fake, out, false, new ArrayList<>()).outcome());
            firstWindow = FakeGraph.MAPPER.readTree(out.resolve("collection.json").toFile()).path("signInWindow");
        }
        // and a temporary file of a killed run is lying there
        Files.writeString(out.resolve(".signIns-managedIdentity.jsonl.gz12345.tmp"), "half a file");
        try (FakeGraph fake = new FakeGraph(NORTHWIND, 2)) {
            List<String> log = new ArrayList<>();
            CollectRun.TenantResult r = collect(fake, out, true, log);
            assertEquals(CollectRun.Outcome.COMPLETE, r.outcome(), "complete (a skipped Activity Log, no ARM token, is no gap): " + log);
            assertEquals(0, fake.server.findAll(getRequestedFor(urlPathEqualTo("/v1.0/users"))).size(), "users.json is not downloaded again");
            assertEquals(0, fake.server.findAll(getRequestedFor(urlPathEqualTo("/beta/auditLogs/signIns"))
                    .withQueryParam("$filter", com.github.tomakehurst.wiremock.client.WireMock.containing("'interactiveUser'"))).size());
            assertTrue(fake.server.findAll(getRequestedFor(urlPathEqualTo("/beta/auditLogs/signIns"))
                    .withQueryParam("$filter", com.github.tomakehurst.wiremock.client.WireMock.containing("'managedIdentity'"))
                    .withQueryParam("$skiptoken", absent())).size() >= 1);
            JsonNode c = FakeGraph.MAPPER.readTree(out.resolve("collection.json").toFile());
            assertEquals(firstWindow.path("from"), c.path("signInWindow").path("from"), "the same window as the interrupted run");
            assertEquals("collected", CollectAgainstFakeGraphTest.entry(c, TenantCollector.signInFile("managedIdentity")).path("status").asText());
            assertFalse(Files.exists(out.resolve(".signIns-managedIdentity.jsonl.gz12345.tmp")), "stray temporary file removed");
            assertTrue(log.stream().anyMatch(l -> l.endsWith("users.json: kept from the interrupted run (--resume)")), log.toString());
        }
    }

    @Test
    void aManifestOfAnotherTenantIsNeverOverwritten(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("n");
        Files.createDirectories(out);
        String other = "{\"tenantId\": \"00000000-0000-0000-0000-000000000001\", \"displayName\": \"Someone else\"}";
        Files.writeString(out.resolve("tenant.json"), other);
        try (FakeGraph fake = new FakeGraph(NORTHWIND, 50)) {
            CollectRun.TenantResult r = collect(fake, out, false, new ArrayList<>());
            assertEquals(CollectRun.Outcome.FAILED, r.outcome());
            assertTrue(r.error().contains("names tenant 00000000-0000-0000-0000-000000000001"), r.error());
        }
        assertEquals(other, Files.readString(out.resolve("tenant.json")));
    }

    @Test
    void manyTenantsAFailureNeverStopsTheOthers(@TempDir Path tmp) throws Exception {
        Path list = tmp.resolve("tenants.yaml");
        Files.writeString(list, """
                defaults: {auth: token}
                tenants:
                  - tenant: northwind.example
                    folder: northwind
                  - tenant: contoso.example
                    folder: contoso
                    graphTokenVariable: NO_SUCH_VARIABLE_SET
                """);
        List<TenantList.Entry> tenants = TenantList.read(list);
        try (FakeGraph fake = new FakeGraph(NORTHWIND, 50)) {
            Path root = tmp.resolve("root");
            List<CollectRun.TenantResult> results = new CollectRun(settings(fake, false, Map.of(EnvTokens.GRAPH_VARIABLE, "g")),
                    CollectRun.httpClient(), l -> { }, l -> { }).run(tenants, root, 2);
            assertEquals(CollectRun.Outcome.COMPLETE, results.get(0).outcome(), "collected; the Activity Log skipped (no ARM token)");
            assertEquals(CollectRun.Outcome.FAILED, results.get(1).outcome());
            assertTrue(results.get(1).error().contains("NO_SUCH_VARIABLE_SET is not set"), results.get(1).error());
            assertTrue(Files.isRegularFile(root.resolve("northwind/tenant.json")));
            assertTrue(Files.isRegularFile(root.resolve("contoso/collection.json")));
        }
    }

    @Test
    void secretsAreNeverWrittenInATenantList(@TempDir Path tmp) throws Exception {
        Path list = tmp.resolve("tenants.json");
        Files.writeString(list, "{\"tenants\": [{\"tenant\": \"t1\", \"auth\": \"secret\", \"clientId\": \"c\", \"secret\": \"hunter2\"}]}");
        CollectException e = org.junit.jupiter.api.Assertions.assertThrows(CollectException.class, () -> TenantList.read(list));
        assertTrue(e.getMessage().contains("secrets are never written in the tenant list"), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"));
    }
}
