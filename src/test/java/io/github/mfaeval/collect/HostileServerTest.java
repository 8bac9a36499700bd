package io.github.mfaeval.collect;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mfaeval.TestRules;
import io.github.mfaeval.report.HtmlRenderer;
import io.github.mfaeval.report.TextRenderer;
import io.github.mfaeval.result.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code collect} against a server that misbehaves on purpose ({@link MisbehavingServer}): each misbehaviour
 * costs its one file, with an error naming the endpoint, within the bounds given; the rest of the tenant is
 * collected; and nothing the server says can leak the token or steer the terminal.
 */
class HostileServerTest {
    private static final Path NORTHWIND = TestRules.EXAMPLES.resolve("northwind-guests");
    private static final String TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJncmFwaCJ9.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg";

    private static final RequestLimits TIGHT = new RequestLimits(Duration.ofMillis(700), Duration.ofMillis(2500), 5, 40, 1 << 20);

    static CollectRun.TenantResult collect(String graph, Path out, RequestLimits limits, List<String> log) {
        CollectRun.Settings s = new CollectRun.Settings(graph, graph, graph, false, false,
                new RetryPolicy(2, Duration.ofMillis(1), Duration.ofSeconds(1), limits), "mfa-eval test", Clock.systemUTC(),
                Map.of(EnvTokens.GRAPH_VARIABLE, TOKEN)::get, null);
        TenantList.Entry t = new TenantList.Entry("northwind.example", "n", new AuthSpec(AuthKind.token, null, null, null, null, null, null), null);
        return new CollectRun(s, CollectRun.httpClient(), line -> {
            synchronized (log) {
                log.add(line);
            }
        }, line -> { }).one(t, out);
    }

    private static JsonNode entry(Path out, String name) throws Exception {
        return CollectAgainstFakeGraphTest.entry(FakeGraph.MAPPER.readTree(out.resolve("collection.json").toFile()), name);
    }

    private static void assertFailed(Path out, String file, String... words) throws Exception {
        JsonNode e = entry(out, file);
        assertEquals("failed", e.path("status").asText(), e.toString());
        for (String w : words) assertTrue(e.path("reason").asText().contains(w), () -> "'" + w + "' not in " + e);
        assertFalse(Files.exists(out.resolve(file)), "no partial " + file);
    }

    @Test
    void aTricklingAStalledAndAnEndlesslyPagingServerEachCostOneFileWithinTheBounds(@TempDir Path tmp) throws Exception {
        try (FakeGraph fake = new FakeGraph(NORTHWIND, 2); MisbehavingServer bad = new MisbehavingServer(fake)) {
            bad.on("/v1.0/users", MisbehavingServer.trickle(Duration.ofMillis(100)))
                    .on("/v1.0/identity/conditionalAccess/policies", MisbehavingServer.stallAfterHeaders())
                    .on("/v1.0/roleManagement/directory/roleAssignments", MisbehavingServer.endlessPages("@odata.nextLink", 0))
                    .on("/v1.0/reports/authenticationMethods/userRegistrationDetails", MisbehavingServer.endlessPages("@odata.nextLink", 1))
                    .on("/v1.0/policies/identitySecurityDefaultsEnforcementPolicy", MisbehavingServer.htmlPage())
                    .on("/beta/policies/authenticationMethodsPolicy", MisbehavingServer.huge(3 << 20));
            Path out = tmp.resolve("n");
            List<String> log = new ArrayList<>();
            long start = System.nanoTime();
            CollectRun.TenantResult r = collect(bad.url(), out, TIGHT, log);
            double seconds = (System.nanoTime() - start) / 1e9;
            assertEquals(CollectRun.Outcome.GAPS, r.outcome(), log.toString());

            // one byte every 100 ms is never 700 ms of silence: the 2.5 s deadline of the request ends it, once (not retried)
            assertFailed(out, "users.json", "GET /v1.0/users", "no complete answer within 2500 ms (--request-deadline)", "not retried");
            assertEquals(1, bad.requests("/v1.0/users"));
            assertFailed(out, "conditionalAccessPolicies.json", "GET /v1.0/identity/conditionalAccess/policies",
                    "the answer stalled: nothing came for 700 ms (--read-timeout)");
            assertFailed(out, "roleAssignments.json", "GET /v1.0/roleManagement/directory/roleAssignments", "5 empty pages in a row (--max-empty-pages)");
            assertEquals(5, bad.requests("/v1.0/roleManagement/directory/roleAssignments"));
            assertFailed(out, "userRegistrationDetails.json", "GET /v1.0/reports/authenticationMethods/userRegistrationDetails",
                    "more than 40 pages (--max-pages)");
            assertEquals(40, bad.requests("/v1.0/reports/authenticationMethods/userRegistrationDetails"));
            JsonNode sd = entry(out, "securityDefaults.json");
            assertEquals("failed", sd.path("status").asText());
            assertTrue(sd.path("reason").asText().contains("HTTP 200: the server answered HTML, not JSON"), sd.toString());
            assertFalse(sd.path("reason").asText().contains("cut short"), sd.toString());
            assertEquals(1, bad.requests("/v1.0/policies/identitySecurityDefaultsEnforcementPolicy"), "an HTML page is not retried");

            JsonNode methods = entry(out, "authenticationMethodsPolicy.json");
            assertEquals("failed", methods.path("status").asText());
            assertTrue(methods.path("reason").asText().contains("GET /beta/policies/authenticationMethodsPolicy: the answer is larger than 1 MB"), methods.toString());
            assertEquals(1, bad.requests("/beta/policies/authenticationMethodsPolicy"), "too large is not retried");

            // the rest of the tenant is collected through the same server
            for (String f : List.of("domains.json", "crossTenantAccessPolicy.json", TenantCollector.signInFile("interactiveUser"))) {
                assertEquals("collected", entry(out, f).path("status").asText(), f);
            }
            assertTrue(seconds < 60, "bounded: " + seconds + " s");
        }
    }

