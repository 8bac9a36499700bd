package io.github.mfaeval.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.mfaeval.generate.TenantGenerator;
import io.github.mfaeval.result.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The acceptance test: a Graph- and ARM-shaped server on 127.0.0.1 serves a hand-made tenant's data with
 * throttling, a transient fault, an expiring token and a forbidden endpoint in the way; {@code collect --auth token}
 * makes a folder on which evaluate decides exactly what it decides on the hand-made folder, every served sign-in read.
 */
class CollectAgainstFakeGraphTest {
    private static final String SUB_A = "7d1f3a40-1111-4c2b-9a55-0c1d2e3f4a5b";
    private static final String SUB_B = "9e2a4b51-2222-4d3c-8b66-1d2e3f4a5b6c";

    @Test
    void collectedFolderGivesTheSameVerdictsAsTheHandMadeOne(@TempDir Path tmp) throws Exception {
        Path handMade = tmp.resolve("hand-made");
        new TenantGenerator(20261202L, 40, 700, true).write(0, handMade);
        // the forbidden endpoint: this tenant's identity may not read the authentication methods policy, so the
        // hand-made folder holding "the same data" has no such file either
        Files.delete(handMade.resolve("authenticationMethodsPolicy.json"));
        ObjectNode manifest = (ObjectNode) FakeGraph.MAPPER.readTree(handMade.resolve("tenant.json").toFile());
        String tenantId = manifest.path("tenantId").asText();

        try (FakeGraph fake = new FakeGraph(handMade, 50)) {
            fake.failOnce("throttled", get(urlPathEqualTo("/beta/auditLogs/signIns"))
                    .withQueryParam("$skiptoken", equalTo(FakeGraph.token("interactiveUser", 2))), 429, "1");
            fake.failOnce("unavailable", get(urlPathEqualTo("/v1.0/users")).withQueryParam("$skiptoken", absent()), 503, null);
            fake.failOnce("expired", get(urlPathEqualTo("/v1.0/identity/conditionalAccess/policies")), 401, null);
            String someUser = fake.batch.states.keySet().iterator().next();
            fake.batch.throttleOnce.add(someUser);
            Map<String, List<JsonNode>> arm = new LinkedHashMap<>();
            List<JsonNode> events = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                events.add(FakeGraph.activityEvent(SUB_A, tenantId, i, i % 4 == 3 ? "Policy" : "Administrative",
                        "admin" + (i % 5) + "@fourthcoffee.example", i % 2 == 0 ? "pwd,mfa" : "pwd"));
            }
            arm.put(SUB_A, events);
            arm.put(SUB_B, null);
            fake.serveArm(tenantId, arm);

            // what a person wrote before the first collection: kept as written
            Path out = tmp.resolve("collected");
            Files.createDirectories(out);
            ObjectNode personal = manifest.deepCopy();
            personal.remove(List.of("tenantId", "displayName", "license"));
            Files.writeString(out.resolve("tenant.json"), personal.toPrettyString());

            // the hand-made tenant's sign-ins are of long ago: served whatever the window, and all of them (today's full pull)
            fake.signInLog.ignoreWindow = true;
            CollectCliSupport.Run run = CollectCliSupport.run(CollectCliSupport.collectArgs(fake, "--tenant", tenantId, "--out", out.toString(), "--all-sign-ins"));
            assertEquals(1, run.code(), "gaps (one file forbidden) exit 1\n" + run.out() + run.err());
            assertTrue(run.out().contains("collected with gaps"), run.out());
            assertTrue(run.err().contains("authenticationMethodsPolicy.json: not collected, forbidden: needs application permission Policy.Read.AuthenticationMethod"), run.err());

            // every fault was met and got past
            List<ServeEvent> served = fake.served();
            assertTrue(served.stream().anyMatch(e -> e.getResponse().getStatus() == 429), "a 429 was served");
            assertTrue(served.stream().anyMatch(e -> e.getResponse().getStatus() == 503), "a 503 was served");
            assertTrue(served.stream().anyMatch(e -> e.getResponse().getStatus() == 401), "a 401 was served");
            assertTrue(fake.batch.throttleOnce.isEmpty(), "the throttled inner request was answered");
            for (ServeEvent e : served) {
                String auth = e.getRequest().getHeader("Authorization");
                String url = e.getRequest().getUrl();
                String expected = url.startsWith("/subscriptions") || url.startsWith("/providers") ? "Bearer test-arm-token" : "Bearer test-graph-token";
                assertEquals(expected, auth, e.getRequest().getUrl());
            }
            assertTrue(fake.batch.batchSizes.stream().allMatch(n -> n <= 20) && fake.batch.batchSizes.get(0) == 20, fake.batch.batchSizes.toString());

            // every served sign-in is in the files
            JsonNode collection = FakeGraph.MAPPER.readTree(out.resolve("collection.json").toFile());
            long inFiles = 0;
            for (String type : TenantCollector.SIGN_IN_EVENT_TYPES) {
                long[] n = {0};
                for (Path f : SignInDays.list(out, type).values()) {
                    try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(
                            new java.util.zip.GZIPInputStream(Files.newInputStream(f)), java.nio.charset.StandardCharsets.UTF_8))) {
                        in.lines().forEach(line -> {
                            assertTrue(FakeGraph.MAPPER.valueToTree(line).isTextual());
                            n[0]++;
                        });
                    }
                }
                assertEquals(fake.distinctSignIns(type), n[0], type + ": every served sign-in, once");
                inFiles += n[0];
                assertEquals(n[0], entry(collection, TenantCollector.signInFile(type)).path("records").asLong());
            }
            long distinct = TenantCollector.SIGN_IN_EVENT_TYPES.stream().mapToLong(fake::distinctSignIns).sum();
            assertEquals(distinct, inFiles);
            assertTrue(fake.signInsServed() > 6 * 50, "several pages of sign-ins: " + fake.signInsServed());

            JsonNode forbidden = entry(collection, "authenticationMethodsPolicy.json");
            assertEquals("forbidden", forbidden.path("status").asText());
            assertEquals("application permission Policy.Read.AuthenticationMethod", forbidden.path("missingPermission").asText());
            for (JsonNode f : collection.path("files")) {
                String name = f.path("name").asText();
                if (!name.equals("authenticationMethodsPolicy.json") && !name.equals("activityLog.json")) {
                    assertEquals("collected", f.path("status").asText(), f.toString());
                }
            }
            // one of the two subscriptions answered 403: the Activity Log is partial, never "collected", and says which
            JsonNode log = entry(collection, "activityLog.json");
            assertEquals("partial", log.path("status").asText(), log.toString());
            assertEquals(90, log.path("records").asLong());
            assertTrue(log.path("reason").asText().contains("1 of 2 subscription(s) not read: " + SUB_B + " (forbidden)"), log.toString());
            assertEquals("Azure role Reader (or Monitoring Reader) on each subscription", log.path("missingPermission").asText());
            JsonNode subs = collection.path("activityLogSubscriptions");
            assertEquals(2, subs.size(), subs.toString());
            for (JsonNode sub : subs) {
                assertEquals(sub.path("id").asText().equals(SUB_B) ? "forbidden" : "collected", sub.path("status").asText(), sub.toString());
            }
            assertEquals(30, collection.path("signInWindow").path("days").asInt());
            assertTrue(collection.path("signInWindow").path("basis").asText().contains("licence " + manifest.path("license").asText()),
                    collection.path("signInWindow").toString());
            assertFalse(collection.path("complete").asBoolean());
            assertTrue(collection.path("warnings").toString().contains("subscription " + SUB_B + " not read"), collection.path("warnings").toString());

            // tenant.json: filled, and what the person wrote is intact
            JsonNode written = FakeGraph.MAPPER.readTree(out.resolve("tenant.json").toFile());
            assertEquals(manifest, written, "the same manifest as the hand-made one: filled fields plus the person's, untouched");

            // the Activity Log: ARM's list shape, administrative events only, every page of the readable subscription
            JsonNode activity = FakeGraph.MAPPER.readTree(out.resolve("activityLog.json").toFile());
            assertEquals(90, activity.path("value").size());
            activity.path("value").forEach(e -> assertEquals("Administrative", e.path("category").path("value").asText()));

            // the hand-made folder holds the same Activity Log, as an administrator exports it from ARM
            com.fasterxml.jackson.databind.node.ObjectNode handLog = FakeGraph.MAPPER.createObjectNode();
            com.fasterxml.jackson.databind.node.ArrayNode handEvents = handLog.putArray("value");
            events.stream().filter(e -> e.path("category").path("value").asText().equals("Administrative")).forEach(handEvents::add);
            Files.writeString(handMade.resolve("activityLog.json"), handLog.toString());

            // the acceptance: the same verdicts
            Report fromHandMade = CollectCliSupport.evaluate(handMade);
            Report fromCollected = CollectCliSupport.evaluate(out);
            assertEquals("", CollectCliSupport.firstDifference(CollectCliSupport.verdicts(fromHandMade), CollectCliSupport.verdicts(fromCollected), "report"));
            assertEquals(distinct, fromCollected.summary().signInsRead(), "every served sign-in is read, once");
            assertEquals(List.of(), fromCollected.inputs().rejected(), "every collected record is read, the Activity Log's too");
            assertTrue(fromCollected.inputs().files().stream().anyMatch(f -> f.name().equals("activityLog.json") && f.records() == 90),
                    fromCollected.inputs().files().toString());
            assertTrue(fromCollected.findings().stream().anyMatch(f -> f.code().equals("INPUT_MISSING")), "the forbidden file is reported missing");

            // judged by the current page, Phase 2 writes in the unread subscription are unknown: not READY, and the
            // finding names the subscription
            Report current = io.github.mfaeval.TestRules.evaluate(out, io.github.mfaeval.TestRules.AS_OF, "2026-04-03");
            assertEquals(Report.Status.INCOMPLETE, current.status());
            assertTrue(current.findings().stream().anyMatch(f -> f.code().equals("COLLECTION_GAP") && f.message().contains(SUB_B)),
                    current.findings().toString());

            // the report shows the collection, with the window covered
            assertNotNull(fromCollected.inputs().collection());
            assertEquals(collection.path("signInWindow").path("from").asText(), fromCollected.inputs().collection().signInWindow().from());
            assertTrue(fromCollected.inputs().collection().files().stream()
                    .anyMatch(f -> f.name().equals("authenticationMethodsPolicy.json") && f.status().equals("forbidden")));

            // no temporary file left behind
            try (Stream<Path> files = Files.list(out)) {
                assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith(".")), "no hidden temporary file");
            }
        }
    }

    static JsonNode entry(JsonNode collection, String name) {
        for (JsonNode f : collection.path("files")) if (f.path("name").asText().equals(name)) return f;
        throw new AssertionError("no entry for " + name + " in " + collection.path("files"));
    }
}
