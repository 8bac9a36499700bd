package io.github.mfaeval;

import io.github.mfaeval.engine.Evaluator;
import io.github.mfaeval.engine.RuleBase;
import io.github.mfaeval.engine.RuleBaseBuilder;
import io.github.mfaeval.engine.RuleFiles;
import io.github.mfaeval.load.TenantLoader;
import io.github.mfaeval.report.Report;

import java.nio.file.Path;
import java.time.LocalDate;

/** The project's real rule base, built once per test JVM from rules/. */
public final class TestRules {
    public static final Path PROJECT = Path.of("").toAbsolutePath();
    public static final Path RULES = PROJECT.resolve("rules");
    public static final Path EXAMPLES = PROJECT.resolve("examples/tenants");
    public static final LocalDate AS_OF = LocalDate.of(2025, 11, 28);

    private static RuleBase base;

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
