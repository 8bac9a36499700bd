package io.github.mfaeval.load.text;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Lenient reads of export fields: exact name first, then case-insensitively (PowerShell dumps and Log Analytics
 * are PascalCase), then inside {@code AdditionalProperties}, where the PowerShell SDK puts what its model
 * does not declare (for example the {@code @odata.type} of an authentication method configuration).
 */
public final class Json {
    private static final String ADDITIONAL = "AdditionalProperties";

    private Json() {
    }

    public static JsonNode field(JsonNode node, String name) {
        if (node == null || !node.isObject()) return null;
        JsonNode v = node.get(name);
        if (v != null) return v;
        String key = key(node, name);
        if (key != null) return node.get(key);
        JsonNode extra = node.get(ADDITIONAL);
        if (extra != null && extra.isObject() && !name.equals(ADDITIONAL)) {
            return field(extra, name);
        }
        return null;
    }

    /** The name as the record spells it ("CreatedDateTime" for createdDateTime), or null when absent. */
    public static String key(JsonNode node, String name) {
        if (node == null || !node.isObject()) return null;
        if (node.has(name)) return name;
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equalsIgnoreCase(name)) return e.getKey();
        }
        return null;
    }

    public static String text(JsonNode node, String name) {
        JsonNode v = field(node, name);
        if (v == null || v.isNull() || v.isContainerNode()) return null;
        String s = v.asText();
        return s.isEmpty() ? null : s;
    }

    public static Boolean bool(JsonNode node, String name) {
        JsonNode v = field(node, name);
        if (v == null || v.isNull()) return null;
        if (v.isBoolean()) return v.booleanValue();
        if (v.isTextual()) {
            String s = v.textValue().trim();
            if (s.equalsIgnoreCase("true")) return true;
            if (s.equalsIgnoreCase("false")) return false;
            if (s.isEmpty()) return null;
        }
        throw new IllegalArgumentException("field " + name + " must be true or false, found " + v);
    }

    public static Set<String> strings(JsonNode node, String name) {
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

    public static JsonNode array(JsonNode node, String name) {
        JsonNode v = field(node, name);
        return v != null && v.isArray() ? v : null;
    }
}
