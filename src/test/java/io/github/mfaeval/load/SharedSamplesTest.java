package io.github.mfaeval.load;

import io.github.mfaeval.load.signin.SignInKind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mfaeval.TestRules;
import io.github.mfaeval.load.signin.GraphEnums;
import io.github.mfaeval.model.AuthStep;
import io.github.mfaeval.model.CaPolicy;
import io.github.mfaeval.model.SignIn;
import io.github.mfaeval.result.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every public sample file loads, and these are the facts each gives. */
class SharedSamplesTest {
    static final Path SAMPLES = TestRules.PROJECT.resolve("src/test/resources/samples");
    private static final String MANIFEST = "{\"tenantId\": \"00000000-0000-0000-0000-0000000000aa\", \"displayName\": \"Samples\"}";

    /** The data files this class reads; everything else in the folder is a README or a licence. */
    private static final Set<String> COVERED = Set.of(
            "graph-docs/beta-signin-list-example1.json",
            "graph-docs/v1.0-conditionalAccess-policies-list-example.json",
            "graph-docs/v1.0-userRegistrationDetails-list-example.json",
            "azure-docs/azure-monitor-signinlogs-record-example.json",
            "azure-sentinel/sign-in_adelete.EXCERPT.csv",
            "scubagear/ProviderSettingsExport.json",
            "msgraph-metadata/beta-enum-types.json",
            "msgraph-metadata/v1.0-enum-types.json");

