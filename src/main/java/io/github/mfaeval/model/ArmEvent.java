package io.github.mfaeval.model;

import java.time.Instant;
import java.util.Set;

/**
 * One Azure Activity Log event, normalised from whichever export it came from (ARM REST list,
 * {@code az monitor activity-log list}, diagnostic records, Log Analytics AzureActivity).
 *
 * @param caller       the event's caller: a UPN for users, an object id for applications
 * @param objectId     the token's object id (oid claim), lower case, or empty
 * @param upn          the token's upn or unique_name claim, or empty
 * @param identityType from the token's {@code idtyp} claim: "user", "app", or empty when absent
 * @param clientAppId  the token's {@code appid} (or {@code azp}) claim, lower case, or empty
 * @param operation    operation name, lower case ({@code microsoft.compute/virtualmachines/write})
 * @param category     category, lower case ({@code administrative}; diagnostic records may say write/delete/action)
 * @param status       STARTED, ACCEPTED, SUCCEEDED, FAILED or the value as given, upper case
 * @param amr          the token's authentication methods ({@code amr}), lower case; empty when the event has no claims
 * @param hasClaims    whether the event carried token claims at all
 * @param policyDefinitions Azure Policy definition ids named by the event (lower case)
 * @param source       file and record it was read from
 * @param errorCodes   the sub-status and the error codes the event's status message names (lower case), e.g.
 *                     {@code requestdisallowedbypolicy}
 */
public record ArmEvent(String eventDataId, String correlationId, Instant time, String caller, String objectId, String upn,
                       String identityType, String clientAppId, String operation, String category, String status,
                       Set<String> amr, boolean hasClaims, Set<String> policyDefinitions, String resourceId, String source,
                       Set<String> errorCodes) {
    public ArmEvent(String eventDataId, String correlationId, Instant time, String caller, String objectId, String upn,
                    String identityType, String clientAppId, String operation, String category, String status,
                    Set<String> amr, boolean hasClaims, Set<String> policyDefinitions, String resourceId, String source) {
        this(eventDataId, correlationId, time, caller, objectId, upn, identityType, clientAppId, operation, category, status, amr,
                hasClaims, policyDefinitions, resourceId, source, Set.of());
    }

    /**
     * What identifies the event across files and shapes: its eventDataId when present, and its correlation id,
     * operation, status and time (diagnostic records carry no eventDataId, so the same event exported twice
     * is recognised by either key).
     */
    public java.util.List<String> dedupKeys() {
        String composite = "k:" + correlationId + "|" + operation + "|" + status + "|" + time;
        if (eventDataId != null && !eventDataId.isEmpty()) return java.util.List.of("id:" + eventDataId.toLowerCase(java.util.Locale.ROOT), composite);
        return java.util.List.of(composite);
    }

    /** What groups the Started and Succeeded/Failed events of one operation: correlation id and operation name. */
    public String operationKey() {
        String c = correlationId == null || correlationId.isEmpty() ? dedupKeys().get(0) : correlationId.toLowerCase(java.util.Locale.ROOT);
        return c + "|" + operation;
    }
}
