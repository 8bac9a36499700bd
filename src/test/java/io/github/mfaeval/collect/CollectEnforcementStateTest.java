package io.github.mfaeval.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mfaeval.generate.TenantGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 25 through the CLI: {@code collect} reads the tenant's enforcement settings and its Azure Policy MFA
 * assignments from a loopback ARM (WireMock), then {@code evaluate} judges by them: the schedule comes from the
 * settings, says so, and a 403 on either file is reported and never read as Microsoft's default.
 */
class CollectEnforcementStateTest {
    private static final String SUB_A = "7d1f3a40-1111-4c2b-9a55-0c1d2e3f4a5b";
    private static final String SUB_B = "9e2a4b51-2222-4d3c-8b66-1d2e3f4a5b6c";
    private static final String WRITE_DEFINITION = "4e6c27d5-a6ee-49cf-b2b4-d8fe90fa2b8b";

    /** The specification's Settings_Get example, as ARM returns it. */
    private static JsonNode specificationExample() throws Exception {
        return FakeGraph.MAPPER.readTree("""
                {"id": "/providers/Microsoft.PortalServices/settings/default", "name": "default",
                 "type": "Microsoft.PortalServices/settings",
                 "properties": {"multiFactorAuthentication": {"portalEnforcement": "OptOut",
                   "portalJustification": "Justification for opting out of MFA enforcement",
                   "portalEnforcementDate": "2025-03-15T00:00:00Z", "armEnforcementDate": "2025-10-15T00:00:00Z",
                   "armJustification": "Justification for postponing MFA enforcement"},
                  "feedbackControlPolicy": {"feedbackEnabled": true}}}""");
    }

    private record Tenant(Path handMade, String id, ObjectNode manifest) {
    }

    private static Tenant tenant(Path tmp) throws Exception {
        Path handMade = tmp.resolve("hand-made");
        new TenantGenerator(20261207L, 12, 120, true).write(0, handMade);
        ObjectNode manifest = (ObjectNode) FakeGraph.MAPPER.readTree(handMade.resolve("tenant.json").toFile());
        return new Tenant(handMade, manifest.path("tenantId").asText(), manifest);
    }

    private static Path outFolder(Path tmp, Tenant t) throws Exception {
        Path out = tmp.resolve("collected");
        Files.createDirectories(out);
        ObjectNode personal = t.manifest().deepCopy();
        personal.remove(List.of("tenantId", "displayName", "license"));
        Files.writeString(out.resolve("tenant.json"), personal.toPrettyString());
        return out;
    }

    private static JsonNode evaluate(Path folder, Path report, String asOf) throws Exception {
        CollectCliSupport.Run run = CollectCliSupport.run("evaluate", folder.toString(), "--edition", "2026-04-03", "--as-of", asOf,
                "--max-sign-in-age", "100000", "--format", "json", "--output", report.toString());
        assertTrue(run.code() <= 2, run.out() + run.err());
        return FakeGraph.MAPPER.readTree(report.toFile());
    }

    private static JsonNode entry(JsonNode collection, String name) {
        for (JsonNode f : collection.path("files")) if (f.path("name").asText().equals(name)) return f;
        throw new AssertionError(name + " is not in collection.json: " + collection.path("files"));
    }

    private static List<String> codes(JsonNode report) {
        List<String> out = new ArrayList<>();
        report.path("findings").forEach(f -> out.add(f.path("code").asText()));
        return out;
    }

