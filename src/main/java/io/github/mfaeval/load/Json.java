package io.github.mfaeval.load;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Lenient reads of export fields: exact name first, then case-insensitively (PowerShell dumps are PascalCase). */
final class Json {
    private Json() {
    }

    static JsonNode field(JsonNode node, String name) {
        if (node == null || !node.isObject()) return null;
        JsonNode v = node.get(name);
        if (v != null) return v;
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equalsIgnoreCase(name)) return e.getValue();
        }
        return null;
    }

    static String text(JsonNode node, String name) {
        JsonNode v = field(node, name);
        if (v == null || v.isNull() || v.isContainerNode()) return null;
        String s = v.asText();
        return s.isEmpty() ? null : s;
    }

    static Boolean bool(JsonNode node, String name) {
        JsonNode v = field(node, name);
        if (v == null || v.isNull()) return null;
        if (v.isBoolean()) return v.booleanValue();
        if (v.isTextual()) {
            String s = v.textValue().trim();
            if (s.equalsIgnoreCase("true")) return true;
            if (s.equalsIgnoreCase("false")) return false;
        }
        throw new IllegalArgumentException("field " + name + " must be true or false, found " + v);
    }

    static Set<String> strings(JsonNode node, String name) {
        Set<String> out = new LinkedHashSet<>();
        JsonNode v = field(node, name);
        if (v == null || v.isNull()) return out;
        if (v.isArray()) {
            for (JsonNode e : v) {
                if (!e.isNull() && !e.asText().isEmpty()) out.add(e.asText());
            }
        } else if (v.isTextual()) {
            for (String part : v.textValue().split(",")) {
                if (!part.isBlank()) out.add(part.trim());
            }
        }
        return out;
    }

    static JsonNode array(JsonNode node, String name) {
        JsonNode v = field(node, name);
        return v != null && v.isArray() ? v : null;
    }
}
