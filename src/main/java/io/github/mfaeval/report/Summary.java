package io.github.mfaeval.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Counts that always add up: signInsRead = signInsEvaluated + signInsRejected + signInsDuplicate. */
@JsonPropertyOrder({"signInsRead", "signInsEvaluated", "signInsRejected", "signInsDuplicate", "signInsInScope",
        "signInsSatisfied", "signInsNotSatisfied", "users", "usersInScope", "usersReady", "findings"})
public record Summary(long signInsRead, long signInsEvaluated, long signInsRejected, long signInsDuplicate,
                      long signInsInScope, long signInsSatisfied, long signInsNotSatisfied, int users,
                      int usersInScope, int usersReady, int findings) {
}
