package io.github.mfaeval.result;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.mfaeval.model.SatisfiedBy;
import io.github.mfaeval.model.ScopeReason;

import java.time.Instant;
import java.util.List;

@JsonPropertyOrder({"id", "createdDateTime", "userId", "userPrincipalName", "appId", "application", "phase", "inScope",
        "scopeReason", "mfaSatisfied", "satisfiedBy", "enforcementActive", "rules", "source"})
public record SignInVerdict(String id, Instant createdDateTime, String userId, String userPrincipalName, String appId,
                            String application, Integer phase, boolean inScope, ScopeReason scopeReason,
                            Boolean mfaSatisfied, SatisfiedBy satisfiedBy, Boolean enforcementActive,
                            List<String> rules, String source) implements java.io.Serializable {
}
