package io.github.mfaeval.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mfaeval.TestRules;
import io.github.mfaeval.rules.RuleFiles;
import io.github.mfaeval.generate.TenantGenerator;
import io.github.mfaeval.result.Inputs;
import io.github.mfaeval.result.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The acceptance test for fetching only what the rules judge: on a synthetic tenant with every sign-in kind,
 * the collection filtered by the edition's applications table and the full one give the same verdicts for every
 * user, in-scope sign-in and finding, in both editions; only counts of out-of-scope sign-ins differ, and the
 * report says the log was filtered. Also when Graph refuses the {@code or} filter, or any appId filter for a kind.
 */
class FilteredCollectionTest {
    static final Instant NOW = Instant.parse("2025-11-28T00:00:00Z");

    static Path syntheticTenant(Path tmp) throws Exception {
        Path handMade = tmp.resolve("hand-made");
        new TenantGenerator(20261207L, 40, 900, true).write(0, handMade);
        return handMade;
    }

    static CollectRun.TenantResult collect(FakeGraph fake, Path out, SignInFilter filter, boolean full, Instant now, Pacing pacing, List<String> log) {
        TenantList.Entry t = new TenantList.Entry(fake.tenantId(), "t", new AuthSpec(AuthKind.token, null, null, null, null, null, null), null);
        CollectRun.Settings s = new CollectRun.Settings(fake.url(), fake.url(), fake.url(), false, false,
                new RetryPolicy(3, Duration.ofMillis(1), Duration.ofSeconds(2)), "mfa-eval test", Clock.fixed(now, ZoneOffset.UTC),
                Map.of(EnvTokens.GRAPH_VARIABLE, "g-token")::get, null,
                new CollectOptions.SignInOptions(filter, full, CollectOptions.SignInOptions.OVERLAP, Duration.ZERO), pacing);
        return new CollectRun(s, CollectRun.httpClient(), line -> {
            synchronized (log) {
                log.add(line);
            }
        }, line -> { }).one(t, out);
    }

    static SignInFilter editionFilter(String edition) throws Exception {
        return SignInFilter.of(RuleFiles.fromDirectory(TestRules.RULES).edition(edition));
    }

    /** Verdicts without the sign-ins that are out of scope (their counts may differ: the filtered log lacks most of them). */
    static JsonNode inScopeVerdicts(Report r) {
        ObjectNode n = (ObjectNode) CollectCliSupport.verdicts(r);
        ObjectNode signIns = (ObjectNode) n.get("signIns");
        for (Iterator<Map.Entry<String, JsonNode>> it = signIns.fields(); it.hasNext(); ) {
            if (!it.next().getValue().path("inScope").asBoolean()) it.remove();
        }
        return n;
    }

    @Test
    void filteredAndFullCollectionsGiveTheSameVerdictsInEveryEdition(@TempDir Path tmp) throws Exception {
        Path handMade = syntheticTenant(tmp);
        try (FakeGraph fake = new FakeGraph(handMade, 100)) {
            for (String kind : TenantCollector.SIGN_IN_EVENT_TYPES) {
                assertFalse(fake.signInsByType.get(kind).isEmpty(), "the synthetic tenant has " + kind + " sign-ins");
            }
            Path full = tmp.resolve("full");
            assertEquals(CollectRun.Outcome.COMPLETE, collect(fake, full, SignInFilter.ALL, false, NOW, null, new ArrayList<>()).outcome());
            for (String edition : TestRules.editions()) {
                SignInFilter filter = editionFilter(edition);
                Path filtered = tmp.resolve("filtered-" + edition);
                int asked = fake.signInLog.filters.size();
                List<String> log = new ArrayList<>();
                assertEquals(CollectRun.Outcome.COMPLETE, collect(fake, filtered, filter, false, NOW, null, log).outcome(), log.toString());
                // one query per kind, the listed applications or-ed
                List<String> filters = fake.signInLog.filters.subList(asked, fake.signInLog.filters.size());
                assertEquals(4, filters.size(), filters.toString());
                for (String f : filters) assertTrue(f.contains(filter.orClause()), f);

                Report a = TestRules.evaluate(full, TestRules.AS_OF, edition);
                Report b = TestRules.evaluate(filtered, TestRules.AS_OF, edition);
                assertEquals("", CollectCliSupport.firstDifference(inScopeVerdicts(a), inScopeVerdicts(b), "report"), "edition " + edition + " rejected " + b.inputs().rejected() + " findings " + b.findings().stream().map(f -> f.code()).toList() + " vs " + a.findings().stream().map(f -> f.code()).toList());
                // the filter did fetch less, and only listed applications
                assertTrue(b.summary().signInsRead() * 2 < a.summary().signInsRead(), b.summary().signInsRead() + " of " + a.summary().signInsRead());
                assertTrue(b.summary().signInsInScope() > 0);
                Set<String> listed = new HashSet<>(filter.appIds());
                b.signIns().forEach(s -> assertTrue(listed.contains(s.appId().toLowerCase()), s.appId()));
                // the report says the log was filtered; the full one does not
                assertTrue(Inputs.describe(b.inputs().collection()).contains("sign-ins filtered when collected"), Inputs.describe(b.inputs().collection()));
                assertFalse(Inputs.describe(a.inputs().collection()).contains("filtered"), Inputs.describe(a.inputs().collection()));
                // collection.json says which filter each kind was fetched with
                JsonNode c = FakeGraph.MAPPER.readTree(filtered.resolve("collection.json").toFile());
                assertTrue(c.path("signInFilter").asText().contains("edition " + edition), c.path("signInFilter").asText());
                for (String kind : TenantCollector.SIGN_IN_EVENT_TYPES) {
                    JsonNode e = CollectAgainstFakeGraphTest.entry(c, TenantCollector.signInFile(kind));
                    assertTrue(e.path("filter").asText().startsWith("appId of the " + filter.appIds().size()), e.toString());
                    assertTrue(e.path("signIns").path("query").asText().contains(" or "), e.toString());
                }
            }
        }
    }

