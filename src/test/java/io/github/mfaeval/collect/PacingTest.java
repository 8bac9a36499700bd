package io.github.mfaeval.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.mfaeval.generate.TenantGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests to Graph's reports APIs never start faster than the limits allow, per tenant and across the tenants of
 * a run: checked on the fake's own request log, every window of it, with Graph's limits run 50 times faster
 * (5 requests per 200 ms). An unpaced run breaks the limit on the same log, so the check can fail. Also the
 * end-of-run figures: requests and 429s in collection.json are the fake's own counts.
 */
class PacingTest {
    private static final double SCALE = 50;
    private static final long WINDOW_MS = (long) (Pacing.WINDOW.toMillis() / SCALE);

    private static CollectRun run(FakeGraph fake, Pacing pacing, List<String> log) {
        CollectRun.Settings s = new CollectRun.Settings(fake.url(), fake.url(), fake.url(), false, false,
                new RetryPolicy(8, Duration.ofMillis(1), Duration.ofSeconds(2)), "mfa-eval test", Clock.fixed(FilteredCollectionTest.NOW, ZoneOffset.UTC),
                Map.of(EnvTokens.GRAPH_VARIABLE, "g-token")::get, null,
                new CollectOptions.SignInOptions(SignInFilter.ALL, false, CollectOptions.SignInOptions.OVERLAP, Duration.ZERO), pacing);
        return new CollectRun(s, CollectRun.httpClient(), line -> {
            synchronized (log) {
                log.add(line);
            }
        }, line -> { });
    }

    private static TenantList.Entry tenant(String id, String folder) {
        return new TenantList.Entry(id, folder, new AuthSpec(AuthKind.token, null, null, null, null, null, null), null);
    }

    /** The most reports-API requests the fake received within any window of {@code windowMs}. */
    static int busiestWindow(List<ServeEvent> served, long windowMs) {
        List<Long> times = new ArrayList<>();
        for (ServeEvent e : served) {
            if (Pacing.isReportsApi(e.getRequest().getAbsoluteUrl())) times.add(e.getRequest().getLoggedDate().getTime());
        }
        times.sort(null);
        int most = 0;
        for (int i = 0, j = 0; i < times.size(); i++) {
            while (times.get(i) - times.get(j) >= windowMs) j++;
            most = Math.max(most, i - j + 1);
        }
        return most;
    }

