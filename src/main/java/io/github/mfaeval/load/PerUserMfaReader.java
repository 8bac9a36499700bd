package io.github.mfaeval.load;

import java.util.Locale;
import java.util.Set;

/** perUserMfa.json: each user's legacy per-user MFA state. */
final class PerUserMfaReader {
    private static final Set<String> STATES = Set.of("disabled", "enabled", "enforced");

    private PerUserMfaReader() {
    }

    static void read(FolderReading f, Export export) {
        if (!f.present(export)) return;
        f.records(export, (r, pos) -> {
            String state = StrictFields.oneOf(r, "", "perUserMfaState", STATES);
            if (state == null) throw new IllegalArgumentException("missing required field perUserMfaState");
            f.data.perUserMfa.put(FolderReading.required(r, "userId").toLowerCase(Locale.ROOT), state);
        });
    }
}
