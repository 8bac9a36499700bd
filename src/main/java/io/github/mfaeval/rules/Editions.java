package io.github.mfaeval.rules;

import io.github.mfaeval.engine.Edition;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How the editions of a rules folder are laid out: the folder is the base edition, {@code editions/ID/}
 * holds only what another edition changes (same relative path: replaces; new path: adds). Each edition
 * describes itself in {@code edition.properties} (the base one at the top of the folder, an edition's in its
 * own folder): {@code id}, {@code title}, {@code page}, and {@code section.<base heading>=<this edition's heading>}.
 */
final class Editions {
    static final String DIR = "editions/";
    static final String DESCRIPTION = "edition.properties";
    /** The id of a folder that describes no edition (a rules folder from before editions). */
    static final String UNNAMED = "unnamed";

    private Editions() {
    }

    static String baseId(Map<String, byte[]> all) {
        byte[] d = all.get(DESCRIPTION);
        if (d == null) return UNNAMED;
        try {
            String id = properties(d).getProperty("id");
            return id == null || id.isBlank() ? UNNAMED : id.trim();
        } catch (IOException e) {
            return UNNAMED;
        }
    }

    /** Base first, then the editions/ folders in id order (ids are dates, so oldest first). */
    static List<String> ids(Map<String, byte[]> all) {
        TreeSet<String> overlays = new TreeSet<>();
        for (String name : all.keySet()) {
            if (name.startsWith(DIR)) {
                int slash = name.indexOf('/', DIR.length());
                if (slash > DIR.length()) overlays.add(name.substring(DIR.length(), slash));
            }
        }
        List<String> out = new ArrayList<>();
        out.add(baseId(all));
        overlays.remove(baseId(all));
        out.addAll(overlays);
        return out;
    }

    /** The files one edition sees: the base files, with the edition's folder laid over them. */
    static Map<String, byte[]> view(Map<String, byte[]> all, String editionId) {
        Map<String, byte[]> out = new TreeMap<>();
        for (Map.Entry<String, byte[]> e : all.entrySet()) {
            if (!e.getKey().startsWith(DIR)) out.put(e.getKey(), e.getValue());
        }
        if (editionId != null) {
            String prefix = DIR + editionId + "/";
            for (Map.Entry<String, byte[]> e : all.entrySet()) {
                if (!e.getKey().startsWith(prefix)) continue;
                String name = e.getKey().substring(prefix.length());
                // A table is the same table whether kept as CSV or as a workbook: the edition's replaces the base's.
                String table = tableName(name);
                if (table != null) out.keySet().removeIf(k -> table.equals(tableName(k)));
                out.put(name, e.getValue());
            }
        }
        return out;
    }

    /** "reference/applications.drl" for reference/applications.drl.csv or .drl.xlsx; null for other files. */
    static String tableName(String file) {
        String lower = file.toLowerCase(java.util.Locale.ROOT);
        for (String ext : new String[]{".csv", ".xlsx", ".xls"}) {
            if (lower.endsWith(".drl" + ext)) return file.substring(0, file.length() - ext.length());
        }
        return null;
    }

    static Edition describe(Map<String, byte[]> all, Map<String, byte[]> view, String editionId) throws IOException {
        String id = editionId == null ? baseId(all) : editionId;
        if (editionId != null && !all.containsKey(DIR + editionId + "/" + DESCRIPTION)) {
            // without this the base's description would be read in its place, and its id blamed for not matching
            throw new IOException(DIR + editionId + "/" + DESCRIPTION + " is missing: an edition's folder describes itself "
                    + "(id=" + editionId + ", title, page; see docs/editions.md)");
        }
        byte[] d = view.get(DESCRIPTION);
        if (d == null) return new Edition(id, null, null, Map.of());
        Properties p = properties(d);
        String declared = p.getProperty("id");
        if (declared != null && !declared.trim().equals(id)) {
            throw new IOException((editionId == null ? "" : DIR + editionId + "/") + DESCRIPTION + ": id " + declared.trim()
                    + " does not match its folder " + id);
        }
        Map<String, String> sections = new LinkedHashMap<>();
        for (String key : new TreeSet<>(p.stringPropertyNames())) {
            if (key.startsWith("section.")) sections.put(key.substring("section.".length()).trim(), p.getProperty(key).trim());
        }
        return new Edition(id, trim(p.getProperty("title")), trim(p.getProperty("page")), sections);
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static Properties properties(byte[] bytes) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
        return p;
    }
}
