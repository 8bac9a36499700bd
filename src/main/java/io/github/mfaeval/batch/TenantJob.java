package io.github.mfaeval.batch;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mfaeval.load.InputException;
import io.github.mfaeval.report.AtomicFile;
import io.github.mfaeval.result.Changes;
import io.github.mfaeval.report.HtmlRenderer;
import io.github.mfaeval.report.JsonRenderer;
import io.github.mfaeval.result.Provenance;
import io.github.mfaeval.result.Report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One tenant of a batch: keep its report if --resume finds it current, otherwise evaluate it under the
 * time limit, add what changed since the baseline, and write its report (JSON and HTML) or its error report. Never throws:
 * whatever goes wrong becomes the tenant's error report and summary row, and the batch goes on.
 */
final class TenantJob implements Callable<TenantRow> {
    /** Reads reports back for --resume; fields added by later versions must not make a report unreadable. */
    private static final ObjectMapper READER = JsonRenderer.MAPPER.copy()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final BatchRunner.Run run;
    private final TenantFolders.Tenant tenant;

    TenantJob(BatchRunner.Run run, TenantFolders.Tenant tenant) {
        this.run = run;
        this.tenant = tenant;
    }

    @Override
    public TenantRow call() {
        long started = System.nanoTime();
        boolean[] kept = {false};
        TenantRow row;
        try {
            row = evaluate(kept);
        } catch (RuntimeException | Error e) {
            row = fail(TenantStatus.FAILED, new FailureReport.Failure("batch", describe(e), where(e)), null, null);
        }
        run.progress().finished(row, kept[0], System.nanoTime() - started);
        return row;
    }

    private TenantRow evaluate(boolean[] kept) {
        String fingerprint;
        try {
            fingerprint = Fingerprints.folder(tenant.folder());
        } catch (IOException e) {
            return fail(TenantStatus.FAILED, new FailureReport.Failure("input", "cannot read the folder: " + e.getMessage(),
                    tenant.folder().toString()), null, null);
        }
        Baseline.Previous previous = run.baseline() == null ? null : run.baseline().previous(tenant.key());
        if (previous != null && previous.problem() != null) run.progress().log("warning: " + previous.problem());
        String baselineFingerprint = run.baseline() == null ? null : previous == null ? "none" : previous.fingerprint();
        Provenance provenance = new Provenance(run.options().toolVersion(), fingerprint, baselineFingerprint);

        if (run.options().resume()) {
            Report current = currentReport(provenance);
            if (current != null) {
                // The page is rendered again from the kept report rather than trusted: a re-evaluation killed
                // between its two files could have left a page that belongs to another report.
                Path page = run.out().html(tenant.key());
                try {
                    AtomicFile.write(page, w -> new HtmlRenderer().render(current, w));
                } catch (IOException e) {
                    return fail(TenantStatus.FAILED, new FailureReport.Failure("output", "cannot write the report: " + e.getMessage(),
                            page.toString()), previous, provenance);
                }
                kept[0] = true;
                return TenantRow.of(tenant.key(), run.out().relative(run.out().report(tenant.key())), current);
            }
        }

        Future<Report> future = run.evaluations().submit(() -> run.evaluation().evaluate(tenant.folder(), run.options().asOf()));
        Report report;
        try {
            report = run.options().tenantTimeout() == null ? future.get()
                    : future.get(run.options().tenantTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return fail(TenantStatus.TIMEOUT, new FailureReport.Failure("timeout", "evaluation stopped after "
                    + run.options().tenantTimeout() + " (--tenant-timeout)", tenant.folder().toString()), previous, provenance);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InputException) {
                return fail(TenantStatus.FAILED, new FailureReport.Failure("input", cause.getMessage(), tenant.folder().toString()),
                        previous, provenance);
            }
            return fail(TenantStatus.FAILED, new FailureReport.Failure("evaluation", describe(cause), where(cause)), previous, provenance);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return fail(TenantStatus.FAILED, new FailureReport.Failure("batch", "the batch was interrupted", null), previous, provenance);
        }

        Report complete = report.withChanges(run.baseline() == null ? null : History.compare(run.baseline().label(), previous, report))
                .withProvenance(provenance);
        Path file = run.out().report(tenant.key());
        Path page = run.out().html(tenant.key());
        Path writing = page;
        try {
            // The page first: report.json is what --resume looks for, so it goes into place last.
            AtomicFile.write(page, w -> new HtmlRenderer().render(complete, w));
            writing = file;
            AtomicFile.write(file, w -> new JsonRenderer().render(complete, w));
            Files.deleteIfExists(run.out().error(tenant.key()));
        } catch (IOException e) {
            return fail(TenantStatus.FAILED, new FailureReport.Failure("output", "cannot write the report: " + e.getMessage(),
                    writing.toString()), previous, provenance);
        }
        return TenantRow.of(tenant.key(), run.out().relative(file), complete);
    }

    /**
     * The tenant's report from an earlier, interrupted run of the same batch, if it is complete (it parses:
     * it was renamed into place whole) and current: same folder contents, rules, as-of date, tool version
     * and baseline. Anything else is evaluated again.
     */
    private Report currentReport(Provenance provenance) {
        Path file = run.out().report(tenant.key());
        if (!Files.isRegularFile(file)) return null;
        try {
            Report r = READER.readValue(file.toFile(), Report.class);
            boolean current = provenance.equals(r.provenance()) && r.rules() != null
                    && run.rulesFingerprint().equals(r.rules().fingerprint()) && run.options().asOf().equals(r.asOf());
            // The actions are derived from the findings with the catalogue of the rules, which a report does not carry.
            return current ? r.withActionCatalogue(run.actions()) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Writes the error report (and removes a report from an earlier run, which would now mislead). */
    private TenantRow fail(TenantStatus status, FailureReport.Failure failure, Baseline.Previous previous, Provenance provenance) {
        Changes changes = run.baseline() == null ? null : History.notCompared(run.baseline().label(), previous, status.name());
        FailureReport report = new FailureReport(BatchSummary.SCHEMA_VERSION, tenant.key(), tenant.folder().toString(),
                run.options().asOf(), status, failure, run.rulesFingerprint(), changes, provenance);
        Path file = run.out().error(tenant.key());
        try {
            AtomicFile.write(file, w -> {
                JsonRenderer.MAPPER.writeValue(w, report);
                w.write(System.lineSeparator());
            });
            Files.deleteIfExists(run.out().report(tenant.key()));
            Files.deleteIfExists(run.out().html(tenant.key()));
        } catch (IOException e) {
            // The summary row still records the failure; the log line says the error report is missing too.
            run.progress().log(tenant.key() + ": cannot write " + file + ": " + e.getMessage());
        }
        return TenantRow.failed(tenant.key(), run.out().relative(file), report);
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** The first place in this program's code where it failed (or the first frame at all, for a failure inside a library). */
    private static String where(Throwable e) {
        StackTraceElement[] trace = e.getStackTrace();
        for (StackTraceElement f : trace) {
            if (f.getClassName().startsWith("io.github.mfaeval.")) return f.toString();
        }
        return trace.length == 0 ? null : trace[0].toString();
    }
}
