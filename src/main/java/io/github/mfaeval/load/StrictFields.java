package io.github.mfaeval.load;

import io.github.mfaeval.load.text.Json;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Reads of configuration fields a verdict depends on. A field of the wrong type or with a value outside its
 * enum throws {@link IllegalArgumentException} naming the field, and the loader rejects the record: a policy
 * whose conditions are a string, or whose operator is "XOR", is never read as something it does not say.
 * (Field names are matched as {@link Json} does, case-insensitively.)
 */
final class StrictFields {
    private StrictFields() {
    }

    /** An object, or null when absent or null. */
    static JsonNode object(JsonNode node, String path, String name) {
        JsonNode v = Json.field(node, name);
        if (v == null || v.isNull()) return null;
        if (!v.isObject()) throw new IllegalArgumentException("field " + path + name + " must be an object, found " + shown(v));
        return v;
    }

    /** An array of strings (empty when absent or null). */
    static Set<String> strings(JsonNode node, String path, String name) {
        Set<String> out = new LinkedHashSet<>();
        JsonNode v = Json.field(node, name);
        if (v == null || v.isNull()) return out;
        if (!v.isArray()) throw new IllegalArgumentException("field " + path + name + " must be an array of strings, found " + shown(v));
        for (JsonNode e : v) {
            if (e.isNull()) continue;
            if (!e.isTextual()) throw new IllegalArgumentException("field " + path + name + " must hold strings, found " + shown(e));
            if (!e.textValue().isBlank()) out.add(e.textValue());
        }
        return out;
    }

    /** A string, or null when absent, null or empty. */
    static String text(JsonNode node, String path, String name) {
        JsonNode v = Json.field(node, name);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) throw new IllegalArgumentException("field " + path + name + " must be a string, found " + shown(v));
        return v.textValue().isEmpty() ? null : v.textValue();
    }

    /** One of the allowed values (compared case-insensitively; returned as given), or null when absent. */
    static String oneOf(JsonNode node, String path, String name, Set<String> allowedLower) {
        String v = text(node, path, name);
        if (v == null) return null;
        if (!allowedLower.contains(v.trim().toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("field " + path + name + ": unknown value \"" + v + "\"");
        }
        return v.trim();
    }

    private static String shown(JsonNode v) {
        String s = v.toString();
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
