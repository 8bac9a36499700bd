package io.github.mfaeval.result;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.mfaeval.model.Severity;

import java.time.LocalDate;
import java.util.List;

/**
 * One thing to do that fixes a group of findings (every finding that requires action belongs to exactly one
 * action). {@code rank} starts at 1: most severe first, then the nearest enforcement date, then the most users
 * fixed. {@code users} counts the distinct users among the findings' subjects, {@code subjects} every distinct
 * subject (users, the tenant, policies, domains, files), {@code fixes} the same in words ("412 users and the
 * tenant"); {@code details} are the distinct messages of the
 * findings about something other than a user (a policy or domain by name, the licence-specific advice), at
 * most {@link Actions#MAX_DETAILS}.
 */
@JsonPropertyOrder({"rank", "id", "title", "whatToDo", "severity", "enforcementDate", "enforced", "codes", "findings", "users",
        "subjects", "fixes", "details"})
public record Action(int rank, String id, String title, String whatToDo, Severity severity, LocalDate enforcementDate,
                     boolean enforced, List<String> codes, int findings, int users, int subjects, String fixes,
                     List<String> details) {
}
