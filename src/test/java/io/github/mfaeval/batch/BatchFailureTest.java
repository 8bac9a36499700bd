package io.github.mfaeval.batch;

import io.github.mfaeval.TestRules;
import io.github.mfaeval.engine.Evaluator;
import io.github.mfaeval.load.TenantLoader;
import io.github.mfaeval.result.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tenants that never finish or blow up are recorded as such, and the batch goes on without them. */
class BatchFailureTest {
    @TempDir
    Path temp;

    private Path tenants(int count) throws Exception {
        Path root = temp.resolve("tenants");
        GeneratedTenants.generate(root, count);
        return root;
    }

    private static Map<String, TenantRow> rows(BatchSummary s) {
        return s.tenants().stream().collect(Collectors.toMap(TenantRow::tenant, r -> r));
    }

    @Test
    void aRunawayTenantIsStoppedAtItsTimeLimitAndTheOthersFinish() throws Exception {
        Path root = tenants(6);
        String runaway = GeneratedTenants.name(2);
        Report quick = TestRules.evaluate(TestRules.EXAMPLES.resolve("contoso-ready"));
        CountDownLatch interrupted = new CountDownLatch(1);
        TenantEvaluation evaluation = (folder, asOf) -> {
            if (!folder.getFileName().toString().equals(runaway)) return quick;
            try {
                new CountDownLatch(1).await(); // never counted down: only an interrupt ends this
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
            throw new AssertionError("unreachable");
        };
        Path out = temp.resolve("out");
        BatchSummary s = new BatchTestSupport().run(root, out, null, false, Duration.ofSeconds(2), evaluation);

        assertEquals(TenantStatus.TIMEOUT, rows(s).get(runaway).status());
        assertEquals("timeout", rows(s).get(runaway).error().stage());
        assertEquals(1, s.totals().timedOut());
        assertEquals(5, s.totals().ready(), "the other tenants were evaluated");
        assertTrue(Files.readString(out.resolve("tenants").resolve(runaway).resolve("error.json")).contains("\"TIMEOUT\""));
        assertTrue(interrupted.await(1, TimeUnit.MINUTES), "the runaway evaluation was interrupted, not left running");
    }

    @Test
    void anEvaluationThatThrowsIsRecordedWithWhereItFailed() throws Exception {
        Path root = tenants(4);
        String bad = GeneratedTenants.name(1);
        TenantEvaluation standard = TenantEvaluation.standard(TestRules.base());
        TenantEvaluation evaluation = (folder, asOf) -> {
            if (folder.getFileName().toString().equals(bad)) throw new IllegalStateException("rule consequence failed");
            return standard.evaluate(folder, asOf);
        };
        BatchSummary s = new BatchTestSupport().run(root, temp.resolve("out"), null, false, null, evaluation);
        TenantRow row = rows(s).get(bad);
        assertEquals(TenantStatus.FAILED, row.status());
        assertEquals("evaluation", row.error().stage());
        assertEquals("IllegalStateException: rule consequence failed", row.error().message());
        assertTrue(row.error().where().contains("BatchFailureTest"), row.error().where());
        assertEquals(3, s.totals().tenants() - s.totals().failed());
    }

    @Test
    void theEvaluatorStopsWhenItsThreadIsInterrupted() throws Exception {
        var data = TenantLoader.load(TestRules.EXAMPLES.resolve("fabrikam-gaps"));
        Thread.currentThread().interrupt();
        try {
            assertThrows(CancellationException.class, () -> new Evaluator(TestRules.base()).evaluate(data, TestRules.AS_OF));
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void resumeKeepsCurrentReportsAndRedoesChangedTenantsAndLeftoverTemporaryFiles() throws Exception {
        Path root = tenants(5);
        Path out = temp.resolve("out");
        BatchTestSupport first = new BatchTestSupport();
        first.run(root, out, null);
        Files.writeString(root.resolve(GeneratedTenants.name(3)).resolve("perUserMfa.json"), "[]");
        Path stray = out.resolve("tenants").resolve(GeneratedTenants.name(0)).resolve(".report.json12345.tmp");
        Files.writeString(stray, "{ half a rep");

        BatchTestSupport resumed = new BatchTestSupport();
        resumed.run(root, out, null, true, null, TenantEvaluation.standard(TestRules.base()));
        String log = resumed.log.toString();
        assertEquals(4, log.lines().filter(l -> l.contains("report current: kept")).count(), log);
        assertFalse(log.contains(GeneratedTenants.name(3) + ": READY, report current"), "its inputs changed: evaluated again");
        assertFalse(Files.exists(stray));

        BatchTestSupport otherDay = new BatchTestSupport();
        BatchRunner.Options options = new BatchRunner.Options(root, out, TestRules.AS_OF.plusDays(1), 2, true, null, null, "test");
        new BatchRunner(TestRules.base(), options, TenantEvaluation.standard(TestRules.base()),
                new Progress(new java.io.PrintWriter(otherDay.log, true), false, System::nanoTime), java.time.Clock.systemUTC()).run();
        assertFalse(otherDay.log.toString().contains("kept"), "another as-of date: every report is redone");
    }
}
