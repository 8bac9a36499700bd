package io.github.mfaeval.batch;

import io.github.mfaeval.load.text.InputFiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * SHA-256 fingerprints that tell whether a report is still current: of a tenant folder's files (names and
 * contents), of a file, and of a whole run's inputs.
 */
final class Fingerprints {
    private Fingerprints() {
    }

    /**
     * The files directly in a tenant folder, which are all the loader reads (regular files, links inside the folder:
     * never a pipe, which would block, see {@link InputFiles}); hidden files (editor swap files,
     * a copy tool's partial files) are left out so that they do not make a current report look stale.
     */
    static String folder(Path folder) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder,
                p -> !p.getFileName().toString().startsWith(".") && InputFiles.problem(p) == null && Files.isRegularFile(p))) {
            for (Path p : ds) files.add(p);
        }
        files.sort(null);
        MessageDigest sha = sha256();
        byte[] buffer = new byte[1 << 16];
        for (Path p : files) {
            sha.update(p.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            try (InputStream in = Files.newInputStream(p)) {
                int n;
                while ((n = in.read(buffer)) > 0) sha.update(buffer, 0, n);
            }
            sha.update((byte) 0);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    static String file(Path file) throws IOException {
        return HexFormat.of().formatHex(sha256().digest(Files.readAllBytes(file)));
    }

    /** The fingerprint of a run's inputs: each tenant's name and folder fingerprint, in name order. */
    static String combine(Map<String, String> byTenant) {
        MessageDigest sha = sha256();
        byTenant.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            sha.update(e.getKey().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(e.getValue().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        });
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
