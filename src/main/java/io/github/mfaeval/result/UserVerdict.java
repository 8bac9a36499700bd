package io.github.mfaeval.result;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

@JsonPropertyOrder({"id", "userPrincipalName", "inScope", "ready", "coveredBy", "findings", "signIns", "rules"})
public record UserVerdict(String id, String userPrincipalName, boolean inScope, boolean ready, List<String> coveredBy,
                          List<String> findings, SignInCounts signIns, List<String> rules) {

    /** {@code firstPhase}: the earliest phase among the user's in-scope sign-ins, absent without any. */
    @JsonPropertyOrder({"inScope", "satisfied", "unsatisfied", "firstPhase"})
    public record SignInCounts(int inScope, int satisfied, int unsatisfied,
                               @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) Integer firstPhase) {
        public SignInCounts(int inScope, int satisfied, int unsatisfied) {
            this(inScope, satisfied, unsatisfied, null);
        }
    }
}
