package io.github.mfaeval.load;

import io.github.mfaeval.load.text.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.mfaeval.model.SecurityDefaults;
import io.github.mfaeval.result.Rejection;

/** securityDefaults.json: whether security defaults are on. */
final class SecurityDefaultsReader {
    private SecurityDefaultsReader() {
    }

    static void read(FolderReading f, Export export) {
        if (!f.present(export)) return;
        JsonNode node = f.object(export, "expected a JSON object");
        if (node == null) return;
        String name = FolderReading.nameOf(f.file(export));
        try {
            Boolean enabled = Json.bool(node, "isEnabled");
            if (enabled == null) {
                f.data.rejected.add(new Rejection(name, "", "missing required field isEnabled"));
                return;
            }
            f.data.securityDefaults = new SecurityDefaults(enabled);
            f.data.filesRead.put(name, 1);
        } catch (IllegalArgumentException e) {
            f.data.rejected.add(new Rejection(name, "", e.getMessage()));
        }
    }
}
