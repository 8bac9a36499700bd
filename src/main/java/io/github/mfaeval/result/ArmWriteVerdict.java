package io.github.mfaeval.result;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Instant;
import java.util.List;

/**
 * One Azure Resource Manager write operation of a user, from the activity log, with its Phase 2 verdict:
 * whether the token carried MFA, whether Phase 2 was enforced for the tenant at that moment, and whether ARM
 * refused it. Listed in the report for editions that judge Phase 2 on writes.
 */
@JsonPropertyOrder({"time", "user", "operation", "statuses", "mfa", "enforcementActive", "refused", "clientAppId", "rules", "sources", "policy"})
public record ArmWriteVerdict(Instant time, String user, String operation, List<String> statuses, boolean mfa,
                              boolean enforcementActive, boolean refused, String clientAppId, List<String> rules,
                              List<String> sources,
                              @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String policy) {
    /** What Azure Policy did to the write: "refused by Azure Policy" (RequestDisallowedByPolicy), "audited by Azure Policy", or null. */
    public ArmWriteVerdict(Instant time, String user, String operation, List<String> statuses, boolean mfa, boolean enforcementActive,
                           boolean refused, String clientAppId, List<String> rules, List<String> sources) {
        this(time, user, operation, statuses, mfa, enforcementActive, refused, clientAppId, rules, sources, null);
    }
}
