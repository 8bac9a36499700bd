package io.github.mfaeval.load;

import io.github.mfaeval.model.DirectoryUser;
import io.github.mfaeval.load.text.Json;
import io.github.mfaeval.model.GuestMarks;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

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
            f.data.users.put(id, new DirectoryUser(id, upn, Json.text(u, "mail"), type, guest, marks(u, type, upn)));
        });
    }

    /** The marks of an invited user as exported, unjudged: which of them make a guest is the rules' decision. */
    private static GuestMarks marks(com.fasterxml.jackson.databind.JsonNode u, String type, String upn) {
        Set<String> issuers = new LinkedHashSet<>();
        com.fasterxml.jackson.databind.JsonNode identities = Json.array(u, "identities");
        if (identities != null) {
            for (com.fasterxml.jackson.databind.JsonNode i : identities) {
                String issuer = Json.text(i, "issuer");
                if ("federated".equalsIgnoreCase(Json.text(i, "signInType")) && issuer != null) issuers.add(issuer);
            }
        }
        return new GuestMarks(true, type, upn, Json.text(u, "creationType"), Json.text(u, "externalUserState"), issuers);
    }
}
