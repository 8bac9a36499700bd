package io.github.mfaeval.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mfaeval.TestRules;
import io.github.mfaeval.engine.Evaluator;
import io.github.mfaeval.load.InputException;
import io.github.mfaeval.load.TenantData;
import io.github.mfaeval.load.TenantLoader;
import io.github.mfaeval.report.JsonRenderer;
import io.github.mfaeval.result.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the scenarios cannot say: the sign-in period in every format, --max-sign-in-age, the manifest, copies. */
class FailClosedTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path BASE = TestRules.PROJECT.resolve("test-scenarios/base");

    private static Path copyOfBase(Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(BASE)) {
            for (Path f : (Iterable<Path>) files::iterator) Files.copy(f, to.resolve(f.getFileName().toString()));
        }
        return to;
    }

    private static String rules() {
        return TestRules.RULES.toString();
    }

    /** The 2024-09-24 edition: the scenario base tenant has no activity log, which the later edition needs. */
    private static final String EDITION = "2024-09-24";

    @Test
    void theReportStatesThePeriodItsSignInsCoverInEveryFormat(@TempDir Path tmp) throws IOException {
        Path tenant = copyOfBase(tmp.resolve("t"));
        CliTest.Run json = CliTest.run("evaluate", tenant.toString(), "--as-of", "2025-11-28", "--format", "json",
                "-o", tmp.resolve("r.json").toString(), "--rules", rules(), "--edition", EDITION);
        assertEquals(0, json.code(), json.err());
        JsonNode period = JSON.readTree(tmp.resolve("r.json").toFile()).at("/inputs/signInPeriod");
        assertEquals("2025-11-25T09:00:00Z", period.get("first").asText());
        assertEquals("2025-11-25T09:00:00Z", period.get("last").asText());
        assertEquals(7, period.at("/kinds/interactive/count").asInt());
        assertEquals(1, period.at("/kinds/workload/count").asInt());

        CliTest.run("evaluate", tenant.toString(), "--as-of", "2025-11-28", "-o", tmp.resolve("r.txt").toString(), "--rules", rules(), "--edition", EDITION);
        String text = Files.readString(tmp.resolve("r.txt"));
        assertTrue(text.contains("period 2025-11-25T09:00:00Z to 2025-11-25T09:00:00Z"), text);

        CliTest.run("evaluate", tenant.toString(), "--as-of", "2025-11-28", "--format", "html", "-o", tmp.resolve("r.html").toString(), "--rules", rules(), "--edition", EDITION);
        assertTrue(Files.readString(tmp.resolve("r.html")).contains("id=\"sign-in-period-table\""));

        CliTest.run("evaluate", tenant.toString(), "--as-of", "2025-11-28", "--format", "csv", "-o", tmp.resolve("csv").toString(), "--rules", rules(), "--edition", EDITION);
        List<String> rows = Files.readAllLines(tmp.resolve("csv/sign-in-period.csv"));
        assertEquals("kind,signIns,first,last", rows.get(0));
        assertTrue(rows.get(1).startsWith("all,9,2025-11-25T09:00:00Z,"), rows.toString());
    }

    @Test
    void aStaleExportIsIncompleteUnlessTheMaximumAgeAllowsIt(@TempDir Path tmp) throws IOException {
        Path tenant = copyOfBase(tmp.resolve("t"));
        CliTest.Run stale = CliTest.run("evaluate", tenant.toString(), "--as-of", "2026-11-25", "--format", "json",
                "-o", tmp.resolve("stale.json").toString(), "--rules", rules(), "--edition", EDITION);
        assertEquals(1, stale.code());
        JsonNode r = JSON.readTree(tmp.resolve("stale.json").toFile());
        assertEquals("INCOMPLETE", r.get("status").asText());
        assertEquals("SIGN_INS_STALE", r.at("/inputs/incompleteEvidence/0").asText());

        CliTest.Run allowed = CliTest.run("evaluate", tenant.toString(), "--as-of", "2026-11-25", "--max-sign-in-age", "400",
                "-o", tmp.resolve("allowed.txt").toString(), "--rules", rules(), "--edition", EDITION);
        assertEquals(0, allowed.code(), allowed.err());
        assertTrue(Files.readString(tmp.resolve("allowed.txt")).contains("Status   READY"));

        assertEquals(2, CliTest.run("evaluate", tenant.toString(), "--max-sign-in-age", "-1", "--rules", rules(), "--edition", EDITION).code());
    }

    @Test
    void noSignInAtAllIsNeverReady(@TempDir Path tmp) throws IOException {
        Path tenant = copyOfBase(tmp.resolve("t"));
        Files.writeString(tenant.resolve("signIns.json"), "{\"value\": []}");
        Report report = TestRules.evaluate(tenant);
        assertEquals(Report.Status.INCOMPLETE, report.status());
        assertNull(report.inputs().signInPeriod());
        assertEquals(List.of("NO_SIGN_INS"), report.inputs().incompleteEvidence());
    }

    @Test
    void theExamplesAreEvaluatedAsOfTheirExportDateWithoutAsOf(@TempDir Path tmp) throws IOException {
        CliTest.Run r = CliTest.run("batch", TestRules.EXAMPLES.toString(), "--out", tmp.resolve("out").toString(), "--rules", rules(), "--edition", EDITION);
        JsonNode summary = JSON.readTree(tmp.resolve("out/summary.json").toFile());
        for (JsonNode t : summary.get("tenants")) {
            JsonNode report = JSON.readTree(tmp.resolve("out").resolve(t.get("report").asText()).toFile());
            assertEquals("2025-11-28", report.get("asOf").asText(), t.toString());
            assertTrue(!"INCOMPLETE".equals(report.get("status").asText()), t.toString());
        }
        assertEquals(1, r.code(), r.err());
    }

    /**
     * A token for Azure Resource Manager through a client no table lists (Visual Studio Code): Phase 2 in the 2026-04-03
     * edition ("any request to management.azure.com", the REST API and SDK), out of scope in the first edition, whose
     * Phase 2 is the CLI, PowerShell and the mobile app at sign-in.
     */
    @Test
    void anUnlistedClientsTokenForAzureResourceManagerIsPhase2OnlyInTheLatestEdition(@TempDir Path tmp) throws IOException {
        Path tenant = copyOfBase(tmp.resolve("t"));
        JsonNode signIns = JSON.readTree(tenant.resolve("signIns.json").toFile());
        com.fasterxml.jackson.databind.node.ArrayNode list = (com.fasterxml.jackson.databind.node.ArrayNode) (signIns.has("value") ? signIns.get("value") : signIns);
        com.fasterxml.jackson.databind.node.ObjectNode vscode = null;
        for (JsonNode r : list) if (r.get("id").asText().equals("s-alice-cli")) vscode = ((com.fasterxml.jackson.databind.node.ObjectNode) r).deepCopy();
        vscode.put("id", "s-alice-vscode").put("appId", "aebc6443-996d-45c2-90f0-388ff96faa56").put("appDisplayName", "Visual Studio Code")
                .put("resourceId", "797f4846-ba00-4fd7-ba43-dac1f8f63013");
        list.add(vscode);
        JSON.writeValue(tenant.resolve("signIns.json").toFile(), signIns);
        for (String[] e : new String[][]{{"2024-09-24", "false", "APP_NOT_LISTED"}, {"2026-04-03", "true", "ENFORCED_RESOURCE"}}) {
            Path out = tmp.resolve(e[0] + ".json");
            CliTest.Run run = CliTest.run("evaluate", tenant.toString(), "--rules", rules(), "--edition", e[0], "--format", "json",
                    "--sign-ins", "all", "-o", out.toString());
            JsonNode verdict = null;
            for (JsonNode v : JSON.readTree(out.toFile()).get("signIns")) if (v.get("id").asText().equals("s-alice-vscode")) verdict = v;
            assertEquals(e[1], verdict.get("inScope").asText(), e[0] + " " + run.err());
            assertEquals(e[2], verdict.get("scopeReason").asText(), e[0]);
        }
    }

    @Test
    void aManifestFieldOfTheWrongTypeIsAnInputErrorNamingIt(@TempDir Path tmp) throws IOException {
        Path tenant = copyOfBase(tmp.resolve("t"));
        Files.writeString(tenant.resolve("tenant.json"), "{\"tenantId\": \"t\", \"license\": [\"P1\"]}");
        InputException e = assertThrows(InputException.class, () -> TenantLoader.load(tenant));
        assertTrue(e.getMessage().contains("license must be a string"), e.getMessage());
        CliTest.Run run = CliTest.run("evaluate", tenant.toString(), "--rules", rules(), "--edition", EDITION);
        assertEquals(2, run.code());
        assertTrue(run.err().contains("license"), run.err());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"public,public", "AzureCloud,public", "GLOBAL,public", "usgov,usgov",
            "AzureUSGovernment,usgov", "dod,usgovdod", "USGovDoD,usgovdod", "china,china", "AzureChinaCloud,china"})
    void theCloudsNamesMapToOneValueEach(String given, String canonical, @TempDir Path tmp) throws IOException, InputException {
        Path tenant = copyOfBase(tmp.resolve("t"));
        Files.writeString(tenant.resolve("tenant.json"), "{\"tenantId\": \"t\", \"cloud\": \"" + given + "\"}");
        assertEquals(canonical, TenantLoader.load(tenant).tenant.getCloud());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"publc", "azure", "usgovernment", "sovereign"})
    void anUnknownCloudIsAnInputErrorNotASovereignCloud(String given, @TempDir Path tmp) throws IOException {
        Path tenant = copyOfBase(tmp.resolve("t"));
        Files.writeString(tenant.resolve("tenant.json"), "{\"tenantId\": \"t\", \"cloud\": \"" + given + "\"}");
        InputException e = assertThrows(InputException.class, () -> TenantLoader.load(tenant));
        assertTrue(e.getMessage().contains("cloud must be public (AzureCloud, Global)") && e.getMessage().contains("\"" + given + "\""), e.getMessage());
        CliTest.Run run = CliTest.run("evaluate", tenant.toString(), "--rules", rules(), "--edition", "2026-04-03");
        assertEquals(2, run.code());
        assertTrue(run.err().contains("cloud must be public"), run.err());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "{\"error\": {\"code\": \"AuthorizationFailed\", \"message\": \"no\"}}",
            "{}",
            "{\"properties\": {}}",
            "{\"properties\": {\"feedbackControlPolicy\": {}}}",
            "{\"properties\": null}",
            "[]"})
    void aSettingsFileWithoutSettingsIsUnknownNotDefault(String body, @TempDir Path tmp) throws IOException, InputException {
        Path tenant = copyOfBase(tmp.resolve("t"));
        Files.writeString(tenant.resolve("enforcementSettings.json"), body);
        TenantData data = TenantLoader.load(tenant);
        assertTrue(data.tenantSettings.isEmpty(), body + " read as settings: " + data.tenantSettings);
        assertEquals(1, data.settingsUnknown.size(), body);
        if (body.contains("error")) {
            String why = data.settingsUnknown.get(0).getReason();
            assertTrue(why.contains("AuthorizationFailed: no"), why);
        }
    }

    @Test
    void theSettingsResourceWithoutMfaSettingsIsStillNeverChanged(@TempDir Path tmp) throws IOException, InputException {
        Path tenant = copyOfBase(tmp.resolve("t"));
        Files.writeString(tenant.resolve("enforcementSettings.json"), "{\"type\": \"Microsoft.PortalServices/settings\", \"properties\": {}}");
        TenantData data = TenantLoader.load(tenant);
        assertEquals(2, data.tenantSettings.size());
        assertTrue(data.settingsUnknown.isEmpty());
    }

    @Test
    void anUnknownManifestKeyIsAWarningWithASuggestion(@TempDir Path tmp) throws IOException, InputException {
        Path tenant = copyOfBase(tmp.resolve("t"));
        Files.writeString(tenant.resolve("tenant.json"), "{\"tenantId\": \"t\", \"licence\": \"P1\"}");
        TenantData data = TenantLoader.load(tenant);
        assertEquals(List.of("tenant.json: unknown key \"licence\" is ignored; did you mean \"license\"?"), data.warnings);
        CliTest.Run run = CliTest.run("evaluate", tenant.toString(), "--as-of", "2025-11-28", "-o", tmp.resolve("r.txt").toString(), "--rules", rules(), "--edition", EDITION);
        assertTrue(run.err().contains("did you mean \"license\""), run.err());
        String text = Files.readString(tmp.resolve("r.txt"));
        assertTrue(text.contains("Warning  tenant.json: unknown key"), text);
    }

    @Test
    void aRejectedPolicyNamesFileRecordAndFieldAndTheStatusIsIncomplete(@TempDir Path tmp) throws IOException {
        Path tenant = copyOfBase(tmp.resolve("t"));
        String policies = Files.readString(tenant.resolve("conditionalAccessPolicies.json")).replace("\"operator\": \"OR\"", "\"operator\": \"XOR\"");
        Files.writeString(tenant.resolve("conditionalAccessPolicies.json"), policies);
        Report report = TestRules.evaluate(tenant);
        assertEquals(Report.Status.INCOMPLETE, report.status());
        String rejection = report.inputs().rejected().get(0).toString();
        assertTrue(rejection.contains("conditionalAccessPolicies.json") && rejection.contains("grantControls.operator")
                && rejection.contains("XOR"), rejection);
    }

    /**
     * Issue 24: each narrowing condition of the wrong JSON type rejects the policy, located (file, record, field
     * path, what was found), and the status is INCOMPLETE; before, it was read as absent and the policy covered everyone.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "\"platforms\": \"android\"                                    | conditions.platforms must be an object, found \"android\"",
            "\"locations\": 42                                             | conditions.locations must be an object, found 42",
            "\"devices\": \"compliant\"                                    | conditions.devices must be an object, found \"compliant\"",
            "\"devices\": {\"deviceFilter\": {\"mode\": \"include\", \"rule\": 7}}   | conditions.devices.deviceFilter.rule must be a string, found 7",
            "\"devices\": {\"deviceFilter\": {\"mode\": \"maybe\", \"rule\": \"x\"}} | conditions.devices.deviceFilter.mode: unknown value \"maybe\"",
            "\"signInRiskLevels\": {\"high\": true}                         | conditions.signInRiskLevels must be an array of strings, found {\"high\":true}",
            "\"userRiskLevels\": [1]                                       | conditions.userRiskLevels must hold strings, found 1",
            "\"insiderRiskLevels\": {\"level\": \"elevated\"}                | conditions.insiderRiskLevels must be a string, found {\"level\":\"elevated\"}",
            "\"authenticationFlows\": \"deviceCodeFlow\"                     | conditions.authenticationFlows must be an object, found \"deviceCodeFlow\"",
            "\"authenticationFlows\": {\"transferMethods\": 3}               | conditions.authenticationFlows.transferMethods must be a string, found 3",
            "\"servicePrincipalRiskLevels\": \"high\"                       | conditions.servicePrincipalRiskLevels must be an array of strings, found \"high\"",
            "\"locations\": {\"includeLocations\": [\"All\"], \"excludeLocations\": \"AllTrusted\"} | conditions.locations.excludeLocations must be an array of strings, found \"AllTrusted\"",
            "\"platforms\": {\"includePlatforms\": \"all\"}                   | conditions.platforms.includePlatforms must be an array of strings, found \"all\"",
            "\"clientApplications\": {\"includeServicePrincipals\": \"x\"}    | conditions.clientApplications.includeServicePrincipals must be an array of strings, found \"x\"",
    })
    void aMalformedNarrowingConditionRejectsThePolicyWhereItIs(String condition, String reason, @TempDir Path tmp) throws Exception {
        Path tenant = copyOfBase(tmp.resolve("t"));
        String policies = Files.readString(tenant.resolve("conditionalAccessPolicies.json"))
                .replace("\"conditions\": {", "\"conditions\": {" + condition.strip() + ", ");
        Files.writeString(tenant.resolve("conditionalAccessPolicies.json"), policies);
        Report report = TestRules.evaluate(tenant);
        assertEquals(Report.Status.INCOMPLETE, report.status());
        assertEquals(1, report.inputs().rejected().size(), report.inputs().rejected()::toString);
        String rejection = report.inputs().rejected().get(0).toString();
        assertEquals("conditionalAccessPolicies.json record 1 (line 3): field " + reason.strip(), rejection);
        assertTrue(report.users().stream().filter(u -> u.id().equals("u-bob")).allMatch(u -> u.coveredBy().isEmpty()), "no coverage from a rejected policy");
    }

    /** Copies of one sign-in in several files: the same report whatever order the files are read in. */
    @Test
    void copiesAcrossExportsGiveTheSameReportInAnyFileOrder(@TempDir Path tmp) throws Exception {
        Path tenant = copyOfBase(tmp.resolve("t"));
        Files.writeString(tenant.resolve("signIns-portal.json"), "[{\"id\": \"s-bob-portal\", \"createdDateTime\": \"2025-11-25T09:00:00Z\","
                + " \"userId\": \"u-bob\", \"userPrincipalName\": \"bob@contoso.example\", \"appId\": \"c44b4083-3bb0-49c1-b47d-974e53cbdf3c\","
                + " \"authenticationRequirement\": \"singleFactorAuthentication\", \"status\": {\"errorCode\": 0}},"
                + " {\"id\": \"s-alice-portal\", \"createdDateTime\": \"2025-11-25T09:00:00Z\", \"userId\": \"u-alice\","
                + " \"appId\": \"c44b4083-3bb0-49c1-b47d-974e53cbdf3c\", \"status\": {\"errorCode\": 0}}]");
        TenantData data = TenantLoader.load(tenant);
        String inOrder = json(data);
        List<Path> reversed = new ArrayList<>(data.signInFiles);
        Collections.reverse(reversed);
        data.signInFiles.clear();
        data.signInFiles.addAll(reversed);
        assertEquals(inOrder, json(data));
        Report report = new Evaluator(TestRules.base()).evaluate(TenantLoader.load(tenant), TestRules.AS_OF);
        assertEquals(11, report.summary().signInsRead());
        assertEquals(9, report.summary().signInsEvaluated());
        assertEquals(2, report.summary().signInsDuplicate());
        assertEquals(0, report.summary().signInsNotSatisfied());
    }

    private static String json(TenantData data) throws Exception {
        Report report = new Evaluator(TestRules.base()).onOneThread().evaluate(data, LocalDate.of(2025, 11, 28));
        StringWriter out = new StringWriter();
        new JsonRenderer().render(report, out);
        // the folder is the same; only the file list order of inputs.files follows reading order
        return out.toString().replaceAll("\"files\" : \\[[^\\]]*\\]", "");
    }
}
