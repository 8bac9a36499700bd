package io.github.mfaeval.result;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Counts that always add up: signInsRead = signInsEvaluated + signInsRejected + signInsDuplicate. */
@JsonPropertyOrder({"signInsRead", "signInsEvaluated", "signInsRejected", "signInsDuplicate", "signInsInScope",
        "signInsSatisfied", "signInsNotSatisfied", "users", "usersInScope", "usersReady", "findings",
        "armWritesRead", "armWritesEvaluated", "armWritesRejected", "armWritesDuplicate", "armWritesInScope", "armWritesWithoutMfa"})
public record Summary(long signInsRead, long signInsEvaluated, long signInsRejected, long signInsDuplicate,
                      long signInsInScope, long signInsSatisfied, long signInsNotSatisfied, int users,
                      int usersInScope, int usersReady, int findings,
                      Long armWritesRead, Long armWritesEvaluated, Long armWritesRejected, Long armWritesDuplicate,
                      Long armWritesInScope, Long armWritesWithoutMfa) {

    /**
     * Without activity log counts (null: no activity log was given). armWritesRead counts activity log records
     * (armWritesEvaluated + armWritesRejected + armWritesDuplicate, as for sign-ins); armWritesInScope the distinct
     * in-scope write operations; armWritesWithoutMfa those of them without MFA in the token.
     */
    public Summary(long signInsRead, long signInsEvaluated, long signInsRejected, long signInsDuplicate,
                   long signInsInScope, long signInsSatisfied, long signInsNotSatisfied, int users,
                   int usersInScope, int usersReady, int findings) {
        this(signInsRead, signInsEvaluated, signInsRejected, signInsDuplicate, signInsInScope, signInsSatisfied,
                signInsNotSatisfied, users, usersInScope, usersReady, findings, null, null, null, null, null, null);
    }

    /** The same counts with another number of findings (accepted risks recount them). */
    public Summary withFindings(int usersReady, int findings) {
        return new Summary(signInsRead, signInsEvaluated, signInsRejected, signInsDuplicate, signInsInScope, signInsSatisfied,
                signInsNotSatisfied, users, usersInScope, usersReady, findings, armWritesRead, armWritesEvaluated, armWritesRejected, armWritesDuplicate,
                armWritesInScope, armWritesWithoutMfa);
    }
}
