package io.github.mfaeval.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.mfaeval.model.Finding;

import java.time.LocalDate;
import java.util.List;

/**
 * The evaluation of one tenant: the model every renderer (JSON, text, …) renders. Field names are a
 * published contract (schema/report.schema.json): add fields, never rename them.
 */
@JsonPropertyOrder({"schemaVersion", "tenant", "asOf", "status", "schedule", "summary", "findings", "users", "signIns", "inputs", "rules"})
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

    public record TenantRef(String id, String displayName, boolean testTenant, String license) {
    }

    public record RulesUsed(String source, String fingerprint, List<String> fired) {
    }
}
