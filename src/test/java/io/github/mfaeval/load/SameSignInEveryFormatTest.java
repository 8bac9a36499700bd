package io.github.mfaeval.load;

import io.github.mfaeval.load.signin.SignInKind;
import io.github.mfaeval.result.Rejection;
import io.github.mfaeval.TestRules;
import io.github.mfaeval.model.AuthStep;
import io.github.mfaeval.model.SignIn;
import io.github.mfaeval.result.Report;
import io.github.mfaeval.result.SignInVerdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same five sign-ins (an interactive Azure portal sign-in with MFA, an Azure CLI token refresh carrying an MFA
 * claim, a guest whose MFA was denied, a service principal, a managed identity), exported in every format the
 * loader reads (src/test/resources/formats/, written from the documented headers and shapes), give the same facts
 * and the same verdicts. The Graph pages are the reference.
 */
class SameSignInEveryFormatTest {
    static final Path FORMATS = TestRules.PROJECT.resolve("src/test/resources/formats");
    static final String REFERENCE = "graph-pages";

    @ParameterizedTest
    @ValueSource(strings = {"graph-ndjson", "graph-gzip", "portal-json", "portal-csv", "log-analytics-json",
            "log-analytics-api", "log-analytics-csv", "azure-monitor", "powershell"})
    void sameFactsAsGraph(String format) throws Exception {
        Map<String, String> expected = facts(REFERENCE);
        Map<String, String> actual = facts(format);
        if (format.equals("portal-csv")) {
            // the portal CSV has no authenticationRequirementPolicies column (docs/formats.md)
            expected.replaceAll((id, f) -> f.replaceAll("providers=\\[[^]]*]", "providers=?"));
            actual.replaceAll((id, f) -> f.replaceAll("providers=\\[[^]]*]", "providers=?"));
        }
        assertEquals(expected, actual);
    }

    @ParameterizedTest
    @ValueSource(strings = {"graph-pages", "graph-ndjson", "graph-gzip", "portal-json", "portal-csv", "log-analytics-json",
            "log-analytics-api", "log-analytics-csv", "azure-monitor", "powershell"})
    void sameVerdictsAsGraph(String format) {
        Report r = TestRules.evaluate(FORMATS.resolve(format));
        assertEquals(List.of(), r.inputs().rejected(), format);
        assertEquals(5, r.summary().signInsRead());
        assertEquals(5, r.summary().signInsEvaluated());
        assertEquals(verdicts(TestRules.evaluate(FORMATS.resolve(REFERENCE))), verdicts(r));
    }

    @Test
    void theReferenceSaysWhatTheFixturesMean() {
        Map<String, String> v = verdicts(TestRules.evaluate(FORMATS.resolve(REFERENCE)));
        assertEquals("inScope=true mfa=true by=ENTRA_MFA reason=LISTED_APP", v.get("6a1f0c52-0d3e-4c1b-9b7e-1f2a3b4c5d01"));
        assertEquals("inScope=true mfa=true by=PREVIOUS_MFA_CLAIM reason=LISTED_APP", v.get("6a1f0c52-0d3e-4c1b-9b7e-1f2a3b4c5d02"));
        assertEquals("inScope=true mfa=false by=null reason=LISTED_APP", v.get("6a1f0c52-0d3e-4c1b-9b7e-1f2a3b4c5d03"));
        assertEquals("inScope=false mfa=null by=null reason=WORKLOAD_IDENTITY", v.get("6a1f0c52-0d3e-4c1b-9b7e-1f2a3b4c5d04"));
        assertEquals("inScope=false mfa=null by=null reason=WORKLOAD_IDENTITY", v.get("6a1f0c52-0d3e-4c1b-9b7e-1f2a3b4c5d05"));
    }

    @Test
    void azureMonitorRecordsKeepTheTenantOfTheirEnvelope() throws Exception {
        TenantData data = TenantLoader.load(FORMATS.resolve("azure-monitor"));
        List<String> tenants = new ArrayList<>();
        for (Path file : data.signInFiles()) {
            for (SignIn s : SignInFile.read(file, data.authDetails).signIns) tenants.add(s.getLogTenantId());
        }
        assertEquals(List.of("5f0c2a7e-1b3d-4e8f-9a6b-7c8d9e0f1a2b", "5f0c2a7e-1b3d-4e8f-9a6b-7c8d9e0f1a2b",
                "5f0c2a7e-1b3d-4e8f-9a6b-7c8d9e0f1a2b", "5f0c2a7e-1b3d-4e8f-9a6b-7c8d9e0f1a2b",
                "5f0c2a7e-1b3d-4e8f-9a6b-7c8d9e0f1a2b"), tenants, "both files: the storage blob and the Event Hub lines");
        for (Path file : TenantLoader.load(FORMATS.resolve("graph-ndjson")).signInFiles()) {
            for (SignIn s : SignInFile.read(file).signIns) assertEquals("", s.getLogTenantId(), s.getSource());
        }
    }

    /** id -> the facts a rule can see, in one line. */
    static Map<String, String> facts(String format) throws Exception {
        TenantData data = TenantLoader.load(FORMATS.resolve(format));
        Map<String, String> out = new TreeMap<>();
        List<Rejection> rejected = new ArrayList<>(data.rejected);
        for (Path file : data.signInFiles()) {
            SignInFile f = SignInFile.read(file, data.authDetails);
            rejected.addAll(f.rejections);
            for (SignIn s : f.signIns) out.put(s.getId(), fingerprint(s, f.kinds.get(s.getId())));
        }
        assertEquals(List.of(), rejected, format);
        return out;
    }

    static String fingerprint(SignIn s, SignInKind kind) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("created", s.getCreatedDateTime());
        f.put("app", s.getAppIdLower());
        f.put("workload", s.isWorkloadIdentity());
        f.put("kind", kind);
        f.put("error", s.getErrorCode());
        if (!s.isWorkloadIdentity()) {
            // what workload-identity exports carry beyond this differs by format and no rule reads it
            f.put("user", s.getUserId());
            f.put("upn", s.getUserPrincipalName());
            f.put("type", s.getUserType());
            f.put("home", s.getHomeTenantId());
            f.put("resource", s.getResourceTenantId());
            f.put("requirement", s.getAuthenticationRequirement());
            f.put("providers", new TreeSet<>(s.getRequirementProviders()));
            f.put("protocol", s.getAuthenticationProtocol());
            f.put("details", s.getAdditionalDetails());
            List<String> steps = new ArrayList<>();
            for (AuthStep a : s.getAuthenticationDetails()) {
                steps.add(a.getMethod() + "/" + a.isSucceeded() + "/" + a.getStepRequirement() + "/" + a.getResultDetail());
            }
            f.put("steps", steps);
        }
        return f.toString();
    }

    static Map<String, String> verdicts(Report r) {
        Map<String, String> out = new TreeMap<>();
        for (SignInVerdict v : r.signIns()) {
            out.put(v.id(), "inScope=" + v.inScope() + " mfa=" + v.mfaSatisfied() + " by=" + v.satisfiedBy() + " reason=" + v.scopeReason());
        }
        assertTrue(out.size() == 5, out::toString);
        return out;
    }
}
