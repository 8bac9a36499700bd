package io.github.mfaeval.pipeline;

import io.github.mfaeval.TestRules;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The evaluation date is decided in one place: given, else the manifest's asOf, else today (UTC). */
class EvaluationDateTest {
    private static final LocalDate GIVEN = LocalDate.of(2026, 1, 15);
    private static final LocalDate MANIFEST = LocalDate.of(2025, 11, 28);
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    @Test
    void theDateGivenWinsThenTheManifestThenToday() {
        assertEquals(GIVEN, EvaluationDate.of(GIVEN, MANIFEST, TODAY));
        assertEquals(MANIFEST, EvaluationDate.of(null, MANIFEST, TODAY));
        assertEquals(TODAY, EvaluationDate.of(null, null, TODAY));
    }

    @Test
    void aRunWithoutADateIsAsOfTodayInUtc() {
        assertEquals(GIVEN, EvaluationDate.ofRun(GIVEN));
        assertEquals(LocalDate.now(java.time.ZoneOffset.UTC), EvaluationDate.ofRun(null));
    }

    @Test
    void theLoadStepSettlesTheTenantsDate(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        TenantPipeline pipeline = new TenantPipeline(TestRules.base());
        Path frozen = TestRules.EXAMPLES.resolve("contoso-ready");  // its tenant.json sets asOf 2025-11-28
        assertEquals(MANIFEST, pipeline.load(frozen, null, TODAY).asOf());
        assertEquals(GIVEN, pipeline.load(frozen, GIVEN, TODAY).asOf());
        assertEquals(MANIFEST, pipeline.loadForCluster(frozen, null).asOf());

        // A live tenant (no asOf in its manifest) is evaluated as of today.
        Path live = dir.resolve("live");
        copy(frozen, live);
        String manifest = Files.readString(live.resolve("tenant.json")).replaceAll("\"asOf\"\\s*:\\s*\"[0-9-]+\",?", "");
        Files.writeString(live.resolve("tenant.json"), manifest);
        assertEquals(TODAY, pipeline.load(live, null, TODAY).asOf());
        assertEquals(LocalDate.now(java.time.ZoneOffset.UTC), pipeline.loadForCluster(live, null).asOf());
    }

    private static void copy(Path from, Path to) throws Exception {
        try (var files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }
}
