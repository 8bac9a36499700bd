package io.github.mfaeval.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mfaeval.TestRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Facts are evaluated in chunks (sessions of at most 1,000 facts): a rule that fires once per chunk
 * about the same subject must still give the report one finding, not one per chunk.
 */
class RepeatedFindingTest {
    private static final Path BASE = TestRules.PROJECT.resolve("test-scenarios/base");
    private static final Path EDITION_BASE = TestRules.PROJECT.resolve("test-scenarios/editions/2026-04-03/base");

    @Test
    void anAzurePolicySeenInEveryChunkOfTheActivityLogIsReportedOnce(@TempDir Path tmp) throws IOException {
        Path tenant = tmp.resolve("t");
        Files.createDirectories(tenant);
        for (Path from : new Path[] {BASE, EDITION_BASE}) {
            try (Stream<Path> files = Files.list(from)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.copy(f, tenant.resolve(f.getFileName().toString()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        // More policy-evaluation operations than one chunk holds, all naming the same built-in MFA definition.
        StringBuilder lines = new StringBuilder();
        int operations = 2_010; // Evaluator.CHUNK is 1,000: three chunks
        for (int i = 0; i < operations; i++) {
            lines.append("{\"time\":\"2025-11-26T10:00:00Z\",\"operationName\":\"MICROSOFT.AUTHORIZATION/POLICIES/AUDIT/ACTION\","
                    + "\"category\":\"Policy\",\"resultType\":\"Success\",\"correlationId\":\"c-").append(i).append("\","
                    + "\"identity\":{\"claims\":{\"http://schemas.microsoft.com/claims/authnmethodsreferences\":\"pwd,mfa\",\"idtyp\":\"user\","
                    + "\"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn\":\"alice@contoso.example\"}},"
                    + "\"properties\":{\"policies\":\"[{\\\"policyDefinitionId\\\":\\\"/providers/Microsoft.Authorization/policyDefinitions/"
                    + "db4a9d17-db75-4f46-9fcb-9f9526604417\\\",\\\"policyDefinitionEffect\\\":\\\"Audit\\\"}]\"}}\n");
        }
        Files.writeString(tenant.resolve("activityLog-policy.jsonl"), lines);
        Path out = tmp.resolve("r.json");
        CliTest.Run run = CliTest.run("evaluate", tenant.toString(), "--as-of", "2025-11-28", "--format", "json", "-o", out.toString(),
                "--rules", TestRules.RULES.toString(), "--edition", "2026-04-03");
        assertTrue(run.code() == 0 || run.code() == 1, run.err());
        JsonNode report = new ObjectMapper().readTree(out.toFile());
        long policy = 0;
        for (JsonNode f : report.get("findings")) if (f.get("code").asText().equals("AZURE_POLICY_MFA_SELF_ENFORCED")) policy++;
        assertEquals(1, policy, "one finding for the definition, whatever the number of chunks");
        assertEquals(0, report.at("/inputs/rejected").size(), report.at("/inputs/rejected").toString());
    }
}
