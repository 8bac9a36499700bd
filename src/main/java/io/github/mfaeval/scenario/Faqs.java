package io.github.mfaeval.scenario;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The FAQ entries of the source document (test-scenarios/faqs.yaml): id to question. */
public final class Faqs {
    public static final String FILE = "faqs.yaml";

    private Faqs() {
    }

    public static Map<String, String> load(Path dir) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) return out;
        JsonNode root = ScenarioFiles.YAML.readTree(file.toFile());
        JsonNode faqs = root == null ? null : root.get("faqs");
        if (faqs != null) {
            for (JsonNode f : faqs) out.put(f.get("id").asText(), f.path("question").asText());
        }
        return out;
    }
}
