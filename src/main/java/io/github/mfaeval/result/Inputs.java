package io.github.mfaeval.result;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * What was read from the tenant folder, what was missing, and every record that was not evaluated;
 * {@code signInPeriod} is the period the evaluated sign-ins cover (null when none was), {@code policies} the
 * Conditional Access policies read, so a finding about a policy can name it (its subject is the policy's id);
 * for a folder made by {@code collect}, its collection.json ({@code collection}: when, which sign-in window,
 * each file's status); {@code activityLogPeriod}, for a folder with an activity log, the period its events cover.
 */
public record Inputs(String folder, List<FileRead> files, List<String> missing, List<Rejection> rejected,
                     SignInPeriod signInPeriod,
                     @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Policy> policies,
                     @JsonInclude(JsonInclude.Include.NON_NULL) CollectionInfo collection,
                     @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> incompleteEvidence,
                     @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> warnings,
                     @JsonInclude(JsonInclude.Include.NON_NULL) ActivityLogPeriod activityLogPeriod) {
    public Inputs(String folder, List<FileRead> files, List<String> missing, List<Rejection> rejected) {
        this(folder, files, missing, rejected, null, List.of(), null, List.of(), List.of(), null);
    }

    public Inputs(String folder, List<FileRead> files, List<String> missing, List<Rejection> rejected, CollectionInfo collection) {
        this(folder, files, missing, rejected, null, List.of(), collection, List.of(), List.of(), null);
    }

    public record FileRead(String name, long records) {
    }

    /** Records rejected or evidence judged incomplete: the report cannot be READY or ACTION_REQUIRED alone. */
    public boolean incomplete() {
        return !rejected.isEmpty() || (incompleteEvidence != null && !incompleteEvidence.isEmpty());
    }

    /** A Conditional Access policy by id and name, with its state (enabled, disabled, report-only). */
    public record Policy(String id, String displayName, String state) {
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
        if (c.signInsFiltered()) {
            b.append("; sign-ins filtered when collected: only those to the listed applications were fetched")
                    .append(" (verdicts are the whole log's; counts of out-of-scope sign-ins are not the tenant's)");
        }
        List<String> gaps = c.files().stream().filter(f -> !"collected".equals(f.status()))
                .map(f -> f.name() + " " + f.status() + ("partial".equals(f.status()) && f.reason() != null && f.missingPermission() != null
                        ? " (" + f.reason() + "; needs " + f.missingPermission() + ")"
                        : f.missingPermission() != null ? " (needs " + f.missingPermission() + ")"
                        : f.reason() != null ? " (" + f.reason() + ")" : ""))
                .toList();
        // a collection killed half-way left no finishedAt: the files it never reached are in no list, so its
        // record cannot say "every file collected"
        boolean finished = c.finishedAt() != null || c.error() != null;
        if (!finished) {
            b.append("; the collection did not finish (killed or interrupted; collect --resume finishes it): ")
                    .append(c.files().size() - gaps.size()).append(" file(s) collected before it stopped");
            if (!gaps.isEmpty()) b.append("; not collected whole: ").append(String.join("; ", gaps));
        } else {
            b.append(gaps.isEmpty() ? "; every file collected" : "; not collected whole: " + String.join("; ", gaps));
        }
        return b.toString();
    }
}
