package io.github.mfaeval.result;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Instant;
import java.util.List;

/**
 * One Azure Resource Manager write operation of a user, from the activity log, with its Phase 2 verdict:
 * whether the token carried MFA, whether Phase 2 was enforced for the tenant at that moment, and whether ARM
 * refused it. Listed in the report for editions that judge Phase 2 on writes.
 */
@JsonPropertyOrder({"time", "user", "operation", "statuses", "mfa", "enforcementActive", "refused", "clientAppId", "rules", "sources"})
public record ArmWriteVerdict(Instant time, String user, String operation, List<String> statuses, boolean mfa,
                              boolean enforcementActive, boolean refused, String clientAppId, List<String> rules,
                              List<String> sources) {
}
