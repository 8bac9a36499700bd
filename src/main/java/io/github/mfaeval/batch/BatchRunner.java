package io.github.mfaeval.batch;

import io.github.mfaeval.engine.RuleBase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Evaluates every tenant under a root with one shared rule base, {@code threads} tenants at a time, and
 * writes a report (or an error report) per tenant and the run's summary.
 *
 * <p>Each tenant is handled by a job on one of {@code threads} workers; the evaluation itself runs in a
 * future of its own, so that the worker can give up on it when --tenant-timeout runs out, record TIMEOUT
 * and go on to the next tenant while the interrupted evaluation winds down (the evaluator stops at the next
 * rule firing or sign-in record). Nothing of one evaluation is visible to another: each loads its own
 * folder and runs in fresh sessions; only the immutable rule base is shared.
 */
public final class BatchRunner {

    public record Options(Path tenantsRoot, Path out, LocalDate asOf, int threads, boolean resume, Path baseline,
                          Duration tenantTimeout, String toolVersion) {
        public Options {
            if (threads < 1) throw new IllegalArgumentException("threads must be at least 1");
        }
    }

    /** Thrown when the root holds no tenant folder: most likely a wrong path or an unmounted share. */
    public static final class NoTenantsException extends IOException {
        NoTenantsException(String message) {
            super(message);
        }
    }

    private final RuleBase rules;
    private final Options options;
    private final TenantEvaluation evaluation;
    private final Progress progress;
    private final Clock clock;

    public BatchRunner(RuleBase rules, Options options, TenantEvaluation evaluation, Progress progress, Clock clock) {
        this.rules = rules;
        this.options = options;
        this.evaluation = evaluation;
        this.progress = progress;
        this.clock = clock;
    }

    /** What every tenant job of one run shares. */
    record Run(Options options, String rulesFingerprint, OutDir out, Baseline baseline, TenantEvaluation evaluation,
               ExecutorService evaluations, Progress progress) {
    }

    public BatchSummary run() throws IOException {
        Instant startedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        OutDir out = new OutDir(options.out());
        if (options.baseline() != null && sameFolder(options.baseline(), options.out())) {
            throw new IOException("--baseline must be an earlier run's folder, not --out itself: the run would overwrite what it compares with");
        }
        TenantFolders folders = TenantFolders.find(options.tenantsRoot(), List.of(options.out(),
                options.baseline() == null ? options.out() : options.baseline()));
        if (folders.tenants().isEmpty()) {
            throw new NoTenantsException(options.tenantsRoot() + ": no tenant folders (sub-folders holding tenant.json)");
        }
        Baseline baseline = options.baseline() == null ? null : Baseline.open(options.baseline());
        Files.createDirectories(out.root());
        out.removeTemporaryFiles();

        progress.start(folders.tenants().size(), folders.skipped().size());
        ExecutorService workers = Executors.newFixedThreadPool(options.threads(), daemon("mfa-eval-batch-"));
        ExecutorService evaluations = Executors.newCachedThreadPool(daemon("mfa-eval-tenant-"));
        Run run = new Run(options, rules.fingerprint(), out, baseline, evaluation, evaluations, progress);
        List<TenantRow> rows = new ArrayList<>();
        try {
            List<Future<TenantRow>> jobs = new ArrayList<>();
            for (TenantFolders.Tenant t : folders.tenants()) {
                jobs.add(workers.submit(new TenantJob(run, t)));
            }
            for (Future<TenantRow> job : jobs) {
                rows.add(job.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("batch interrupted", e);
        } catch (ExecutionException e) {
            // TenantJob turns every failure into an error row; getting here is a bug, not a tenant's fault.
            throw new IllegalStateException("batch job failed: " + e.getCause(), e.getCause());
        } finally {
            workers.shutdownNow();
            evaluations.shutdownNow();
        }

        Map<String, String> fingerprints = new LinkedHashMap<>();
        for (TenantRow r : rows) fingerprints.put(r.tenant(), r.inputsFingerprint() == null ? "" : r.inputsFingerprint());
        BatchSummary.Run meta = new BatchSummary.Run(options.toolVersion(),
                rules.source() == null ? "(packaged)" : rules.source().toString(), rules.fingerprint(), options.asOf(),
                startedAt, clock.instant().truncatedTo(ChronoUnit.MILLIS), options.tenantsRoot().toString(), Fingerprints.combine(fingerprints),
                options.threads(), options.tenantTimeout() == null ? null : options.tenantTimeout().toString(),
                baseline == null ? null : baseline.label());
        BatchSummary summary = new BatchSummary(BatchSummary.SCHEMA_VERSION, meta, BatchSummary.Totals.of(rows),
                baseline == null ? null : BatchSummary.RunChanges.of(baseline.label(), baseline.tenants(), rows),
                folders.skipped(), rows);
        summary.write(out);
        progress.end(summary, out.summaryJson().toString());
        return summary;
    }

    private static boolean sameFolder(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    /** Daemon threads: an evaluation that ignores its interrupt must not keep the JVM alive after the batch. */
    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
