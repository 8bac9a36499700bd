package io.github.mfaeval.result;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What to do about each finding code, read from {@code actions.json} next to this class: the words for people
 * live in one data file, not in Java. A code the file does not know (a rule added since) still gets an action of
 * its own, named after the code, with the finding's own message as what to do.
 */
public final class ActionCatalogue {
    /** One remediation: the codes it fixes, in the file's order. */
    public record Entry(String id, String title, String whatToDo, List<String> codes) {
    }

    private static final ActionCatalogue PACKAGED = load();

    private final Map<String, Entry> byCode = new HashMap<>();

    private ActionCatalogue(List<Entry> entries) {
        for (Entry e : entries) {
            for (String code : e.codes()) {
                if (byCode.put(code, e) != null) throw new IllegalStateException("actions.json: code " + code + " in two actions");
            }
        }
    }

    public static ActionCatalogue packaged() {
        return PACKAGED;
    }

    /** The entry fixing the code; for an unknown code, one made for it from the finding's message. */
    public Entry of(String code, String message) {
        Entry e = byCode.get(code);
        if (e != null) return e;
        return new Entry(code.toLowerCase(Locale.ROOT).replace('_', '-'), "Resolve " + code, message, List.of(code));
    }

    public boolean knows(String code) {
        return byCode.containsKey(code);
    }

    private static ActionCatalogue load() {
        try (InputStream in = ActionCatalogue.class.getResourceAsStream("actions.json")) {
            if (in == null) throw new IllegalStateException("missing resource actions.json");
            JsonNode root = new ObjectMapper().readTree(in);
            List<Entry> entries = new ArrayList<>();
            for (JsonNode a : root.path("actions")) {
                List<String> codes = new ArrayList<>();
                a.path("codes").forEach(c -> codes.add(c.asText()));
                entries.add(new Entry(a.path("id").asText(), a.path("title").asText(), a.path("whatToDo").asText(), List.copyOf(codes)));
            }
            return new ActionCatalogue(entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
