package io.github.mfaeval.rules;

import io.github.mfaeval.engine.Evaluator;
import io.github.mfaeval.engine.RuleBase;
import io.github.mfaeval.engine.Stage;
import io.github.mfaeval.TestRules;
import io.github.mfaeval.load.TenantLoader;
import io.github.mfaeval.model.ReferenceFact;
import io.github.mfaeval.report.JsonRenderer;
import io.github.mfaeval.result.Report;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A rule base from the cache is the rule base a build gives, and a changed or damaged cache is never used. */
class RuleBaseCacheTest {
    @TempDir
    static Path shared;
    static Path cacheDir;
    static RuleFiles files;
    static RuleBaseCache.Loaded built;

    @BeforeAll
    static void buildOnce() throws Exception {
        cacheDir = shared.resolve("cache");
        files = RuleFiles.fromDirectory(TestRules.RULES);
        built = new RuleBaseCache(cacheDir).load(files);
    }

    private static Path copyOf(Path dir, Path to) throws Exception {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path dest = to.resolve(dir.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(dest);
                else Files.copy(p, dest);
            }
        }
        return to;
    }

    private static String report(RuleBase base, String tenant) throws Exception {
        Report r = new Evaluator(base).evaluate(TenantLoader.load(TestRules.EXAMPLES.resolve(tenant)), TestRules.AS_OF);
        StringWriter out = new StringWriter();
        new JsonRenderer().render(r, out);
        return out.toString();
    }

    private static List<String> referenceFacts(RuleBase base) {
        List<String> out = new ArrayList<>();
        for (ReferenceFact f : base.reference()) out.add(f.getClass().getSimpleName() + " " + f.getSourceRule());
        return out;
    }

    @Test
    void withoutACacheTheRulesAreBuiltAndNothingIsReadOrWritten() throws Exception {
        // --no-cache: the same rule base as through the cache, built afresh though an entry for these files exists.
        RuleBaseCache.Loaded fresh = RuleBases.load(files, RuleBaseCache.none());
        assertFalse(fresh.fromCache(), "an existing entry is not read");
        assertNull(fresh.problem());
        assertNull(RuleBaseCache.none().root(), "no folder to write into");
        assertEquals(built.base().catalogue(), fresh.base().catalogue());
        assertEquals(built.base().fingerprint(), fresh.base().fingerprint());
        assertEquals(report(built.base(), "fabrikam-gaps"), report(fresh.base(), "fabrikam-gaps"));
        // And through a cache folder: the second load of the same files is served from it.
        assertTrue(RuleBases.load(files, RuleBaseCache.at(cacheDir)).fromCache());
    }

    @Test
    void aSecondLoadComesFromTheCacheAndIsTheSameRuleBase() throws Exception {
        assertFalse(built.fromCache());
        assertNull(built.problem());
        RuleBaseCache.Loaded cached = new RuleBaseCache(cacheDir).load(files);
        assertTrue(cached.fromCache(), "second load from cache");
        assertNull(cached.problem());
        RuleBase fresh = TestRules.base();
        assertEquals(new ArrayList<>(fresh.catalogue().entrySet()), new ArrayList<>(cached.base().catalogue().entrySet()),
                "catalogue, in the same order");
        assertEquals(fresh.warnings(), cached.base().warnings());
        assertEquals(fresh.fingerprint(), cached.base().fingerprint());
        assertEquals(fresh.source(), cached.base().source());
        assertEquals(fresh.referenceRules(), cached.base().referenceRules());
        assertEquals(referenceFacts(fresh), referenceFacts(cached.base()));
        for (String tenant : List.of("contoso-ready", "fabrikam-gaps", "northwind-guests")) {
            assertEquals(report(fresh, tenant), report(cached.base(), tenant), tenant);
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode meta(Path cache, RuleFiles f) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                cache.resolve(new RuleBaseCache(cache).key(f)).resolve("catalogue.json").toFile());
    }

    @Test
    void theProjectsRulesLoadStraightFromTheirModelClasses() throws Exception {
        // The fast path (no kmodule.xml parsing) is what keeps a cached start short: it must stay in use.
        com.fasterxml.jackson.databind.JsonNode packages = meta(cacheDir, files).get("packages");
        assertTrue(packages != null && packages.isObject(), "packages recorded: " + packages);
        for (Stage stage : Stage.values()) {
            assertEquals("[\"" + stage.kbase() + "\"]", packages.get(stage.kbase()).toString(), stage.kbase());
        }
    }

    @Test
    void aDamagedEntryIsRebuiltAndReplaced() throws Exception {
        Path cache = copyOf(cacheDir, shared.resolve("damaged"));
        String key = new RuleBaseCache(cache).key(files);
        Files.write(cache.resolve(key).resolve("rules.kjar"), new byte[] {'P', 'K', 0, 1});
        RuleBaseCache.Loaded rebuilt = new RuleBaseCache(cache).load(files);
        assertFalse(rebuilt.fromCache());
        assertNotNull(rebuilt.problem(), "the damaged entry is reported");
        assertEquals(TestRules.base().catalogue(), rebuilt.base().catalogue());
        assertTrue(new RuleBaseCache(cache).load(files).fromCache(), "the entry was replaced");
    }

    @Test
    void aCatalogueThatDisagreesWithTheModuleIsNotUsed() throws Exception {
        Path cache = copyOf(cacheDir, shared.resolve("tampered"));
        Path meta = cache.resolve(new RuleBaseCache(cache).key(files)).resolve("catalogue.json");
        // Drop the first rule of the catalogue.
        String json = Files.readString(meta);
        int first = json.indexOf("{", json.indexOf("\"catalogue\""));
        Files.writeString(meta, json.substring(0, first) + json.substring(json.indexOf("}", first) + 2));
        RuleBaseCache.Loaded loaded = new RuleBaseCache(cache).load(files);
        assertFalse(loaded.fromCache());
        assertEquals(TestRules.base().catalogue(), loaded.base().catalogue());
    }

    @Test
    void changedRulesAreBuiltAgainAndKmoduleOptionsSurviveTheCache() throws Exception {
        Path rules = copyOf(TestRules.RULES, shared.resolve("rules"));
        // A kbase option the model-class shortcut does not carry: the cache must load such a module as a kjar.
        Path kmodule = rules.resolve("kmodule.xml");
        Files.writeString(kmodule, Files.readString(kmodule).replace("<kbase name=\"user\" packages=\"user\"/>",
                "<kbase name=\"user\" packages=\"user\" equalsBehavior=\"equality\"/>"));
        RuleFiles changed = RuleFiles.fromDirectory(rules);
        RuleBaseCache cache = new RuleBaseCache(cacheDir);
        assertNotEquals(cache.key(files), cache.key(changed));
        RuleBaseCache.Loaded first = cache.load(changed);
        assertFalse(first.fromCache(), "a changed rule file is never served from the cache");
        assertTrue(meta(cacheDir, changed).get("packages").isNull(), "loaded as a kjar, not from model classes");
        RuleBaseCache.Loaded second = cache.load(changed);
        assertTrue(second.fromCache());
        assertNull(second.problem());
        assertEquals(first.base().catalogue(), second.base().catalogue());
        assertTrue(((org.drools.core.impl.InternalRuleBase) second.base().kieBase(Stage.USER)).getRuleBaseConfiguration().getAssertBehaviour()
                        == org.drools.core.RuleBaseConfiguration.AssertBehaviour.EQUALITY,
                "equalsBehavior from kmodule.xml");
        assertEquals(report(first.base(), "fabrikam-gaps"), report(second.base(), "fabrikam-gaps"));
        assertTrue(cache.load(files).fromCache(), "the original rules still have their entry");
    }
}
