package io.github.mfaeval.load;

import com.fasterxml.jackson.core.ErrorReportConfiguration;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.github.mfaeval.text.SafeText;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiConsumer;
import java.util.zip.GZIPInputStream;

/**
 * Streams the records of a JSON export one at a time, whichever shape Graph and its tools give it:
 * a page object ({@code {"@odata.context": …, "value": [ … ]}}), a plain array, or one object per line.
 * A record never needs the rest of the file in memory.
 */
public final class JsonRecords {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();
    /** A configuration file holds one JSON value: anything after it is an error, not silently ignored. */
    private static final ObjectReader ONE_VALUE = MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    static {
        // Parser messages end up in reports: they quote at most a short piece of the file, never a whole line of it.
        FACTORY.setErrorReportConfiguration(ErrorReportConfiguration.builder()
                .maxErrorTokenLength(SafeText.EXCERPT).maxRawContentLength(SafeText.EXCERPT).build());
    }

    private JsonRecords() {
    }

    /** Where a record starts: "record N (line L)". */
    public record Position(long index, long line) {
        @Override
        public String toString() {
            return "record " + index + " (line " + line + ")";
        }
    }

    /**
     * Calls {@code each} for every record. A syntax error ends the file: it is reported as a rejection
     * of the rest of the file, and the records before it stand.
     */
    public static void read(Path file, BiConsumer<JsonNode, Position> each, BiConsumer<Position, String> broken) throws IOException {
        try (InputStream in = open(file);
             JsonParser parser = FACTORY.createParser(in)) {
            parser.setCodec(MAPPER);
            long index = 0;
            try {
                JsonToken first = parser.nextToken();
                if (first == null) {
                    return;
                }
                if (first == JsonToken.START_ARRAY) {
                    index = readArray(parser, each, index);
                    return;
                }
                if (first != JsonToken.START_OBJECT) {
                    broken.accept(new Position(1, parser.currentLocation().getLineNr()),
                            "expected a JSON object or array, found " + first);
                    return;
                }
                // A page object announces itself with @odata fields or "value" before any record field.
                JsonToken t = parser.nextToken();
                if (t == JsonToken.FIELD_NAME && (parser.currentName().startsWith("@odata") || parser.currentName().equals("value"))) {
                    do {
                        String name = parser.currentName();
                        JsonToken v = parser.nextToken();
                        if ("value".equals(name) && v == JsonToken.START_ARRAY) {
                            index = readArray(parser, each, index);
                        } else {
                            parser.skipChildren();
                        }
                    } while (parser.nextToken() == JsonToken.FIELD_NAME);
                    return;
                }
                // Otherwise: a record, possibly followed by more (one object per line).
                long line = parser.currentLocation().getLineNr();
                JsonNode node = readRestOfObject(parser, t);
                if (node.has("value") && node.get("value").isArray()) {
                    for (JsonNode record : node.get("value")) {
                        each.accept(record, new Position(++index, line));
                    }
                } else {
                    each.accept(node, new Position(++index, line));
                }
                while ((t = parser.nextToken()) != null) {
                    line = parser.currentLocation().getLineNr();
                    if (t != JsonToken.START_OBJECT) {
                        broken.accept(new Position(index + 1, line), "expected a JSON object, found " + t);
                        parser.skipChildren();
                        continue;
                    }
                    each.accept(parser.readValueAsTree(), new Position(++index, line));
                }
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation();
                broken.accept(new Position(index + 1, at == null ? 0 : at.getLineNr()),
                        "malformed JSON" + JsonSyntax.column(e) + ": " + e.getOriginalMessage() + "; the rest of the file is not read");
            }
        }
    }

    private static long readArray(JsonParser parser, BiConsumer<JsonNode, Position> each, long index) throws IOException {
        JsonToken t;
        while ((t = parser.nextToken()) != JsonToken.END_ARRAY && t != null) {
            long line = parser.currentLocation().getLineNr();
            JsonNode node = parser.readValueAsTree();
            each.accept(node, new Position(++index, line));
        }
        return index;
    }

    /** The object whose first field name the parser is on, read to its end. */
    private static JsonNode readRestOfObject(JsonParser parser, JsonToken current) throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode node = MAPPER.createObjectNode();
        JsonToken t = current;
        while (t == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            node.set(name, parser.readValueAsTree());
            t = parser.nextToken();
        }
        return node;
    }

    /**
     * A whole small JSON document (configuration files), which must be one JSON value: content after it
     * ({@code {"tenantId": "a"} {"tenantId": "b"}}) is an error naming where it starts.
     */
    public static JsonNode readTree(Path file) throws IOException {
        try (InputStream in = open(file)) {
            return ONE_VALUE.readTree(in);
        } catch (MismatchedInputException e) {
            if (e.getMessage() == null || !e.getMessage().startsWith("Trailing token")) throw e;
            JsonLocation at = e.getLocation();
            throw new IOException("content after the end of the JSON value"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
                    + ": the file must hold exactly one JSON value", e);
        }
    }

    /**
     * The bytes of a JSON export, gzip undone when the file starts with the gzip magic bytes whatever its name
     * (as for sign-ins). Jackson detects UTF-8, UTF-16 and UTF-32 from the bytes, with or without a byte-order mark.
     */
    public static InputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            raw.mark(2);
            int a = raw.read();
            int b = raw.read();
            raw.reset();
            if (a == 0x1f && b == 0x8b) return new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16);
            return raw;
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }
}