    @Test
    void theScheduleComesFromTheCollectedSettingsAndAzurePolicy(@TempDir Path tmp) throws Exception {
        Tenant t = tenant(tmp);
        try (FakeGraph fake = new FakeGraph(t.handMade(), 50)) {
            List<JsonNode> events = new ArrayList<>();
            for (int i = 0; i < 6; i++) events.add(FakeGraph.activityEvent(SUB_A, t.id(), i, "Administrative", "admin" + i + "@fourthcoffee.example", "pwd,mfa"));
            // Azure Policy audited admin9's request: an audit event, category Policy, naming the create-and-update definition
            ObjectNode audit = FakeGraph.activityEvent(SUB_A, t.id(), 9, "Policy", "admin9@fourthcoffee.example", "pwd");
            audit.putObject("operationName").put("value", "Microsoft.Authorization/policies/audit/action").put("localizedValue", "'audit' Policy action.");
            audit.putObject("properties").put("isComplianceCheck", "False").put("policies",
                    "[{\"policyDefinitionId\":\"/providers/Microsoft.Authorization/policyDefinitions/" + WRITE_DEFINITION + "\",\"policyDefinitionEffect\":\"Audit\"}]");
            events.add(audit);
            Map<String, List<JsonNode>> arm = new LinkedHashMap<>();
            arm.put(SUB_A, events);
            arm.put(SUB_B, List.of());
            fake.serveArm(t.id(), arm);
            fake.serveEnforcementSettings(specificationExample(), 200);
            String root = "/providers/Microsoft.Management/managementGroups/" + t.id();
            JsonNode system = FakeGraph.policyAssignment(root, "sys.mfa-write", WRITE_DEFINITION, "Default", "Deny", List.of(), "2025-01-10T08:00:00Z");
            JsonNode audited = FakeGraph.policyAssignment("/subscriptions/" + SUB_A, "mfa-audit", WRITE_DEFINITION, "Default", null,
                    List.of("/subscriptions/" + SUB_A + "/resourceGroups/rg-legacy"), "2024-12-01T00:00:00Z");
            fake.serveDefinition(WRITE_DEFINITION, "Audit");
            Map<String, List<JsonNode>> subscriptions = new LinkedHashMap<>();
            subscriptions.put(SUB_A, List.of(system, audited));
            subscriptions.put(SUB_B, null);
            fake.servePolicyAssignments(Map.of(t.id(), List.of(system)), subscriptions);

            Path out = outFolder(tmp, t);
            CollectCliSupport.Run run = CollectCliSupport.run(CollectCliSupport.collectArgs(fake, "--tenant", t.id(), "--out", out.toString()));
            assertTrue(run.code() <= 1, run.out() + run.err());

            // enforcementSettings.json: exactly as ARM returned it
            assertEquals(specificationExample(), FakeGraph.MAPPER.readTree(out.resolve("enforcementSettings.json").toFile()));
            JsonNode collection = FakeGraph.MAPPER.readTree(out.resolve("collection.json").toFile());
            assertEquals("collected", entry(collection, "enforcementSettings.json").path("status").asText());
            assertEquals("collected", entry(collection, "policyAssignments.json").path("status").asText());

            // policyAssignments.json: each assignment once, the effect from the definition when the assignment sets none
            JsonNode policies = FakeGraph.MAPPER.readTree(out.resolve("policyAssignments.json").toFile());
            assertEquals(2, policies.path("assignments").size(), policies.toPrettyString());
            JsonNode auditAssignment = policies.path("assignments").get(1);
            assertEquals("mfa-audit", auditAssignment.path("name").asText());
            assertEquals("Audit", auditAssignment.path("effect").asText());
            assertEquals("definition default", auditAssignment.path("effectFrom").asText());
            assertEquals("/subscriptions/" + SUB_A + "/resourceGroups/rg-legacy", auditAssignment.path("notScopes").get(0).asText());
            assertEquals("forbidden", policies.path("subscriptions").get(1).path("status").asText());
            assertTrue(collection.path("warnings").toString().contains("subscription " + SUB_B + " not read"), collection.path("warnings").toString());

            // the Policy category's audit event is kept beside the administrative events
            JsonNode activity = FakeGraph.MAPPER.readTree(out.resolve("activityLog.json").toFile());
            assertEquals(7, activity.path("value").size());

            JsonNode report = evaluate(out, tmp.resolve("report.json"), "2025-02-01");
            JsonNode phase1 = report.path("schedule").get(0);
            JsonNode phase2 = report.path("schedule").get(1);
            assertEquals("tenant-settings", phase1.path("source").asText(), phase1.toString());
            assertEquals("2025-03-15", phase1.path("start").asText(), "OptOut to 2025-03-15 postpones Phase 1");
            assertTrue(phase1.path("postponed").asBoolean());
            assertEquals(entry(collection, "enforcementSettings.json").path("collectedAt").asText(), phase1.path("sourceCollectedAt").asText());
            assertEquals("tenant-settings", phase2.path("source").asText());
            assertEquals("2025-10-15", phase2.path("start").asText());
            assertEquals("SELF_ENFORCED", phase2.path("state").asText(), phase2.toString());
            assertEquals("2025-01-10", phase2.path("selfEnforcedSince").asText());
            assertTrue(phase2.path("policy").toString().contains("sys.mfa-write: Deny, enforced, tenant root"), phase2.toString());
            List<String> codes = codes(report);
            assertTrue(codes.containsAll(List.of("PHASE2_SELF_ENFORCED", "PHASE2_AUDITED", "PHASE2_POLICY_GAP")), codes.toString());
            assertFalse(codes.contains("ENFORCEMENT_SETTINGS_UNKNOWN"), codes.toString());
            boolean auditedWrite = false;
            for (JsonNode w : report.path("armWrites")) auditedWrite |= "audited by Azure Policy".equals(w.path("policy").asText());
            assertTrue(auditedWrite, "the audited request counts as a write without MFA: " + report.path("armWrites"));

            // every format shows where the dates came from
            Path textFile = tmp.resolve("report.txt");
            CollectCliSupport.run("evaluate", out.toString(), "--edition", "2026-04-03", "--as-of", "2025-02-01",
                    "--max-sign-in-age", "100000", "--format", "text", "--output", textFile.toString());
            String text = Files.readString(textFile);
            assertTrue(text.contains("source tenant settings (collected "), text);
            assertTrue(text.contains("Azure Policy sys.mfa-write: Deny"), text);
            CollectCliSupport.Run inspect = CollectCliSupport.run("inspect", out.toString());
            assertTrue(inspect.out().contains("enforcementSettings.json: phase 1: portalEnforcement OptOut 2025-03-15"), inspect.out());
            assertTrue(inspect.out().contains("policyAssignments.json: 2 MFA assignment(s), 2 subscription(s)"), inspect.out());
        }
    }

