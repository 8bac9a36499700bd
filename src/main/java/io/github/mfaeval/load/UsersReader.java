package io.github.mfaeval.load;

import io.github.mfaeval.load.text.Json;
import java.util.Locale;

/** users.json: who the users are (guest or member, principal name, mail). */
final class UsersReader {
    private UsersReader() {
    }

    static void read(FolderReading f, Export export) {
        if (!f.present(export)) return;
        f.records(export, (u, pos) -> {
            String id = FolderReading.required(u, "id").toLowerCase(Locale.ROOT);
            String type = StrictFields.text(u, "", "userType");
            String upn = StrictFields.text(u, "", "userPrincipalName");
            StrictFields.text(u, "", "mail");
            boolean guest = "guest".equalsIgnoreCase(type) || (upn != null && upn.contains("#EXT#"));
            f.data.users.put(id, new DirectoryUser(id, upn, Json.text(u, "mail"), type, guest, ExternalUserType.of(u, type, upn)));
        });
    }
}
