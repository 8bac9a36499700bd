package io.github.mfaeval.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.mfaeval.model.Finding;
import io.github.mfaeval.model.Tenant;

import java.time.LocalDate;
import java.util.List;

/**
 * The evaluation of one tenant: the model every renderer (JSON, text, …) renders. Field names are a
 * published contract (schema/report.schema.json): add fields, never rename them.
 *
 * <p>{@code signIns} is null when the verdicts were streamed to a {@link SignInSink} instead of kept. The
 * field order is the streaming order: what is known before the sign-ins are read, the sign-ins, then what
 * needs all of them (see {@link JsonReportStream}, which must write any field added here).
 */
@JsonPropertyOrder({"schemaVersion", "tenant", "asOf", "signIns", "status", "schedule", "summary", "findings", "users", "inputs", "rules"})
public record Report(
        int schemaVersion,
        TenantRef tenant,
        LocalDate asOf,
        Status status,
        List<ScheduleEntry> schedule,
        List<SignInVerdict> signIns,
        List<UserVerdict> users,
        List<Finding> findings,
        Summary summary,
        Inputs inputs,
        RulesUsed rules) {

    public static final int SCHEMA_VERSION = 1;

    public enum Status { READY, ACTION_REQUIRED, INCOMPLETE }

    /** The same report listing the given verdicts. */
    public Report withSignIns(List<SignInVerdict> verdicts) {
        return new Report(schemaVersion, tenant, asOf, status, schedule, verdicts, users, findings, summary, inputs, rules);
    }

    public record TenantRef(String id, String displayName, boolean testTenant, String license) {
        public static TenantRef of(Tenant t) {
            return new TenantRef(t.getTenantId(), t.getDisplayName(), t.isTestTenant(), t.getLicense());
        }
    }

    public record RulesUsed(String source, String fingerprint, List<String> fired) {
    }
}
