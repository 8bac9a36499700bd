package io.github.mfaeval.load.text;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Streams the records of the JSON exports, one at a time, whatever wraps them: Graph page objects (followed by
 * more pages or not), plain arrays (the Entra admin center download, PowerShell dumps), Azure Monitor
 * {@code {"records": […]}} blobs, Log Analytics query results ({@code {"tables": [{"columns", "rows"}]}}),
 * and one record per line (NDJSON, Event Hub captures). Sign-ins, activity logs and configuration exports are all
 * read by it; the sign-ins' fast path plugs a streaming mapper in as a {@link Source}.
 * <p>
 * In a JSON document a syntax error ends the file (JSON cannot be resumed after one); with one record per line
 * only the broken line is lost.
 */
public final class JsonStream {
    public static final ObjectMapper MAPPER = new ObjectMapper();
    public static final JsonFactory FACTORY = MAPPER.getFactory().copy().disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)
            // parser messages end up in reports: a short piece of the file at most
            .setErrorReportConfiguration(com.fasterxml.jackson.core.ErrorReportConfiguration.builder()
                    .maxErrorTokenLength(io.github.mfaeval.text.SafeText.EXCERPT)
                    .maxRawContentLength(io.github.mfaeval.text.SafeText.EXCERPT).build());
    private static final ObjectReader LINE = MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Where the walker hands the records of a file. */
    public interface Records {
        /** The shape of the file, said once ("JSON page objects", "NDJSON", …). */
        void container(String description);

        /** One JSON record as found. */
        void record(JsonNode node, Position at);

        /** {@code count} records that cannot be read (1 for "the rest of the file"); {@code where} names them. */
        void broken(String where, String reason, long count);

        /** The same, at a record's position (which a reader of a range of a file moves once it knows what came before). */
        default void broken(Position at, String reason, long count) {
            broken(at.toString(), reason, count);
        }

        /** Something the user should know that costs no record (an unknown column). */
        void notice(String where, String message);

        /** A record a streaming mapper of the {@link Source} took ({@link Source#element}): what it made of it. */
        default void taken(Object record) {
            throw new UnsupportedOperationException("this reader takes records as JSON only");
        }
    }

    private JsonStream() {
    }

    /** Fields that announce a wrapper of records rather than a record. */
    public static boolean isContainerField(String name) {
        return name.startsWith("@odata") || name.equalsIgnoreCase("value") || name.equalsIgnoreCase("records")
                || name.equalsIgnoreCase("tables");
    }

    /** A page, records blob or query result held in memory (an element of an array, a line). */
    public static boolean isContainer(JsonNode n) {
        if (n == null || !n.isObject()) return false;
        for (String f : List.of("value", "records", "tables")) {
            JsonNode v = field(n, f);
            if (v != null && v.isArray()) return true;
        }
        return false;
    }

    private static JsonNode field(JsonNode n, String name) {
        Iterator<Map.Entry<String, JsonNode>> it = n.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equalsIgnoreCase(name)) return e.getValue();
        }
        return null;
    }

    public static void readDocument(TextInput in, Records out) throws IOException {
        Counter count = new Counter();
        CharSource src = new CharSource(in);
        try (JsonParser p = FACTORY.createParser(in)) {
            p.setCodec(MAPPER);
            try {
                readValues(p, src, out, count);
            } catch (IOException e) {
                // the records after the break are counted, not read: read = evaluated + rejected stays true of the file
                RecordBoundaries.Count rest = e instanceof JsonProcessingException && !(e instanceof JsonEOFException)
                        ? RecordBoundaries.after(p, in, e) : new RecordBoundaries.Count(0, true, true);
                out.broken(new Position(count.index + 1, lineOf(e, p)).toString(), fatal(e, in, count) + RecordBoundaries.describe(rest),
                        rest.lost());
            }
        }
    }

    /**
     * Where the document reader's text comes from: decoded characters ({@link TextInput}: any encoding, bad bytes
     * tracked) or checked UTF-8 bytes (the sign-ins' byte source, which also maps plain Graph records from the token
     * stream).
     */
    public interface Source {
        /** A new record starts at the parser's position: the size limit counts from here. */
        void startRecord(JsonParser p);

        /** Refuses the record just read when bytes before its end were not valid text. */
        boolean badBytes(Position at, JsonParser p, Records out);

        /**
         * The element of a list of records whose START_OBJECT is current: its fact ({@link Records#taken}) when a streaming
         * mapper took it, else its tree, read to its end; null when not tried (the parser has not moved).
         */
        default Object element(JsonParser p, JsonStreamContext list, Position at) throws IOException {
            return null;
        }

        /** A Log Analytics query result ({@code tables}) is next; a source that cannot read one says so by throwing. */
        default void tables() throws IOException {
        }
    }

    private record CharSource(TextInput in) implements Source {
        @Override
        public void startRecord(JsonParser p) {
            in.startRecord();
        }

        @Override
        public boolean badBytes(Position at, JsonParser p, Records out) {
            List<TextInput.BadBytes> bad = in.takeBadBytes(p.currentLocation().getCharOffset());
            if (bad.isEmpty()) return false;
            out.broken(at.toString(), notText(bad), 1);
            return true;
        }
    }

    /** The values of a document, one after another: pages, arrays, records, until the end of the text. */
    public static void readValues(JsonParser p, Source src, Records out, Counter count) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != null) {
            long line = p.currentTokenLocation().getLineNr();
            if (t == JsonToken.START_ARRAY) {
                readElements(p, src, out, count, "JSON array");
            } else if (t == JsonToken.START_OBJECT) {
                src.startRecord(p);
                JsonToken f = p.nextToken();
                if (f == JsonToken.FIELD_NAME && isContainerField(p.currentName())) {
                    readWrapper(p, src, out, count);
                } else {
                    JsonNode node = restOfObject(p, f);
                    emitChecked(node, new Position(count.index + 1, line), p, src, out, count, "JSON objects");
                }
            } else {
                out.broken(new Position(++count.index, line).toString(), "expected a JSON object or array, found " + describe(p), 1);
                p.skipChildren();
            }
        }
    }

    /** The fields of a page object, records blob or query result, whose first field name is current. */
    private static void readWrapper(JsonParser p, Source src, Records out, Counter count) throws IOException {
        do {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (v == JsonToken.START_ARRAY && (name.equalsIgnoreCase("value") || name.equalsIgnoreCase("records"))) {
                out.container(name.equalsIgnoreCase("value") ? "JSON page objects" : "JSON records blob");
                readElements(p, src, out, count, null);
            } else if (v == JsonToken.START_ARRAY && name.equalsIgnoreCase("tables")) {
                // rare, and read by the tree: the character reader reads it (from the start, which is a few bytes back)
                src.tables();
                out.container("Log Analytics query result (tables)");
                readTables(p, src, out, count);
            } else if (name.equals("@odata.context") && v == JsonToken.VALUE_STRING && p.getText().contains("/v1.0/")) {
                // v1.0 sign-ins load, but lack the fields that show how MFA was done: every one would look unsatisfied
                out.notice("line " + p.currentTokenLocation().getLineNr(), "Graph v1.0 sign-ins: they have no authenticationDetails, "
                        + "authenticationRequirementPolicies or signInEventTypes, so MFA done cannot be seen; export from /beta/auditLogs/signIns");
            } else {
                p.skipChildren();
            }
            src.startRecord(p);
        } while (p.nextToken() == JsonToken.FIELD_NAME);
    }

    /** {@code container}: what a plain record here says about the file (null when the wrapper has said it). */
    private static void readElements(JsonParser p, Source src, Records out, Counter count, String container) throws IOException {
        JsonToken t;
        JsonStreamContext list = p.getParsingContext();
        src.startRecord(p);
        while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
            long line = p.currentTokenLocation().getLineNr();
            Object read = t == JsonToken.START_OBJECT ? src.element(p, list, new Position(count.index + 1, line)) : null;
            if (read != null && !(read instanceof JsonNode)) {
                if (container != null) out.container(container);
                count.index++;
                out.taken(read);
            } else {
                JsonNode node = read instanceof JsonNode n ? n : p.readValueAsTree();
                emitChecked(node, new Position(count.index + 1, line), p, src, out, count, container);
            }
            src.startRecord(p);
        }
    }

    /** Log Analytics query API: each table's column names, then its rows as arrays. */
    private static void readTables(JsonParser p, Source src, Records out, Counter count) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
            List<String> columns = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (name.equalsIgnoreCase("columns") && v == JsonToken.START_ARRAY) {
                    columns = new ArrayList<>();
                    for (JsonNode c : (JsonNode) p.readValueAsTree()) {
                        columns.add(c.isObject() ? c.path("name").asText() : c.asText());
                    }
                } else if (name.equalsIgnoreCase("rows") && v == JsonToken.START_ARRAY) {
                    if (columns == null) {
                        long line = p.currentTokenLocation().getLineNr();
                        out.broken(new Position(count.index + 1, line).toString(), "the table's rows come before its columns; they cannot be named", 1);
                        p.skipChildren();
                        continue;
                    }
                    src.startRecord(p);
                    while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
                        long line = p.currentTokenLocation().getLineNr();
                        JsonNode row = p.readValueAsTree();
                        Position at = new Position(++count.index, line);
                        if (!row.isArray() || row.size() != columns.size()) {
                            out.broken(at.toString(), "a row must be a list of " + columns.size() + " values, found "
                                    + (row.isArray() ? row.size() + " values" : row.getNodeType().toString().toLowerCase()), 1);
                        } else {
                            ObjectNode record = MAPPER.createObjectNode();
                            for (int i = 0; i < columns.size(); i++) record.set(columns.get(i), row.get(i));
                            if (!src.badBytes(at, p, out)) out.record(record, at);
                        }
                        src.startRecord(p);
                    }
                } else {
                    p.skipChildren();
                }
            }
        }
    }

    private static void emitChecked(JsonNode node, Position at, JsonParser p, Source src, Records out, Counter count,
                                    String container) {
        if (isContainer(node)) {
            // a whole page as an element of an array (pages collected by a script)
            if (container != null) out.container("JSON array".equals(container) ? "JSON array of page objects" : "JSON page objects");
            if (src.badBytes(new Position(count.index + 1, at.line()), p, out)) {
                count.index++;
                return;
            }
            expand(node, at.line(), out, count);
            return;
        }
        if (container != null) out.container(container);
        count.index++;
        if (!src.badBytes(at, p, out)) out.record(node, at);
    }

    public static String notText(List<TextInput.BadBytes> bad) {
        return "holds bytes that are not valid text in the file's encoding (" + bad.get(0).bytes()
                + (bad.size() > 1 ? " and " + (bad.size() - 1) + " more" : "") + "); save the export as UTF-8";
    }

    /** The records of a page, records blob or query result held in memory. */
    private static void expand(JsonNode node, long line, Records out, Counter count) {
        JsonNode tables = field(node, "tables");
        if (tables != null && tables.isArray()) {
            out.container("Log Analytics query result (tables)");
            for (JsonNode table : tables) {
                JsonNode columns = field(table, "columns");
                JsonNode rows = field(table, "rows");
                if (columns == null || rows == null || !columns.isArray() || !rows.isArray()) continue;
                for (JsonNode row : rows) {
                    Position at = new Position(++count.index, line);
                    if (!row.isArray() || row.size() != columns.size()) {
                        out.broken(at, "a row must be a list of " + columns.size() + " values", 1);
                        continue;
                    }
                    ObjectNode record = MAPPER.createObjectNode();
                    for (int i = 0; i < columns.size(); i++) {
                        JsonNode c = columns.get(i);
                        record.set(c.isObject() ? c.path("name").asText() : c.asText(), row.get(i));
                    }
                    out.record(record, at);
                }
            }
            return;
        }
        JsonNode records = field(node, "value");
        out.container(records != null && records.isArray() ? "JSON page objects" : "JSON records blob");
        if (records == null || !records.isArray()) records = field(node, "records");
        for (JsonNode r : records) out.record(r, new Position(++count.index, line));
    }

    private static JsonNode restOfObject(JsonParser p, JsonToken current) throws IOException {
        ObjectNode node = MAPPER.createObjectNode();
        JsonToken t = current;
        while (t == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            node.set(name, p.readValueAsTree());
            t = p.nextToken();
        }
        return node;
    }

    private static String describe(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        return t.isScalarValue() ? p.getText() : t.toString();
    }

    private static long lineOf(IOException e, JsonParser p) {
        if (e instanceof JsonProcessingException j && j.getLocation() != null) return j.getLocation().getLineNr();
        JsonLocation l = p.currentLocation();
        return l == null ? 0 : l.getLineNr();
    }

    /** Why the rest of a JSON document cannot be read. */
    private static String fatal(IOException e, TextInput in, Counter count) {
        String rest = "; the rest of the file is not read";
        if (e instanceof TextInput.RecordTooLarge) return "record is " + e.getMessage() + rest;
        if (e instanceof TextInput.BrokenBytes) return e.getMessage() + rest;
        if (e instanceof JsonEOFException) {
            return "the file ends in the middle of a record (truncated?): " + ((JsonProcessingException) e).getOriginalMessage();
        }
        if (e instanceof JsonProcessingException j) {
            TextInput.BadBytes bad = in.firstBadBytes();
            if (bad != null && j.getLocation() != null && j.getLocation().getCharOffset() >= bad.offset()) {
                return "bytes that are not valid text (" + bad.bytes() + ") where JSON was expected" + rest;
            }
            return "malformed JSON" + JsonSyntax.column(j) + ": " + j.getOriginalMessage() + rest;
        }
        return "cannot be read: " + e.getMessage() + rest;
    }

    // ---- one record per line ----

    public static void readLines(TextInput in, Records out) throws IOException {
        out.container("NDJSON (one record per line)");
        Counter count = new Counter();
        StringBuilder line = new StringBuilder();
        // The line's characters go to Jackson from one reused array: copying each ~4 KB record into Strings
        // (and Jackson back into chars) cost half the reading time.
        char[] chars = new char[1 << 13];
        int max = TextInput.DEFAULT_MAX_RECORD_CHARS;
        while (true) {
            long lineNo = in.line();
            boolean more;
            try {
                more = in.readLine(line, max);
            } catch (TextInput.BrokenBytes e) {
                out.broken(new Position(count.index + 1, lineNo), e.getMessage() + "; the rest of the file is not read", 1);
                return;
            }
            if (!more) return;
            List<TextInput.BadBytes> bad = in.takeBadBytes(in.offset());
            if (line.length() > max) {
                tooLong(out, count, lineNo);
                continue;
            }
            int length = line.length();
            if (chars.length < length) chars = new char[Math.max(length, chars.length * 2)];
            line.getChars(0, length, chars, 0);
            line(chars, length, bad, lineNo, count, out);
        }
    }

    public static void tooLong(Records out, Counter count, long lineNo) {
        out.broken(new Position(++count.index, lineNo), "line is longer than " + TextInput.DEFAULT_MAX_RECORD_CHARS / (1024 * 1024)
                + " MB; no sign-in record is that long (skipped to the next line)", 1);
    }

    /** One line of an NDJSON file, decoded: a record, a page of records, a blank line, or a rejection. */
    public static void line(char[] chars, int length, List<TextInput.BadBytes> bad, long lineNo, Counter count, Records out)
            throws IOException {
        if (blank(chars, length)) return;
        if (!bad.isEmpty()) {
            out.broken(new Position(++count.index, lineNo), notText(bad), 1);
            return;
        }
        JsonNode node;
        try {
            node = LINE.readTree(new java.io.CharArrayReader(chars, 0, length));
        } catch (JsonProcessingException e) {
            String why = e instanceof JsonEOFException ? "the line ends in the middle of a record (truncated?): " + e.getOriginalMessage()
                    : e.getOriginalMessage().startsWith("Trailing token") ? "more than one JSON value on the line"
                    : "malformed JSON: " + e.getOriginalMessage();
            out.broken(new Position(++count.index, lineNo), why, 1);
            return;
        }
        if (isContainer(node)) {
            expand(node, lineNo, out, count);
        } else if (!node.isObject()) {
            out.broken(new Position(++count.index, lineNo), "expected a JSON object, found " + node.getNodeType().toString().toLowerCase(), 1);
        } else {
            out.record(node, new Position(++count.index, lineNo));
        }
    }

    /** The records counted so far in a file (or a part of one). */
    public static final class Counter {
        public long index;
    }

    private static boolean blank(char[] chars, int length) {
        for (int i = 0; i < length; i++) {
            if (!Character.isWhitespace(chars[i])) return false;
        }
        return true;
    }

}
