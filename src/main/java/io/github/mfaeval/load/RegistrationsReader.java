package io.github.mfaeval.load;

import io.github.mfaeval.load.text.Json;
import java.util.Locale;

/** userRegistrationDetails.json: whether each user can do MFA, and with which methods. */
final class RegistrationsReader {
    private RegistrationsReader() {
    }

    static void read(FolderReading f, Export export) {
        if (!f.present(export)) return;
        f.records(export, (r, pos) -> {
            String id = FolderReading.required(r, "id").toLowerCase(Locale.ROOT);
            Boolean capable = Json.bool(r, "isMfaCapable");
            if (capable == null) capable = Json.bool(r, "isMfaRegistered");
            f.data.registrations.put(id, new Registration(capable, FolderReading.lowerSet(StrictFields.strings(r, "", "methodsRegistered"))));
        });
    }
}
