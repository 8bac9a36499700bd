package io.github.mfaeval.load.signin;

import io.github.mfaeval.load.text.ByteLines;
import io.github.mfaeval.load.text.JsonStream;
import io.github.mfaeval.load.text.TextInput;
import io.github.mfaeval.load.text.Utf8;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.mfaeval.load.text.Position;
import io.github.mfaeval.model.SignIn;

import java.io.IOException;
import java.util.List;

/**
 * The Graph dialect's fast path ({@link GraphJson}) through the JSON exports: UTF-8 documents and NDJSON lines whose
 * plain Graph sign-ins (and Azure Monitor envelopes) are mapped straight from Jackson's byte parser
 * ({@link GraphSignInParser}), everything else handed to the shared record streamer ({@link JsonStream}), whose
 * messages, positions and counts are the reference the fast path must give.
 * <p>
 * A record the token mapper cannot take falls back to the tree on its own: a line is read again alone
 * ({@link #line}), a document's record from its own kept bytes ({@code ByteSource.element}). Only what stops the
 * byte parser in a document (malformed JSON, bytes that are not UTF-8, a cut gzip, a record too long, a Log Analytics
 * result) sends the whole document to the character reader again ({@code Replay}, below): the byte parser cannot go on
 * past such a point, and the character reader's messages and positions for it are the reference.
 */
final class GraphJsonFastPath {
    /** For the byte path: names are canonicalised (interned) so that the field-name cache sees the same strings. */
    private static final JsonFactory BYTES = new JsonFactory();

    private GraphJsonFastPath() {
    }

    // ---- one JSON document (or several, concatenated) ----

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
            JsonStream.readDocument(in, out);
            return;
        }
        Replay replay = new Replay(out);
        try {
            DocumentBytes bytes = new DocumentBytes(in.bytes(), TextInput.DEFAULT_MAX_RECORD_CHARS);
            try (JsonParser p = JsonStream.FACTORY.createParser(bytes)) {
                if (!(p instanceof com.fasterxml.jackson.core.json.UTF8StreamJsonParser)) throw new DocumentBytes.NotPlain("not a byte parser");
                p.setCodec(JsonStream.MAPPER);
                JsonStream.readValues(p, new ByteSource(bytes, fast, hint, file), replay, new JsonStream.Counter());
            }
            return;
        } catch (IOException | RuntimeException e) {
            // the character reader takes over (reading twice only what is out of the ordinary)
        }
        replay.rewind();
        try (TextInput again = reopen.open()) {
            JsonStream.readDocument(again, replay);
        }
    }

    /** A record mapped from the token stream, and the dialect it was written in ({@link RawRecords#taken}). */
    record Streamed(SignIn mapped, String dialect) {
    }

    /**
     * Checked UTF-8 bytes (never bad ones), and the streaming mappers for the records of pages, arrays and records
     * blobs: Graph sign-ins and Azure Monitor envelopes. The mapper that took the last record is tried first; when it
     * gives up, the record's own bytes go to the other, then to the tree.
     */
    private static final class ByteSource implements JsonStream.Source {
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
        public boolean badBytes(Position at, JsonParser p, JsonStream.Records out) {
            return false;
        }

        @Override
        public void tables() throws IOException {
            // rare, and read by the tree: the character reader reads it (from the start, which is a few bytes back)
            throw new DocumentBytes.NotPlain("Log Analytics tables");
        }

        @Override
        public Object element(JsonParser p, JsonStreamContext list, Position at) throws IOException {
            long start = p.currentTokenLocation().getByteOffset();
            SignIn m = envelopes ? fast.readEnvelope(p, hint, file, at) : fast.read(p, hint, file, at, false);
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
            try (JsonParser again = JsonStream.FACTORY.createParser(bytes.array(), from, length)) {
                again.nextToken();
                m = envelopes ? fast.read(again, hint, file, at, true) : fast.readEnvelope(again, hint, file, at);
            }
            if (m != null) {
                envelopes = !envelopes;
                return new Streamed(m, fast.dialect());
            }
            try (JsonParser again = JsonStream.FACTORY.createParser(bytes.array(), from, length)) {
                return JsonStream.MAPPER.readTree(again);
            }
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
        JsonStream.Counter count = new JsonStream.Counter();
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

    /** A factory for the parsers of blocks: UTF-8 known (no guessing of the encoding from the first bytes of a block). */
    private static final JsonFactory BLOCKS = JsonFactory.builder().disable(JsonFactory.Feature.CHARSET_DETECTION).build();

    /**
     * Reads the lines of the block (from the position of {@code lines} to {@code end}, just after a '\n') with one
     * parser, as long as each is a plain Graph record alone on its line or blank. True when the block is read; false
     * at the first other line, where {@code lines} is left: that line is read on its own by the caller.
     */
    private static boolean block(ByteLines lines, int end, GraphSignInParser fast, String hint, String file, JsonStream.Counter count, RawRecords out)
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
                SignIn m;
                try {
                    m = fast.read(p, hint, file, new Position(count.index + 1, lineNo), false);
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
    static boolean line(ByteLines lines, GraphSignInParser fast, String hint, String file, JsonStream.Counter count, RawRecords out,
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
            JsonStream.tooLong(out, count, lineNo);
            return true;
        }
        byte[] b = lines.buffer();
        int from = lines.start();
        int to = lines.end();
        if (fast != null && startsObject(b, from, to) && (lines.ascii() || Utf8.valid(b, from, to))) {
            SignIn m;
            try (JsonParser p = BYTES.createParser(b, from, to - from)) {
                p.nextToken();
                m = fast.read(p, hint, file, new Position(count.index + 1, lineNo), true);
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
        JsonStream.line(chars[0], length, bad, lineNo, count, out);
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

    /**
     * Passes a reader's records on, counting them; after {@link #rewind}, drops as many as were passed on before, so
     * that a second reader of the same file from its start goes on where the first stopped. Not per record: it serves
     * only a document the byte parser cannot read on (see the class comment), which the character reader reads from
     * its start, as it always did.
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
        public void normalised(GraphRecord record, Position at) {
            if (pass()) out.normalised(record, at);
        }

        @Override
        public void mapped(SignIn record) {
            if (pass()) out.mapped(record);
        }

        @Override
        public void mapped(SignIn record, String dialect) {
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
