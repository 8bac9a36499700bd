package io.github.mfaeval.collect;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The tenant's Entra ID licence, from {@code GET /v1.0/subscribedSkus}: P2 when an active subscription holds
 * the service plan AAD_PREMIUM_P2, P1 for AAD_PREMIUM, free otherwise. It sets the sign-in retention (30 days
 * with P1/P2, 7 with Free) and goes into tenant.json when a person has not written one there.
 */
final class Licence {
    static final String P2_PLAN = "AAD_PREMIUM_P2";
    static final String P1_PLAN = "AAD_PREMIUM";

    private Licence() {
    }

    /** "P2", "P1" or "free", from the {@code value} array of subscribedSkus. */
    static String of(JsonNode skus) {
        boolean p1 = false;
        boolean p2 = false;
        for (JsonNode sku : skus) {
            // a suspended or deleted subscription no longer licenses anything
            String status = sku.path("capabilityStatus").asText("Enabled");
            if (!status.equalsIgnoreCase("Enabled") && !status.equalsIgnoreCase("Warning")) continue;
            if (sku.path("prepaidUnits").path("enabled").asLong(1) <= 0 && sku.path("consumedUnits").asLong(0) <= 0) continue;
            for (JsonNode plan : sku.path("servicePlans")) {
                String name = plan.path("servicePlanName").asText("");
                if (plan.path("provisioningStatus").asText("Success").equalsIgnoreCase("Disabled")) continue;
                if (name.equalsIgnoreCase(P2_PLAN)) p2 = true;
                else if (name.equalsIgnoreCase(P1_PLAN)) p1 = true;
            }
        }
        return p2 ? "P2" : p1 ? "P1" : "free";
    }

    /** Days of sign-ins Entra keeps for this licence. */
    static int retentionDays(String licence) {
        return licence == null || licence.equalsIgnoreCase("free") ? 7 : 30;
    }
}
