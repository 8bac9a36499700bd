package io.github.mfaeval.batch;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mfaeval.report.JsonRenderer;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A previous batch output folder, read to say what changed since. Reports are read as JSON trees rather
 * than into the report model, so a baseline written by an older or newer version still compares on the
 * fields that identify findings and users.
 */
final class Baseline {
    private final OutDir dir;
    private final JsonNode summary;

    /**
     * What the baseline says about one tenant. {@code report} is null when the baseline holds only an error
     * for it; {@code fingerprint} identifies the file compared with, so a resumed run can tell whether its
     * changes were computed against the same baseline.
     */
    record Previous(String status, JsonNode report, String fingerprint, String problem) {
        Previous(String status, JsonNode report, String fingerprint) {
            this(status, report, fingerprint, null);
        }
    }

    /** The statuses a report or error report can hold; anything else means the file is not one of ours. */
    private static final java.util.Set<String> STATUSES = java.util.Set.of("READY", "ACTION_REQUIRED", "INCOMPLETE", "FAILED", "TIMEOUT");

    private Baseline(OutDir dir, JsonNode summary) {
        this.dir = dir;
        this.summary = summary;
    }

    static Baseline open(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("baseline " + folder + ": not a folder (give the output folder of an earlier batch run)");
        }
        OutDir dir = new OutDir(folder);
        JsonNode summary = null;
        if (Files.isRegularFile(dir.summaryJson())) {
            try {
                summary = JsonRenderer.MAPPER.readTree(dir.summaryJson().toFile());
            } catch (IOException e) {
                throw new IOException("baseline " + dir.summaryJson() + ": not valid JSON: " + io.github.mfaeval.load.text.JsonSyntax.describe(e));
            }
        } else if (!Files.isDirectory(folder.resolve(OutDir.TENANTS))) {
            throw new IOException("baseline " + folder + ": has neither " + OutDir.SUMMARY_JSON + " nor " + OutDir.TENANTS
                    + "/: not the output folder of a batch run");
        }
        return new Baseline(dir, summary);
    }

    String label() {
        return dir.root().toString();
    }

    /** The tenants the baseline run covered: its summary's list, or its report folders if it never finished. */
    List<String> tenants() throws IOException {
        List<String> out = new ArrayList<>();
        if (summary != null && summary.path("tenants").isArray()) {
            for (JsonNode row : summary.get("tenants")) out.add(row.path("tenant").asText());
            return out;
        }
        Path tenants = dir.root().resolve(OutDir.TENANTS);
        if (!Files.isDirectory(tenants)) return out;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(tenants, Files::isDirectory)) {
            for (Path p : ds) {
                String key = p.getFileName().toString();
                if (Files.isRegularFile(dir.report(key)) || Files.isRegularFile(dir.error(key))) out.add(key);
            }
        }
        out.sort(null);
        return out;
    }

    /**
     * The baseline's word on a tenant, or null when it has none (a new tenant). A file there that is not a report
     * (not JSON, a status that is no status, findings or users that are not lists) is not compared with: the
     * result has a {@code problem} naming the file, no status and no report, and tonight's evaluation goes on.
     */
    Previous previous(String tenant) {
        Path report = dir.report(tenant);
        Path error = dir.error(tenant);
        boolean isReport = Files.isRegularFile(report);
        Path file = isReport ? report : error;
        if (!isReport && !Files.isRegularFile(error)) return null;
        JsonNode node;
        String fingerprint;
        try {
            fingerprint = Fingerprints.file(file);
            node = JsonRenderer.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            return unusable(file, "not valid JSON (" + String.valueOf(e.getMessage()).split("\n")[0] + ")", "unreadable");
        }
        if (node == null || !node.isObject()) return unusable(file, "not a JSON object", fingerprintOrNone(file));
        JsonNode status = node.get("status");
        if (isReport) {
            if (status == null || !status.isTextual() || !STATUSES.contains(status.textValue())) {
                return unusable(file, "its status is not a report status (found " + describe(status) + ")", fingerprint);
            }
            for (String list : new String[] {"findings", "users"}) {
                JsonNode v = node.get(list);
                if (v != null && !v.isArray()) return unusable(file, list + " is not a list", fingerprint);
            }
            return new Previous(status.textValue(), node, fingerprint);
        }
        if (status != null && (!status.isTextual() || !STATUSES.contains(status.textValue()))) {
            return unusable(file, "its status is not a report status (found " + describe(status) + ")", fingerprint);
        }
        return new Previous(status == null ? TenantStatus.FAILED.name() : status.textValue(), null, fingerprint);
    }

    private static Previous unusable(Path file, String why, String fingerprint) {
        return new Previous(null, null, fingerprint, "baseline " + file + ": " + why + "; this tenant is not compared with it");
    }

    private static String fingerprintOrNone(Path file) {
        try {
            return Fingerprints.file(file);
        } catch (IOException e) {
            return "unreadable";
        }
    }

    private static String describe(JsonNode v) {
        if (v == null) return "none";
        String s = v.toString();
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
