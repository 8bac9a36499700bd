package io.github.mfaeval.load;

import com.fasterxml.jackson.databind.JsonNode;

/** conditionalAccessPolicies.json, or else a ScubaGear export's policies. */
final class ConditionalAccessReader {
    private ConditionalAccessReader() {
    }

    static void read(FolderReading f, Export export) {
        JsonNode policies = f.scuba == null ? null : f.scuba.conditionalAccessPolicies();
        if (f.present(export, policies != null)) {
            f.records(export, (p, pos) -> f.data.caPolicies.add(CaPolicyParser.parse(p)));
        } else if (policies != null) {
            f.records("conditional_access_policies", policies, (p, pos) -> f.data.caPolicies.add(CaPolicyParser.parse(p)));
        }
    }
}
