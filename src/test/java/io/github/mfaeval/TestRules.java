package io.github.mfaeval;

import io.github.mfaeval.engine.Evaluator;
import io.github.mfaeval.engine.RuleBase;
import io.github.mfaeval.rules.RuleBaseBuilder;
import io.github.mfaeval.rules.RuleFiles;
import io.github.mfaeval.load.TenantLoader;
import io.github.mfaeval.result.Report;

import java.nio.file.Path;
import java.time.LocalDate;

/** The project's real rule base, built once per test JVM from rules/. */
public final class TestRules {
    public static final Path PROJECT = Path.of("").toAbsolutePath();
    public static final Path RULES = PROJECT.resolve("rules");
    public static final Path EXAMPLES = PROJECT.resolve("examples/tenants");
    public static final LocalDate AS_OF = LocalDate.of(2025, 11, 28);

    private static RuleBase base;
    private static final java.util.Map<String, RuleBase> EDITIONS = new java.util.HashMap<>();

    private TestRules() {
    }

    public static synchronized RuleBase base() {
        if (base == null) {
            try {
                base = RuleBaseBuilder.build(RuleFiles.fromDirectory(RULES));
            } catch (Exception e) {
                throw new IllegalStateException("the project's rules do not build: " + e.getMessage(), e);
            }
        }
        return base;
    }

    /** The project's rules as an edition sees them (the base edition is {@link #base()}), built once per test JVM. */
    public static synchronized RuleBase edition(String id) {
        try {
            RuleFiles folder = RuleFiles.fromDirectory(RULES);
            if (id.equals(folder.edition().id())) return base();
            RuleBase b = EDITIONS.get(id);
            if (b == null) {
                b = RuleBaseBuilder.build(folder.edition(id));
                EDITIONS.put(id, b);
            }
            return b;
        } catch (Exception e) {
            throw new IllegalStateException("the project's rules (edition " + id + ") do not build: " + e.getMessage(), e);
        }
    }

    /** Ids of the editions in rules/, oldest first. */
    public static java.util.List<String> editions() {
        try {
            return RuleFiles.fromDirectory(RULES).availableEditions();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static Report evaluate(Path tenant, LocalDate asOf, String edition) {
        try {
            return new Evaluator(edition(edition)).evaluate(TenantLoader.load(tenant), asOf);
        } catch (Exception e) {
            throw new IllegalStateException(tenant + ": " + e.getMessage(), e);
        }
    }

    /** A writable copy of the project's rules/ for tests that break or edit a rule. */
    public static Path copyOfRules(Path to) {
        try (java.util.stream.Stream<Path> walk = java.nio.file.Files.walk(RULES)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path dest = to.resolve(RULES.relativize(p).toString());
                if (java.nio.file.Files.isDirectory(p)) java.nio.file.Files.createDirectories(dest);
                else java.nio.file.Files.copy(p, dest);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return to;
    }

    public static Report evaluate(Path tenant) {
        return evaluate(tenant, AS_OF);
    }

    public static Report evaluate(Path tenant, LocalDate asOf) {
        try {
            return new Evaluator(base()).evaluate(TenantLoader.load(tenant), asOf);
        } catch (Exception e) {
            throw new IllegalStateException(tenant + ": " + e.getMessage(), e);
        }
    }
}
