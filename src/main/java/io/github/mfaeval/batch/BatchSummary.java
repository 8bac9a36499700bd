package io.github.mfaeval.batch;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.github.mfaeval.report.AtomicFile;
import io.github.mfaeval.report.JsonRenderer;
import io.github.mfaeval.text.SafeText;
import io.github.mfaeval.result.Summary;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The batch's summary.json and summary.csv (and, through {@link BatchIndex}, index.html): the run's metadata, totals by status, what changed since the
 * baseline, and one row per tenant in name order.
 */
@JsonPropertyOrder({"schemaVersion", "run", "totals", "changes", "skippedFolders", "sameTenant", "tenants"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchSummary(int schemaVersion, Run run, Totals totals, RunChanges changes, List<String> skippedFolders,
                           List<SameTenant> sameTenant, List<TenantRow> tenants) {

    /**
     * Tenant folders that are one tenant twice: the same folder under two names (a symbolic link), or two folders
     * whose tenant.json give the same tenantId (a copied manifest, or a tenant exported twice). Each is evaluated
     * and reported, but its counts are in the totals twice: the run says so rather than add them up silently.
     */
    @JsonPropertyOrder({"reason", "tenantId", "folders"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SameTenant(String reason, String tenantId, List<String> folders) {
        public static final String SAME_FOLDER = "same folder";
        public static final String SAME_TENANT_ID = "same tenantId";

        String warning() {
            return SAME_FOLDER.equals(reason)
                    ? "warning: tenant folders " + String.join(", ", folders) + " are the same folder (a link): the tenant is evaluated twice"
                    : "warning: tenant folders " + String.join(", ", folders) + " have the same tenantId " + tenantId
                    + ": one tenant evaluated twice, or a copied tenant.json";
        }
    }
    public static final int SCHEMA_VERSION = 1;
    /** Quotes only the values that need it, so the file reads as plainly as a spreadsheet export. */
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

    @JsonPropertyOrder({"toolVersion", "rulesSource", "rulesFingerprint", "asOf", "startedAt", "endedAt", "tenantsRoot",
            "inputsFingerprint", "threads", "tenantTimeout", "baseline"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Run(String toolVersion, String rulesSource, String rulesFingerprint, LocalDate asOf, Instant startedAt,
                      Instant endedAt, String tenantsRoot, String inputsFingerprint, int threads, String tenantTimeout,
                      String baseline) {
    }

    public record Totals(int tenants, int ready, int actionRequired, int incomplete, int failed, int timedOut) {
        static Totals of(List<TenantRow> rows) {
            int[] n = new int[TenantStatus.values().length];
            for (TenantRow r : rows) n[r.status().ordinal()]++;
            return new Totals(rows.size(), n[TenantStatus.READY.ordinal()], n[TenantStatus.ACTION_REQUIRED.ordinal()],
                    n[TenantStatus.INCOMPLETE.ordinal()], n[TenantStatus.FAILED.ordinal()], n[TenantStatus.TIMEOUT.ordinal()]);
        }

        /** Some tenant has no report. */
        public boolean anyFailed() {
            return failed + timedOut > 0;
        }

        /** Some tenant's report asks for action or is incomplete. */
        public boolean anyFindings() {
            return actionRequired + incomplete > 0;
        }
    }

    /** The run against its baseline: tenants that appeared or went away, and the tenants' changes added up. */
    public record RunChanges(String baseline, List<String> tenantsNew, List<String> tenantsGone, int statusChanges,
                             int findingsNew, int findingsResolved, int usersBecameReady, int usersNoLongerReady) {
        static RunChanges of(String baseline, List<String> baselineTenants, List<TenantRow> rows) {
            List<String> now = rows.stream().map(TenantRow::tenant).toList();
            List<String> added = now.stream().filter(t -> !baselineTenants.contains(t)).toList();
            List<String> gone = baselineTenants.stream().filter(t -> !now.contains(t)).sorted().toList();
            int statusChanges = 0, findingsNew = 0, findingsResolved = 0, becameReady = 0, noLongerReady = 0;
            for (TenantRow r : rows) {
                TenantRow.RowChanges c = r.changes();
                if (c == null) continue;
                if (c.statusChanged()) statusChanges++;
                if (!c.compared()) continue;
                findingsNew += c.findingsNew();
                findingsResolved += c.findingsResolved();
                becameReady += c.usersBecameReady();
                noLongerReady += c.usersNoLongerReady();
            }
            return new RunChanges(baseline, added, gone, statusChanges, findingsNew, findingsResolved, becameReady, noLongerReady);
        }
    }

    void write(OutDir out) throws IOException {
        // The CSV and the index first: summary.json appearing is the sign that the run finished.
        AtomicFile.write(out.summaryCsv(), this::writeCsv);
        AtomicFile.write(out.actionPlan(), w -> BatchActionPlan.write(tenants, w));
        AtomicFile.write(out.index(), new BatchIndex(this)::write);
        AtomicFile.write(out.summaryJson(), w -> {
            JsonRenderer.MAPPER.writeValue(w, this);
            w.write(System.lineSeparator());
        });
    }

    /**
     * One row per tenant with fixed columns, then a column per phase and per finding code seen in any tenant
     * (so every row has the same columns), then the run's metadata repeated on each row so that a row pasted
     * elsewhere still says which run it came from. The columns are those a person reads: {@code asOf} is the tenant's
     * own date and {@code runDate} the run's; {@code report} the tenant's page (report.html, or its error.json);
     * hashes (inputs and rules fingerprints) stay in summary.json.
     */
    void writeCsv(java.io.Writer w) throws IOException {
        TreeSet<Integer> phases = new TreeSet<>();
        TreeSet<String> codes = new TreeSet<>();
        for (TenantRow r : tenants) {
            if (r.schedule() != null) r.schedule().forEach(p -> phases.add(p.phase()));
            if (r.findingsByCode() != null) codes.addAll(r.findingsByCode().keySet());
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (TenantRow r : tenants) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("tenant", r.tenant());
            row.put("tenantId", r.tenantId());
            row.put("displayName", r.displayName());
            row.put("status", r.status());
            row.put("asOf", r.asOf());
            row.put("errorStage", r.error() == null ? null : r.error().stage());
            row.put("error", r.error() == null ? null : r.error().message());
            Summary c = r.counts();
            row.put("signInsRead", c == null ? null : c.signInsRead());
            row.put("signInsEvaluated", c == null ? null : c.signInsEvaluated());
            row.put("signInsRejected", c == null ? null : c.signInsRejected());
            row.put("signInsDuplicate", c == null ? null : c.signInsDuplicate());
            row.put("signInsInScope", c == null ? null : c.signInsInScope());
            row.put("signInsSatisfied", c == null ? null : c.signInsSatisfied());
            row.put("signInsNotSatisfied", c == null ? null : c.signInsNotSatisfied());
            row.put("users", c == null ? null : c.users());
            row.put("usersInScope", c == null ? null : c.usersInScope());
            row.put("usersReady", c == null ? null : c.usersReady());
            row.put("findings", c == null ? null : c.findings());
            row.put("findingsRequiringAction", r.findingsRequiringAction());
            row.put("findingsAccepted", r.findingsAccepted());
            for (int phase : phases) {
                TenantRow.Phase p = r.schedule() == null ? null
                        : r.schedule().stream().filter(s -> s.phase() == phase).findFirst().orElse(null);
                row.put("phase" + phase + "State", p == null ? null : p.state());
                row.put("phase" + phase + "Start", p == null ? null : p.start());
                row.put("phase" + phase + "Postponed", p == null ? null : p.postponed());
                row.put("phase" + phase + "Source", p == null ? null : p.source());
            }
            if (changes != null) {
                TenantRow.RowChanges ch = r.changes();
                row.put("previousStatus", ch == null ? null : ch.previousStatus());
                row.put("statusChanged", ch == null ? null : ch.statusChanged());
                row.put("findingsNew", ch == null ? null : ch.findingsNew());
                row.put("findingsResolved", ch == null ? null : ch.findingsResolved());
                row.put("findingsUnchanged", ch == null ? null : ch.findingsUnchanged());
                row.put("usersBecameReady", ch == null ? null : ch.usersBecameReady());
                row.put("usersNoLongerReady", ch == null ? null : ch.usersNoLongerReady());
            }
            for (String code : codes) {
                row.put(code, r.findingsByCode() == null ? null : r.findingsByCode().getOrDefault(code, 0));
            }
            row.put("report", BatchActionPlan.page(r));
            row.put("runDate", run.asOf());
            row.put("toolVersion", run.toolVersion());
            row.put("runStartedAt", run.startedAt());
            row.put("runEndedAt", run.endedAt());
            for (Map.Entry<String, Object> e : row.entrySet()) {
                // the same cell rule as every CSV the tool writes: a folder named "=1+1" stays text
                if (e.getValue() != null) e.setValue(SafeText.csvCell(e.getValue().toString()));
            }
            rows.add(row);
        }
        CsvSchema.Builder schema = CsvSchema.builder();
        if (!rows.isEmpty()) rows.get(0).keySet().forEach(schema::addColumn);
        CSV.writer(schema.build().withHeader()).writeValues(w).writeAll(rows).close();
    }
}
