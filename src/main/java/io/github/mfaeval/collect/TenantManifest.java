package io.github.mfaeval.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mfaeval.report.AtomicFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code tenant.json}: collect fills {@code tenantId}, {@code displayName} and {@code license} when they are
 * absent and leaves every field a person wrote as it is (notified dates, postponement, emergency and service
 * accounts, test tenant, and a licence written by hand). A manifest naming another tenant stops the collection:
 * the folder belongs to someone else.
 */
final class TenantManifest {
    private TenantManifest() {
    }

    /** The merge's notes (a hand-written licence that differs from the subscriptions, …), for collection.json. */
    static List<String> merge(Path folder, String tenantId, String displayName, String licence) throws IOException, CollectException {
        Path file = folder.resolve("tenant.json");
        ObjectNode m;
        if (Files.isRegularFile(file)) {
            JsonNode n;
            try {
                n = Api.MAPPER.readTree(file.toFile());
            } catch (IOException e) {
                throw new CollectException(file + ": not valid JSON, left as it is; fix or remove it and collect again: " + e.getMessage().split("\n")[0]);
            }
            if (!(n instanceof ObjectNode o)) throw new CollectException(file + ": not a JSON object, left as it is; fix or remove it");
            m = o;
        } else {
            m = Api.MAPPER.createObjectNode();
        }
        List<String> notes = new ArrayList<>();
        boolean changed = false;
        String existingId = m.path("tenantId").asText(null);
        if (tenantId != null) {
            if (existingId != null && !existingId.equalsIgnoreCase(tenantId)) {
                throw new CollectException(file + ": names tenant " + existingId + ", but the credentials reach tenant " + tenantId
                        + "; collect each tenant into its own folder");
            }
            if (existingId == null) {
                m.put("tenantId", tenantId);
                changed = true;
            }
        }
        if (displayName != null && !m.hasNonNull("displayName")) {
            m.put("displayName", displayName);
            changed = true;
        }
        if (licence != null) {
            String written = m.path("license").asText(null);
            if (written == null) {
                m.put("license", licence);
                changed = true;
            } else if (!written.toLowerCase(Locale.ROOT).equals(licence.toLowerCase(Locale.ROOT))) {
                notes.add("tenant.json says license " + written + " but the subscriptions give " + licence + "; the file was left as written");
            }
        }
        if (m.hasNonNull("asOf")) {
            // a snapshot's date: evaluate and batch would judge the sign-ins just collected as of that day
            notes.add("tenant.json carries a fixed asOf " + m.get("asOf").asText() + ": evaluate and batch judge this folder as of that date, "
                    + "not today, so the fresh sign-ins are judged against that day's enforcement; remove \"asOf\" from tenant.json "
                    + "(or pass --as-of) to evaluate as of today");
        }
        if (!m.hasNonNull("tenantId")) {
            notes.add("tenant.json has no tenantId (the organization could not be read): write it by hand, evaluate needs it");
        }
        if (changed || !Files.isRegularFile(file)) {
            ObjectNode out = m;
            AtomicFile.write(file, w -> Api.MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(w, out));
        }
        return notes;
    }
}
