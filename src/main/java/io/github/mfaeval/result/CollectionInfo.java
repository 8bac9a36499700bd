package io.github.mfaeval.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code collect} wrote in the folder's {@code collection.json}: when, which sign-in window, and each
 * file's status. The report's {@code inputs.collection} shows it, so a reader knows what the verdicts stand on.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CollectionInfo(String tool, String startedAt, String finishedAt, Boolean complete, String error,
                             Window signInWindow, List<File> files, List<String> warnings) {
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Window(String from, String to, Integer days, String basis) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record File(String name, String status, Long records, String missingPermission, String reason, String collectedAt) {
    }

    /** The entry of a file, or null. */
    public File file(String name) {
        if (files == null) return null;
        for (File f : files) if (name.equals(f.name())) return f;
        return null;
    }

    public static final String FILE = "collection.json";

    /** From the parsed file; fields that are absent stay null. */
    public static CollectionInfo of(JsonNode n) {
        JsonNode w = n.get("signInWindow");
        Window window = w == null || !w.isObject() ? null : new Window(text(w, "from"), text(w, "to"),
                w.hasNonNull("days") ? w.get("days").asInt() : null, text(w, "basis"));
        List<File> files = new ArrayList<>();
        for (JsonNode f : n.path("files")) {
            files.add(new File(text(f, "name"), text(f, "status"), f.hasNonNull("records") ? f.get("records").asLong() : null,
                    text(f, "missingPermission"), text(f, "reason"), text(f, "collectedAt")));
        }
        List<String> warnings = new ArrayList<>();
        for (JsonNode x : n.path("warnings")) warnings.add(x.asText());
        return new CollectionInfo(text(n, "tool"), text(n, "startedAt"), text(n, "finishedAt"),
                n.hasNonNull("complete") ? n.get("complete").asBoolean() : null, text(n, "error"), window, files, warnings);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
