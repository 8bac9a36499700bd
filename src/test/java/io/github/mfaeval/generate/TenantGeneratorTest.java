package io.github.mfaeval.generate;

import io.github.mfaeval.load.text.Position;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.mfaeval.TestRules;
import io.github.mfaeval.engine.Evaluator;
import io.github.mfaeval.load.text.JsonRecords;
import io.github.mfaeval.load.TenantLoader;
import io.github.mfaeval.report.JsonRenderer;
import io.github.mfaeval.result.Report;
import io.github.mfaeval.result.SignInVerdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TenantGeneratorTest {
    private static List<Path> files(Path dir) throws Exception {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
        }
    }

    @Test
    void theSameSeedGivesTheSameBytes(@TempDir Path tmp) throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        Path c = tmp.resolve("c");
        for (int i = 0; i < 2; i++) {
            new TenantGenerator(7, 60, 800, false).write(i, a.resolve(TenantGenerator.folderName(i)));
        }
        // In the other order: a tenant depends only on the seed and its index.
        for (int i = 1; i >= 0; i--) {
            new TenantGenerator(7, 60, 800, false).write(i, b.resolve(TenantGenerator.folderName(i)));
        }
        new TenantGenerator(8, 60, 800, false).write(0, c.resolve(TenantGenerator.folderName(0)));
        assertEquals(files(a), files(b));
        assertTrue(files(a).size() >= 2 * 13, files(a).toString());
        for (Path f : files(a)) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f.toString());
        }
        Path signIns = Path.of(TenantGenerator.folderName(0), "signIns.json");
        assertFalse(Files.readString(a.resolve(signIns)).equals(Files.readString(c.resolve(signIns))), "another seed, other data");
    }

    @Test
    void aGeneratedTenantHasEveryKindOfSignInAndUser(@TempDir Path tmp) throws Exception {
        Path tenant = tmp.resolve("t");
        new TenantGenerator(3, 150, 3000, false).write(0, tenant);
        Report r = TestRules.evaluate(tenant);
        assertEquals(3000, r.summary().signInsRead());
        assertEquals(0, r.summary().signInsRejected(), () -> r.inputs().rejected().toString());
        assertTrue(r.summary().signInsDuplicate() > 0, "overlapping exports");
        assertEquals(List.of(), r.inputs().missing(), "every export is there");

        Set<String> seen = new HashSet<>();
        for (SignInVerdict v : r.signIns()) {
            seen.add(v.scopeReason() + "");
            if (v.satisfiedBy() != null) seen.add(v.satisfiedBy().name());
            if (Boolean.FALSE.equals(v.mfaSatisfied())) seen.add("UNSATISFIED");
            if (v.rules().contains("MM-ACC-001")) seen.add("PASSWORD_GRANT");
        }
        for (String kind : List.of("LISTED_APP", "APP_NOT_LISTED", "WORKLOAD_IDENTITY", "ENTRA_MFA", "PREVIOUS_MFA_CLAIM",
                "UNSATISFIED", "PASSWORD_GRANT")) {
            assertTrue(seen.contains(kind), kind + " missing from " + seen);
        }
        Set<String> codes = new HashSet<>();
        r.findings().forEach(f -> codes.add(f.code()));
        assertTrue(codes.contains("NO_MFA_METHOD"), codes.toString());
        assertTrue(codes.contains("AUTOMATION_ON_USER_IDENTITY"), codes.toString());

        List<String> eventTypes = new ArrayList<>();
        for (String file : List.of("signIns.json", "signIns-nonInteractive.json", "signIns-workload.json")) {
            JsonRecords.read(tenant.resolve(file), (JsonNode n, Position p) -> eventTypes.add(n.get("signInEventTypes").get(0).asText()),
                    (p, why) -> { throw new AssertionError(file + " " + p + ": " + why); });
        }
        for (String type : List.of("interactiveUser", "nonInteractiveUser", "servicePrincipal", "managedIdentity")) {
            assertTrue(eventTypes.contains(type), type);
        }
        long guests = r.users().stream().filter(u -> u.userPrincipalName().contains("#EXT#")).count();
        assertTrue(guests > 0, "guests");
    }

    @Test
    void graphPagesAndOneRecordPerLineReadTheSame(@TempDir Path tmp) throws Exception {
        Path lines = tmp.resolve("lines");
        Path pages = tmp.resolve("pages");
        new TenantGenerator(5, 40, 1500, false).write(0, lines);
        new TenantGenerator(5, 40, 1500, true).write(0, pages);
        assertTrue(Files.readString(pages.resolve("signIns.json")).startsWith("{\"@odata.context\""));
        Report a = TestRules.evaluate(lines);
        Report b = TestRules.evaluate(pages);
        assertEquals(a.summary(), b.summary());
        assertEquals(a.signIns().stream().map(SignInVerdict::id).toList(), b.signIns().stream().map(SignInVerdict::id).toList());
    }

    @Test
    void manyChunksOnTwoThreadsGiveTheReportOfOne(@TempDir Path tmp) throws Exception {
        Path tenant = tmp.resolve("t");
        new TenantGenerator(11, 300, 4500, false).write(0, tenant);
        Evaluator two = new Evaluator(TestRules.base());
        StringWriter a = new StringWriter();
        StringWriter b = new StringWriter();
        new JsonRenderer().render(two.evaluate(TenantLoader.load(tenant), TestRules.AS_OF), a);
        new JsonRenderer().render(two.onOneThread().evaluate(TenantLoader.load(tenant), TestRules.AS_OF), b);
        assertEquals(b.toString(), a.toString());
    }
}