    @Test
    void aForbiddenReadIsReportedAndNeverTakenForTheDefault(@TempDir Path tmp) throws Exception {
        Tenant t = tenant(tmp);
        try (FakeGraph fake = new FakeGraph(t.handMade(), 50)) {
            Map<String, List<JsonNode>> arm = new LinkedHashMap<>();
            arm.put(SUB_A, List.of());
            fake.serveArm(t.id(), arm);
            fake.serveEnforcementSettings(null, 403);
            Map<String, List<JsonNode>> subscriptions = new LinkedHashMap<>();
            subscriptions.put(SUB_A, null);
            fake.servePolicyAssignments(Map.of(), subscriptions);

            Path out = outFolder(tmp, t);
            CollectCliSupport.Run run = CollectCliSupport.run(CollectCliSupport.collectArgs(fake, "--tenant", t.id(), "--out", out.toString()));
            assertEquals(1, run.code(), "collected with gaps\n" + run.out() + run.err());
            assertTrue(run.err().contains("enforcementSettings.json: not collected, forbidden: needs Azure role Reader at the root scope (/)"), run.err());
            JsonNode collection = FakeGraph.MAPPER.readTree(out.resolve("collection.json").toFile());
            JsonNode settings = entry(collection, "enforcementSettings.json");
            assertEquals("forbidden", settings.path("status").asText());
            assertTrue(settings.path("missingPermission").asText().startsWith("Azure role Reader at the root scope (/)"), settings.toString());
            JsonNode policies = entry(collection, "policyAssignments.json");
            assertEquals("forbidden", policies.path("status").asText());
            assertTrue(policies.path("missingPermission").asText().contains("tenant root management group"), policies.toString());
            assertFalse(Files.exists(out.resolve("enforcementSettings.json")), "nothing is written for what could not be read");

            JsonNode report = evaluate(out, tmp.resolve("report.json"), "2025-11-28");
            List<String> unknown = new ArrayList<>();
            report.path("findings").forEach(f -> {
                if (f.path("code").asText().equals("ENFORCEMENT_SETTINGS_UNKNOWN")) unknown.add(f.path("subject").asText());
            });
            assertEquals(List.of("enforcementSettings.json", "policyAssignments.json"), unknown.stream().sorted().toList());
            assertFalse(report.path("status").asText().equals("READY"), "unknown settings are never a pass");
            report.path("schedule").forEach(p -> assertFalse(p.path("source").asText().equals("tenant-settings"), p.toString()));
        }
    }

    @Test
    void settingsNeverChangedAreWrittenAsThatFact(@TempDir Path tmp) throws Exception {
        Tenant t = tenant(tmp);
        try (FakeGraph fake = new FakeGraph(t.handMade(), 50)) {
            Map<String, List<JsonNode>> arm = new LinkedHashMap<>();
            arm.put(SUB_A, List.of());
            fake.serveArm(t.id(), arm);
            fake.serveEnforcementSettings(null, 404);

            Path out = outFolder(tmp, t);
            CollectCliSupport.Run run = CollectCliSupport.run(CollectCliSupport.collectArgs(fake, "--tenant", t.id(), "--out", out.toString()));
            assertTrue(run.code() <= 1, run.out() + run.err());
            JsonNode written = FakeGraph.MAPPER.readTree(out.resolve("enforcementSettings.json").toFile());
            assertTrue(written.path("notFound").asBoolean(), written.toString());
            JsonNode collection = FakeGraph.MAPPER.readTree(out.resolve("collection.json").toFile());
            assertEquals("collected", entry(collection, "enforcementSettings.json").path("status").asText());
            assertTrue(collection.path("warnings").toString().contains("never changed"), collection.path("warnings").toString());

            JsonNode report = evaluate(out, tmp.resolve("report.json"), "2025-11-28");
            assertFalse(codes(report).contains("ENFORCEMENT_SETTINGS_UNKNOWN"), codes(report).toString());
            report.path("schedule").forEach(p -> assertFalse(p.path("source").asText().equals("tenant-settings"), p.toString()));
        }
    }
}
