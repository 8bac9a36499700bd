package io.github.mfaeval.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.mfaeval.load.CollectionInfo;
import io.github.mfaeval.load.Rejection;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What was read from the tenant folder, what was missing, and every record that was not evaluated; for a
 * folder made by {@code collect}, its collection.json ({@code collection}: when, which sign-in window, each file's status).
 * {@code signInPeriod}: the period the evaluated sign-ins cover (null when none was read).
 * {@code incompleteEvidence}: the finding codes with which the rules said the evidence cannot show readiness
 * (no or stale sign-ins); like a rejected record, any makes the status INCOMPLETE.
 * {@code warnings}: what was read but looks wrong without changing a verdict (an unknown manifest key).
 */
@JsonPropertyOrder({"folder", "files", "missing", "rejected", "collection", "signInPeriod", "incompleteEvidence", "warnings"})
public record Inputs(String folder, List<FileRead> files, List<String> missing, List<Rejection> rejected,
                     @JsonInclude(JsonInclude.Include.NON_NULL) CollectionInfo collection,
                     SignInPeriod signInPeriod,
                     @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> incompleteEvidence,
                     @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> warnings) {
    public Inputs(String folder, List<FileRead> files, List<String> missing, List<Rejection> rejected) {
        this(folder, files, missing, rejected, null, null, List.of(), List.of());
    }

    public Inputs(String folder, List<FileRead> files, List<String> missing, List<Rejection> rejected, CollectionInfo collection) {
        this(folder, files, missing, rejected, collection, null, List.of(), List.of());
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

    /** One line on a collection: when, the sign-in window, and the files it could not collect. */
    public static String describe(CollectionInfo c) {
        StringBuilder b = new StringBuilder();
        b.append(c.finishedAt() != null ? c.finishedAt() : c.startedAt() != null ? c.startedAt() + " (unfinished)" : "(time unknown)");
        if (c.tool() != null) b.append(" by ").append(c.tool());
        if (c.error() != null) b.append("; FAILED: ").append(c.error());
        if (c.signInWindow() != null) {
            b.append("; sign-ins from ").append(c.signInWindow().from()).append(" to ").append(c.signInWindow().to());
            if (c.signInWindow().days() != null) b.append(" (").append(c.signInWindow().days()).append(" days)");
        }
        List<String> gaps = c.files().stream().filter(f -> !"collected".equals(f.status()))
                .map(f -> f.name() + " " + f.status() + (f.missingPermission() != null ? " (needs " + f.missingPermission() + ")"
                        : f.reason() != null ? " (" + f.reason() + ")" : ""))
                .toList();
        b.append(gaps.isEmpty() ? "; every file collected" : "; not collected: " + String.join("; ", gaps));
        return b.toString();
    }
}
