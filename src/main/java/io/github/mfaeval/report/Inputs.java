package io.github.mfaeval.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.mfaeval.load.Rejection;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What was read from the tenant folder, what was missing, and every record that was not evaluated.
 * {@code signInPeriod}: the period the evaluated sign-ins cover (null when none was read).
 * {@code incompleteEvidence}: the finding codes with which the rules said the evidence cannot show readiness
 * (no or stale sign-ins); like a rejected record, any makes the status INCOMPLETE.
 * {@code warnings}: what was read but looks wrong without changing a verdict (an unknown manifest key).
 */
@JsonPropertyOrder({"folder", "files", "missing", "rejected", "signInPeriod", "incompleteEvidence", "warnings"})
public record Inputs(String folder, List<FileRead> files, List<String> missing, List<Rejection> rejected,
                     SignInPeriod signInPeriod,
                     @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> incompleteEvidence,
                     @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> warnings) {
    public Inputs(String folder, List<FileRead> files, List<String> missing, List<Rejection> rejected) {
        this(folder, files, missing, rejected, null, List.of(), List.of());
    }

    public record FileRead(String name, long records) {
    }

    /** First and last createdDateTime of the evaluated sign-ins, overall and per kind (with how many of each). */
    public record SignInPeriod(Instant first, Instant last, Map<String, KindPeriod> kinds) {
    }

    public record KindPeriod(Instant first, Instant last, long count) {
    }

    /** Records rejected or evidence judged incomplete: the report cannot be READY or ACTION_REQUIRED alone. */
    public boolean incomplete() {
        return !rejected.isEmpty() || (incompleteEvidence != null && !incompleteEvidence.isEmpty());
    }
}
