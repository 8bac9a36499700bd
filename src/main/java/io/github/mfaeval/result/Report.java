package io.github.mfaeval.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
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
 * needs all of them (see {@code report.JsonReportStream}, which must write any field added here). The fields after
 * {@code rules} appear only when they apply (accepted risks declared, a batch run, a baseline given).
 */
@JsonPropertyOrder({"schemaVersion", "tenant", "asOf", "collectionGaps", "signIns", "status", "schedule", "summary", "findingCounts", "findings", "actions", "users", "inputs", "rules",
        "acceptedRisks", "changes", "provenance", "edition", "armWrites"})
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
        RulesUsed rules,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<AcceptedRiskState> acceptedRisks,
        @JsonInclude(JsonInclude.Include.NON_NULL) Changes changes,
        @JsonInclude(JsonInclude.Include.NON_NULL) Provenance provenance,
        String edition,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<ArmWriteVerdict> armWrites) {

    public static final int SCHEMA_VERSION = 1;

    /**
     * Findings not decided yet (a report read back from JSON, which does not say what blocks readiness) are decided
     * by the readiness of the report's rules, else by that of the rules packaged with the tool (as its actions are).
     */
    public Report {
        if (findings != null && findings.stream().anyMatch(f -> f.blocking() == null)) {
            Readiness readiness = rules != null && rules.actions() != null ? rules.actions().readiness() : Readiness.packaged();
            findings = readiness.decide(findings);
        }
    }

    public enum Status {
        READY, ACTION_REQUIRED, INCOMPLETE;
        // Which status a report takes is decided by rules/reference/readiness.drl.csv (Readiness#status).
    }

    public Report(int schemaVersion, TenantRef tenant, LocalDate asOf, Status status, List<ScheduleEntry> schedule,
                  List<SignInVerdict> signIns, List<UserVerdict> users, List<Finding> findings, Summary summary,
                  Inputs inputs, RulesUsed rules) {
        this(schemaVersion, tenant, asOf, status, schedule, signIns, users, findings, summary, inputs, rules, null, null, null);
    }

    /**
     * The findings that require action rolled up into actions, most urgent first ({@link Actions}). Derived from
     * the findings every time, so it always agrees with them (after accepted risks too); ignored when a report
     * is read back.
     */
    @JsonProperty(value = "actions", access = JsonProperty.Access.READ_ONLY)
    public List<Action> actions() {
        return Actions.of(this);
    }

    /**
     * What {@code collect} could not get, with what to do ({@link CollectionGap}): shown first in every format. Empty
     * for a folder not made by collect, or one collected whole.
     */
    @JsonProperty(value = "collectionGaps", access = JsonProperty.Access.READ_ONLY)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public List<CollectionGap> collectionGaps() {
        return CollectionGap.of(inputs == null ? null : inputs.collection());
    }

    /**
     * How many findings there are and how many require action ({@link FindingCounts}): the one count every format
     * and the batch index show. Derived from the findings every time; ignored when a report is read back.
     */
    @JsonProperty(value = "findingCounts", access = JsonProperty.Access.READ_ONLY)
    public FindingCounts findingCounts() {
        return FindingCounts.of(findings);
    }

    public Report(int schemaVersion, TenantRef tenant, LocalDate asOf, Status status, List<ScheduleEntry> schedule,
                  List<SignInVerdict> signIns, List<UserVerdict> users, List<Finding> findings, Summary summary,
                  Inputs inputs, RulesUsed rules, List<AcceptedRiskState> acceptedRisks, Changes changes, Provenance provenance) {
        this(schemaVersion, tenant, asOf, status, schedule, signIns, users, findings, summary, inputs, rules, acceptedRisks,
                changes, provenance, null, null);
    }

    /** The same report naming the edition of Microsoft's page its rules implement, and its Phase 2 writes (null: no activity log). */
    public Report withEdition(String edition, List<ArmWriteVerdict> armWrites) {
        return new Report(schemaVersion, tenant, asOf, status, schedule, signIns, users, findings, summary, inputs, rules,
                acceptedRisks, changes, provenance, edition, armWrites);
    }

    /** The same report listing the given verdicts. */
    public Report withSignIns(List<SignInVerdict> verdicts) {
        return new Report(schemaVersion, tenant, asOf, status, schedule, verdicts, users, findings, summary, inputs, rules,
                acceptedRisks, changes, provenance, edition, armWrites);
    }

    public record TenantRef(String id, String displayName, boolean testTenant, String license) {
        public static TenantRef of(Tenant t) {
            return new TenantRef(t.getTenantId(), t.getDisplayName(), t.isTestTenant(), t.getLicense());
        }
    }

    /**
     * The rules behind the report. {@code classified}: the policy stage's rules that fired (what each Conditional
     * Access policy means); never written in a report, where the verdict rules that read a policy stand for them, but
     * counted by the scenarios' rule-coverage gate. {@code actions}: what to do about each finding code, from the
     * rules' findings catalogue; not written either (the report's actions are). Both null when not known (a report
     * read back from JSON).
     */
    public record RulesUsed(String source, String fingerprint, List<String> fired,
                            @com.fasterxml.jackson.annotation.JsonIgnore List<String> classified,
                            @com.fasterxml.jackson.annotation.JsonIgnore ActionCatalogue actions) {
        public RulesUsed(String source, String fingerprint, List<String> fired) {
            this(source, fingerprint, fired, null, null);
        }

        /** The same rules, with what to do about each finding from this catalogue. */
        public RulesUsed withActions(ActionCatalogue catalogue) {
            return new RulesUsed(source, fingerprint, fired, classified, catalogue);
        }
    }

    /**
     * The same report, its actions taken from this catalogue (a report read back, evaluated with these rules), its
     * findings decided again by the catalogue's readiness (what blocks readiness is not written in the JSON report).
     */
    public Report withActionCatalogue(ActionCatalogue catalogue) {
        List<Finding> findings = this.findings == null ? null : catalogue.readiness().decide(this.findings);
        return new Report(schemaVersion, tenant, asOf, status, schedule, signIns, users, findings, summary, inputs,
                rules == null ? null : rules.withActions(catalogue), acceptedRisks, changes, provenance, edition, armWrites);
    }

    /** The same report with its findings judged against the tenant's accepted risks. */
    public Report withAcceptedRisks(Status status, List<Finding> findings, Summary summary, List<AcceptedRiskState> acceptedRisks) {
        return new Report(schemaVersion, tenant, asOf, status, schedule, signIns, users, findings, summary, inputs, rules,
                acceptedRisks, changes, provenance, edition, armWrites);
    }

    public Report withChanges(Changes changes) {
        return new Report(schemaVersion, tenant, asOf, status, schedule, signIns, users, findings, summary, inputs, rules,
                acceptedRisks, changes, provenance, edition, armWrites);
    }

    public Report withProvenance(Provenance provenance) {
        return new Report(schemaVersion, tenant, asOf, status, schedule, signIns, users, findings, summary, inputs, rules,
                acceptedRisks, changes, provenance, edition, armWrites);
    }
}
