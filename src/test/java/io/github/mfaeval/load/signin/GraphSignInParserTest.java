package io.github.mfaeval.load.signin;

import io.github.mfaeval.load.text.Dates;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mfaeval.generate.TenantGenerator;
import io.github.mfaeval.load.text.Position;
import io.github.mfaeval.model.SignIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The token-stream mapper gives the tree path's fact for every record it accepts, and leaves the rest to it. */
class GraphSignInParserTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = new JsonFactory();

    static SignIn fast(String line, String hint) throws Exception {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        try (JsonParser p = FACTORY.createParser(b)) {
            p.nextToken();
            return new GraphSignInParser().read(p, hint, "f.json", new Position(1, 1), true);
        }
    }

    static SignIn tree(String line, String hint) throws Exception {
        JsonNode node = MAPPER.readTree(line);
        return SignInMapper.read(SignInFormats.graphShape(node, hint).node(), "f.json", new Position(1, 1), Map.of());
    }

    static String fact(SignIn s) {
        StringBuilder b = new StringBuilder().append(SignInKind.ofCode(s.getKind())).append('|').append(s.getId()).append('|').append(s.getCreatedDateTime())
                .append('|').append(s.getUserId()).append('|').append(s.getUserPrincipalName()).append('|').append(s.getUserType())
                .append('|').append(s.getAppId()).append('|').append(s.getAppDisplayName()).append('|').append(s.getHomeTenantId())
                .append('|').append(s.getResourceTenantId()).append('|').append(s.isWorkloadIdentity()).append('|')
                .append(s.getAuthenticationRequirement()).append('|').append(new java.util.TreeSet<>(s.getRequirementProviders()))
                .append('|').append(s.getErrorCode()).append('|').append(s.getAdditionalDetails()).append('|')
                .append(s.getAuthenticationProtocol()).append('|').append(s.getResourceIdLower()).append('|').append(s.getSource());
        s.getAuthenticationDetails().forEach(d -> b.append("|step ").append(d.getMethod()).append(',').append(d.isSucceeded())
                .append(',').append(d.getStepRequirement()).append(',').append(d.getResultDetail()));
        return b.toString();
    }

    @Test
    void everyGeneratedRecordMapsAsTheTreeMapsIt(@TempDir Path dir) throws Exception {
        new TenantGenerator(3, 100, 1500, false).write(0, dir);
        int n = 0;
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("signIns")).toList()) {
                String hint = SignInFormats.eventTypeOfName(f.getFileName().toString());
                for (String line : Files.readAllLines(f)) {
                    SignIn fast = fast(line, hint);
                    assertNotNull(fast, line);
                    assertEquals(fact(tree(line, hint)), fact(fast), line);
                    n++;
                }
            }
        }
        assertEquals(1500, n);
    }

    @Test
    void recordsThatAreNotPlainGraphAreLeftToTheTree() throws Exception {
        String good = "{\"id\":\"a\",\"createdDateTime\":\"2025-11-01T10:00:00Z\",\"appId\":\"c44b4083-3bb0-49c1-b47d-974e53cbdf3c\","
                + "\"userId\":\"u\",\"status\":{\"errorCode\":0},\"signInEventTypes\":[\"interactiveUser\"]}";
        assertNotNull(fast(good, null));
        for (String other : List.of(
                good.replace("\"createdDateTime\"", "\"CreatedDateTime\""),          // another case: the tree reads it case-insensitively
                good.replace("{\"id\":\"a\",", "{\"id\":\"a\",\"id\":\"b\","),         // repeated: the tree keeps the last
                good.replace("\"errorCode\":0", "\"errorCode\":\"0\""),             // text for a number
                good.replace("\"errorCode\":0", "\"errorCode\":1.5"),
                good.replace("\"userId\":\"u\"", "\"userId\":\"System.Object[]\""),  // a PowerShell stand-in
                good.replace("\"userId\":\"u\"", "\"userId\":7"),
                good.replace("[\"interactiveUser\"]", "\"interactiveUser\""),      // a list given as text
                good.replace("{\"id\"", "{\"Type\":\"SigninLogs\",\"id\""),         // Log Analytics
                good.replace("{\"id\"", "{\"properties\":{},\"id\""),               // a diagnostic envelope
                good.replace("{\"id\"", "{\"AdditionalProperties\":{},\"id\""),
                good.replace("\"status\":{\"errorCode\":0}", "\"status\":{\"ErrorCode\":0}"),
                good.replace("\"createdDateTime\":\"2025-11-01T10:00:00Z\"", "\"createdDateTime\":\"yesterday\""),
                good.replace("\"appId\":\"c44b4083-3bb0-49c1-b47d-974e53cbdf3c\",", ""),
                good + " {}")) {
            assertNull(fast(other, null), other);
        }
    }

    @Test
    void graphTimesReadAsTheGeneralDateParserReadsThem() {
        for (String t : List.of("2025-11-27T23:59:58Z", "2025-11-27T23:59:58.1Z", "2025-11-27T23:59:58.1234567Z",
                "2024-02-29T00:00:00.000000001Z", "1999-12-31T23:59:59.999Z")) {
            Instant fast = GraphSignInParser.isoUtc(t);
            assertNotNull(fast, t);
            assertEquals(Dates.parse(t), fast, t);
        }
        for (String t : List.of("2025-02-30T00:00:00Z", "2025-11-27T24:00:00Z", "2025-11-27 23:59:58Z", "2025-11-27T23:59:58+00:00",
                "2025-11-27T23:59:58.Z", "2025-11-27T23:59:58.1234567890Z", "/Date(1732089600000)/")) {
            assertNull(GraphSignInParser.isoUtc(t), t);
        }
    }
}
