package io.github.mfaeval.load;

import io.github.mfaeval.load.text.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.mfaeval.model.ExternalAuthMethod;

import java.util.Locale;

/** authenticationMethodsPolicy.json, or else a ScubaGear export's: the external authentication methods. */
final class AuthenticationMethodsReader {
    private AuthenticationMethodsReader() {
    }

    static void read(FolderReading f, Export export) {
        JsonNode fromScuba = f.scuba == null ? null : f.scuba.authenticationMethodConfigurations();
        if (!f.present(export, fromScuba != null)) {
            if (fromScuba != null) {
                f.records("authentication_method_feature_settings", fromScuba, (c, pos) -> method(c, f.data));
            }
            return;
        }
        JsonNode node = f.object(export, "expected a JSON object");
        if (node == null) return;
        String name = FolderReading.nameOf(f.file(export));
        JsonNode configs = Json.array(node, "authenticationMethodConfigurations");
        int count = 0;
        if (configs != null) {
            for (JsonNode c : configs) {
                f.one(name, "authenticationMethodConfigurations[" + count++ + "]", c, (n, pos) -> method(n, f.data));
            }
        }
        f.data.filesRead.put(name, count);
    }

    private static void method(JsonNode c, TenantData data) {
        String type = Json.text(c, "@odata.type");
        if (type != null && type.toLowerCase(Locale.ROOT).contains("externalauthenticationmethodconfiguration")) {
            data.externalMethods.add(new ExternalAuthMethod(Json.text(c, "id"), Json.text(c, "displayName"),
                    "enabled".equalsIgnoreCase(Json.text(c, "state"))));
        }
    }
}
