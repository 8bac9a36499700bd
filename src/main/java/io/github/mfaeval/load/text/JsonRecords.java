package io.github.mfaeval.load.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.github.mfaeval.text.SafeText;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The records of a JSON export, one at a time, whichever shape Graph and its tools give it (a page object, a plain
 * array, a single object, one object per line), read by the same streamer as the sign-ins ({@link JsonStream}):
 * gzip, byte-order marks and UTF-16, bytes that are not text, and broken records are handled as for sign-ins.
 * <p>
 * Configuration exports are read by the sign-ins' own machinery: {@link Sniff} judges the file by its content,
 * {@link TextInput} undoes gzip, follows a byte-order mark (UTF-8, UTF-16 from Windows PowerShell) and marks bytes
 * that are not text, and {@link JsonStream} streams the records whatever wraps them, naming each by record and
 * line (and column for a syntax error). So a configuration file gets exactly the sign-ins' handling of gzip,
 * encodings, broken records and files that are no JSON export at all (docs/formats.md).
 */
public final class JsonRecords {
    private JsonRecords() {
    }

    /**
     * Calls {@code each} for every record and {@code broken} (where, why) for what cannot be read: a syntax error in
     * a JSON document ends it, and the records before it stand.
     */
    public static void read(Path file, BiConsumer<JsonNode, Position> each, BiConsumer<String, String> broken) throws IOException {
        records(file, new Records() {
            @Override
            public void record(JsonNode node, Position at) {
                each.accept(node, at);
            }

            @Override
            public void broken(String where, String reason, long count) {
                broken.accept(where, reason);
            }
        });
    }

    /**
     * A whole small JSON document (configuration files), which must be one JSON value: content after it
     * ({@code {"tenantId": "a"} {"tenantId": "b"}}) is an error naming where it starts. Null for an empty file.
     */
    public static JsonNode readTree(Path file) throws IOException {
        return value(file);
    }

    /** One value and nothing after it; parser messages quote a short piece of the file at most (as for sign-ins). */
    private static final ObjectReader ONE_VALUE = new ObjectMapper(JsonStream.FACTORY).reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Where the records of a list export go. */
    public interface Records {
        void record(JsonNode node, Position at);

        /** {@code count} records that cannot be read (1 for "the rest of the file"); {@code where} names them. */
        void broken(String where, String reason, long count);
    }

    /** The file is not a JSON export at all (empty, binary, a ZIP archive, CSV, UTF-16 without a byte-order mark). */
    public static final class NotJson extends IOException {
        final String where;

        NotJson(String where, String message) {
            super(message);
            this.where = where;
        }

        /** "line 1" where the refusal quotes the first line, else empty. */
        public String where() {
            return where;
        }
    }

    /**
     * Streams the records of a list export (users, policies, domains, …): a Graph page, a plain array, a single
     * object, one record per line. A syntax error in a document ends it (the records after it are counted, as for
     * sign-ins); with one record per line only the broken line is lost.
     */
    public static void records(Path file, Records out) throws IOException {
        Sniff sniff;
        try {
            sniff = Sniff.of(file);
        } catch (TextInput.BrokenBytes e) {
            out.broken("", e.getMessage(), 1);
            return;
        }
        NotJson refused = refusal(sniff, true);
        if (refused != null) {
            out.broken(refused.where(), refused.getMessage(), 1);
            return;
        }
        JsonStream.Records raw = new JsonStream.Records() {
            @Override
            public void container(String description) {
                // the shape of a configuration file is not reported
            }

            @Override
            public void record(JsonNode node, Position at) {
                out.record(node, at);
            }

            @Override
            public void broken(String where, String reason, long count) {
                out.broken(where, reason, count);
            }

            @Override
            public void notice(String where, String message) {
                // only sign-ins have notices (Graph v1.0 sign-ins); a v1.0 configuration export is complete
            }
        };
        try (TextInput in = TextInput.open(file)) {
            if (sniff.kind() == Sniff.Kind.NDJSON) {
                JsonStream.readLines(in, raw);
            } else {
                JsonStream.readDocument(in, raw);
            }
        } catch (TextInput.BrokenBytes e) {
            out.broken("", e.getMessage() + "; the rest of the file is not read", 1);
        }
    }

    /**
     * A configuration file that holds one JSON value (tenant.json, securityDefaults.json, …), decoded as
     * {@link #records} decodes. Null when the file is empty. Content after the value is an error naming where it
     * starts; a file that is no JSON at all throws {@link NotJson}; a syntax error throws Jackson's exception, which
     * {@link JsonSyntax#describe} turns into "line L, column C: ...".
     */
    public static JsonNode value(Path file) throws IOException {
        Sniff sniff = Sniff.of(file);
        if (sniff.kind() == Sniff.Kind.EMPTY) return null;
        NotJson refused = refusal(sniff, false);
        if (refused != null) throw refused;
        try (TextInput in = TextInput.open(file)) {
            JsonNode node;
            try {
                node = ONE_VALUE.readTree(in);
            } catch (MismatchedInputException e) {
                if (e.getMessage() == null || !e.getMessage().startsWith("Trailing token")) throw e;
                JsonLocation at = e.getLocation();
                throw new IOException("content after the end of the JSON value"
                        + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
                        + ": the file must hold exactly one JSON value", e);
            } catch (JsonProcessingException e) {
                TextInput.BadBytes bad = in.firstBadBytes();
                if (bad != null && e.getLocation() != null && e.getLocation().getCharOffset() >= bad.offset()) {
                    throw new NotJson("", "bytes that are not valid text (" + bad.bytes() + ") where JSON was expected");
                }
                throw e;
            }
            List<TextInput.BadBytes> bad = in.takeBadBytes(Long.MAX_VALUE);
            if (!bad.isEmpty()) throw new NotJson("", JsonStream.notText(bad));
            return node;
        }
    }

    /** Why a file of this kind is no JSON export (the sign-ins' words), or null when it is JSON. */
    private static NotJson refusal(Sniff sniff, boolean listExport) {
        return switch (sniff.kind()) {
            case JSON, NDJSON -> null;
            case EMPTY -> new NotJson("", listExport ? "is empty: no records, not even an empty list (a failed export?)" : "is empty");
            case BINARY -> new NotJson("line 1", "is not text (control byte " + sniff.firstLine()
                    + " before the first line ends): not a JSON export");
            case UTF16_NO_BOM -> new NotJson("", "is " + sniff.firstLine() + " text without a byte-order mark, which cannot "
                    + "be told apart from binary data: save it as UTF-8 (or as UTF-16 with a byte-order mark)");
            case ZIP -> new NotJson("", "is a ZIP archive (an Excel workbook or a zipped download): save or extract it as JSON");
            case CSV, UNKNOWN -> new NotJson("line 1", "is not JSON: it starts with \"" + SafeText.excerpt(sniff.firstLine()) + "\"");
        };
    }
}
