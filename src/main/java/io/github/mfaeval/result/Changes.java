package io.github.mfaeval.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * What changed since the baseline run for one tenant. A finding is the same finding when its code, subject
 * and rule are the same. {@code previousStatus} is null when the baseline has no report for the tenant;
 * it is FAILED or TIMEOUT when the baseline could not evaluate it, and then findings and users are not
 * compared ({@code compared} is false) rather than all reported as new.
 */
@JsonPropertyOrder({"baseline", "previousStatus", "status", "statusChanged", "compared", "newFindings", "resolvedFindings",
        "unchangedFindings", "usersBecameReady", "usersNoLongerReady"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Changes(String baseline, String previousStatus, String status, boolean statusChanged, boolean compared,
                      List<FindingRef> newFindings, List<FindingRef> resolvedFindings, int unchangedFindings,
                      List<UserRef> usersBecameReady, List<UserRef> usersNoLongerReady) {

    /** A finding's identity, enough to find it in either report. */
    public record FindingRef(String code, String subject, String rule) {
    }

    public record UserRef(String id, String userPrincipalName) {
    }
}
