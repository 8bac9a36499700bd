package io.github.mfaeval.collect;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.mfaeval.TestRules;
import io.github.mfaeval.report.HtmlRenderer;
import io.github.mfaeval.result.Report;
import io.github.mfaeval.report.TextRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A whole collection signed in with a client secret through msal4j (token endpoint on https://127.0.0.1), the
 * Graph token expiring mid-run: a fresh token is fetched once and used; and neither the secret nor any token
 * appears in the log, collection.json, tenant.json or the reports made from the folder.
 */
class SecretsNeverLeakTest {
    private static final String SECRET = "Zq8~s3cr3t-VALUE-never-printed";

    @Test
    void aSecretRunRefreshesItsTokenAndLeavesNoSecretAnywhere(@TempDir Path tmp) throws Exception {
        Path serverKey = LoopbackTls.keyPair(tmp, "server", "127.0.0.1");
        WireMockServer login = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").httpDisabled(true).dynamicHttpsPort()
                .keystorePath(serverKey.toString()).keystorePassword(LoopbackTls.PASSWORD).keyManagerPassword(LoopbackTls.PASSWORD).keystoreType("PKCS12"));
        login.start();
        try (FakeGraph fake = new FakeGraph(TestRules.EXAMPLES.resolve("contoso-ready"), 2)) {
            String tenant = "contoso.onmicrosoft.com";
            String first = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.first-access-token.sig";
            String second = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.second-access-token.sig";
            login.stubFor(post(urlPathEqualTo("/" + tenant + "/oauth2/v2.0/token")).inScenario("t").whenScenarioStateIs("Started").willSetStateTo("2")
                    .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"" + first + "\"}")));
            login.stubFor(post(urlPathEqualTo("/" + tenant + "/oauth2/v2.0/token")).inScenario("t").whenScenarioStateIs("2")
                    .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"" + second + "\"}")));
            // the first token "expires" when users are read
            fake.failOnce("expired", get(urlPathEqualTo("/v1.0/users")), 401, null);

            List<String> log = new ArrayList<>();
            CollectRun.Settings s = new CollectRun.Settings(fake.url(), fake.url(), "https://127.0.0.1:" + login.httpsPort(), false, false,
                    new RetryPolicy(2, Duration.ofMillis(1), Duration.ofSeconds(1)), "mfa-eval test", Clock.systemUTC(),
                    Map.of(AuthSpec.SECRET_VARIABLE, SECRET)::get, LoopbackTls.trusting(serverKey));
            Path out = tmp.resolve("contoso");
            CollectRun.TenantResult r = new CollectRun(s, CollectRun.httpClient(), log::add, log::add)
                    .one(new TenantList.Entry(tenant, "contoso", new AuthSpec(AuthKind.secret, "app-id-1", null, null, null, null, null), null), out);
            assertEquals(CollectRun.Outcome.COMPLETE, r.outcome(), log.toString());

            List<ServeEvent> graph = fake.served();
            assertTrue(graph.stream().anyMatch(e -> ("Bearer " + second).equals(e.getRequest().getHeader("Authorization"))), "the fresh token was used");
            assertEquals(2, login.getAllServeEvents().size(), "one token, then one fresh token after the 401: no more");

            Report report = TestRules.evaluate(out);
            StringWriter text = new StringWriter();
            new TextRenderer().render(report, text);
            StringWriter html = new StringWriter();
            new HtmlRenderer().render(report, html);
            List<String> everything = new ArrayList<>(log);
            everything.add(text.toString());
            everything.add(html.toString());
            everything.add(FakeGraph.MAPPER.copy().registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule()).writeValueAsString(report));
            try (Stream<Path> files = Files.list(out)) {
                for (Path f : files.filter(p -> !p.getFileName().toString().endsWith(".gz")).toList()) everything.add(Files.readString(f));
            }
            for (String s2 : everything) {
                assertFalse(s2.contains(SECRET), "the secret leaked");
                assertFalse(s2.contains("first-access-token") || s2.contains("second-access-token"), "a token leaked");
            }
            assertTrue(text.toString().contains("Collected "), text.toString());
            String collection = Files.readString(out.resolve("collection.json"));
            assertTrue(collection.contains("secret from " + AuthSpec.SECRET_VARIABLE), "names where the secret came from, not the secret");
        } finally {
            login.stop();
        }
    }
}
