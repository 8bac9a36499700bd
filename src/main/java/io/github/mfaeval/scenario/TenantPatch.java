package io.github.mfaeval.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Applies a case's "given" to a copy of the base tenant. For each file named:
 * <ul>
 *   <li>{@code null}: the file is deleted;</li>
 *   <li>a list: records are upserted by {@code id} (or {@code userId}, {@code tenantId}); a record with
 *       {@code like: <id>} starts as a copy of that record; {@code $remove: true} deletes the record;</li>
 *   <li>a mapping: deep-merged into the file's object (lists are replaced, not merged).</li>
 * </ul>
 */
final class TenantPatch {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String[] KEYS = {"id", "userId", "tenantId"};

    private TenantPatch() {
    }

    static Path apply(Path base, JsonNode given, Path target) throws IOException {
        return apply(List.of(base), given, target);
    }

    /** The first folder copied, the files of the next ones laid over it, then the case's changes. */
    static Path apply(List<Path> bases, JsonNode given, Path target) throws IOException {
        copy(bases.get(0), target);
        for (Path overlay : bases.subList(1, bases.size())) {
            try (java.nio.file.DirectoryStream<Path> ds = Files.newDirectoryStream(overlay)) {
                for (Path f : ds) {
                    if (Files.isRegularFile(f)) Files.copy(f, target.resolve(f.getFileName().toString()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        if (given == null || given.isNull()) return target;
        if (!given.isObject()) throw new IllegalArgumentException("given must map file names to changes");
        for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Path file = target.resolve(e.getKey());
            if (!file.normalize().startsWith(target)) throw new IllegalArgumentException("file outside the tenant: " + e.getKey());
            JsonNode change = e.getValue();
            if (change.isNull()) {
                Files.deleteIfExists(file);
            } else if (change.isArray()) {
                upsert(file, (ArrayNode) change);
            } else if (change.isObject()) {
                ObjectNode current = Files.exists(file) ? (ObjectNode) JSON.readTree(file.toFile()) : JSON.createObjectNode();
                merge(current, change);
                JSON.writeValue(file.toFile(), current);
            } else {
                throw new IllegalArgumentException(e.getKey() + ": expected null, a list of records or a mapping");
            }
        }
        return target;
    }

    private static void upsert(Path file, ArrayNode changes) throws IOException {
        JsonNode root = Files.exists(file) ? JSON.readTree(file.toFile()) : JSON.createArrayNode();
        ArrayNode records = root.isArray() ? (ArrayNode) root : (ArrayNode) root.get("value");
        if (records == null) throw new IllegalArgumentException(file.getFileName() + " is not a list of records");
        for (JsonNode change : changes) {
            ObjectNode c = ((ObjectNode) change).deepCopy();
            String key = keyOf(c);
            JsonNode like = c.remove("like");
            boolean remove = c.path("$remove").asBoolean(false);
            c.remove("$remove");
            int at = indexOf(records, key, c.get(key) == null ? null : c.get(key).asText());
            if (remove) {
                if (at < 0) throw new IllegalArgumentException(file.getFileName() + ": no record " + c.get(key) + " to remove");
                records.remove(at);
                continue;
            }
            ObjectNode target;
            if (at >= 0) {
                target = (ObjectNode) records.get(at);
            } else if (like != null) {
                int src = indexOf(records, key, like.asText());
                if (src < 0) throw new IllegalArgumentException(file.getFileName() + ": like: no record " + like.asText());
                target = records.get(src).deepCopy();
                records.add(target);
            } else {
                target = JSON.createObjectNode();
                records.add(target);
            }
            merge(target, c);
        }
        JSON.writeValue(file.toFile(), root);
    }

    private static String keyOf(ObjectNode record) {
        for (String k : KEYS) if (record.has(k)) return k;
        throw new IllegalArgumentException("a record needs one of id, userId, tenantId: " + record);
    }

    private static int indexOf(ArrayNode records, String key, String value) {
        if (value == null) return -1;
        for (int i = 0; i < records.size(); i++) {
            if (value.equalsIgnoreCase(records.get(i).path(key).asText())) return i;
        }
        return -1;
    }

    private static void merge(ObjectNode target, JsonNode change) {
        for (Iterator<Map.Entry<String, JsonNode>> it = change.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode existing = target.get(e.getKey());
            if (existing != null && existing.isObject() && e.getValue().isObject()) {
                merge((ObjectNode) existing, e.getValue());
            } else {
                target.set(e.getKey(), e.getValue().deepCopy());
            }
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(dest);
                else Files.copy(p, dest);
            }
        }
    }

    static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
