package io.github.mfaeval.load.signin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Microsoft Graph enum members, read from msgraph-metadata's type-mapping files
 * ({@code {"microsoft.graph": {"signInUserType": ["guest", "member", …]}}}), and the normalisation they allow:
 * the portal CSV writes display text ("Primary Refresh Token", "Member") where Graph writes members
 * (primaryRefreshToken, member). Unknown text is kept as written, never refused: Graph enums grow.
 */
public final class GraphEnums {
    private static final String BUNDLED = "graph-enums.json";
    /** Display forms that do not reduce to their member by dropping spaces and punctuation. */
    private static final Map<String, String> ALIASES = Map.of("protocolType/oauth20", "oAuth2");
    private static GraphEnums bundled;

    /** enum name (namespace-qualified when not microsoft.graph) -> member key -> member */
    private final Map<String, Map<String, String>> enums = new LinkedHashMap<>();

    private GraphEnums() {
    }

    /** The sign-in enums the loader needs, packaged with it. */
    public static synchronized GraphEnums bundled() {
        if (bundled == null) {
            try (InputStream in = GraphEnums.class.getResourceAsStream(BUNDLED)) {
                if (in == null) throw new IllegalStateException(BUNDLED + " is missing from the jar");
                bundled = read(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return bundled;
    }

    /** Any msgraph-metadata {@code *-enum-types.json} file. */
    public static GraphEnums read(InputStream json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json);
        if (root == null || !root.isObject()) throw new IOException("expected a JSON object of namespaces");
        GraphEnums e = new GraphEnums();
        Iterator<Map.Entry<String, JsonNode>> namespaces = root.fields();
        while (namespaces.hasNext()) {
            Map.Entry<String, JsonNode> ns = namespaces.next();
            if (ns.getKey().startsWith("_")) continue;
            if (!ns.getValue().isObject()) throw new IOException(ns.getKey() + ": expected an object of enums");
            String prefix = ns.getKey().equals("microsoft.graph") ? "" : ns.getKey().substring("microsoft.graph.".length()) + ".";
            Iterator<Map.Entry<String, JsonNode>> it = ns.getValue().fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> en = it.next();
                if (!en.getValue().isArray()) throw new IOException(ns.getKey() + "." + en.getKey() + ": expected an array of members");
                Map<String, String> members = new LinkedHashMap<>();
                for (JsonNode m : en.getValue()) members.put(key(m.asText()), m.asText());
                e.enums.put(prefix + en.getKey(), members);
            }
        }
        return e;
    }

    static String key(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) b.append(Character.toLowerCase(c));
        }
        return b.toString();
    }

    public Set<String> names() {
        return Collections.unmodifiableSet(enums.keySet());
    }

    public List<String> members(String enumName) {
        Map<String, String> m = enums.get(enumName);
        return m == null ? List.of() : List.copyOf(m.values());
    }

    public int memberCount() {
        return enums.values().stream().mapToInt(Map::size).sum();
    }

    /** The member that {@code text} stands for, or the text itself (trimmed) when none does. */
    public String canonical(String enumName, String text) {
        if (text == null) return null;
        String k = key(text);
        String alias = ALIASES.get(enumName + "/" + k);
        if (alias != null) return alias;
        Map<String, String> m = enums.get(enumName);
        String member = m == null ? null : m.get(k);
        return member != null ? member : text.trim();
    }

    @Override
    public String toString() {
        return enums.size() + " enums, " + memberCount() + " members";
    }
}