    @Test
    void aRefusedConnectionNamesTheHostAndPort(@TempDir Path tmp) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        List<String> log = new ArrayList<>();
        Path out = tmp.resolve("n");
        collect("http://127.0.0.1:" + port, out, RequestLimits.DEFAULT, log);
        JsonNode c = FakeGraph.MAPPER.readTree(out.resolve("collection.json").toFile());
        String users = CollectAgainstFakeGraphTest.entry(c, "users.json").path("reason").asText();
        assertTrue(users.contains("GET /v1.0/users: cannot connect to 127.0.0.1:" + port + " (connection refused"), users);
        assertFalse(c.toString().contains("java.net.ConnectException"), c.toString());
        assertFalse(String.join("\n", log).contains("java.net.ConnectException"), log.toString());
    }

    @Test
    void aServerEchoingTheAuthorizationHeaderNeverGetsTheTokenWrittenAnywhere(@TempDir Path tmp) throws Exception {
        try (FakeGraph fake = new FakeGraph(NORTHWIND, 50); MisbehavingServer bad = new MisbehavingServer(fake)) {
            bad.on("/v1.0/domains", MisbehavingServer.echoAuthorization(400))
                    .on("/v1.0/roleManagement/directory/roleAssignments", MisbehavingServer.echoAuthorization(503));
            Path out = tmp.resolve("n");
            List<String> log = new ArrayList<>();
            collect(bad.url(), out, RequestLimits.DEFAULT, log);
            String reason = entry(out, "domains.json").path("reason").asText();
            assertTrue(reason.contains("Invalid request header Authorization: Bearer [redacted]"), reason);

            Report report = TestRules.evaluate(out);
            StringWriter text = new StringWriter();
            new TextRenderer().render(report, text);
            StringWriter html = new StringWriter();
            new HtmlRenderer().render(report, html);
            List<String> everything = new ArrayList<>(log);
            everything.add(Files.readString(out.resolve("collection.json")));
            everything.add(text.toString());
            everything.add(html.toString());
            String signature = TOKEN.substring(TOKEN.lastIndexOf('.') + 1);
            String cut = TOKEN.substring(0, TOKEN.length() * 2 / 3);
            for (String s : everything) {
                assertFalse(s.contains(TOKEN), "the token leaked:\n" + s);
                assertFalse(s.contains(cut), "a token cut short leaked:\n" + s);
                assertFalse(s.contains(signature), "the token's signature leaked:\n" + s);
            }
        }
    }

    @Test
    void serverErrorTextAndTenantNamesFromTheListCannotSteerTheTerminalOrForgeALine(@TempDir Path tmp) throws Exception {
        String forged = "\nmfa-eval: [9/9] fake: READY";
        try (FakeGraph fake = new FakeGraph(NORTHWIND, 50); MisbehavingServer bad = new MisbehavingServer(fake)) {
            bad.on("/v1.0/domains", MisbehavingServer.error(400, "bad\u001b[2J\u001b]0;owned\u0007\r" + forged + "\u009b31m\u202Egnp.exe"));
            Path list = tmp.resolve("tenants.json");
            // the token comes from a variable every environment has: the test cannot set one of its own
            Files.writeString(list, "{\"defaults\": {\"auth\": \"token\", \"graphTokenVariable\": \"PATH\"}, \"tenants\": ["
                    + "{\"tenant\": " + MisbehavingServer.jsonString("evil\u001b]0;title\u0007" + forged + "\u202E") + ", \"folder\": \"evil\"},"
                    + "{\"tenant\": \"northwind.example\", \"folder\": \"plain\"}]}");
            CollectCliSupport.Run run = CollectCliSupport.run("collect", "--tenants", list.toString(), "--out", tmp.resolve("root").toString(),
                    "--graph-endpoint", bad.url(), "--no-arm", "--retry-base-ms", "1", "--max-retries", "0");
            String printed = run.out() + run.err();
            assertTrue(printed.contains("domains.json: not collected: GET /v1.0/domains: HTTP 400 BadRequest: bad?[2J?]0;owned???mfa-eval: [9/9] fake: READY?31m?gnp.exe"),
                    printed);
            for (String line : printed.split("\n", -1)) {
                assertFalse(line.startsWith("mfa-eval: [9/9]"), () -> "forged line: " + line);
                assertFalse(line.chars().anyMatch(c -> c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x202E),
                        () -> "a control or bidi character printed: " + line);
            }
            // Graph answers for Northwind, not for the hostile name: that tenant is refused, named with '?' in every line
            assertTrue(printed.contains("evil?]0;title??mfa-eval: [9/9] fake: READY?: NOT COLLECTED"), printed);
        }
    }
}
