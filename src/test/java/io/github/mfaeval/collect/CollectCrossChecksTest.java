package io.github.mfaeval.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mfaeval.TestRules;
import io.github.mfaeval.result.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What collect checks before it trusts what Graph answers (issue 24): the tenant is the one asked for, an empty
 * sign-in kind is a file that reads as no sign-ins, and a listing broken midway is never taken for the whole.
 * Through the CLI, against the loopback fake Graph, then evaluated.
 */
class CollectCrossChecksTest {
    private static final Path NORTHWIND = TestRules.EXAMPLES.resolve("northwind-guests");

    @Test
    void aTokenOfAnotherTenantStopsThatTenantAndWritesOnlyCollectionJson(@TempDir Path tmp) throws Exception {
        try (FakeGraph fake = new FakeGraph(NORTHWIND, 50)) {
            for (String asked : List.of("00000000-0000-4000-8000-000000000001", "contoso.com")) {
                Path out = tmp.resolve("wrong-" + asked);
                CollectCliSupport.Run run = CollectCliSupport.run(CollectCliSupport.collectArgs(fake, "--tenant", asked, "--out", out.toString()));
                assertEquals(3, run.code(), "the tenant is stopped (exit 3)\n" + run.out() + run.err());
                assertTrue(run.out().contains("NOT COLLECTED"), run.out());
                try (Stream<Path> files = Files.list(out)) {
                    assertEquals(List.of("collection.json"), files.map(p -> p.getFileName().toString()).toList(), "nothing but collection.json");
                }
                JsonNode c = FakeGraph.MAPPER.readTree(out.resolve("collection.json").toFile());
                assertTrue(c.path("error").asText().contains("answers for tenant " + FakeGraph.MAPPER.readTree(NORTHWIND.resolve("tenant.json").toFile()).path("tenantId").asText()),
                        c.toString());
                assertTrue(c.path("error").asText().contains("not for " + asked), c.toString());
                assertFalse(c.path("complete").asBoolean());
            }
            // the tenant asked for by one of its verified domains is collected
            Path right = tmp.resolve("right");
            CollectCliSupport.Run run = CollectCliSupport.run(CollectCliSupport.collectArgs(fake, "--tenant", "northwind.example", "--out", right.toString()));
            assertNotEquals(3, run.code(), run.out() + run.err());
            assertTrue(Files.exists(right.resolve("users.json")));
        }
    }

    @Test
    void aSignInKindWithoutSignInsIsAFileThatReadsAsNoSignIns(@TempDir Path tmp) throws Exception {
        try (FakeGraph fake = new FakeGraph(TestRules.EXAMPLES.resolve("contoso-ready"), 50)) {
            String empty = fake.signInsByType.entrySet().stream().filter(e -> e.getValue().isEmpty()).map(java.util.Map.Entry::getKey)
                    .findFirst().orElseThrow(() -> new AssertionError("the example has a sign-in kind without sign-ins: " + fake.signInsByType.keySet()));
            Path out = tmp.resolve("n");
            // the example's sign-ins are of long ago: served whatever the window, every one
            fake.signInLog.ignoreWindow = true;
            CollectCliSupport.Run run = CollectCliSupport.run(CollectCliSupport.collectArgs(fake, "--tenant", "contoso.com", "--out", out.toString(), "--no-arm",
                    "--all-sign-ins"));
            assertEquals(0, run.code(), "a complete collection\n" + run.out() + run.err());
            java.util.Collection<Path> days = SignInDays.list(out, empty).values();
            assertEquals(1, days.size(), "one day file for the kind: " + days);
            String file = days.iterator().next().getFileName().toString();
            assertTrue(Files.size(out.resolve(file)) > 0, "a valid gzip file, not zero bytes");
            JsonNode entry = CollectAgainstFakeGraphTest.entry(FakeGraph.MAPPER.readTree(out.resolve("collection.json").toFile()), TenantCollector.signInFile(empty));
            assertEquals(0, entry.path("records").asLong());

            Report r = TestRules.evaluate(out);
            assertEquals(List.of(), r.inputs().rejected(), "no record is rejected: the empty kind holds none");
            assertTrue(r.inputs().files().stream().anyMatch(f -> f.name().equals(file) && f.records() == 0), r.inputs().files().toString());
            assertEquals(fake.signInsServed(), r.summary().signInsRead(), "only the served sign-ins are counted");
            assertFalse(r.inputs().incompleteEvidence() != null && !r.inputs().incompleteEvidence().isEmpty(), String.valueOf(r.inputs().incompleteEvidence()));
        }
    }

    @Test
    void a404OnALaterPageOfAGroupFailsTheFileAndItsGroupsCountAsUnknown(@TempDir Path tmp) throws Exception {
        // northwind with a policy that excludes a group of three: two pages of two members
        Path source = tmp.resolve("source");
        copy(NORTHWIND, source);
        ArrayNode policies = (ArrayNode) FakeGraph.MAPPER.readTree(source.resolve("conditionalAccessPolicies.json").toFile()).path("value");
        ((ArrayNode) ((ObjectNode) policies.get(0).path("conditions").path("users")).putArray("excludeGroups")).add("g-contractors");
        ObjectNode page = FakeGraph.MAPPER.createObjectNode();
        page.set("value", policies);
        Files.writeString(source.resolve("conditionalAccessPolicies.json"), page.toString());
        ArrayNode users = (ArrayNode) FakeGraph.MAPPER.readTree(source.resolve("users.json").toFile()).path("value");
        ObjectNode members = FakeGraph.MAPPER.createObjectNode();
        ArrayNode ids = members.putArray("g-contractors");
        for (int i = 0; i < 3; i++) ids.add(users.get(i).path("id").asText());
        Files.writeString(source.resolve("groupMembers.json"), members.toString());

        try (FakeGraph fake = new FakeGraph(source, 2)) {
            fake.server.stubFor(get(urlPathEqualTo("/v1.0/groups/g-contractors/transitiveMembers/microsoft.graph.user"))
                    .withQueryParam("$skiptoken", equalTo(FakeGraph.token("/v1.0/groups/g-contractors/transitiveMembers/microsoft.graph.user", 2)))
                    .atPriority(1).willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                            .withBody("{\"error\":{\"code\":\"Request_ResourceNotFound\",\"message\":\"Resource not found.\"}}")));
            Path out = tmp.resolve("n");
            CollectCliSupport.Run run = CollectCliSupport.run(CollectCliSupport.collectArgs(fake, "--tenant", "northwind.example", "--out", out.toString(), "--no-arm"));
            assertEquals(1, run.code(), "collected with gaps\n" + run.out() + run.err());
            JsonNode entry = CollectAgainstFakeGraphTest.entry(FakeGraph.MAPPER.readTree(out.resolve("collection.json").toFile()), "groupMembers.json");
            assertEquals("failed", entry.path("status").asText(), entry.toString());
            assertTrue(entry.path("reason").asText().contains("404"), entry.toString());
            assertFalse(Files.exists(out.resolve("groupMembers.json")), "page 1 is not written as the whole group");

            Report r = TestRules.evaluate(out);
            assertNotEquals(Report.Status.READY, r.status());
            assertTrue(r.findings().stream().anyMatch(f -> f.code().equals("GROUP_MEMBERSHIP_UNKNOWN") || f.code().equals("INPUT_MISSING")),
                    r.findings().toString());
        }
    }

    private static void copy(Path from, Path to) throws java.io.IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : (Iterable<Path>) files::iterator) Files.copy(f, to.resolve(f.getFileName().toString()));
        }
    }
}
