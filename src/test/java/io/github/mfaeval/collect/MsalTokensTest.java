package io.github.mfaeval.collect;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLSocketFactory;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * msal4j as far as it goes without the internet: a Microsoft Entra token endpoint on https://127.0.0.1 (msal4j
 * accepts only https authorities; the test trusts its own certificate), client credentials with a secret, a
 * PKCS#12 and a PEM certificate, a fresh token after a refusal, and the device-code flow.
 */
class MsalTokensTest {
    static final String TENANT = "contoso.onmicrosoft.com";
    static final String TOKEN_PATH = "/" + TENANT + "/oauth2/v2.0/token";

    @TempDir
    static Path keys;
    WireMockServer login;
    SSLSocketFactory trust;

    @BeforeEach
    void start() throws Exception {
        Path server = keys.resolve("server.p12").toFile().exists() ? keys.resolve("server.p12") : LoopbackTls.keyPair(keys, "server", "127.0.0.1");
        login = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").httpDisabled(true).dynamicHttpsPort()
                .keystorePath(server.toString()).keystorePassword(LoopbackTls.PASSWORD).keyManagerPassword(LoopbackTls.PASSWORD).keystoreType("PKCS12"));
        login.start();
        trust = LoopbackTls.trusting(server);
        tokens("tok-1", "tok-2");
    }

    @AfterEach
    void stop() {
        login.stop();
    }

    String authorityHost() {
        return "https://127.0.0.1:" + login.httpsPort();
    }

    /** The token endpoint answers with these access tokens, one after the other. */
    void tokens(String... values) {
        String state = Scenario.STARTED;
        for (int i = 0; i < values.length; i++) {
            String next = i + 1 < values.length ? "token-" + (i + 1) : "token-" + i;
            login.stubFor(post(urlPathEqualTo(TOKEN_PATH)).inScenario("tokens").whenScenarioStateIs(state).willSetStateTo(next)
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8")
                            .withBody("{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,\"access_token\":\"" + values[i] + "\"}")));
            state = next;
        }
    }

    static Map<String, String> form(LoggedRequest r) {
        Map<String, String> m = new java.util.HashMap<>();
        for (String pair : r.getBodyAsString().split("&")) {
            int eq = pair.indexOf('=');
            m.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return m;
    }

    MsalTokens msal(AuthSpec spec, Map<String, String> env, List<String> prompts) throws AuthException {
        return new MsalTokens(spec, authorityHost(), TENANT, "https://graph.microsoft.com", "https://management.azure.com", env::get, prompts::add, trust);
    }

    @Test
    void clientSecretTokensAreCachedAndAFreshOneIsAskedForAfterARefusal() throws Exception {
        MsalTokens t = msal(new AuthSpec(AuthKind.secret, "11111111-2222-3333-4444-555555555555", null, null, null, null, null),
                Map.of(AuthSpec.SECRET_VARIABLE, "s3cr3t-value"), new ArrayList<>());
        assertEquals("tok-1", t.token(Audience.GRAPH, false));
        assertEquals("tok-1", t.token(Audience.GRAPH, false), "cached until near its expiry");
        assertEquals("tok-2", t.token(Audience.GRAPH, true), "after a 401: past the cache");
        List<LoggedRequest> requests = login.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        assertEquals(2, requests.size());
        Map<String, String> f = form(requests.get(0));
        assertEquals("client_credentials", f.get("grant_type"));
        assertEquals("11111111-2222-3333-4444-555555555555", f.get("client_id"));
        assertEquals("s3cr3t-value", f.get("client_secret"));
        assertTrue(f.get("scope").startsWith("https://graph.microsoft.com/.default"), f.get("scope"));
        assertFalse(t.describe().contains("s3cr3t"), t.describe());
    }

    @Test
    void armTokensAreAskedForTheArmEndpoint() throws Exception {
        MsalTokens t = msal(new AuthSpec(AuthKind.secret, "c", null, null, null, null, null), Map.of(AuthSpec.SECRET_VARIABLE, "x"), new ArrayList<>());
        t.token(Audience.ARM, false);
        assertTrue(form(login.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH))).get(0)).get("scope").startsWith("https://management.azure.com/.default"));
    }

    @Test
    void aMissingSecretVariableIsSaidBeforeAnythingIsSent() {
        AuthException e = org.junit.jupiter.api.Assertions.assertThrows(AuthException.class,
                () -> msal(new AuthSpec(AuthKind.secret, "c", null, null, null, null, null), Map.of(), new ArrayList<>()));
        assertTrue(e.getMessage().contains(AuthSpec.SECRET_VARIABLE + " is not set"), e.getMessage());
    }

    @Test
    void pkcs12AndPemCertificatesSignAClientAssertion() throws Exception {
        Path p12 = LoopbackTls.keyPair(keys, "client", "mfa-eval collector");
        for (Path cert : List.of(p12, pem(p12))) {
            login.resetRequests();
            MsalTokens t = msal(new AuthSpec(AuthKind.certificate, "c", cert, null, null, null, null),
                    Map.of(AuthSpec.CERTIFICATE_PASSWORD_VARIABLE, LoopbackTls.PASSWORD), new ArrayList<>());
            t.token(Audience.GRAPH, true);
            Map<String, String> f = form(login.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH))).get(0));
            assertEquals("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", f.get("client_assertion_type"));
            String[] jwt = f.get("client_assertion").split("\\.");
            assertEquals(3, jwt.length, "a signed JWT");
            String header = new String(Base64.getUrlDecoder().decode(jwt[0]), StandardCharsets.UTF_8);
            assertTrue(header.contains("x5t"), "the certificate's thumbprint in the header: " + header);
            assertFalse(f.containsKey("client_secret"));
            assertTrue(t.describe().contains("thumbprint"), t.describe());
        }
    }

    @Test
    void aWrongCertificatePasswordIsSaid() throws Exception {
        Path p12 = LoopbackTls.keyPair(keys, "wrongpw", "x");
        AuthException e = org.junit.jupiter.api.Assertions.assertThrows(AuthException.class,
                () -> msal(new AuthSpec(AuthKind.certificate, "c", p12, null, null, null, null), Map.of(AuthSpec.CERTIFICATE_PASSWORD_VARIABLE, "nope"), new ArrayList<>()));
        assertTrue(e.getMessage().contains("wrong password?"), e.getMessage());
        assertFalse(e.getMessage().contains("nope"));
    }

    @Test
    void deviceCodeShowsThePersonWhatToDo() throws Exception {
        login.stubFor(post(urlPathEqualTo("/" + TENANT + "/oauth2/v2.0/devicecode")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"user_code\":\"FKLM-XQ2P\",\"device_code\":\"dc-123\","
                        + "\"verification_uri\":\"https://microsoft.com/devicelogin\",\"expires_in\":900,\"interval\":1,"
                        + "\"message\":\"To sign in, use a web browser to open the page https://microsoft.com/devicelogin and enter the code FKLM-XQ2P to authenticate.\"}")));
        List<String> prompts = new ArrayList<>();
        MsalTokens t = msal(new AuthSpec(AuthKind.device_code, "public-client-id", null, null, null, null, null), Map.of(), prompts);
        assertEquals("tok-1", t.token(Audience.GRAPH, false));
        assertEquals(1, prompts.size());
        assertTrue(prompts.get(0).contains("FKLM-XQ2P"), prompts.toString());
        Map<String, String> f = form(login.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH))).get(0));
        assertEquals("dc-123", f.get("device_code"));
    }

    /** The same key and certificate as PEM: unencrypted PKCS#8 key, then the certificate. */
    static Path pem(Path p12) throws Exception {
        java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
        try (var in = java.nio.file.Files.newInputStream(p12)) {
            ks.load(in, LoopbackTls.PASSWORD.toCharArray());
        }
        String alias = ks.aliases().nextElement();
        Base64.Encoder b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        String text = "-----BEGIN PRIVATE KEY-----\n" + b64.encodeToString(ks.getKey(alias, LoopbackTls.PASSWORD.toCharArray()).getEncoded())
                + "\n-----END PRIVATE KEY-----\n-----BEGIN CERTIFICATE-----\n" + b64.encodeToString(ks.getCertificate(alias).getEncoded())
                + "\n-----END CERTIFICATE-----\n";
        Path out = p12.resolveSibling(p12.getFileName() + ".pem");
        java.nio.file.Files.writeString(out, text);
        return out;
    }
}
