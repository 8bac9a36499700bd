package io.github.mfaeval.load;

import io.github.mfaeval.load.text.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.mfaeval.model.CrossTenantDefault;
import io.github.mfaeval.model.CrossTenantPartner;
import io.github.mfaeval.result.Rejection;

/** crossTenantAccessPolicy.json: whether MFA done in a guest's home tenant is trusted, by default and per partner. */
final class CrossTenantReader {
    private CrossTenantReader() {
    }

    static void read(FolderReading f, Export export) {
        if (!f.present(export)) return;
        JsonNode node = f.object(export, "expected a JSON object");
        if (node == null) return;
        TenantData data = f.data;
        String name = FolderReading.nameOf(f.file(export));
        try {
            JsonNode def = Json.field(node, "default");
            Boolean accepted = def == null ? null : Json.bool(Json.field(def, "inboundTrust"), "isMfaAccepted");
            data.crossTenantDefault = new CrossTenantDefault(Boolean.TRUE.equals(accepted));
            JsonNode partners = Json.field(node, "partners");
            if (partners != null && partners.has("value")) partners = partners.get("value");
            int count = 1;
            if (partners != null && partners.isArray()) {
                int index = 0;
                for (JsonNode p : partners) {
                    index++;
                    String tenantId = Json.text(p, "tenantId");
                    if (tenantId == null) {
                        data.rejected.add(new Rejection(name, "partner " + index, "missing required field tenantId"));
                        continue;
                    }
                    JsonNode trust = Json.field(p, "inboundTrust");
                    data.crossTenantPartners.add(new CrossTenantPartner(tenantId, trust == null || trust.isNull() ? null : Json.bool(trust, "isMfaAccepted")));
                    count++;
                }
            }
            data.filesRead.put(name, count);
        } catch (IllegalArgumentException e) {
            data.rejected.add(new Rejection(name, "", e.getMessage()));
        }
    }
}