    @Test
    void everySampleFileIsReadByATestHere() throws IOException {
        Set<String> files;
        try (Stream<Path> walk = Files.walk(SAMPLES)) {
            files = walk.filter(Files::isRegularFile).map(p -> SAMPLES.relativize(p).toString().replace('\\', '/'))
                    .filter(n -> !n.endsWith("README.md") && !n.contains("LICENSE"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(new TreeSet<>(COVERED), files);
    }

    @Test
    void graphBetaPageGivesAFailedAzurePortalSignIn() {
        SignInFile f = SignInFile.read(SAMPLES.resolve("graph-docs/beta-signin-list-example1.json"));
        assertEquals(List.of(), f.rejections);
        assertEquals("JSON page objects, Graph", f.format);
        SignIn s = f.byId("1691d37b-8579-43a7-966a-0f35583c1300");
        assertEquals(Instant.parse("2021-06-30T16:34:32Z"), s.getCreatedDateTime());
        assertEquals("c44b4083-3bb0-49c1-b47d-974e53cbdf3c", s.getAppId());
        assertEquals("testaccount1@contoso.com", s.getUserPrincipalName());
        assertEquals("26be570a-1111-5555-b4e2-a37c6808512d", s.getUserId());
        assertEquals("member", s.getUserType());
        assertEquals(50126, s.getErrorCode());
        assertEquals("singlefactorauthentication", s.getAuthenticationRequirement());
        assertEquals("oauth2", s.getAuthenticationProtocol());
        assertEquals(1, s.getStepCount());
        AuthStep step = s.getAuthenticationDetails().get(0);
        assertEquals("Password", step.getMethod());
        assertFalse(step.isSucceeded());
        assertTrue(step.isPrimary());
        assertFalse(s.isWorkloadIdentity());
        assertEquals(SignInKind.INTERACTIVE, f.kinds.get(s.getId()));
        assertEquals("99081087-73c4-48d1-a112-f60ff75114f7", s.getHomeTenantId(), "the duplicated key's last value, as Jackson reads it");
        assertEquals("", s.getLogTenantId(), "a Graph record does not say whose log it is");
    }

    @Test
    void azureMonitorRecordIsUnwrappedFromItsEnvelope() {
        SignInFile f = SignInFile.read(SAMPLES.resolve("azure-docs/azure-monitor-signinlogs-record-example.json"));
        assertEquals(List.of(), f.rejections);
        assertEquals("JSON objects, Azure Monitor diagnostic record (SignInLogs)", f.format);
        SignIn s = f.byId("0231f922-93fa-4005-bb11-b344eca03c01");
        assertEquals(Instant.parse("2019-03-12T16:02:15.5522137Z"), s.getCreatedDateTime());
        assertEquals("<APPLICATION ID>", s.getAppId(), "placeholders are kept as they are");
        assertEquals("member", s.getUserType(), "Member becomes the Graph member");
        assertEquals(50140, s.getErrorCode());
        assertEquals("multifactorauthentication", s.getAuthenticationRequirement());
        assertEquals(Set.of("multiconditionalaccess"), s.getRequirementProviders());
        assertEquals(2, s.getStepCount());
        assertEquals("MFA requirement satisfied by claim in the token", s.getAuthenticationDetails().get(1).getResultDetail());
        assertEquals(SignInKind.INTERACTIVE, f.kinds.get(s.getId()));
        assertEquals("<tenant id>", s.getLogTenantId(), "the envelope's tenantId: whose log it is");
    }

    @Test
    void sentinelCsvGivesTwoSignInsOfAdele() {
        SignInFile f = SignInFile.read(SAMPLES.resolve("azure-sentinel/sign-in_adelete.EXCERPT.csv"));
        assertEquals(List.of(), f.rejections);
        assertEquals("Log Analytics CSV, Log Analytics (SigninLogs)", f.format);
        assertEquals(2, f.signIns.size());
        SignIn portal = f.byId("cfb68155-70f5-4e28-b046-0a3a7086c401");
        assertEquals(Instant.parse("2021-04-28T14:08:45.221Z"), portal.getCreatedDateTime(), "US-locale time in a [UTC] column");
        assertEquals("c44b4083-3bb0-49c1-b47d-974e53cbdf3c", portal.getAppId());
        assertEquals("9b117c67-170e-4aed-9702-658b3fddc889", portal.getUserId());
        assertEquals("adelev@m365x816222.onmicrosoft.com", portal.getUserPrincipalName());
        assertEquals("member", portal.getUserType());
        assertEquals(0, portal.getErrorCode(), "from Status_dynamic");
        assertEquals("singlefactorauthentication", portal.getAuthenticationRequirement());
        assertEquals(Set.of(), portal.getRequirementProviders());
        assertEquals(1, portal.getStepCount(), "from the multi-line JSON cell");
        assertEquals("Previously satisfied", portal.getAuthenticationDetails().get(0).getMethod());
        assertTrue(portal.getAuthenticationDetails().get(0).isSucceeded());
        assertEquals(SignInKind.INTERACTIVE, f.kinds.get(portal.getId()), "SigninLogs holds interactive sign-ins");
        assertEquals("2ad3fc79-1859-42fa-9011-6f8df2251b22", portal.getLogTenantId(),
                "AADTenantId, not TenantId (the Log Analytics workspace, 7c759f10-…)");
        SignIn suite = f.byId("ff7972e5-bd41-4c6a-9cc9-c34dc63e5701");
        assertEquals("4345a7b9-9a63-4910-a426-35363201d503", suite.getAppId());
        assertEquals(Instant.parse("2021-04-28T14:27:54.891Z"), suite.getCreatedDateTime());
    }

    @Test
    void conditionalAccessPageGivesTwoPolicies(@TempDir Path tenant) throws Exception {
        copy("graph-docs/v1.0-conditionalAccess-policies-list-example.json", tenant.resolve("conditionalAccessPolicies.json"));
        TenantData data = load(tenant);
        assertEquals(List.of(), data.rejected);
        Map<String, CaPolicy> policies = new io.github.mfaeval.engine.Evaluator(io.github.mfaeval.TestRules.base()).classifyPolicies(data)
                .stream().collect(Collectors.toMap(CaPolicy::getId, p -> p));
        assertEquals(2, policies.size());
        CaPolicy simple = policies.get("ad8d2b4a-8d30-413f-88b8-144c6c8d98d9");
        assertEquals("SimplePolicy1", simple.getDisplayName());
        assertTrue(simple.isDisabled());
        assertEquals(Set.of("block"), simple.getBuiltInControls());
    }

    @Test
    void registrationDetailsPageGivesThreeUsers(@TempDir Path tenant) throws Exception {
        copy("graph-docs/v1.0-userRegistrationDetails-list-example.json", tenant.resolve("userRegistrationDetails.json"));
        TenantData data = load(tenant);
        assertEquals(List.of(), data.rejected);
        assertEquals(3, data.registrations.size());
        Registration alex = data.registrations.get("86462606-fde0-4fc4-9e0c-a20eb73e54c6");
        assertEquals(Boolean.TRUE, alex.mfaCapable());
        assertEquals(Set.of("microsoftauthenticatorpush", "softwareonetimepasscode"), alex.methodsRegistered());
    }

    @Test
    void scubaGearExportGivesPoliciesMethodsAndPrivilegedRoles(@TempDir Path tenant) throws Exception {
        copy("scubagear/ProviderSettingsExport.json", tenant.resolve("ProviderSettingsExport.json"));
        TenantData data = load(tenant);
        assertEquals(List.of(), data.rejected);
        JsonNode raw = new ObjectMapper().readTree(SAMPLES.resolve("scubagear/ProviderSettingsExport.json").toFile());

        Map<String, CaPolicy> policies = new io.github.mfaeval.engine.Evaluator(io.github.mfaeval.TestRules.base()).classifyPolicies(data)
                .stream().collect(Collectors.toMap(CaPolicy::getId, p -> p));
        assertEquals(7, policies.size());
        CaPolicy mfa = policies.get("a205d789-8090-43d1-b42b-0d915b08fbfd");
        assertTrue(mfa.isEnabled());
        assertTrue(mfa.isRequiresMfa(), "the built-in Multifactor authentication strength");
        assertTrue(mfa.getIncludeApplications().contains("all"));
        assertEquals(Set.of("block"), policies.get("f56276cf-d30f-4e0f-9d73-d72f99370dcb").getBuiltInControls());
        assertEquals(1, policies.values().stream().filter(CaPolicy::isRequiresMfa).count());

        long assignments = 0;
        for (JsonNode role : raw.get("privileged_roles")) assignments += role.path("Assignments").size();
        assertEquals(assignments, data.roleAssignments.size());
        assertTrue(data.roleAssignments.stream().anyMatch(a -> a.getRoleTemplateId().equals("62e90394-69f5-4237-9190-012177145e10")),
                "Global Administrators are known");

        assertEquals(List.of(), data.externalMethods, "no external authentication method is configured");
        assertEquals(12, data.filesRead.get("ProviderSettingsExport.json authentication_method_feature_settings"));
        Set<String> missing = data.missing.stream().map(m -> m.getFile()).collect(Collectors.toSet());
        assertFalse(missing.contains("conditionalAccessPolicies.json"));
        assertFalse(missing.contains("authenticationMethodsPolicy.json"));
        assertFalse(missing.contains("roleAssignments.json"));
        assertTrue(missing.contains("users.json"), "what the export lacks is still missing");

        Report r = TestRules.evaluate(tenant);
        assertNotNull(r);
        assertTrue(r.inputs().rejected().isEmpty());
    }

    @Test
    void enumFilesLoadAndThePackagedSubsetMatchesThem() throws IOException {
        GraphEnums beta;
        GraphEnums v1;
        try (InputStream in = Files.newInputStream(SAMPLES.resolve("msgraph-metadata/beta-enum-types.json"))) {
            beta = GraphEnums.read(in);
        }
        try (InputStream in = Files.newInputStream(SAMPLES.resolve("msgraph-metadata/v1.0-enum-types.json"))) {
            v1 = GraphEnums.read(in);
        }
        assertTrue(beta.names().size() > 1800, beta.toString());
        assertTrue(v1.names().size() > 800, v1.toString());
        assertTrue(beta.names().contains("security.alertSeverity"), "namespaced enums keep their namespace");
        assertTrue(beta.names().contains("requirementProvider"));
        assertFalse(v1.names().contains("requirementProvider"), "sign-in requirement detail is beta-only");

        GraphEnums bundled = GraphEnums.bundled();
        assertEquals(10, bundled.names().size());
        for (String name : bundled.names()) {
            assertEquals(beta.members(name), bundled.members(name), name + " drifted from msgraph-metadata");
        }
        assertEquals("primaryRefreshToken", bundled.canonical("incomingTokenType", "Primary Refresh Token"));
        assertEquals("member", bundled.canonical("signInUserType", "Member"));
        assertEquals("oAuth2", bundled.canonical("protocolType", "OAuth 2.0"));
        assertEquals("systemAssigned", bundled.canonical("msiType", "System Assigned"));
        assertEquals("Something new", bundled.canonical("msiType", " Something new "), "unknown text is kept");
        assertNull(bundled.canonical("msiType", null));
    }

    private static void copy(String sample, Path to) throws IOException {
        Files.copy(SAMPLES.resolve(sample), to);
        Files.writeString(to.resolveSibling("tenant.json"), MANIFEST);
    }

    private static TenantData load(Path tenant) throws InputException {
        return TenantLoader.load(tenant);
    }
}
