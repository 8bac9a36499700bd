package io.github.mfaeval.collect;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mfaeval.TestRules;
import io.github.mfaeval.generate.TenantGenerator;
import io.github.mfaeval.result.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nightly collection: a folder holding a complete collection gets only what is new (from the earlier window's end
 * less the overlap), merged into files per day with duplicates removed and the days that left the window deleted,
 * and ends exactly as a fresh collection of the same window would. A run killed midway leaves every file whole
 * and readable, and the next run completes it: the same folder as a run that was never interrupted.
 */
class IncrementalCollectionTest {
    // the synthetic tenant's sign-ins run to 2025-11-27; the fake's log "at" T1 is everything before T1
    private static final Instant T1 = Instant.parse("2025-11-20T12:00:00Z");
    private static final Instant T2 = T1.plus(Duration.ofDays(1));
    private static final int DAYS = 7;

    private static CollectRun.TenantResult collect(FakeGraph fake, Path out, boolean full, Instant now, List<String> log) {
        TenantList.Entry t = new TenantList.Entry(fake.tenantId(), "t", new AuthSpec(AuthKind.token, null, null, null, null, null, null), DAYS);
        CollectRun.Settings s = new CollectRun.Settings(fake.url(), fake.url(), fake.url(), false, false,
                new RetryPolicy(3, Duration.ofMillis(1), Duration.ofSeconds(2)), "mfa-eval test", Clock.fixed(now, ZoneOffset.UTC),
                Map.of(EnvTokens.GRAPH_VARIABLE, "g-token")::get, null,
                new CollectOptions.SignInOptions(SignInFilter.ALL, full, CollectOptions.SignInOptions.OVERLAP, Duration.ZERO), null);
        return new CollectRun(s, CollectRun.httpClient(), line -> {
            synchronized (log) {
                log.add(line);
            }
        }, line -> { }).one(t, out);
    }

    private static Path tenant(Path tmp) throws Exception {
        Path handMade = tmp.resolve("hand-made");
        new TenantGenerator(20261208L, 30, 1200, true).write(0, handMade);
        return handMade;
    }

    /** Each sign-in file of the folder and the records it holds, by id (order within a file is no matter). */
    static Map<String, Map<String, JsonNode>> signIns(Path folder) throws Exception {
        Map<String, Map<String, JsonNode>> out = new TreeMap<>();
        for (String kind : TenantCollector.SIGN_IN_EVENT_TYPES) {
            for (Path f : SignInDays.list(folder, kind).values()) {
                Map<String, JsonNode> records = new TreeMap<>();
                SignInDays.read(f, r -> assertNull(records.put(r.path("id").asText(), r), f + ": " + r.path("id").asText() + " twice"));
                out.put(f.getFileName().toString(), records);
            }
        }
        return out;
    }

    /** collection.json's sign-in entries, without what differs from run to run (times, costs, the reason for the mode). */
    static Map<String, String> kinds(Path folder) throws Exception {
        JsonNode c = FakeGraph.MAPPER.readTree(folder.resolve("collection.json").toFile());
        Map<String, String> out = new TreeMap<>();
        for (String kind : TenantCollector.SIGN_IN_EVENT_TYPES) {
            JsonNode e = CollectAgainstFakeGraphTest.entry(c, TenantCollector.signInFile(kind));
            out.put(kind, e.path("status").asText() + " " + e.path("records").asLong() + " " + e.path("signIns").path("coversFrom").asText()
                    + " " + e.path("signIns").path("coversTo").asText() + " " + e.path("signIns").path("days"));
        }
        return out;
    }

    @Test
    void theNextNightFetchesOnlyWhatIsNewAndEndsAsAFreshCollection(@TempDir Path tmp) throws Exception {
        Path handMade = tenant(tmp);
        Path nightly = tmp.resolve("nightly");
        Path fresh = tmp.resolve("fresh");
        try (FakeGraph fake = new FakeGraph(handMade, 50)) {
            assertEquals(CollectRun.Outcome.COMPLETE, collect(fake, nightly, false, T1, new ArrayList<>()).outcome());
            Set<String> firstDays = signIns(nightly).keySet();
            int asked = fake.signInLog.filters.size();
            List<String> log = new ArrayList<>();
            assertEquals(CollectRun.Outcome.COMPLETE, collect(fake, nightly, false, T2, log).outcome(), log.toString());
            List<String> second = fake.signInLog.filters.subList(asked, fake.signInLog.filters.size());
            assertEquals(4, second.size(), second.toString());
            for (String f : second) assertTrue(f.startsWith("createdDateTime ge 2025-11-20T11:45:00Z and createdDateTime lt 2025-11-21T12:00:00Z"), f);

            JsonNode c = FakeGraph.MAPPER.readTree(nightly.resolve("collection.json").toFile());
            assertEquals("incremental", c.path("signInWindow").path("mode").asText(), c.path("signInWindow").toString());
            assertEquals("2025-11-20T11:45:00Z", c.path("signInWindow").path("fetchedFrom").asText());
            assertEquals("2025-11-14T12:00:00Z", c.path("signInWindow").path("from").asText());
            assertEquals("2025-11-21T12:00:00Z", c.path("signInWindow").path("to").asText());
            assertTrue(c.path("complete").asBoolean());
            JsonNode interactive = CollectAgainstFakeGraphTest.entry(c, TenantCollector.signInFile("interactiveUser"));
            assertEquals("incremental", interactive.path("signIns").path("mode").asText());
            assertTrue(interactive.path("signIns").path("fetched").asLong() < interactive.path("records").asLong() / 3, interactive.toString());

            // the day that left the window is a deleted file; the first day keeps only what is in the window
            assertTrue(firstDays.contains(TenantCollector.signInDayFile("interactiveUser", LocalDate.parse("2025-11-13"))), firstDays.toString());
            assertFalse(Files.exists(nightly.resolve(TenantCollector.signInDayFile("interactiveUser", LocalDate.parse("2025-11-13")))));
            Map<String, Map<String, JsonNode>> after = signIns(nightly);
            for (JsonNode r : after.get(TenantCollector.signInDayFile("interactiveUser", LocalDate.parse("2025-11-14"))).values()) {
                assertFalse(Instant.parse(r.path("createdDateTime").asText()).isBefore(Instant.parse("2025-11-14T12:00:00Z")), r.toString());
            }

            // exactly what a fresh collection of the same window holds (the overlap's duplicates removed: signIns() checks)
            assertEquals(CollectRun.Outcome.COMPLETE, collect(fake, fresh, true, T2, new ArrayList<>()).outcome());
            assertEquals(signIns(fresh), after);
            assertEquals(kinds(fresh), kinds(nightly));

            // --full fetches the whole window again
            asked = fake.signInLog.filters.size();
            collect(fake, nightly, true, T2, new ArrayList<>());
            for (String f : fake.signInLog.filters.subList(asked, fake.signInLog.filters.size())) assertTrue(f.startsWith("createdDateTime ge 2025-11-14T12:00:00Z"), f);
        }
    }

