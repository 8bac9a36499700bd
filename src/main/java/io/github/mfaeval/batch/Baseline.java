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
    record Previous(String status, JsonNode report, String fingerprint) {
    }

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
                throw new IOException("baseline " + dir.summaryJson() + ": not valid JSON at " + io.github.mfaeval.load.JsonSyntax.describe(e));
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

    /** The baseline's word on a tenant, or null when it has none (a new tenant, or an unreadable file). */
    Previous previous(String tenant) {
        try {
            Path report = dir.report(tenant);
            if (Files.isRegularFile(report)) {
                JsonNode node = JsonRenderer.MAPPER.readTree(report.toFile());
                return new Previous(node.path("status").asText(null), node, Fingerprints.file(report));
            }
            Path error = dir.error(tenant);
            if (Files.isRegularFile(error)) {
                JsonNode node = JsonRenderer.MAPPER.readTree(error.toFile());
                return new Previous(node.path("status").asText(TenantStatus.FAILED.name()), null, Fingerprints.file(error));
            }
        } catch (IOException e) {
            // A damaged baseline file makes the tenant look new rather than failing tonight's evaluation of it.
        }
        return null;
    }
}
