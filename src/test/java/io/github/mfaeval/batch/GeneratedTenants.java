package io.github.mfaeval.batch;

import io.github.mfaeval.TestRules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Derives many tenant folders from the example tenants, each carrying a marker of its own ("feed0007")
 * in every id, domain and name, so a test can tell from any report text which tenant a fact came from.
 * Ids the rules know (application and role ids in the reference tables) are left alone, or the derived
 * tenants would not behave like their templates.
 */
final class GeneratedTenants {
    static final List<String> TEMPLATES = List.of("contoso-ready", "fabrikam-gaps", "northwind-guests");
    /** Any tenant's marker: the first segment of its object ids, and a suffix of its brand name. */
    static final Pattern MARKER = Pattern.compile("feed[0-9a-f]{4}");
    private static final Pattern GUID = Pattern.compile("\\b([0-9a-fA-F]{8})(-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\\b");
    private static final Pattern BRAND = Pattern.compile("(?i)\\b(contoso|fabrikam|northwind)\\b");
    private static final Set<String> RULE_IDS = guidsIn(TestRules.RULES);

    private GeneratedTenants() {
    }

    static String marker(int index) {
        return String.format("feed%04x", index);
    }

    /** The name of the index-th generated tenant: its template's name and its marker. */
    static String name(int index) {
        return TEMPLATES.get(index % TEMPLATES.size()) + "-" + marker(index);
    }

    static String template(String tenantName) {
        return TEMPLATES.stream().filter(tenantName::startsWith).findFirst().orElseThrow();
    }

    /** Tenants 0 … count-1 under root, cycling through the example templates. */
    static List<Path> generate(Path root, int count) throws IOException {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(derive(TestRules.EXAMPLES.resolve(TEMPLATES.get(i % TEMPLATES.size())), root.resolve(name(i)), marker(i)));
        }
        return out;
    }

    /** A copy of a template folder whose every tenant-specific id and name carries the marker. */
    static Path derive(Path template, Path target, String marker) throws IOException {
        Files.createDirectories(target);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(template, Files::isRegularFile)) {
            for (Path f : files) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                Files.writeString(target.resolve(f.getFileName()), mark(text, marker), StandardCharsets.UTF_8);
            }
        }
        return target;
    }

    static String mark(String text, String marker) {
        Matcher g = GUID.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (g.find()) {
            String guid = g.group();
            g.appendReplacement(sb, RULE_IDS.contains(guid.toLowerCase()) ? guid : marker + g.group(2));
        }
        g.appendTail(sb);
        return BRAND.matcher(sb.toString()).replaceAll("$1-" + marker);
    }

    /** Every marker in a text. */
    static Set<String> markersIn(String text) {
        Set<String> found = new HashSet<>();
        Matcher m = MARKER.matcher(text);
        while (m.find()) found.add(m.group());
        return found;
    }

    private static Set<String> guidsIn(Path dir) {
        Set<String> ids = new HashSet<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                Matcher m = GUID.matcher(Files.readString(p, StandardCharsets.UTF_8));
                while (m.find()) ids.add(m.group().toLowerCase());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ids;
    }

    /** Copies a folder's files as they are (the example tenants themselves). */
    static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(from, Files::isRegularFile)) {
            for (Path f : files) Files.copy(f, to.resolve(f.getFileName()));
        }
    }
}
