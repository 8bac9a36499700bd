package io.github.mfaeval.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mfaeval.model.FederatedDomain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** domains.json: the federated domains and how each treats MFA done at its identity provider. */
final class DomainsReader {
    private static final Set<String> IDP_MFA_BEHAVIOURS = Set.of("acceptifmfadonebyfederatedidp", "enforcemfabyfederatedidp",
            "rejectmfabyfederatedidp");

    private DomainsReader() {
    }

    static void read(FolderReading f, Export export) {
        if (!f.present(export)) return;
        Map<String, String> configured = new LinkedHashMap<>();
        List<String> unconfigured = new ArrayList<>();
        f.records(export, (d, pos) -> {
            String name = FolderReading.required(d, "id");
            JsonNode fedField = Json.field(d, "federationConfiguration");
            if (fedField != null && !fedField.isNull() && !fedField.isArray()) {
                throw new IllegalArgumentException("field federationConfiguration must be an array, found " + fedField);
            }
            JsonNode fed = Json.array(d, "federationConfiguration");
            String type = StrictFields.oneOf(d, "", "authenticationType", Set.of("managed", "federated"));
            if (fed != null && !fed.isEmpty()) {
                if (!fed.get(0).isObject()) throw new IllegalArgumentException("field federationConfiguration[0] must be an object, found " + fed.get(0));
                configured.put(name.toLowerCase(Locale.ROOT),
                        StrictFields.oneOf(fed.get(0), "federationConfiguration[0].", "federatedIdpMfaBehavior", IDP_MFA_BEHAVIOURS));
            } else if ("federated".equalsIgnoreCase(type)) {
                unconfigured.add(name.toLowerCase(Locale.ROOT));
            }
        });
        configured.forEach((name, behaviour) -> f.data.federatedDomains.add(new FederatedDomain(name, behaviour)));
        // (decision) A federated subdomain without a configuration of its own uses its nearest parent's.
        for (String name : unconfigured) {
            String behaviour = null;
            for (String parent = parentOf(name); parent != null; parent = parentOf(parent)) {
                if (configured.containsKey(parent)) {
                    behaviour = configured.get(parent);
                    break;
                }
            }
            f.data.federatedDomains.add(new FederatedDomain(name, behaviour));
        }
    }

    private static String parentOf(String domain) {
        int dot = domain.indexOf('.');
        return dot < 0 || domain.indexOf('.', dot + 1) < 0 ? null : domain.substring(dot + 1);
    }
}
