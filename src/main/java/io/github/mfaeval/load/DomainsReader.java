package io.github.mfaeval.load;

import io.github.mfaeval.load.text.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.mfaeval.model.FederatedDomain;

import java.util.Set;

/** domains.json: the federated domains and how each treats MFA done at its identity provider. */
final class DomainsReader {
    private static final Set<String> IDP_MFA_BEHAVIOURS = Set.of("acceptifmfadonebyfederatedidp", "enforcemfabyfederatedidp",
            "rejectmfabyfederatedidp");

    private DomainsReader() {
    }

    static void read(FolderReading f, Export export) {
        if (!f.present(export)) return;
        f.records(export, (d, pos) -> {
            String name = FolderReading.required(d, "id");
            JsonNode fedField = Json.field(d, "federationConfiguration");
            if (fedField != null && !fedField.isNull() && !fedField.isArray()) {
                throw new IllegalArgumentException("field federationConfiguration must be an array, found " + fedField);
            }
            JsonNode fed = Json.array(d, "federationConfiguration");
            String type = StrictFields.oneOf(d, "", "authenticationType", Set.of("managed", "federated"));
            JsonNode isRoot = Json.field(d, "isRoot");
            if (isRoot != null && !isRoot.isNull() && !isRoot.isBoolean()) {
                throw new IllegalArgumentException("field isRoot must be true or false, found " + isRoot);
            }
            Boolean root = isRoot == null || isRoot.isNull() ? null : isRoot.booleanValue();
            if (fed != null && !fed.isEmpty()) {
                if (!fed.get(0).isObject()) throw new IllegalArgumentException("field federationConfiguration[0] must be an object, found " + fed.get(0));
                String behaviour = StrictFields.oneOf(fed.get(0), "federationConfiguration[0].", "federatedIdpMfaBehavior", IDP_MFA_BEHAVIOURS);
                f.data.federatedDomains.add(new FederatedDomain(name, behaviour, true, root));
            } else if ("federated".equalsIgnoreCase(type)) {
                // which parent's behaviour it takes, if any, is for rules/tenant/federation-inheritance.drl
                f.data.federatedDomains.add(new FederatedDomain(name, null, false, root));
            }
        });
    }
}
