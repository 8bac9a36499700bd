package io.github.mfaeval.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

/**
 * Writes Graph sign-in records as Entra's diagnostic settings put them in a storage account: one Azure Monitor
 * record per line, in insights-logs-&lt;category&gt;/tenantId=&lt;id&gt;/y=/m=/d=/h=/m=00/PT1H.json by hour.
 */
final class StorageAccountLayout {
    static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;
    /** Lines per file, by path relative to the root. */
    final Map<String, List<String>> files = new TreeMap<>();

    StorageAccountLayout(Path root) {
        this.root = root;
    }

    static String category(JsonNode graph) {
        JsonNode types = graph.path("signInEventTypes");
        String type = types.isArray() && !types.isEmpty() ? types.get(0).asText() : "interactiveUser";
        return switch (type) {
            case "nonInteractiveUser" -> "NonInteractiveUserSignInLogs";
            case "servicePrincipal" -> "ServicePrincipalSignInLogs";
            case "managedIdentity" -> "ManagedIdentitySignInLogs";
            default -> "SignInLogs";
        };
    }

    /** The file a record goes to by its category and hour. */
    static String fileOf(String tenantId, JsonNode graph) {
        ZonedDateTime t = Instant.parse(graph.path("createdDateTime").asText()).atZone(ZoneOffset.UTC);
        return String.format("insights-logs-%s/tenantId=%s/y=%04d/m=%02d/d=%02d/h=%02d/m=00/PT1H.json",
                category(graph).toLowerCase(), tenantId, t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour());
    }

    /** The Azure Monitor envelope around a Graph record. */
    static String envelope(String tenantId, JsonNode graph) throws IOException {
        ObjectNode r = JSON.createObjectNode();
        r.put("time", graph.path("createdDateTime").asText());
        r.put("resourceId", "/tenants/" + tenantId + "/providers/Microsoft.aadiam");
        r.put("operationName", "Sign-in activity");
        r.put("operationVersion", "1.0");
        r.put("category", category(graph));
        r.put("tenantId", tenantId);
        r.put("resultType", graph.path("status").path("errorCode").asText("0"));
        r.put("callerIpAddress", graph.path("ipAddress").asText(""));
        r.put("correlationId", graph.path("correlationId").asText(""));
        r.put("identity", graph.path("userDisplayName").asText(""));
        r.put("Level", 4);
        r.put("location", "EU");
        r.set("properties", graph);
        return JSON.writeValueAsString(r);
    }

    void add(String file, String line) {
        files.computeIfAbsent(file, k -> new ArrayList<>()).add(line);
    }

    /** Writes every file; those named in {@code gzipped} gzip-compressed, under PT1H.json.gz. */
    List<Path> write(List<String> gzipped) throws IOException {
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : files.entrySet()) {
            boolean gz = gzipped.contains(e.getKey());
            Path p = root.resolve(e.getKey() + (gz ? ".gz" : ""));
            Files.createDirectories(p.getParent());
            try (OutputStream raw = Files.newOutputStream(p);
                 OutputStream out = gz ? new GZIPOutputStream(raw) : raw;
                 BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
                for (String line : e.getValue()) {
                    w.write(line);
                    w.write('\n');
                }
            }
            written.add(p);
        }
        return written;
    }
}
