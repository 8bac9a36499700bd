package io.github.mfaeval.collect;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mfaeval.report.AtomicFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code collection.json}: what a collection did, beside the files it wrote. Rewritten (atomically) after every
 * file, so an interrupted run leaves an honest account of what is finished, which {@code --resume} reads.
 * It never holds a token or a secret: the auth description names kinds and public identifiers only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"schemaVersion", "tool", "tenant", "tenantId", "auth", "startedAt", "finishedAt", "complete",
        "error", "signInWindow", "endpoints", "files", "activityLogSubscriptions", "warnings"})
public final class CollectionRecord {
    public static final String FILE = "collection.json";

    /** partial: written, but some of its sources could not be read (an Activity Log subscription): not evidence. */
    public enum Status { collected, partial, forbidden, failed, skipped }

    /** One subscription whose Activity Log was asked for: read, or why not (collection.json names every one). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"id", "status", "records", "missingPermission", "reason"})
    public record SubscriptionRead(String id, Status status, Long records, String missingPermission, String reason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"name", "status", "records", "endpoint", "missingPermission", "reason", "collectedAt"})
    public record FileEntry(String name, Status status, Long records, String endpoint, String missingPermission,
                            String reason, String collectedAt) {
    }

    /** The sign-ins asked for: from (inclusive) to (exclusive), and why that many days. */
    public record Window(String from, String to, int days, String basis) {
    }

    public record Endpoints(String graph, String arm, String login) {
    }

    public int schemaVersion = 1;
    public String tool;
    public String tenant;
    public String tenantId;
    public String auth;
    public String startedAt;
    public String finishedAt;
    public Boolean complete;
    /** Why the tenant could not be collected at all (no token, a folder of another tenant, …). */
    public String error;
    public Window signInWindow;
    public Endpoints endpoints;
    public final List<FileEntry> files = new ArrayList<>();
    /** Each subscription the Activity Log was read from, or could not be (empty when none was asked). */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public final List<SubscriptionRead> activityLogSubscriptions = new ArrayList<>();
    public final List<String> warnings = new ArrayList<>();

    /** Adds or replaces the entry of {@code e.name()}. */
    public synchronized void put(FileEntry e) {
        files.removeIf(f -> f.name().equals(e.name()));
        files.add(e);
    }

    public synchronized FileEntry entry(String name) {
        for (FileEntry f : files) if (f.name().equals(name)) return f;
        return null;
    }

    public synchronized void warn(String warning) {
        warnings.add(warning);
    }

    public synchronized void write(Path folder) throws IOException {
        // every reason and warning may quote a server, and a server may quote the token it was sent
        String json = Redaction.redact(Api.MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(this));
        AtomicFile.write(folder.resolve(FILE), w -> w.write(json));
    }

    /** The record an earlier (possibly interrupted) collection left in {@code folder}, or null. */
    public static CollectionRecord read(Path folder) throws IOException {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) return null;
        JsonNode n = Api.MAPPER.readTree(file.toFile());
        if (!(n instanceof ObjectNode o)) return null;
        CollectionRecord r = new CollectionRecord();
        r.tool = o.path("tool").asText(null);
        r.tenant = o.path("tenant").asText(null);
        r.tenantId = o.path("tenantId").asText(null);
        r.auth = o.path("auth").asText(null);
        r.startedAt = o.path("startedAt").asText(null);
        r.finishedAt = o.path("finishedAt").asText(null);
        r.error = o.path("error").asText(null);
        JsonNode w = o.get("signInWindow");
        if (w != null && w.isObject()) {
            r.signInWindow = new Window(w.path("from").asText(null), w.path("to").asText(null), w.path("days").asInt(), w.path("basis").asText(null));
        }
        for (JsonNode f : o.path("files")) {
            Status s;
            try {
                s = Status.valueOf(f.path("status").asText());
            } catch (IllegalArgumentException e) {
                continue;
            }
            r.files.add(new FileEntry(f.path("name").asText(), s, f.hasNonNull("records") ? f.get("records").asLong() : null,
                    f.path("endpoint").asText(null), f.path("missingPermission").asText(null), f.path("reason").asText(null),
                    f.path("collectedAt").asText(null)));
        }
        return r;
    }

    /** Counts by status, for the closing line. */
    public synchronized Map<Status, Integer> counts() {
        Map<Status, Integer> m = new LinkedHashMap<>();
        for (Status s : Status.values()) m.put(s, 0);
        for (FileEntry f : files) m.merge(f.status(), 1, Integer::sum);
        return m;
    }
}
