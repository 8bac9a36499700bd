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
        "error", "signInWindow", "signInFilter", "endpoints", "stats", "files", "activityLogSubscriptions", "warnings"})
public final class CollectionRecord {
    public static final String FILE = "collection.json";

    /** partial: written, but some of its sources could not be read (an Activity Log subscription): not evidence. */
    public enum Status { collected, partial, forbidden, failed, skipped }

    /** One subscription whose Activity Log was asked for: read, or why not (collection.json names every one). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"id", "status", "records", "missingPermission", "reason"})
    public record SubscriptionRead(String id, Status status, Long records, String missingPermission, String reason) {
    }

    /**
     * One file (for sign-ins: one kind, whose files are one per day, named by the pattern {@code signIns-<kind>-*.jsonl.gz}).
     * {@code records} is what the folder holds after this run; {@code filter} is the sign-in filter the kind's files
     * were fetched with; {@code signIns} how (full or incremental, which days); {@code stats} what it cost.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"name", "status", "records", "endpoint", "missingPermission", "reason", "collectedAt", "filter", "signIns", "stats"})
    public record FileEntry(String name, Status status, Long records, String endpoint, String missingPermission,
                            String reason, String collectedAt, String filter, SignInFetch signIns, Stats stats) {
        public FileEntry(String name, Status status, Long records, String endpoint, String missingPermission, String reason, String collectedAt) {
            this(name, status, records, endpoint, missingPermission, reason, collectedAt, null, null, null);
        }

        FileEntry withStats(Stats s) {
            return new FileEntry(name, status, records, endpoint, missingPermission, reason, collectedAt, filter, signIns, s);
        }
    }

    /**
     * How a sign-in kind was fetched.
     *
     * @param filterKey   what the filter selects, compared by the next run (an incremental run needs the same one)
     * @param query       how Graph applied it: one {@code or} filter, one query per application, or none (filtered here)
     * @param mode        full (the whole window fetched, the kind's files replaced) or incremental (added to them)
     * @param coversFrom  the kind's files hold every sign-in of the filter from here (inclusive) ...
     * @param coversTo    ... to here (exclusive); set only when the kind was collected completely
     * @param fetchedFrom this run fetched from here to coversTo
     * @param fetched     records this run fetched (before duplicates were removed)
     * @param days        the kind's files and their records
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"filterKey", "query", "mode", "why", "coversFrom", "coversTo", "fetchedFrom", "fetched", "days"})
    public record SignInFetch(String filterKey, String query, String mode, String why, String coversFrom, String coversTo,
                              String fetchedFrom, Long fetched, Map<String, Long> days) {
    }

    /** What a file (or the whole run) cost: requests sent (retries included), 429s met, pages read, wall time. */
    @JsonPropertyOrder({"requests", "throttled", "pages", "seconds"})
    public record Stats(long requests, long throttled, long pages, double seconds) {
    }

    /**
     * The sign-ins the folder's sign-in files cover: from (inclusive) to (exclusive), and why that many days.
     * {@code mode} is full when every kind was fetched for the whole window, incremental when some kind was only
     * added to ({@code fetchedFrom}: the earliest start any kind was fetched from in this run).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"from", "to", "days", "basis", "mode", "fetchedFrom"})
    public record Window(String from, String to, int days, String basis, String mode, String fetchedFrom) {
        public Window(String from, String to, int days, String basis) {
            this(from, to, days, basis, null, null);
        }
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
    /** The sign-in filter of this run (SignInFilter.describe), so a reader knows the log is not every sign-in. */
    public String signInFilter;
    public Endpoints endpoints;
    /** The whole run: requests, 429s, pages, wall time. */
    public Stats stats;
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
        r.signInFilter = o.path("signInFilter").asText(null);
        JsonNode w = o.get("signInWindow");
        if (w != null && w.isObject()) {
            r.signInWindow = new Window(w.path("from").asText(null), w.path("to").asText(null), w.path("days").asInt(), w.path("basis").asText(null),
                    w.path("mode").asText(null), w.path("fetchedFrom").asText(null));
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
                    f.path("collectedAt").asText(null), f.path("filter").asText(null), signIns(f.get("signIns")), null));
        }
        return r;
    }

    private static SignInFetch signIns(JsonNode n) {
        if (n == null || !n.isObject()) return null;
        Map<String, Long> days = new java.util.TreeMap<>();
        n.path("days").fields().forEachRemaining(e -> days.put(e.getKey(), e.getValue().asLong()));
        return new SignInFetch(n.path("filterKey").asText(null), n.path("query").asText(null), n.path("mode").asText(null),
                n.path("why").asText(null), n.path("coversFrom").asText(null), n.path("coversTo").asText(null),
                n.path("fetchedFrom").asText(null), n.hasNonNull("fetched") ? n.get("fetched").asLong() : null, days);
    }

    /** Counts by status, for the closing line. */
    public synchronized Map<Status, Integer> counts() {
        Map<Status, Integer> m = new LinkedHashMap<>();
        for (Status s : Status.values()) m.put(s, 0);
        for (FileEntry f : files) m.merge(f.status(), 1, Integer::sum);
        return m;
    }
}
