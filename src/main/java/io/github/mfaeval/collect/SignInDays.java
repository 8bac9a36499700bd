package io.github.mfaeval.collect;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * A sign-in kind's files in a tenant folder: one per UTC day of {@code createdDateTime},
 * {@code signIns-<kind>-<yyyy-mm-dd>.jsonl.gz}, so that dropping the days that left the window is deleting files.
 * {@code evaluate} reads them as it reads any sign-in export (the name says sign-in, the content says which kind).
 */
final class SignInDays {
    private static final Pattern DAY_FILE = Pattern.compile("signIns-([A-Za-z]+)-(\\d{4}-\\d{2}-\\d{2})\\.jsonl\\.gz");

    private SignInDays() {
    }

    static String file(String kind, LocalDate day) {
        return "signIns-" + kind + "-" + day + ".jsonl.gz";
    }

    /** The name collection.json gives a kind's files: a pattern, since they are one per day. */
    static String entryName(String kind) {
        return "signIns-" + kind + "-*.jsonl.gz";
    }

    /** The single file of a kind that collect wrote before files per day. */
    static String legacyFile(String kind) {
        return "signIns-" + kind + ".jsonl.gz";
    }

    /** The kind's day files in {@code folder}, by day. */
    static TreeMap<LocalDate, Path> list(Path folder, String kind) throws IOException {
        TreeMap<LocalDate, Path> out = new TreeMap<>();
        if (!Files.isDirectory(folder)) return out;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder, "signIns-" + kind + "-*.jsonl.gz")) {
            for (Path p : ds) {
                Matcher m = DAY_FILE.matcher(p.getFileName().toString());
                if (!m.matches() || !m.group(1).equals(kind)) continue;
                try {
                    out.put(LocalDate.parse(m.group(2)), p);
                } catch (DateTimeParseException ignored) {
                    // not a day: not ours
                }
            }
        }
        return out;
    }

    /** The UTC day of a sign-in, or null when its createdDateTime is missing or unreadable. */
    static LocalDate dayOf(JsonNode signIn) {
        Instant t = timeOf(signIn);
        return t == null ? null : t.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    static Instant timeOf(JsonNode signIn) {
        JsonNode c = signIn.get("createdDateTime");
        if (c == null || !c.isTextual()) return null;
        try {
            return Instant.parse(c.asText());
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(c.asText()).toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    @FunctionalInterface
    interface RecordConsumer {
        void accept(JsonNode record) throws IOException;
    }

    /** Every record of a day file (one JSON object per line, gzip), in order. */
    static void read(Path file, RecordConsumer each) throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file), 1 << 16),
                StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) continue;
                each.accept(Api.MAPPER.readTree(line));
            }
        }
    }

    /** Records per day file of a kind (for collection.json). */
    static Map<String, Long> counts(Path folder, String kind) throws IOException {
        Map<String, Long> out = new TreeMap<>();
        for (Path p : list(folder, kind).values()) {
            long[] n = {0};
            try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(p), 1 << 16),
                    StandardCharsets.UTF_8), 1 << 16)) {
                String line;
                while ((line = in.readLine()) != null) if (!line.isBlank()) n[0]++;
            }
            out.put(p.getFileName().toString(), n[0]);
        }
        return out;
    }
}
