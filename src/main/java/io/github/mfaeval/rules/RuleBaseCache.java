package io.github.mfaeval.rules;

import io.github.mfaeval.engine.RuleBase;
import io.github.mfaeval.engine.RuleInfo;
import io.github.mfaeval.engine.RuleProblem;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Compiled rule bases on disk, so that only the first run after a rule change pays for compiling them.
 *
 * <p>An entry is a folder named by a key over the rule files' fingerprint and the code that compiled them
 * (this tool's classes, which the generated rule code calls, and the Drools and Java versions): the
 * executable-model module as a jar of generated classes, and the catalogue and warnings of that build. A
 * rule file changed, added or removed, or a new build of the tool, gives a new key, hence a fresh build.
 * Entries are written into a temporary folder and renamed into place, so a reader never sees half of one;
 * an entry that cannot be read or does not match its rules is built again and replaced. The most recently
 * used {@link #KEEP} entries are kept.
 */
public final class RuleBaseCache {
    /** Overrides where the cache lives. */
    public static final String ENV = "MFA_EVAL_CACHE";
    static final int KEEP = 8;
    private static final int FORMAT = 1;
    private static final String MODULE = "rules.kjar";
    private static final String META = "catalogue.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where a rule base came from, and why not from the cache when an entry was there but unusable. */
    public record Loaded(RuleBase base, boolean fromCache, String problem) {
    }

    /** Null: no cache (see {@link #none()}). */
    private final Path root;

    public RuleBaseCache(Path root) {
        this.root = root;
    }

    /** The cache in this folder, or in {@link #defaultRoot()} when null. */
    public static RuleBaseCache at(Path root) {
        return new RuleBaseCache(root != null ? root : defaultRoot());
    }

    /** No cache ({@code --no-cache}): nothing is read or written, every load builds the rules afresh. */
    public static RuleBaseCache none() {
        return new RuleBaseCache(null);
    }

    /** $MFA_EVAL_CACHE, else $XDG_CACHE_HOME/mfa-eval, else ~/.cache/mfa-eval. */
    public static Path defaultRoot() {
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) return Path.of(env);
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) return Path.of(xdg, "mfa-eval");
        return Path.of(System.getProperty("user.home"), ".cache", "mfa-eval");
    }

    public Path root() {
        return root;
    }

    /**
     * The rule base of these files: from the cache when it holds them, else built and stored. A cache that
     * cannot be read or written never fails the call; rule errors do, exactly as a build without cache. Called
     * through {@link RuleBases#load}.
     */
    Loaded load(RuleFiles files) throws RuleBuildException {
        if (root == null) return new Loaded(RuleBaseBuilder.build(files), false, null);
        String key = key(files);
        Path entry = root.resolve(key);
        String problem = null;
        if (Files.isDirectory(entry)) {
            try {
                RuleBase base = read(files, entry);
                touch(entry);
                return new Loaded(base, true, null);
            } catch (IOException | RuntimeException | LinkageError e) {
                // LinkageError: generated classes that no longer fit the classes they call.
                problem = "cached rule base " + entry + " unusable (" + e + "); rebuilt";
            }
        }
        RuleBaseBuilder.Compiled built = RuleBaseBuilder.build(files, true);
        try {
            write(entry, built);
        } catch (IOException | RuntimeException e) {
            String note = "cannot write the rule cache " + entry + ": " + e.getMessage();
            problem = problem == null ? note : problem + "; " + note;
        }
        return new Loaded(built.base(), false, problem);
    }

    /** The entry name: rule files, this tool's code, Drools and Java versions. */
    public String key(RuleFiles files) {
        MessageDigest sha = sha256();
        update(sha, "format " + FORMAT);
        update(sha, files.fingerprint());
        update(sha, codeIdentity());
        update(sha, String.valueOf(org.kie.api.KieServices.class.getPackage().getImplementationVersion()));
        update(sha, System.getProperty("java.specification.version"));
        return HexFormat.of().formatHex(sha.digest()).substring(0, 32);
    }

    private static RuleBase read(RuleFiles files, Path entry) throws IOException {
        byte[] module = Files.readAllBytes(entry.resolve(MODULE));
        JsonNode meta = JSON.readTree(entry.resolve(META).toFile());
        if (meta == null || meta.path("format").asInt() != FORMAT) throw new IOException("unknown format");
        if (!files.fingerprint().equals(meta.path("fingerprint").asText())) throw new IOException("fingerprint differs");
        if (!hex(sha256().digest(module)).equals(meta.path("moduleSha256").asText())) throw new IOException("module damaged");
        List<RuleInfo> rules = JSON.convertValue(meta.get("catalogue"), new TypeReference<List<RuleInfo>>() { });
        List<RuleProblem> warnings = JSON.convertValue(meta.get("warnings"), new TypeReference<List<RuleProblem>>() { });
        if (rules == null || rules.isEmpty() || warnings == null) throw new IOException("catalogue missing");
        Map<String, List<String>> packages = meta.hasNonNull("packages")
                ? JSON.convertValue(meta.get("packages"), new TypeReference<Map<String, List<String>>>() { }) : null;
        Map<String, RuleInfo> catalogue = new LinkedHashMap<>();
        for (RuleInfo r : rules) catalogue.put(r.id(), r);
        return RuleBaseBuilder.fromModule(files, module, packages, catalogue, warnings);
    }

    private void write(Path entry, RuleBaseBuilder.Compiled built) throws IOException {
        Files.createDirectories(root);
        Path tmp = Files.createTempDirectory(root, ".tmp-");
        try {
            Files.write(tmp.resolve(MODULE), built.module());
            ObjectNode meta = JSON.createObjectNode();
            meta.put("format", FORMAT);
            meta.put("fingerprint", built.base().fingerprint());
            meta.put("moduleSha256", hex(sha256().digest(built.module())));
            meta.set("catalogue", JSON.valueToTree(new ArrayList<>(built.base().catalogue().values())));
            meta.set("warnings", JSON.valueToTree(built.base().warnings()));
            meta.set("packages", JSON.valueToTree(built.packages()));
            Files.write(tmp.resolve(META), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(meta));
            if (Files.isDirectory(entry)) deleteTree(entry); // unusable: replaced
            try {
                Files.move(tmp, entry, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                return; // another run stored the same entry first
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, entry);
            }
        } finally {
            if (Files.exists(tmp)) deleteTree(tmp);
        }
        prune(entry);
    }

    /** Keeps the most recently used entries (and never the one just written). */
    private void prune(Path keep) throws IOException {
        List<Path> entries = new ArrayList<>();
        try (Stream<Path> list = Files.list(root)) {
            list.filter(p -> Files.isDirectory(p) && !p.getFileName().toString().startsWith(".")).forEach(entries::add);
        }
        entries.sort(Comparator.comparing((Path p) -> {
            try {
                return Files.getLastModifiedTime(p);
            } catch (IOException e) {
                return FileTime.fromMillis(0);
            }
        }).reversed());
        for (int i = KEEP; i < entries.size(); i++) {
            if (!entries.get(i).equals(keep)) deleteTree(entries.get(i));
        }
    }

    private static void touch(Path entry) {
        try {
            Files.setLastModifiedTime(entry, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException ignored) {
            // a read-only cache still serves
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /**
     * This tool's compiled classes (the generated rule code calls them): the jar it runs from, or every file
     * of its classes folder.
     */
    private static synchronized String codeIdentity() {
        if (codeIdentity == null) codeIdentity = computeCodeIdentity();
        return codeIdentity;
    }

    private static String codeIdentity;

    private static String computeCodeIdentity() {
        MessageDigest sha = sha256();
        try {
            Path code = Path.of(RuleBaseCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(code)) {
                try (InputStream in = Files.newInputStream(code)) {
                    byte[] buffer = new byte[1 << 16];
                    for (int n; (n = in.read(buffer)) > 0; ) sha.update(buffer, 0, n);
                }
            } else {
                try (Stream<Path> walk = Files.walk(code)) {
                    for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                        update(sha, code.relativize(p).toString());
                        sha.update(Files.readAllBytes(p));
                    }
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // Unknown code: a key that matches nothing stored, so the rules are always built.
            update(sha, "unknown " + System.nanoTime());
        }
        return hex(sha.digest());
    }

    private static void update(MessageDigest sha, String s) {
        sha.update(s.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