    @Test
    void aRunKilledMidwayLeavesTheEarlierStateReadableAndTheNextRunCompletesIt(@TempDir Path tmp) throws Exception {
        Path handMade = tenant(tmp);
        Path killed = tmp.resolve("killed");
        Path reference = tmp.resolve("reference");
        try (FakeGraph fake = new FakeGraph(handMade, 50)) {
            collect(fake, killed, false, T1, new ArrayList<>());
            copy(killed, reference);
            Map<String, byte[]> before = bytes(killed);

            // a real kill (SIGKILL) of a collecting process, while it waits for the second kind's sign-ins
            fake.signInLog.holdKind = "nonInteractiveUser";
            ProcessBuilder pb = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp", System.getProperty("java.class.path"),
                    "io.github.mfaeval.cli.Main", "collect", "--tenant", fake.tenantId(), "--out", killed.toString(), "--auth", "token",
                    "--graph-endpoint", fake.url(), "--no-arm", "--all-sign-ins", "--days", String.valueOf(DAYS), "--now", T2.toString(),
                    "--time-scale", "1000", "--retry-base-ms", "1")
                    .redirectErrorStream(true).redirectOutput(tmp.resolve("killed.log").toFile());
            pb.environment().put(EnvTokens.GRAPH_VARIABLE, "g-token");
            Process p = pb.start();
            try {
                assertTrue(fake.signInLog.held.await(120, TimeUnit.SECONDS), "the collector reached the second kind: " + Files.readString(tmp.resolve("killed.log")));
                p.destroyForcibly();
                assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            } finally {
                p.destroyForcibly();
                fake.signInLog.release.countDown();
            }

            // what the killed run left: every file whole; the kinds it did not reach exactly as before
            JsonNode c = FakeGraph.MAPPER.readTree(killed.resolve("collection.json").toFile());
            assertTrue(c.path("complete").isMissingNode(), "an unfinished run says so: " + c);
            assertEquals(T2.toString(), CollectAgainstFakeGraphTest.entry(c, TenantCollector.signInFile("interactiveUser")).path("signIns").path("coversTo").asText());
            for (String kind : List.of("nonInteractiveUser", "servicePrincipal", "managedIdentity")) {
                assertEquals(T1.toString(), CollectAgainstFakeGraphTest.entry(c, TenantCollector.signInFile(kind)).path("signIns").path("coversTo").asText(), kind);
                for (Path f : SignInDays.list(killed, kind).values()) {
                    assertTrue(java.util.Arrays.equals(before.get(f.getFileName().toString()), Files.readAllBytes(f)), f + " untouched");
                }
            }
            Report readable = TestRules.evaluate(killed);
            assertEquals(List.of(), readable.inputs().rejected(), "every file the killed run left is readable");
            signIns(killed); // and holds no duplicate

            // the next run completes it: the same folder as a run never interrupted
            List<String> log = new ArrayList<>();
            assertEquals(CollectRun.Outcome.COMPLETE, collect(fake, killed, false, T2, log).outcome(), log.toString());
            assertEquals(CollectRun.Outcome.COMPLETE, collect(fake, reference, false, T2, new ArrayList<>()).outcome());
            assertEquals(signIns(reference), signIns(killed));
            assertEquals(kinds(reference), kinds(killed));
            try (Stream<Path> files = Files.list(killed)) {
                assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith(".")), "no temporary file left");
            }
            assertEquals(names(reference), names(killed));
        }
    }

    private static Set<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return new HashSet<>(files.map(f -> f.getFileName().toString()).toList());
        }
    }

    private static Map<String, byte[]> bytes(Path folder) throws Exception {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.toList()) out.put(f.getFileName().toString(), Files.readAllBytes(f));
        }
        return out;
    }

    private static void copy(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.sorted(Comparator.naturalOrder()).toList()) Files.copy(f, to.resolve(f.getFileName()));
        }
    }
}
