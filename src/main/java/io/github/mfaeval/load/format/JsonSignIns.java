package io.github.mfaeval.load.format;

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
import io.github.mfaeval.load.JsonRecords.Position;
import io.github.mfaeval.load.SignInMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Streams the records of the JSON exports, one at a time, whatever wraps them: Graph page objects (followed by
 * more pages or not), plain arrays (the Entra admin center download, PowerShell dumps), Azure Monitor
 * {@code {"records": […]}} blobs, Log Analytics query results ({@code {"tables": [{"columns", "rows"}]}}),
 * and one record per line (NDJSON, Event Hub captures).
 * <p>
 * In a JSON document a syntax error ends the file (JSON cannot be resumed after one); with one record per line
 * only the broken line is lost.
 */
final class JsonSignIns {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final JsonFactory FACTORY = MAPPER.getFactory().copy().disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)
            // parser messages end up in reports: a short piece of the file at most
            .setErrorReportConfiguration(com.fasterxml.jackson.core.ErrorReportConfiguration.builder()
                    .maxErrorTokenLength(io.github.mfaeval.text.SafeText.EXCERPT)
                    .maxRawContentLength(io.github.mfaeval.text.SafeText.EXCERPT).build());
    private static final ObjectReader LINE = MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** For the byte path: names are canonicalised (interned) so that the field-name cache sees the same strings. */
    private static final JsonFactory BYTES = new JsonFactory();

    private JsonSignIns() {
    }

    /** Fields that announce a wrapper of records rather than a record. */
    static boolean isContainerField(String name) {
        return name.startsWith("@odata") || name.equalsIgnoreCase("value") || name.equalsIgnoreCase("records")
                || name.equalsIgnoreCase("tables");
    }

    /** A page, records blob or query result held in memory (an element of an array, a line). */
    static boolean isContainer(JsonNode n) {
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

    // ---- one JSON document (or several, concatenated) ----

    /** Documents the character reader read again after the byte path stopped (for tests: a well-formed file is read once). */
    static final java.util.concurrent.atomic.LongAdder REREAD = new java.util.concurrent.atomic.LongAdder();

    /** Opens the file again from its start, for the character reader. */
    interface Reopen {
        TextInput open() throws IOException;
    }

    /**
     * Reads a JSON document; with {@code fast} (no authentication details to join) and UTF-8 text, from its bytes,
     * mapping each Graph sign-in of a page or array straight from the token stream ({@link GraphSignInParser}) and
     * building a tree only for the record that needs one (another dialect, a field the mapper does not take), read
     * again from its own kept bytes. Anything out of the ordinary for that path (bytes that are not UTF-8, malformed
     * JSON, a cut gzip, a record too long, a Log Analytics result) stops it: the character reader then reads the file
     * from its start, as it always did, and passes on only what comes after what was already passed on (the two give
     * the same records in the same order up to there), so every message, position and count is the character
     * reader's. A well-formed UTF-8 file is read once.
     */
    static void readDocument(TextInput in, Reopen reopen, GraphSignInParser fast, String hint, String file, RawRecords out)
            throws IOException {
        if (fast == null || !in.encoding().equals("UTF-8")) {
            readDocument(in, out);
            return;
        }
        Replay replay = new Replay(out);
        try {
            DocumentBytes bytes = new DocumentBytes(in.bytes(), TextInput.DEFAULT_MAX_RECORD_CHARS);
            try (JsonParser p = FACTORY.createParser(bytes)) {
                if (!(p instanceof com.fasterxml.jackson.core.json.UTF8StreamJsonParser)) throw new DocumentBytes.NotPlain("not a byte parser");
                p.setCodec(MAPPER);
                readValues(p, new ByteSource(bytes, fast, hint, file), replay, new Counter());
            }
            return;
        } catch (IOException | RuntimeException e) {
            // the character reader takes over (reading twice only what is out of the ordinary)
        }
        replay.rewind();
        REREAD.increment();
        try (TextInput again = reopen.open()) {
            readDocument(again, replay);
        }
    }

    static void readDocument(TextInput in, RawRecords out) throws IOException {
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
     * tracked) or checked UTF-8 bytes ({@link ByteSource}, which also maps plain Graph records from the token stream).
     */
    private interface Source {
        /** A new record starts at the parser's position: the size limit counts from here. */
        void startRecord(JsonParser p);

        /** Refuses the record just read when bytes before its end were not valid text. */
        boolean badBytes(Position at, JsonParser p, RawRecords out);

        /**
         * The element of a list of records whose START_OBJECT is current: its fact ({@link Streamed}) when a streaming
         * mapper took it, else its tree, read to its end; null when not tried (the parser has not moved).
         */
        default Object element(JsonParser p, JsonStreamContext list, long index, long line) throws IOException {
            return null;
        }
    }

    private record CharSource(TextInput in) implements Source {
        @Override
        public void startRecord(JsonParser p) {
            in.startRecord();
        }

        @Override
        public boolean badBytes(Position at, JsonParser p, RawRecords out) {
            List<TextInput.BadBytes> bad = in.takeBadBytes(p.currentLocation().getCharOffset());
            if (bad.isEmpty()) return false;
            out.broken(at.toString(), notText(bad), 1);
            return true;
        }
    }

    /** A record mapped from the token stream, and the dialect it was written in. */
    private record Streamed(SignInMapper.Mapped mapped, String dialect) {
    }

    /**
     * Checked UTF-8 bytes (never bad ones), and the streaming mappers for the records of pages, arrays and records
     * blobs: Graph sign-ins and Azure Monitor envelopes. The mapper that took the last record is tried first; when it
     * gives up, the record's own bytes go to the other, then to the tree.
     */
    private static final class ByteSource implements Source {
        private final DocumentBytes bytes;
        private final GraphSignInParser fast;
        private final String hint;
        private final String file;
        private boolean envelopes;

        ByteSource(DocumentBytes bytes, GraphSignInParser fast, String hint, String file) {
            this.bytes = bytes;
            this.fast = fast;
            this.hint = hint;
            this.file = file;
        }

        @Override
        public void startRecord(JsonParser p) {
            bytes.keepFrom(p.currentLocation().getByteOffset());
        }

        @Override
        public boolean badBytes(Position at, JsonParser p, RawRecords out) {
            return false;
        }

        @Override
        public Object element(JsonParser p, JsonStreamContext list, long index, long line) throws IOException {
            long start = p.currentTokenLocation().getByteOffset();
            SignInMapper.Mapped m = envelopes ? fast.readEnvelope(p, hint, file, index, line) : fast.read(p, hint, file, index, line, false);
            if (m != null) return new Streamed(m, fast.dialect());
            // Given up: on to the record's end; its own bytes then go to the other mapper, then to the tree.
            JsonToken t = p.currentToken();
            while (p.getParsingContext() != list) {
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) p.skipChildren();
                if (p.getParsingContext() == list) break;
                t = p.nextToken();
                if (t == null) throw new DocumentBytes.NotPlain("the document ends inside a record");
            }
            int from = bytes.index(start);
            int length = bytes.index(p.currentLocation().getByteOffset()) - from;
            try (JsonParser again = FACTORY.createParser(bytes.array(), from, length)) {
                again.nextToken();
                m = envelopes ? fast.read(again, hint, file, index, line, true) : fast.readEnvelope(again, hint, file, index, line);
            }
            if (m != null) {
                envelopes = !envelopes;
                return new Streamed(m, fast.dialect());
            }
            try (JsonParser again = FACTORY.createParser(bytes.array(), from, length)) {
                return MAPPER.readTree(again);
            }
        }
    }

    /** The values of a document, one after another: pages, arrays, records, until the end of the text. */
    private static void readValues(JsonParser p, Source src, RawRecords out, Counter count) throws IOException {
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
    private static void readWrapper(JsonParser p, Source src, RawRecords out, Counter count) throws IOException {
        do {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (v == JsonToken.START_ARRAY && (name.equalsIgnoreCase("value") || name.equalsIgnoreCase("records"))) {
                out.container(name.equalsIgnoreCase("value") ? "JSON page objects" : "JSON records blob");
                readElements(p, src, out, count, null);
            } else if (v == JsonToken.START_ARRAY && name.equalsIgnoreCase("tables")) {
                // rare, and read by the tree: the character reader reads it (from the start, which is a few bytes back)
                if (src instanceof ByteSource) throw new DocumentBytes.NotPlain("Log Analytics tables");
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
    private static void readElements(JsonParser p, Source src, RawRecords out, Counter count, String container) throws IOException {
        JsonToken t;
        JsonStreamContext list = p.getParsingContext();
        src.startRecord(p);
        while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
            long line = p.currentTokenLocation().getLineNr();
            Object read = t == JsonToken.START_OBJECT ? src.element(p, list, count.index + 1, line) : null;
            if (read instanceof Streamed m) {
                if (container != null) out.container(container);
                count.index++;
                out.mapped(m.mapped(), m.dialect());
            } else {
                JsonNode node = read instanceof JsonNode n ? n : p.readValueAsTree();
                emitChecked(node, new Position(count.index + 1, line), p, src, out, count, container);
            }
            src.startRecord(p);
        }
    }

    /** Log Analytics query API: each table's column names, then its rows as arrays. */
    private static void readTables(JsonParser p, Source src, RawRecords out, Counter count) throws IOException {
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

    private static void emitChecked(JsonNode node, Position at, JsonParser p, Source src, RawRecords out, Counter count,
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

    static String notText(List<TextInput.BadBytes> bad) {
        return "holds bytes that are not valid text in the file's encoding (" + bad.get(0).bytes()
                + (bad.size() > 1 ? " and " + (bad.size() - 1) + " more" : "") + "); save the export as UTF-8";
    }

    /** The records of a page, records blob or query result held in memory. */
    private static void expand(JsonNode node, long line, RawRecords out, Counter count) {
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
            return "malformed JSON" + io.github.mfaeval.load.JsonSyntax.column(j) + ": " + j.getOriginalMessage() + rest;
        }
        return "cannot be read: " + e.getMessage() + rest;
    }

    // ---- one record per line ----

    static void readLines(TextInput in, RawRecords out) throws IOException {
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

    private static void tooLong(RawRecords out, Counter count, long lineNo) {
        out.broken(new Position(++count.index, lineNo), "line is longer than " + TextInput.DEFAULT_MAX_RECORD_CHARS / (1024 * 1024)
                + " MB; no sign-in record is that long (skipped to the next line)", 1);
    }

    /** One line of an NDJSON file, decoded: a record, a page of records, a blank line, or a rejection. */
    private static void line(char[] chars, int length, List<TextInput.BadBytes> bad, long lineNo, Counter count, RawRecords out)
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

    /**
     * One record per line, from UTF-8 bytes: a line that holds a plain Graph sign-in is mapped straight from
     * Jackson's byte parser ({@link GraphSignInParser}); any other line (another dialect, a page, bad bytes,
     * malformed JSON, a blank line) is decoded and read as {@link #readLines} reads it, so messages are the same.
     * Reads the lines of {@code lines} (a whole file, or a range of whole lines); returns the records counted.
     * <p>
     * The whole lines in the buffer are read by one parser ({@link #block}); at the first line that is not a plain
     * Graph record alone on its line, that one line is read on its own as above, and a new parser starts after it.
     *
     * @param fast null when records must go through the tree (authentication details to join)
     */
    static long readLines(ByteLines lines, GraphSignInParser fast, String hint, String file, RawRecords out) throws IOException {
        out.container("NDJSON (one record per line)");
        Counter count = new Counter();
        char[][] chars = {new char[1 << 13]};
        // lines to read one at a time before trying a block again: grows while blocks stop at their first line (a file of
        // records for the tree path), so such a file pays for a block parser only now and then
        int alone = 0;
        int backoff = 0;
        while (true) {
            if (fast != null && alone == 0) {
                boolean block;
                try {
                    block = lines.block();
                } catch (TextInput.BrokenBytes e) {
                    out.broken(new Position(count.index + 1, lines.line() + 1), e.getMessage() + "; the rest of the file is not read", 1);
                    return count.index;
                }
                if (block) {
                    int end = lines.blockEnd();
                    if (!lines.blockIsUtf8()) {
                        // bytes that are not UTF-8 somewhere: each line on its own, so the bad one is told apart
                        while (lines.position() < end) {
                            if (!line(lines, fast, hint, file, count, out, chars)) return count.index;
                        }
                        continue;
                    }
                    long before = count.index;
                    if (block(lines, end, fast, hint, file, count, out)) continue;
                    if (count.index == before) {
                        backoff = Math.min(64, Math.max(1, backoff * 2));
                        alone = backoff;
                    } else {
                        backoff = 0;
                    }
                }
            }
            if (alone > 0) alone--;
            if (!line(lines, fast, hint, file, count, out, chars)) return count.index;
        }
    }

    /** Every line read on its own, none in a block: what {@link #readLines(ByteLines, GraphSignInParser, String, String, RawRecords)} must give (tests). */
    static long readEachLine(ByteLines lines, GraphSignInParser fast, String hint, String file, RawRecords out) throws IOException {
        out.container("NDJSON (one record per line)");
        Counter count = new Counter();
        char[][] chars = {new char[1 << 13]};
        while (line(lines, fast, hint, file, count, out, chars)) {
            // next line
        }
        return count.index;
    }

    /** A factory for the parsers of blocks: UTF-8 known (no guessing of the encoding from the first bytes of a block). */
    private static final JsonFactory BLOCKS = JsonFactory.builder().disable(JsonFactory.Feature.CHARSET_DETECTION).build();

    /**
     * Reads the lines of the block (from the position of {@code lines} to {@code end}, just after a '\n') with one
     * parser, as long as each is a plain Graph record alone on its line or blank. True when the block is read; false
     * at the first other line, where {@code lines} is left: that line is read on its own by the caller.
     */
    private static boolean block(ByteLines lines, int end, GraphSignInParser fast, String hint, String file, Counter count, RawRecords out)
            throws IOException {
        byte[] b = lines.buffer();
        int from = lines.position();
        int at = from; // the start of the first line not read yet
        long done = 0; // the lines read
        long lineNo = lines.line() + 1;
        try (JsonParser p = BLOCKS.createParser(b, from, end - from)) {
            while (true) {
                JsonToken t;
                try {
                    t = p.nextToken();
                } catch (JsonProcessingException e) {
                    break;
                }
                JsonLocation first = t == null ? null : p.currentTokenLocation(); // in the block; lines as the parser counts them
                int start = t == null ? end : from + (int) first.getByteOffset();
                // the lines before the token are blank (the parser skipped only white space): passed over as the line reader does
                int i = at;
                for (; i < start; i++) {
                    byte c = b[i];
                    if (c == '\n') {
                        at = i + 1;
                        done++;
                        lineNo++;
                    } else if (c != ' ' && c != '\t' && c != '\r') {
                        break;
                    }
                }
                if (i < start || t == null) break; // something else before it, or the end of the block
                if (t != JsonToken.START_OBJECT) break;
                SignInMapper.Mapped m;
                try {
                    m = fast.read(p, hint, file, count.index + 1, lineNo, false);
                } catch (JsonProcessingException e) {
                    break;
                }
                // a record alone on its line: no line end inside it (the parser counts them), only white space after it
                if (m == null) break;
                JsonLocation last = p.currentTokenLocation();
                if (last.getLineNr() != first.getLineNr()) break;
                i = from + (int) last.getByteOffset() + 1;
                while (b[i] == ' ' || b[i] == '\t' || b[i] == '\r') i++;
                if (b[i] != '\n') break;
                count.index++;
                out.mapped(m);
                at = i + 1;
                done++;
                lineNo++;
            }
        }
        lines.skipTo(at, done);
        return at == end;
    }

    /** Reads the next line on its own; false at the end of the bytes. */
    private static boolean line(ByteLines lines, GraphSignInParser fast, String hint, String file, Counter count, RawRecords out,
                                char[][] chars) throws IOException {
        long lineNo = lines.line() + 1;
        boolean more;
        try {
            more = lines.next();
        } catch (TextInput.BrokenBytes e) {
            out.broken(new Position(count.index + 1, lineNo), e.getMessage() + "; the rest of the file is not read", 1);
            return false;
        }
        if (!more) return false;
        lineNo = lines.line();
        if (lines.tooLong()) {
            tooLong(out, count, lineNo);
            return true;
        }
        byte[] b = lines.buffer();
        int from = lines.start();
        int to = lines.end();
        if (fast != null && startsObject(b, from, to) && (lines.ascii() || Utf8.valid(b, from, to))) {
            SignInMapper.Mapped m;
            try (JsonParser p = BYTES.createParser(b, from, to - from)) {
                p.nextToken();
                m = fast.read(p, hint, file, count.index + 1, lineNo, true);
            } catch (JsonProcessingException e) {
                m = null; // the tree path says what is wrong with it
            }
            if (m != null) {
                count.index++;
                out.mapped(m);
                return true;
            }
        }
        // the rare line: decoded as the character reader does, bad bytes and all
        TextInput text = TextInput.utf8(new java.io.ByteArrayInputStream(b, from, to - from));
        StringBuilder line = new StringBuilder(to - from);
        text.readLine(line, Integer.MAX_VALUE - 1);
        List<TextInput.BadBytes> bad = text.takeBadBytes(Long.MAX_VALUE);
        int length = line.length();
        if (chars[0].length < length) chars[0] = new char[Math.max(length, chars[0].length * 2)];
        line.getChars(0, length, chars[0], 0);
        line(chars[0], length, bad, lineNo, count, out);
        return true;
    }

    /** The first character that is not white space is '{'. */
    private static boolean startsObject(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c == '{') return true;
            if (c != ' ' && c != '\t' && c != '\r') return false;
        }
        return false;
    }

    private static boolean blank(char[] chars, int length) {
        for (int i = 0; i < length; i++) {
            if (!Character.isWhitespace(chars[i])) return false;
        }
        return true;
    }

    private static final class Counter {
        long index;
    }

    /**
     * Passes a reader's records on, counting them; after {@link #rewind}, drops as many as were passed on before, so
     * that a second reader of the same file from its start goes on where the first stopped.
     */
    private static final class Replay implements RawRecords {
        private final RawRecords out;
        private long passed;
        private long skip;

        Replay(RawRecords out) {
            this.out = out;
        }

        void rewind() {
            skip = passed;
            passed = 0;
        }

        private boolean pass() {
            if (skip > 0) {
                skip--;
                return false;
            }
            passed++;
            return true;
        }

        @Override
        public void container(String description) {
            out.container(description); // the first one said counts: the same in both readers
        }

        @Override
        public void record(JsonNode node, Position at) {
            if (pass()) out.record(node, at);
        }

        @Override
        public void normalised(SignInRecords.Normalised record, Position at) {
            if (pass()) out.normalised(record, at);
        }

        @Override
        public void mapped(SignInMapper.Mapped record) {
            if (pass()) out.mapped(record);
        }

        @Override
        public void mapped(SignInMapper.Mapped record, String dialect) {
            if (pass()) out.mapped(record, dialect);
        }

        @Override
        public void broken(String where, String reason, long count) {
            if (pass()) out.broken(where, reason, count);
        }

        @Override
        public void broken(Position at, String reason, long count) {
            if (pass()) out.broken(at, reason, count);
        }

        @Override
        public void notice(String where, String message) {
            if (pass()) out.notice(where, message);
        }
    }
}
