package io.github.mfaeval.load.text;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipException;

/**
 * The lines of UTF-8 bytes, without decoding them: each line is handed over as a slice of a reused buffer
 * ({@link #buffer()}, {@link #start()}, {@link #end()}, without its '\n'), for a parser that reads bytes.
 * A line longer than the limit is skipped to its end, never held whole ({@link #tooLong()}).
 * Lines are numbered from 1 at the start of what is read (a range of a file counts its own lines).
 */
public final class ByteLines {
    /** Big enough for a block of many records (each ~4 KB), so a parser reads many lines in one go. */
    public static final int BUFFER = 1 << 18;

    private final InputStream in;
    private final int maxLine;
    private byte[] buf;
    private int pos;
    private int lim;
    private boolean eof;
    private long nextLine = 1;
    private long newlines;
    private long inBlocks;
    /** Where buf[0] is in what is read. */
    private long base;

    private int start;
    private int end;
    private long line;
    private boolean tooLong;
    private boolean ascii;
    /** The end of the block of whole lines ahead ({@link #block}). */
    private int blockEnd;
    /** The bytes before this index of buf are known to be valid UTF-8 ({@link #blockIsUtf8}). */
    private int checked;

    public ByteLines(InputStream in, int maxLine) {
        this(in, maxLine, BUFFER);
    }

    /** {@code buffer}: the buffer to start with (less for a few bytes to read: one line read again). */
    public ByteLines(InputStream in, int maxLine, int buffer) {
        this.in = in;
        this.maxLine = maxLine;
        this.buf = new byte[Math.max(16, Math.min(buffer, BUFFER))];
    }

    /** Moves to the next line; false at the end of the bytes. */
    public boolean next() throws IOException {
        tooLong = false;
        int scan = pos;
        while (true) {
            // the line's bytes are scanned once: for its end, and whether any is not ASCII (then it is checked as UTF-8)
            int high = 0;
            int i = scan;
            byte[] b = buf;
            int l = lim;
            while (i < l) {
                byte c = b[i];
                if (c == '\n') break;
                high |= c;
                i++;
            }
            if (i < l) {
                ascii = scan == pos ? high >= 0 : ascii && high >= 0;
                take(pos, i);
                pos = i + 1;
                newlines++;
                return true;
            }
            ascii = scan == pos ? high >= 0 : ascii && high >= 0;
            if (l - pos > maxLine) {
                skipRest();
                return true;
            }
            scan = l;
            if (eof) {
                if (pos == lim) return false;
                take(pos, lim);
                pos = lim;
                return true;
            }
            int shift = pos;
            fill();
            scan -= shift;
        }
    }

    private void take(int from, int to) {
        start = from;
        end = to;
        line = nextLine++;
    }

    /** Skips a line past the limit to its end (or the end of the bytes). */
    private void skipRest() throws IOException {
        tooLong = true;
        line = nextLine++;
        start = end = 0;
        pos = lim;
        while (true) {
            if (pos == lim) {
                if (eof) return;
                fill();
                continue;
            }
            int i = pos;
            while (i < lim && buf[i] != '\n') i++;
            if (i < lim) {
                pos = i + 1;
                newlines++;
                return;
            }
            pos = lim;
        }
    }

    /**
     * Makes the whole lines buffered ahead a block: from {@link #position()} to {@link #blockEnd()}, just after the last
     * '\n' in the buffer, for a reader that takes many lines in one go and then moves on ({@link #skipTo}). False when
     * not one whole line is buffered (a line longer than the buffer, the last line of the bytes without its '\n', the
     * end): {@link #next} takes it.
     */
    public boolean block() throws IOException {
        while (true) {
            byte[] b = buf;
            for (int i = lim - 1; i >= pos; i--) {
                if (b[i] == '\n') {
                    blockEnd = i + 1;
                    return true;
                }
            }
            if (eof || lim - pos == buf.length) return false;
            fill();
        }
    }

    /** Where the block ends: just after a '\n'. */
    public int blockEnd() {
        return blockEnd;
    }

    /** The start of the next line in {@link #buffer()}. */
    public int position() {
        return pos;
    }

    /** The block holds only well-formed UTF-8 ({@link Utf8}), each byte checked once however often it is asked. */
    public boolean blockIsUtf8() {
        int from = Math.max(checked, pos);
        if (from < blockEnd && !Utf8.valid(buf, from, blockEnd)) return false;
        checked = Math.max(checked, blockEnd);
        return true;
    }

    /** Moves past {@code lines} whole lines of the block, to {@code to}, the start of the line after them. */
    public void skipTo(int to, long lines) {
        inBlocks += lines;
        pos = to;
        nextLine += lines;
        newlines += lines;
        line = nextLine - 1;
        tooLong = false;
    }

    /** The lines passed over in blocks ({@link #skipTo}), not one at a time. */
    public long linesInBlocks() {
        return inBlocks;
    }

    /** Where {@code index} of {@link #buffer()} is in what is read. */
    public long offsetOf(int index) {
        return base + index;
    }

    /** Keeps the unread part at the start of the buffer (growing it for a long line) and reads more bytes. */
    private void fill() throws IOException {
        int keep = lim - pos;
        base += pos;
        if (keep > 0 && pos > 0) System.arraycopy(buf, pos, buf, 0, keep);
        checked = Math.max(0, checked - pos);
        pos = 0;
        lim = keep;
        if (lim == buf.length) {
            byte[] bigger = new byte[(int) Math.min((long) buf.length * 2, (long) maxLine + BUFFER)];
            System.arraycopy(buf, 0, bigger, 0, lim);
            buf = bigger;
        }
        int n;
        try {
            n = in.read(buf, lim, buf.length - lim);
        } catch (EOFException e) {
            throw new TextInput.BrokenBytes("the gzip data ends early: the file is truncated", e);
        } catch (ZipException e) {
            throw new TextInput.BrokenBytes("the gzip data is corrupt (" + e.getMessage() + ")", e);
        }
        if (n < 0) eof = true;
        else lim += n;
    }

    public byte[] buffer() {
        return buf;
    }

    public int start() {
        return start;
    }

    public int end() {
        return end;
    }

    /** Where the line starts in what is read (bytes before it; not for a line too long). */
    public long offset() {
        return base + start;
    }

    /** The line's number, from 1 at the start of what is read. */
    public long line() {
        return line;
    }

    /** The line passed the limit and was skipped: its bytes are not available. */
    public boolean tooLong() {
        return tooLong;
    }

    /** Every byte of the line is ASCII (so it is valid UTF-8 without checking). */
    public boolean ascii() {
        return ascii;
    }

    /** Line ends read so far: the lines a following range starts after. */
    public long newlines() {
        return newlines;
    }
}
