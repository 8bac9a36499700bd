package io.github.mfaeval.batch;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.mfaeval.result.Changes;
import io.github.mfaeval.result.Provenance;

import java.time.LocalDate;

/**
 * What the batch writes instead of a report when a tenant could not be evaluated (error.json): what failed,
 * at which stage, and where, so the tenant can be fixed without rerunning the whole batch to find out.
 */
@JsonPropertyOrder({"schemaVersion", "tenant", "folder", "asOf", "status", "error", "rulesFingerprint", "changes", "provenance"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FailureReport(int schemaVersion, String tenant, String folder, LocalDate asOf, TenantStatus status, Failure error,
                            String rulesFingerprint, Changes changes, Provenance provenance) {

    /**
     * @param stage   input (the folder or a file in it is unusable), evaluation (the rules or the engine failed
     *                on it), timeout, or output (its report could not be written)
     * @param message what went wrong, naming the file when a file is at fault
     * @param where   the file, or the place in the program, where it went wrong
     */
    public record Failure(String stage, String message, String where) {
    }
}
