package io.github.mfaeval.scenario;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The scenarios of one edition, laid out like the rules: the scenario folder is the base edition's suite;
 * {@code editions/ID/} holds what another edition changes: a scenario file of the same name replaces the base
 * one, a new file adds, its {@code faqs.yaml} (if any) replaces the FAQ list, and the files of its
 * {@code base/} are laid over the base tenant. Shared scenarios are thus proved against every edition.
 */
public final class ScenarioSuite {
    public static final String EDITIONS = "editions";

    private final Path dir;
    private final Path overlay;

    /** {@code edition} null, or an edition without a folder, gives the base suite. */
    public ScenarioSuite(Path dir, String edition) {
        this.dir = dir;
        Path o = edition == null ? null : dir.resolve(EDITIONS).resolve(edition);
        this.overlay = o != null && Files.isDirectory(o) ? o : null;
    }

    public Path dir() { return dir; }

    public List<Scenario> scenarios() throws IOException, ScenarioFiles.BadScenario {
        Map<String, Path> files = new TreeMap<>();
        collect(dir, files);
        if (overlay != null) collect(overlay, files);
        List<Scenario> out = new ArrayList<>();
        for (Path f : files.values()) out.add(ScenarioFiles.readAny(f));
        return out;
    }

    public Map<String, String> faqs() throws IOException {
        if (overlay != null && Files.isRegularFile(overlay.resolve(Faqs.FILE))) return Faqs.load(overlay);
        return Faqs.load(dir);
    }

    /** The base tenant folders, base first, then the edition's files laid over it. */
    public List<Path> bases() {
        List<Path> out = new ArrayList<>();
        out.add(dir.resolve(ScenarioRunner.BASE));
        if (overlay != null && Files.isDirectory(overlay.resolve(ScenarioRunner.BASE))) out.add(overlay.resolve(ScenarioRunner.BASE));
        return out;
    }

    /**
     * Scenario files not named after what they prove: {@code faq-ID[-topic]} for an FAQ entry, {@code
     * section-HEADING[-topic]} for a section (the heading in lower case, words joined by hyphens), so that the
     * folder reads as the page's table of contents. An edition's file that replaces a base file keeps the base
     * file's name (that is how it replaces it), so it is judged by the base file's heading.
     */
    public List<String> misnamed(List<Scenario> scenarios) throws IOException, ScenarioFiles.BadScenario {
        List<String> out = new ArrayList<>();
        for (Scenario s : scenarios) {
            String name = s.file().getFileName().toString();
            Scenario named = s;
            Path base = dir.resolve(name);
            if (overlay != null && s.file().startsWith(overlay) && Files.isRegularFile(base)) named = ScenarioFiles.readAny(base);
            String prefix = named.faq() != null ? "faq-" + named.faq() : "section-" + slug(named.section());
            String stem = name.substring(0, name.lastIndexOf('.'));
            if (!stem.equals(prefix) && !stem.startsWith(prefix + "-")) {
                out.add(name + " proves " + named.label() + ": name it " + prefix + ".yaml (or " + prefix
                        + "-TOPIC, with the same extension), so that it is found under what it proves");
            }
        }
        return out;
    }

    static String slug(String heading) {
        if (heading == null) return "";
        return heading.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    private static void collect(Path folder, Map<String, Path> into) throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder, "*.{yaml,csv,xlsx}")) {
            for (Path p : ds) {
                if (p.getFileName().toString().equals(Faqs.FILE)) continue;
                if (p.toString().endsWith(".yaml") || ScenarioTable.isTable(p)) into.put(p.getFileName().toString(), p);
            }
        }
    }
}
