package io.github.mfaeval.batch;

import io.github.mfaeval.TestRules;
import io.github.mfaeval.report.JsonRenderer;
import io.github.mfaeval.result.Report;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** Runs batches in the test JVM on the project's rule base, with the log kept for assertions. */
final class BatchTestSupport {
    final StringWriter log = new StringWriter();

    BatchSummary run(Path root, Path out, Path baseline) throws IOException {
        return run(root, out, baseline, false, null, TenantEvaluation.standard(TestRules.base()));
    }

    BatchSummary run(Path root, Path out, Path baseline, boolean resume, Duration timeout, TenantEvaluation evaluation) throws IOException {
        BatchRunner.Options options = new BatchRunner.Options(root, out, TestRules.AS_OF, 2, resume, baseline, timeout, "test");
        return new BatchRunner(TestRules.base(), options, evaluation, new Progress(new PrintWriter(log, true), false, System::nanoTime),
                Clock.systemUTC()).run();
    }

    static Report report(Path out, String tenant) throws IOException {
        return JsonRenderer.MAPPER.readValue(out.resolve("tenants").resolve(tenant).resolve("report.json").toFile(), Report.class);
    }
}
