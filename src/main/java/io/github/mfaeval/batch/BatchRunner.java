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
               ExecutorService evaluations, Progress progress, io.github.mfaeval.result.ActionCatalogue actions) {
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
        try (OutLock lock = OutLock.acquire(out.root(), startedAt)) {
            if (!lock.previousHolder().isEmpty()) {
                progress.log("took over the lock of an earlier run that did not finish (" + lock.previousHolder() + ")");
            }
            return run(out, folders, baseline, startedAt);
        }
    }

    private BatchSummary run(OutDir out, TenantFolders folders, Baseline baseline, Instant startedAt) throws IOException {
        // under the lock: another run's temporary files are never ours to delete
        out.removeTemporaryFiles();

        progress.start(folders.tenants().size(), folders.skipped().size());
        ExecutorService workers = Executors.newFixedThreadPool(options.threads(), daemon("mfa-eval-batch-"));
        ExecutorService evaluations = Executors.newCachedThreadPool(daemon("mfa-eval-tenant-"));
        Run run = new Run(options, rules.fingerprint(), out, baseline, evaluation, evaluations, progress, rules.actionCatalogue());
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
        List<BatchSummary.SameTenant> same = sameTenant(folders, rows);
        same.forEach(s -> progress.log(s.warning()));
        BatchSummary summary = new BatchSummary(BatchSummary.SCHEMA_VERSION, meta, BatchSummary.Totals.of(rows),
                baseline == null ? null : BatchSummary.RunChanges.of(baseline.label(), baseline.tenants(), rows),
                folders.skipped(), same.isEmpty() ? null : same, rows);
        summary.write(out);
        progress.end(summary, out.summaryJson().toString());
        return summary;
    }

    /** Folders that are one folder under two names, and folders whose manifests give the same tenantId. */
    static List<BatchSummary.SameTenant> sameTenant(TenantFolders folders, List<TenantRow> rows) {
        List<BatchSummary.SameTenant> out = new ArrayList<>();
        Map<Path, List<String>> byRealPath = new LinkedHashMap<>();
        for (TenantFolders.Tenant t : folders.tenants()) {
            byRealPath.computeIfAbsent(real(t.folder()), k -> new ArrayList<>()).add(t.key());
        }
        byRealPath.values().stream().filter(names -> names.size() > 1)
                .forEach(names -> out.add(new BatchSummary.SameTenant(BatchSummary.SameTenant.SAME_FOLDER, null, List.copyOf(names))));
        Map<String, List<String>> byTenantId = new java.util.TreeMap<>();
        for (TenantRow r : rows) {
            if (r.tenantId() != null) byTenantId.computeIfAbsent(r.tenantId().toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>()).add(r.tenant());
        }
        byTenantId.forEach((id, names) -> {
            if (names.size() > 1) out.add(new BatchSummary.SameTenant(BatchSummary.SameTenant.SAME_TENANT_ID, id, List.copyOf(names)));
        });
        return out;
    }

    /** The same folder, also through symbolic links (a link to --out given as --baseline). */
    private static boolean sameFolder(Path a, Path b) {
        return real(a).equals(real(b));
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize(); // not there yet: only its name can be compared
        }
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
