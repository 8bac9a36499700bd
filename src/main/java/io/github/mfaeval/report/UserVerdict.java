package io.github.mfaeval.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

@JsonPropertyOrder({"id", "userPrincipalName", "inScope", "ready", "coveredBy", "findings", "signIns", "rules"})
public record UserVerdict(String id, String userPrincipalName, boolean inScope, boolean ready, List<String> coveredBy,
                          List<String> findings, SignInCounts signIns, List<String> rules) {

    public record SignInCounts(int inScope, int satisfied, int unsatisfied) {
    }
}
