package io.github.mfaeval.load.signin;

import io.github.mfaeval.TestRules;
import io.github.mfaeval.model.SignIn;
import io.github.mfaeval.result.Rejection;
import io.github.mfaeval.result.SignInFeed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the intake tells of each record, in one read: another tenant's, the first sight of an id, or a later record of
 * one (held when richer, with several files). An id another tenant's log carries too is read twice: its sign-in is
 * judged with the copies, as before the one-pass intake, whichever record comes first.
 */
class SignInIntakeTest {
    private static final Path AZURE_MONITOR = TestRules.PROJECT.resolve("src/test/resources/formats/azure-monitor");
    private static final String OWN = "5f0c2a7e-1b3d-4e8f-9a6b-7c8d9e0f1a2b";
    private static final String OTHER = "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9";

    @TempDir
    Path dir;

    @Test
    void anIdFirstSeenInAnotherTenantsLogIsHeldNotJudgedAtOnce() throws Exception {
        Path capture = tenant().resolve("signIns-eventhub.jsonl");
        List<String> lines = Files.readAllLines(capture, StandardCharsets.UTF_8);
        String own = lines.get(1);
        String id = idOf(own);
        List<String> changed = new ArrayList<>(lines);
        changed.add(1, own.replace("\"tenantId\": \"" + OWN + "\"", "\"tenantId\": \"" + OTHER + "\""));
        Files.write(capture, changed, StandardCharsets.UTF_8);

        Recorded r = read();
        assertTrue(r.events.contains("other " + id), r.events.toString());
        assertTrue(r.events.contains("repeated false"), "the first own record of the id is no duplicate: " + r.events);
        assertTrue(r.events.stream().noneMatch(e -> e.equals("first " + id)), "not judged at once: " + r.events);
        assertEquals(Set.of(id), r.intake.repeatedIds());
        assertEquals(List.of(id), r.intake.heldCopies().stream().map(SignIn::getId).toList());
    }

    @Test
    void anIdSeenAgainInAnotherTenantsLogIsJudgedWithTheCopies() throws Exception {
        Path capture = tenant().resolve("signIns-eventhub.jsonl");
        List<String> lines = Files.readAllLines(capture, StandardCharsets.UTF_8);
        String own = lines.get(0);
        String id = idOf(own);
        List<String> changed = new ArrayList<>(lines);
        changed.add(own.replace("\"tenantId\": \"" + OWN + "\"", "\"tenantId\": \"" + OTHER + "\""));
        Files.write(capture, changed, StandardCharsets.UTF_8);

        Recorded r = read();
        assertTrue(r.events.contains("first " + id), r.events.toString());
        assertTrue(r.events.contains("other " + id), r.events.toString());
        assertEquals(Set.of(id), r.intake.repeatedIds(), "the judged first record is set aside with the copies");
        assertEquals(List.of(), List.copyOf(r.intake.heldCopies()));
    }

    @Test
    void withOneFileALaterRecordIsADuplicateAndNothingIsHeld() throws Exception {
        Path tenant = tenant();
        Files.delete(tenant.resolve("PT1H-signIns.json"));
        Path capture = tenant.resolve("signIns-eventhub.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(capture, StandardCharsets.UTF_8));
        lines.add(lines.get(0));
        Files.write(capture, lines, StandardCharsets.UTF_8);

        Recorded r = read();
        assertEquals("repeated true", r.events.get(r.events.size() - 2), r.events.toString());
        assertEquals(Set.of(), r.intake.repeatedIds());
        assertEquals(List.of(), List.copyOf(r.intake.heldCopies()));
    }

    private record Recorded(SignInIntake intake, List<String> events) {
    }

    private Recorded read() throws Exception {
        SignInIntake intake = (SignInIntake) io.github.mfaeval.load.TenantLoader.load(dir.resolve("t")).signInIntake();
        List<String> events = new ArrayList<>();
        intake.read(1, 0, (a, b) -> 0, new SignInFeed() {
            @Override
            public void firstSight(SignIn s) {
                events.add("first " + s.getId());
            }

            @Override
            public void repeated(boolean duplicate) {
                events.add("repeated " + duplicate);
            }

            @Override
            public void otherTenant(SignIn s) {
                events.add("other " + s.getId());
            }

            @Override
            public void rejected(Rejection r) {
                events.add("rejected " + r.records());
            }

            @Override
            public void fileRead(String fileName) {
                events.add("file " + fileName);
            }
        });
        return new Recorded(intake, events);
    }

    private Path tenant() throws Exception {
        Path to = dir.resolve("t");
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(AZURE_MONITOR)) {
            for (Path f : files.toList()) Files.copy(f, to.resolve(f.getFileName()));
        }
        return to;
    }

    private static String idOf(String line) {
        int at = line.indexOf("\"id\": \"") + 7;
        return line.substring(at, line.indexOf('"', at));
    }
}