    @Test
    void oneTenantNeverExceedsItsLimitInAnyWindowAndMeetsNo429(@TempDir Path tmp) throws Exception {
        Path handMade = tmp.resolve("hand-made");
        new TenantGenerator(20261209L, 20, 300, true).write(0, handMade);
        try (FakeGraph fake = new FakeGraph(handMade, 10)) {
            fake.signInLog.throttle(Pacing.PER_TENANT, WINDOW_MS);
            List<String> log = new ArrayList<>();
            CollectRun.TenantResult r = run(fake, new Pacing(Pacing.PER_TENANT, Pacing.PER_APPLICATION, Pacing.WINDOW, SCALE), log)
                    .one(tenant(fake.tenantId(), "t"), tmp.resolve("paced"));
            assertEquals(CollectRun.Outcome.COMPLETE, r.outcome(), log.toString());
            List<ServeEvent> served = fake.served();
            long reports = served.stream().filter(e -> Pacing.isReportsApi(e.getRequest().getAbsoluteUrl())).count();
            assertTrue(reports > 30, "enough requests to meet the limit: " + reports);
            assertTrue(busiestWindow(served, WINDOW_MS) <= Pacing.PER_TENANT, "at most 5 in any window: " + busiestWindow(served, WINDOW_MS));
            assertEquals(0, fake.signInLog.throttled.get(), "a paced run meets no 429");

            // the end-of-run figures are the fake's: every request it received, no 429
            JsonNode c = FakeGraph.MAPPER.readTree(tmp.resolve("paced/collection.json").toFile());
            assertEquals(served.size(), c.path("stats").path("requests").asLong(), c.path("stats").toString());
            assertEquals(0, c.path("stats").path("throttled").asLong());
            long perFile = 0;
            for (JsonNode f : c.path("files")) perFile += f.path("stats").path("requests").asLong();
            assertEquals(served.size() - 2, perFile, "every request but tenant.json's two is a file's");
            JsonNode interactive = CollectAgainstFakeGraphTest.entry(c, TenantCollector.signInFile("interactiveUser"));
            assertTrue(interactive.path("stats").path("pages").asLong() > 3, interactive.toString());
            assertTrue(interactive.path("stats").has("seconds"));
            // progress a person can follow, and the closing figures on stderr
            assertTrue(log.stream().anyMatch(l -> l.matches(".*signIns-interactiveUser-\\*\\.jsonl\\.gz: page \\d+, \\d+ record\\(s\\), [0-9.]+ of 30\\.0 day\\(s\\) covered \\(\\d+%\\).*left")),
                    String.join("\n", log));
            assertTrue(log.stream().anyMatch(l -> l.matches(".*stats: signIns-interactiveUser-\\*\\.jsonl\\.gz: \\d+ request\\(s\\), 0 throttled \\(429\\), \\d+ record\\(s\\), \\d+ page\\(s\\), [0-9.]+ s")),
                    String.join("\n", log));
            assertTrue(log.stream().anyMatch(l -> l.contains("stats: whole tenant: " + served.size() + " request(s)")), String.join("\n", log));

            // unpaced, the same collection breaks the limit (so the check above can fail), and the 429s are counted
            fake.server.resetRequests();
            fake.signInLog.throttled.set(0);
            CollectRun.TenantResult unpaced = run(fake, null, new ArrayList<>()).one(tenant(fake.tenantId(), "t"), tmp.resolve("unpaced"));
            assertEquals(CollectRun.Outcome.COMPLETE, unpaced.outcome());
            assertTrue(fake.signInLog.throttled.get() > 0, "unpaced requests are throttled");
            JsonNode u = FakeGraph.MAPPER.readTree(tmp.resolve("unpaced/collection.json").toFile());
            assertEquals(fake.signInLog.throttled.get(), u.path("stats").path("throttled").asLong(), "every 429 counted");
        }
    }

    @Test
    void manyTenantsTogetherKeepTheApplicationWideLimit(@TempDir Path tmp) throws Exception {
        Path handMade = tmp.resolve("hand-made");
        new TenantGenerator(20261210L, 10, 120, true).write(0, handMade);
        int applicationLimit = 7;
        try (FakeGraph fake = new FakeGraph(handMade, 10)) {
            fake.signInLog.throttle(applicationLimit, WINDOW_MS);
            List<CollectRun.TenantResult> results = run(fake, new Pacing(Pacing.PER_TENANT, applicationLimit, Pacing.WINDOW, SCALE), new ArrayList<>())
                    .run(List.of(tenant(fake.tenantId(), "a"), tenant(fake.tenantId(), "b"), tenant(fake.tenantId(), "c")), tmp.resolve("root"), 3);
            results.forEach(r -> assertEquals(CollectRun.Outcome.COMPLETE, r.outcome(), r.tenant()));
            assertTrue(busiestWindow(fake.served(), WINDOW_MS) <= applicationLimit, "at most " + applicationLimit + " in any window across tenants: "
                    + busiestWindow(fake.served(), WINDOW_MS));
            assertEquals(0, fake.signInLog.throttled.get());
        }
    }

    @Test
    void theLimiterLetsNoMoreThanItsLimitStartInAnyWindow() throws Exception {
        RateLimiter l = new RateLimiter("test", 3, 100_000_000L);
        List<Long> starts = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread th = new Thread(() -> {
                try {
                    for (int i = 0; i < 5; i++) {
                        l.acquire();
                        starts.add(System.nanoTime());
                        l.release();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) th.join();
        List<Long> sorted = new ArrayList<>(starts);
        sorted.sort(null);
        assertEquals(20, sorted.size());
        for (int i = 3; i < sorted.size(); i++) {
            assertTrue(sorted.get(i) - sorted.get(i - 3) >= 100_000_000L, "the 4th start of any 4 is a window after the 1st");
        }
        assertEquals(24, Pacing.GRAPH_REPORTS.tenantsAtOnce(), "--parallel's default: 122 / 5");
    }
}
