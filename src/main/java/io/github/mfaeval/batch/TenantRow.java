package io.github.mfaeval.batch;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.mfaeval.model.Finding;
import io.github.mfaeval.model.Severity;
import io.github.mfaeval.result.Changes;
import io.github.mfaeval.result.Report;
import io.github.mfaeval.result.ScheduleEntry;
import io.github.mfaeval.result.Summary;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One tenant's line of the batch summary, made from its report (or its error report) alone, so that a
 * report kept by --resume gives exactly the line a fresh evaluation would. {@code findingsByCode} counts
 * open findings (not accepted); accepted ones are counted in {@code findingsAccepted}; {@code actions} are the
 * report's actions, most urgent first (absent for a tenant that could not be evaluated). {@code asOf} is the date the
 * tenant's report is as of: the run's date, or the tenant's own (a frozen snapshot's tenant.json asOf).
 * {@code findingsRequiringAction} is the report's own count ({@link io.github.mfaeval.result.FindingCounts}).
 */
@JsonPropertyOrder({"tenant", "tenantId", "displayName", "status", "asOf", "report", "error", "inputsFingerprint", "counts",
        "findingsRequiringAction", "findingsAccepted", "schedule", "findingsByCode", "actions", "changes"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TenantRow(String tenant, String tenantId, String displayName, TenantStatus status, LocalDate asOf, String report,
                        FailureReport.Failure error, String inputsFingerprint, Summary counts, Integer findingsRequiringAction,
                        Integer findingsAccepted, List<Phase> schedule, Map<String, Integer> findingsByCode, List<Action> actions,
                        RowChanges changes) {

    /** {@code source}: where the start came from (tenant-settings, manifest, default), as in the tenant's report. */
    public record Phase(int phase, LocalDate start, ScheduleEntry.State state, boolean postponed, String source) {
        /** "tenant settings", "manifest", "default". */
        public String sourceShown() {
            return source == null ? "default" : source.replace('-', ' ');
        }
    }

    /** One action of the tenant's report ({@code actions[]}), as the cross-tenant action plan lists it. */
    public record Action(int rank, String id, String title, Severity severity, LocalDate enforcementDate, boolean enforced,
                         int users, int findings) {
        static Action of(io.github.mfaeval.result.Action a) {
            return new Action(a.rank(), a.id(), a.title(), a.severity(), a.enforcementDate(), a.enforced(), a.users(), a.findings());
        }
    }

    /** The counts of a report's changes block; previousStatus is absent for a tenant new since the baseline. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RowChanges(String previousStatus, boolean statusChanged, boolean compared, Integer findingsNew,
                             Integer findingsResolved, Integer findingsUnchanged, Integer usersBecameReady,
                             Integer usersNoLongerReady) {
        static RowChanges of(Changes c) {
            if (c == null) return null;
            if (!c.compared()) return new RowChanges(c.previousStatus(), c.statusChanged(), false, null, null, null, null, null);
            return new RowChanges(c.previousStatus(), c.statusChanged(), true, c.newFindings().size(), c.resolvedFindings().size(),
                    c.unchangedFindings(), c.usersBecameReady().size(), c.usersNoLongerReady().size());
        }
    }

    static TenantRow of(String tenant, String reportPath, Report r) {
        Map<String, Integer> byCode = new TreeMap<>();
        int accepted = 0;
        for (Finding f : r.findings()) {
            if (f.accepted() != null) {
                accepted++;
                continue;
            }
            byCode.merge(f.code(), 1, Integer::sum);
        }
        List<Phase> schedule = r.schedule().stream().map(s -> new Phase(s.phase(), s.start(), s.state(), s.postponed(), s.source())).toList();
        return new TenantRow(tenant, r.tenant().id(), r.tenant().displayName(), TenantStatus.of(r.status()), r.asOf(), reportPath, null,
                r.provenance() == null ? null : r.provenance().inputsFingerprint(), r.summary(), r.findingCounts().requiringAction(), accepted,
                schedule, byCode, r.actions().stream().map(Action::of).toList(), RowChanges.of(r.changes()));
    }

    static TenantRow failed(String tenant, String errorPath, FailureReport f) {
        return new TenantRow(tenant, null, null, f.status(), null, errorPath, f.error(),
                f.provenance() == null ? null : f.provenance().inputsFingerprint(), null, null, null, null, null, null, RowChanges.of(f.changes()));
    }
}
