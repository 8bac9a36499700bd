package io.github.mfaeval.load.signin;

import io.github.mfaeval.TestRules;
import io.github.mfaeval.result.Inputs;
import io.github.mfaeval.result.Report;
import io.github.mfaeval.result.SignInVerdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Records of another tenant's log in a tenant folder (an Event Hub capture or a Log Analytics export that holds
 * several tenants) are not this tenant's evidence: they are left out, not counted, and each file says how many.
 */
class OtherTenantRecordsTest {
    static final Path FORMATS = TestRules.PROJECT.resolve("src/test/resources/formats");
    static final String OWN = "5f0c2a7e-1b3d-4e8f-9a6b-7c8d9e0f1a2b";
    static final String OTHER = "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9";

    @Test
    void recordsOfAnotherTenantsLogAreLeftOutAndCountedPerFile(@TempDir Path dir) throws Exception {
        Path tenant = copy(FORMATS.resolve("azure-monitor"), dir.resolve("t"));
        Path capture = tenant.resolve("signIns-eventhub.jsonl");
        List<String> lines = Files.readAllLines(capture, StandardCharsets.UTF_8);
        // A sign-in of the other tenant, and the other tenant's copy of one of this tenant's sign-ins (a B2B
        // sign-in is logged in both tenants under the same id): in the upper-case spelling some exports use.
        String foreign = lines.get(0).replace("\"tenantId\": \"" + OWN + "\"", "\"tenantId\": \"" + OTHER.toUpperCase() + "\"")
                .replace("6a1f0c52-0d3e-4c1b-9b7e-1f2a3b4c5d04", "6a1f0c52-0d3e-4c1b-9b7e-1f2a3b4c5d99");
        String copyInOtherLog = lines.get(1).replace("\"tenantId\": \"" + OWN + "\"", "\"tenantId\": \"" + OTHER + "\"");
        Files.writeString(capture, foreign + "\n" + copyInOtherLog + "\n", StandardOpenOption.APPEND);

        Report original = TestRules.evaluate(FORMATS.resolve("azure-monitor"));
        Report r = TestRules.evaluate(tenant);
        assertEquals(5, r.summary().signInsRead(), "the other tenant's records are not read as this tenant's");
        assertEquals(5, r.summary().signInsEvaluated());
        assertEquals(0, r.summary().signInsDuplicate());
        assertEquals(List.of(), r.inputs().rejected());
        assertEquals(verdicts(original), verdicts(r));
        assertEquals(List.of("signIns-eventhub.jsonl: 2 sign-in records from the log of another tenant not evaluated (tenantId "
                + OTHER + ": 2); this tenant is " + OWN), r.inputs().warnings());
        Map<String, Long> files = r.inputs().files().stream().filter(f -> f.name().startsWith("signIns") || f.name().startsWith("PT1H"))
                .collect(Collectors.toMap(Inputs.FileRead::name, Inputs.FileRead::records, (a, b) -> a, TreeMap::new));
        assertEquals(Map.of("PT1H-signIns.json", 3L, "signIns-eventhub.jsonl", 2L), files);
        assertEquals(original.status(), r.status(), "left out, not rejected: the report is as complete as before");
    }

    @Test
    void aFileOfOnlyThisTenantsLogHasNoWarning() {
        Report r = TestRules.evaluate(FORMATS.resolve("azure-monitor"));
        assertEquals(List.of(), r.inputs().warnings());
        assertEquals(5, r.summary().signInsEvaluated());
    }

    private static Map<String, String> verdicts(Report r) {
        Map<String, String> out = new TreeMap<>();
        for (SignInVerdict v : r.signIns()) out.put(v.id(), v.inScope() + " " + v.mfaSatisfied() + " " + v.satisfiedBy() + " " + v.source());
        return out;
    }

    private static Path copy(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) Files.copy(f, to.resolve(f.getFileName()));
        }
        return to;
    }
}