    @Test
    void whenGraphRefusesTheOrFilterEachApplicationIsAskedAndWhenItRefusesAppIdTheKindIsFilteredHere(@TempDir Path tmp) throws Exception {
        Path handMade = syntheticTenant(tmp);
        String edition = TestRules.editions().get(TestRules.editions().size() - 1);
        SignInFilter filter = editionFilter(edition);
        try (FakeGraph fake = new FakeGraph(handMade, 100)) {
            Path full = tmp.resolve("full");
            collect(fake, full, SignInFilter.ALL, false, NOW, null, new ArrayList<>());
            fake.signInLog.refuseOr = true;
            fake.signInLog.refuseAppId.add("nonInteractiveUser");
            Path filtered = tmp.resolve("filtered");
            List<String> log = new ArrayList<>();
            assertEquals(CollectRun.Outcome.COMPLETE, collect(fake, filtered, filter, false, NOW, null, log).outcome(), log.toString());
            assertTrue(log.stream().anyMatch(l -> l.contains("Graph refused the filter (HTTP 400") && l.contains("one query per application instead")), log.toString());

            Report a = TestRules.evaluate(full, TestRules.AS_OF, edition);
            Report b = TestRules.evaluate(filtered, TestRules.AS_OF, edition);
            assertEquals("", CollectCliSupport.firstDifference(inScopeVerdicts(a), inScopeVerdicts(b), "report"));
            JsonNode c = FakeGraph.MAPPER.readTree(filtered.resolve("collection.json").toFile());
            assertTrue(CollectAgainstFakeGraphTest.entry(c, TenantCollector.signInFile("interactiveUser")).path("signIns").path("query").asText()
                    .startsWith("one query per application (" + filter.appIds().size() + ")"), c.toString());
            assertTrue(CollectAgainstFakeGraphTest.entry(c, TenantCollector.signInFile("nonInteractiveUser")).path("signIns").path("query").asText()
                    .startsWith("none: Graph refused appId filters"), c.toString());
            Set<String> listed = new HashSet<>(filter.appIds());
            b.signIns().forEach(s -> assertTrue(listed.contains(s.appId().toLowerCase()), "dropped here when Graph cannot filter: " + s.appId()));
        }
    }

    @Test
    void theFilterIsTheEditionsTableSoANewRowIsCollectedWithNoCodeChange(@TempDir Path tmp) throws Exception {
        Path rules = TestRules.copyOfRules(tmp.resolve("rules"));
        String edition = TestRules.editions().get(0);
        SignInFilter before = SignInFilter.of(RuleFiles.fromDirectory(rules).edition(edition));
        Path table = rules.resolve("reference/applications.drl.csv");
        Files.writeString(table, Files.readString(table)
                + "\"Some new admin portal\",\"MM-APP-099\",\"Applications\",\"true\",\"11111111-2222-3333-4444-555555555555\",\"New portal\",\"1\"\n"
                + "\"A row switched off\",\"MM-APP-098\",\"Applications\",\"false\",\"99999999-2222-3333-4444-555555555555\",\"Off\",\"1\"\n");
        SignInFilter after = SignInFilter.of(RuleFiles.fromDirectory(rules).edition(edition));
        assertEquals(before.appIds().size() + 1, after.appIds().size());
        assertTrue(after.appIds().contains("11111111-2222-3333-4444-555555555555"));
        assertFalse(after.appIds().contains("99999999-2222-3333-4444-555555555555"));
        assertTrue(after.describe().contains("reference/applications.drl.csv"), after.describe());
        // the later edition has its own table (the Microsoft 365 admin center)
        SignInFilter latest = SignInFilter.of(RuleFiles.fromDirectory(TestRules.RULES).edition("2026-04-03"));
        assertTrue(latest.appIds().contains("00000006-0000-0ff1-ce00-000000000000"), latest.appIds().toString());
        assertTrue(latest.describe().contains("editions/2026-04-03/reference/applications.drl.csv"), latest.describe());
    }
}
