package io.github.mfaeval.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mfaeval.load.format.JsonExport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.BiConsumer;

/**
 * The records of a JSON export, one at a time, whichever shape Graph and its tools give it (a page object, a plain
 * array, a single object, one object per line), read by the same streamer as the sign-ins ({@link JsonExport}):
 * gzip, byte-order marks and UTF-16, bytes that are not text, and broken records are handled as for sign-ins.
 */
public final class JsonRecords {
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
     * Calls {@code each} for every record and {@code broken} (where, why) for what cannot be read: a syntax error in
     * a JSON document ends it, and the records before it stand.
     */
    public static void read(Path file, BiConsumer<JsonNode, Position> each, BiConsumer<String, String> broken) throws IOException {
        JsonExport.records(file, new JsonExport.Records() {
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
        return JsonExport.value(file);
    }
}
