package io.github.mfaeval.rules;

import io.github.mfaeval.engine.Edition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The files of a rules folder, by path relative to it ("/" separated), read once, as one edition sees them.
 *
 * <p>The folder itself is the base edition (its {@code edition.properties} names it); each folder
 * {@code editions/ID/} overlays it: a file at the same relative path replaces the base one, a new file adds
 * to it, so an edition holds only what changed. {@link #fromDirectory} gives the base edition;
 * {@link #edition(String)} another one of the same folder.
 */
public final class RuleFiles {
    static final String PACKAGED = "mfa-eval-rules";

    private final String origin;
    private final Path directory;
    /** Every file of the folder, editions/ included. */
    private final Map<String, byte[]> all;
    private final Edition edition;
    private final Map<String, byte[]> files;

    private RuleFiles(String origin, Path directory, Map<String, byte[]> all) throws IOException {
        this(origin, directory, all, null);
    }

    private RuleFiles(String origin, Path directory, Map<String, byte[]> all, String editionId) throws IOException {
        this.origin = origin;
        this.directory = directory;
        this.all = all;
        this.files = Editions.view(all, editionId);
        this.edition = Editions.describe(all, files, editionId);
    }

    /** The same folder as another edition sees it; null or blank means the latest. */
    public RuleFiles edition(String id) throws IOException {
        String wanted = id == null || id.isBlank() ? latestEdition() : id.trim();
        if (!availableEditions().contains(wanted)) {
            throw new IOException("unknown edition '" + wanted + "' in " + origin + "; available: " + String.join(", ", availableEditions()));
        }
        return new RuleFiles(origin, directory, all, wanted.equals(Editions.baseId(all)) ? null : wanted);
    }

    /** The latest edition of the folder (editions are named by date, so the greatest id). */
    public RuleFiles latest() throws IOException {
        return edition(null);
    }

    /** Ids of every edition the folder holds, oldest first. */
    public List<String> availableEditions() {
        return Editions.ids(all);
    }

    public String latestEdition() {
        List<String> ids = availableEditions();
        return ids.get(ids.size() - 1);
    }

    /** Where a file of this edition's view lives in the folder: its own edition's folder, or the base. */
    public String pathOf(String name) {
        String overlay = Editions.DIR + edition.id() + "/" + name;
        return all.containsKey(overlay) ? overlay : name;
    }

    /** The edition these files are. */
    public Edition edition() { return edition; }

    public static RuleFiles fromDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("rules folder not found: " + dir);
        }
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                files.put(dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return new RuleFiles(dir.toString(), dir, files);
    }

    /**
     * Rule files already read elsewhere, by relative path: a cluster's driver ships the files of the edition it
     * chose ({@link #files()}), which are then the base edition of this copy.
     */
    public static RuleFiles of(String origin, Map<String, byte[]> files) throws IOException {
        return new RuleFiles(origin, null, new TreeMap<>(files));
    }

    /** The copy of rules/ packaged in the jar (or on the test classpath). */
    public static RuleFiles packaged() throws IOException {
        URL marker = RuleFiles.class.getClassLoader().getResource(PACKAGED + "/kmodule.xml");
        if (marker == null) {
            throw new IOException("no rules packaged with this build; pass --rules DIR");
        }
        if ("jar".equals(marker.getProtocol())) {
            JarURLConnection connection = (JarURLConnection) marker.openConnection();
            connection.setUseCaches(false);
            Map<String, byte[]> files = new TreeMap<>();
            try (JarFile jar = connection.getJarFile()) {
                Enumeration<JarEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    JarEntry e = entries.nextElement();
                    if (!e.isDirectory() && e.getName().startsWith(PACKAGED + "/")) {
                        try (InputStream in = jar.getInputStream(e)) {
                            files.put(e.getName().substring(PACKAGED.length() + 1), in.readAllBytes());
                        }
                    }
                }
            }
            return new RuleFiles("(packaged) " + PACKAGED, null, files);
        }
        try {
            return fromDirectory(Path.of(marker.toURI()).getParent());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }

    /**
     * Where rules come from when the user names no folder: MFA_EVAL_RULES, then the project's rules/ beside
     * the build (the jar lives in target/), then the copy packaged in the jar.
     */
    public static RuleFiles defaults() throws IOException {
        String env = System.getenv("MFA_EVAL_RULES");
        if (env != null && !env.isBlank()) {
            return fromDirectory(Path.of(env));
        }
        try {
            Path code = Path.of(RuleFiles.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path project = code.getParent() == null ? null : code.getParent().getParent();
            if (project != null && Files.isRegularFile(project.resolve("rules/kmodule.xml"))) {
                return fromDirectory(project.resolve("rules"));
            }
        } catch (URISyntaxException | RuntimeException ignored) {
            // fall back to the packaged copy
        }
        return packaged();
    }

    public String origin() { return origin; }
    /** The folder on disk, or null for the packaged copy. */
    public Path directory() { return directory; }
    public Map<String, byte[]> files() { return files; }

    public String text(String name) {
        byte[] b = files.get(name);
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    public String fingerprint() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                sha.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(e.getValue());
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
