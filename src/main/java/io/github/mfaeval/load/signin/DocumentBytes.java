package io.github.mfaeval.load.signin;

import io.github.mfaeval.load.text.Utf8;
import java.io.IOException;
import java.io.InputStream;

/**
 * The UTF-8 bytes of a JSON document (after gzip and byte-order mark) on their way to Jackson's byte parser, for the
 * streaming read of Graph pages and arrays ({@link GraphJsonFastPath#readDocument(TextInput, GraphJsonFastPath.Reopen,
 * GraphSignInParser, String, String, RawRecords)}). On the way it
 * <ul>
 * <li>checks that they are well-formed UTF-8 exactly as Java's strict decoder ({@link TextInput}) judges them, and
 *     stops ({@link NotPlain}) at the first that is not: the character reader then reads the file and says which
 *     record holds them;</li>
 * <li>keeps the bytes from the last {@link #keepFrom mark} on (the start of the record being read), so that a record
 *     the streaming mapper leaves to the tree can be read again from its own bytes, without rewinding the document;</li>
 * <li>stops ({@link NotPlain}) when that record passes the size limit, counted in bytes from a mark never later than
 *     where the character reader starts counting its characters: whatever the character reader would refuse as too
 *     long, this stops at first, so the character reader decides;</li>
 * <li>holds back the last bytes it has until more follow or the input ends cleanly: when the bytes break off (a cut
 *     gzip), the character reader, which decodes a few bytes behind what it has read, has seen every byte this has
 *     handed on.</li>
 * </ul>
 */
final class DocumentBytes extends InputStream {
    /** More than {@link TextInput}'s margin (it reads more bytes when fewer than 16 are left to decode). */
    static final int HOLD_BACK = 32;

    /** The bytes are not for the streaming read (not UTF-8, a record too long, a byte-order mark twice …). */
    static final class NotPlain extends IOException {
        NotPlain(String why) {
            super(why, null);
        }
    }

    private final InputStream source;
    private final int maxRecordBytes;
    private byte[] buf = new byte[1 << 16];
    /** Offset in the document of buf[0]. */
    private long base;
    /** buf[0, handed) has gone to the parser; buf[handed, filled) is read and checked, not yet handed on. */
    private int handed;
    private int filled;
    /** Offset in the document from which bytes are kept. */
    private long mark;
    private boolean ended;
    /** UTF-8 check across reads: continuation bytes still expected, the code point so far, the sequence's continuation count. */
    private int pending;
    private int codePoint;
    private int sequence;

    DocumentBytes(InputStream source, int maxRecordBytes) throws IOException {
        this.source = source;
        this.maxRecordBytes = maxRecordBytes;
        while (!ended && filled < 4) fill();
        // A second byte-order mark, or text Jackson would take for UTF-16 or UTF-32: the character reader decides.
        if (filled >= 3 && (buf[0] & 0xff) == 0xef && (buf[1] & 0xff) == 0xbb && (buf[2] & 0xff) == 0xbf) {
            throw new NotPlain("byte-order mark after the first");
        }
        for (int i = 0; i < Math.min(4, filled); i++) {
            if (buf[i] == 0) throw new NotPlain("NUL byte at the start");
        }
    }

    /** Keeps the bytes from {@code offset} (in the document) on; those before it may go. */
    void keepFrom(long offset) {
        if (offset > mark) mark = Math.min(offset, base + handed);
    }

    /** The array holding the kept bytes; valid until the next read. */
    byte[] array() {
        return buf;
    }

    /** Where the byte at {@code offset} of the document is in {@link #array()}; it must be kept and handed on. */
    int index(long offset) {
        if (offset < base || offset > base + handed) throw new IllegalStateException("bytes at " + offset + " are not kept");
        return (int) (offset - base);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        while (!ended && filled - handed <= HOLD_BACK) fill();
        int ready = ended ? filled - handed : filled - handed - HOLD_BACK; // a cut sequence is never handed on: HOLD_BACK > 3
        if (ready <= 0) return -1;
        int n = Math.min(len, ready);
        System.arraycopy(buf, handed, b, off, n);
        handed += n;
        if (base + handed - mark > maxRecordBytes) throw new NotPlain("record longer than " + maxRecordBytes + " bytes");
        return n;
    }

    /** Reads more bytes from the source and checks them; drops the bytes before the mark when room is needed. */
    private void fill() throws IOException {
        if (filled == buf.length) {
            int drop = (int) (mark - base);
            if (drop > 0) {
                System.arraycopy(buf, drop, buf, 0, filled - drop);
                base += drop;
                handed -= drop;
                filled -= drop;
            }
            if (filled == buf.length) {
                byte[] bigger = new byte[buf.length * 2];
                System.arraycopy(buf, 0, bigger, 0, filled);
                buf = bigger;
            }
        }
        int n = source.read(buf, filled, buf.length - filled);
        if (n < 0) {
            ended = true;
            if (pending > 0) throw new NotPlain("the bytes end inside a UTF-8 sequence");
            return;
        }
        check(filled, filled + n);
        filled += n;
    }

    /** The same judgement as {@link Utf8#valid}, carried across reads. */
    private void check(int from, int to) throws NotPlain {
        byte[] b = buf;
        int i = from;
        while (i < to) {
            int c = b[i++] & 0xff;
            if (pending > 0) {
                if ((c & 0xc0) != 0x80) throw new NotPlain("not UTF-8");
                codePoint = (codePoint << 6) | (c & 0x3f);
                if (--pending == 0 && !Utf8.allowed(codePoint, sequence)) throw new NotPlain("not UTF-8");
                continue;
            }
            if (c < 0x80) {
                // the common case: a run of ASCII, eight bytes a test (the JDK's vectorised checks are C2's only,
                // and the launcher runs C1)
                while (i + 8 <= to && (b[i] | b[i + 1] | b[i + 2] | b[i + 3] | b[i + 4] | b[i + 5] | b[i + 6] | b[i + 7]) >= 0) i += 8;
                while (i < to && b[i] >= 0) i++;
                continue;
            }
            pending = Utf8.continuations(c);
            if (pending < 0) throw new NotPlain("not UTF-8");
            sequence = pending;
            codePoint = c & (0x3f >> pending);
        }
    }
}
