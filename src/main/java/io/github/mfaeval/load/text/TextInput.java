package io.github.mfaeval.load.text;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The characters of an export file, whatever its bytes.
 * <ul>
 * <li>gzip is undone when the file starts with the gzip magic bytes, whatever its name;</li>
 * <li>a byte-order mark selects UTF-8 or UTF-16 (Windows PowerShell's {@code Out-File} writes UTF-16), otherwise
 *     the text must be UTF-8;</li>
 * <li>bytes that are not valid text become U+FFFD, and where they were is remembered, so that the record holding them
 *     is refused and the next one still read (a parser would otherwise stop at the first bad byte);</li>
 * <li>in line mode a read never returns past the end of a line: when a CSV or NDJSON parser fails, it has buffered
 *     nothing beyond the broken line, so a fresh parser goes on at the next line and no good record is lost;</li>
 * <li>no record may exceed a size limit: a 2 GB line is refused when it passes the limit, never held in memory.</li>
 * </ul>
 */
public final class TextInput extends Reader {
    /** Far above any real sign-in record (a few KB), far below what would strain the heap. */
    public static final int DEFAULT_MAX_RECORD_CHARS = 32 * 1024 * 1024;

    private static final int BUFFER = 1 << 16;
    private static final int MAX_PENDING_BAD_BYTES = 10_000;

    /** A place where the bytes were not valid text. */
    public record BadBytes(long offset, String bytes) {
    }

    /** A record grew past the size limit; the caller refuses it and skips to the next line. */
    public static final class RecordTooLarge extends IOException {
        RecordTooLarge(int limit) {
            super("longer than " + limit / (1024 * 1024) + " MB; no sign-in record is that long");
        }
    }

    /** The bytes end or break in a way that makes the rest of the file unreadable (truncated or corrupt gzip). */
    public static final class BrokenBytes extends IOException {
        BrokenBytes(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final InputStream bytes;
    private final boolean gzip;
    private final Charset charset;
    private final CharsetDecoder decoder;
    private final ByteBuffer in = ByteBuffer.allocate(BUFFER);
    private final CharBuffer out = CharBuffer.allocate(BUFFER);
    private final int maxRecordChars;
    private final ArrayDeque<BadBytes> badBytes = new ArrayDeque<>();
    private boolean bytesEnded;
    private boolean decoderFlushed;
    /** Absolute offset of out[0] in the decoded text. */
    private long outBase;
    /** Absolute offset of the next character to deliver. */
    private long offset;
    private long recordStart;
    private boolean lineMode;
    private boolean atLineStart = true;
    /** Physical line of the next character, counted in line mode and by {@link #skipLine()} / {@link #readLine}. */
    private long line = 1;

    private TextInput(InputStream bytes, boolean gzip, Charset charset, int maxRecordChars) {
        this.bytes = bytes;
        this.gzip = gzip;
        this.charset = charset;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.maxRecordChars = maxRecordChars;
        in.flip();
        out.flip();
    }

    public static TextInput open(Path file) throws IOException {
        return open(file, DEFAULT_MAX_RECORD_CHARS);
    }

    public static TextInput open(Path file, int maxRecordChars) throws IOException {
        return open(Files.newInputStream(file), maxRecordChars);
    }

    /** A file's bytes from its start, from wherever they are (a cluster's file system); closed with the TextInput. */
    public static TextInput open(InputStream bytes, int maxRecordChars) throws IOException {
        InputStream raw = new BufferedInputStream(bytes, BUFFER);
        try {
            PushbackInputStream plain = new PushbackInputStream(raw, 4);
            boolean gzip = startsWith(plain, 0x1f, 0x8b);
            Charset charset = StandardCharsets.UTF_8;
            try {
                if (gzip) {
                    // Not buffered again: GZIPInputStream hands over what it inflated before it meets a cut or
                    // corrupt stream, where a BufferedInputStream around it would drop that data with the error.
                    plain = new PushbackInputStream(new GZIPInputStream(plain, BUFFER), 4);
                }
                if (startsWith(plain, 0xef, 0xbb, 0xbf)) {
                    plain.skipNBytes(3);
                } else if (startsWith(plain, 0xff, 0xfe)) {
                    plain.skipNBytes(2);
                    charset = StandardCharsets.UTF_16LE;
                } else if (startsWith(plain, 0xfe, 0xff)) {
                    plain.skipNBytes(2);
                    charset = StandardCharsets.UTF_16BE;
                }
            } catch (EOFException e) {
                throw new BrokenBytes("the gzip data ends early: the file is truncated", e);
            } catch (ZipException e) {
                throw new BrokenBytes("the gzip data is corrupt (" + e.getMessage() + ")", e);
            }
            return new TextInput(plain, gzip, charset, maxRecordChars);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /** UTF-8 bytes already read from a file (one line of it), decoded as a file's would be. */
    public static TextInput utf8(InputStream bytes) {
        return new TextInput(bytes, false, StandardCharsets.UTF_8, DEFAULT_MAX_RECORD_CHARS);
    }

    /** True when the stream starts with these bytes; nothing is consumed. */
    private static boolean startsWith(PushbackInputStream s, int... magic) throws IOException {
        byte[] head = new byte[magic.length];
        int n = 0;
        int r;
        while (n < head.length && (r = s.read(head, n, head.length - n)) > 0) n += r;
        if (n > 0) s.unread(head, 0, n);
        if (n < magic.length) return false;
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xff) != magic[i]) return false;
        }
        return true;
    }

    /** The bytes after gzip and byte-order mark, for a reader of UTF-8 bytes; use them or this reader, not both. */
    public InputStream bytes() {
        return bytes;
    }

    public boolean isGzip() {
        return gzip;
    }

    /** "UTF-8", "UTF-16LE", … */
    public String encoding() {
        return charset.name();
    }

    /** Limit reads to one line each (CSV, NDJSON), so that a failed parser has buffered nothing past its line. */
    public void lineMode(boolean on) {
        this.lineMode = on;
    }

    /** The offset of the next character to deliver. */
    public long offset() {
        return offset;
    }

    /** The physical line of the next character (only counted in line mode). */
    public long line() {
        return line;
    }

    public boolean atLineStart() {
        return atLineStart;
    }

    /** A new record starts: the size limit counts from here. */
    public void startRecord() {
        recordStart = offset;
    }

    /** Removes and returns the bad-byte places before {@code end} (the end of the record just read). */
    public List<BadBytes> takeBadBytes(long end) {
        List<BadBytes> found = new ArrayList<>();
        while (!badBytes.isEmpty() && badBytes.peekFirst().offset() < end) {
            found.add(badBytes.pollFirst());
        }
        return found;
    }

    /** The first pending bad-byte place, if any (for explaining a parser error at that place). */
    public BadBytes firstBadBytes() {
        return badBytes.peekFirst();
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        if (len == 0) return 0;
        if (!fill()) return -1;
        if (offset - recordStart > maxRecordChars) throw new RecordTooLarge(maxRecordChars);
        int n = Math.min(len, out.remaining());
        if (lineMode) {
            int p = out.position();
            for (int i = 0; i < n; i++) {
                if (out.get(p + i) == '\n') {
                    n = i + 1;
                    break;
                }
            }
        }
        out.get(buf, off, n);
        offset += n;
        if (lineMode) {
            for (int i = off; i < off + n; i++) {
                if (buf[i] == '\n') line++;
            }
            atLineStart = buf[off + n - 1] == '\n';
        }
        return n;
    }

    /**
     * Reads the rest of the current line (without its end) into {@code into}, at most {@code max} characters.
     * Returns false at the end of the text. A longer line is skipped to its end; {@code into} then holds
     * more than {@code max} characters, which tells the caller it was too long.
     */
    public boolean readLine(StringBuilder into, int max) throws IOException {
        into.setLength(0);
        if (!fill()) return false;
        while (fill()) {
            if (consumeLine(into, max)) return true;
        }
        return true;
    }

    /** Skips to the start of the next line; what was skipped belongs to a refused record. */
    public void skipLine() throws IOException {
        while (!atLineStart && fill()) {
            consumeLine(null, 0);
        }
        takeBadBytes(offset);
    }

    /**
     * Consumes the decoded buffer up to the end of the line or of the buffer, appending to {@code into}
     * (when given) up to {@code max + 1} characters; true when the line ended. Scans in bulk: a 2 GB line
     * must not cost a method call per character.
     */
    private boolean consumeLine(StringBuilder into, int max) {
        char[] a = out.array();
        int from = out.position();
        int to = out.limit();
        int eol = from;
        while (eol < to && a[eol] != '\n') eol++;
        if (into != null) {
            int room = max + 1 - into.length();
            if (room > 0) into.append(a, from, Math.min(eol - from, room));
        }
        offset += eol - from;
        out.position(eol);
        if (eol < to) {
            out.get();
            offset++;
            line++;
            atLineStart = true;
            return true;
        }
        atLineStart = false;
        return false;
    }

    /** Makes characters available in {@code out}; false at the end of the text. */
    private boolean fill() throws IOException {
        while (!out.hasRemaining()) {
            if (decoderFlushed) return false;
            outBase += out.limit();
            out.clear();
            decodeSome();
            out.flip();
        }
        return true;
    }

    /** Decodes at least one character into {@code out} (write mode, empty), or marks the end of the text. */
    private void decodeSome() throws IOException {
        while (out.position() == 0) {
            if (!bytesEnded && in.remaining() < 16) {
                in.compact();
                int n = readBytes();
                if (n < 0) bytesEnded = true;
                else in.position(in.position() + n);
                in.flip();
            }
            CoderResult r = decoder.decode(in, out, bytesEnded);
            if (r.isError()) {
                StringBuilder hex = new StringBuilder();
                for (int i = 0; i < r.length(); i++) {
                    if (i > 0) hex.append(' ');
                    hex.append(String.format("0x%02X", in.get(in.position() + i) & 0xff));
                }
                if (badBytes.size() < MAX_PENDING_BAD_BYTES) {
                    badBytes.addLast(new BadBytes(outBase + out.position(), hex.toString()));
                }
                // beyond that many pending places (a file of garbage), the first ones say enough
                in.position(in.position() + r.length());
                out.put('\uFFFD');
            } else if (r.isUnderflow() && bytesEnded) {
                // With endOfInput set, a sequence cut by the end of the file is reported as an error above,
                // so an underflow here means every byte was decoded.
                decoder.flush(out);
                decoderFlushed = true;
                return;
            }
        }
    }

    private int readBytes() throws IOException {
        try {
            return bytes.read(in.array(), in.position(), in.remaining());
        } catch (EOFException e) {
            throw new BrokenBytes("the gzip data ends early: the file is truncated", e);
        } catch (ZipException e) {
            throw new BrokenBytes("the gzip data is corrupt (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public void close() throws IOException {
        bytes.close();
    }

    /** Why a file cannot be read, in the words of a rejection. */
    public static String unreadable(IOException e) {
        if (e instanceof AccessDeniedException) return "cannot be read: permission denied";
        if (e instanceof NoSuchFileException) return "cannot be read: it does not exist (a broken link?)";
        if (e instanceof BrokenBytes) return e.getMessage();
        return "cannot be read: " + e.getMessage();
    }
}
