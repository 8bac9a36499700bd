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

    /** The event's own identity, its {@code eventDataId} (lower case), or null when the export gives none. */
    public String idKey() {
        return eventDataId == null || eventDataId.isEmpty() ? null : "id:" + eventDataId.toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Who made the request, as every export can tell it: the token's UPN when the claims hold one, else the caller
     * (lower case), which is the token's object id when the export names no caller.
     */
    public String callerKey() {
        return !upn.isEmpty() ? upn : caller.toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * What recognises the event in an export without {@code eventDataId} (diagnostic records): its correlation id,
     * operation, status, time and caller. Events of different callers never share it.
     */
    public String contentKey() {
        return "k:" + correlationId + "|" + operation + "|" + status + "|" + time + "|" + callerKey();
    }

    /**
     * What groups the Started and Succeeded/Failed events of one operation: correlation id, operation name and
     * caller (without a correlation id, the event's own identity). Events of different callers never merge.
     */
    public String operationKey() {
        String id = idKey();
        String c = correlationId != null && !correlationId.isEmpty() ? correlationId.toLowerCase(java.util.Locale.ROOT)
                : id != null ? id : contentKey();
        return c + "|" + operation + "|" + callerKey();
    }
}
