package io.github.mfaeval.load.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a plain UTF-8 CSV sign-in file is cut into parts that read in parallel give exactly what reading it whole
 * gives. A CSV value may hold line ends (Log Analytics writes nested JSON as multi-line quoted cells), so a line end
 * is a record end only outside quotes, which only a scan from the start can tell: one pass over the bytes, far
 * cheaper than parsing them. Each cut is at a record end, with the line number and record number the part starts
 * at, counted as {@link CsvRows} counts them (blank lines are no record, the header is none).
 * <p>
 * The scan only cuts files it can follow exactly: strict quoting (a quote opens a value or closes it, a doubled quote
 * inside one), line ends {@code \n} or {@code \r\n}, records of reasonable length. Anything else (a stray quote, a
 * bare {@code \r}, a value never closed, a row of one value with non-ASCII text) is for the whole-file reader and its
 * located rejections: the file is not cut.
 */
public final class CsvCuts {
    /** A record longer than this is not cut around: the reader's own limit (in characters) must decide it. */
    public static final long MAX_RECORD_BYTES = TextInput.DEFAULT_MAX_RECORD_CHARS / 4;

    /** Where a part starts: its byte offset, the lines and the records (after the header) before it. */
    public record Cut(long offset, long linesBefore, long recordsBefore) {
    }

    /** The header's values and the cuts after it (none: read the file whole). */
    public record Plan(String[] header, List<Cut> cuts) {
    }

    private CsvCuts() {
    }

    /**
     * The cuts of the CSV text of {@code in} (a stream at {@code start}, the first byte after any byte-order mark, of a
     * file of {@code size} bytes), about {@code partBytes} apart; null when the file is not to be cut.
     */
    public static Plan plan(InputStream in, long start, long size, long partBytes, char separator) throws IOException {
        Scanner s = new Scanner(start, partBytes, size, (byte) separator);
        byte[] buf = new byte[1 << 16];
        int n;
        while ((n = in.read(buf)) > 0) {
            if (!s.scan(buf, n)) return null;
        }
        if (!s.finish() || s.header == null || s.cuts.isEmpty()) return null;
        return new Plan(CsvRows.parseLine(s.header, separator), s.cuts);
    }

    private static final class Scanner {
        final long start;
        final long partBytes;
        final long size;
        final byte separator;
        final List<Cut> cuts = new ArrayList<>();
        long offset; // of the first byte of the buffer being scanned
        long nextCut;
        long lines;
        long records;
        String header;
        java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream(); // the bytes up to the header's end
        // the record being scanned
        long recordStart;
        boolean inQuotes;
        boolean quoteInQuotes; // a quote inside a quoted value: doubled (escaped) or closing
        boolean afterClose;
        boolean fieldStart = true;
        boolean separators;
        boolean text; // a character that is not white space, so the row is not blank
        boolean nonAscii;
        boolean cr;

        Scanner(long start, long partBytes, long size, byte separator) {
            this.start = start;
            this.offset = start;
            this.recordStart = start;
            this.partBytes = partBytes;
            this.size = size;
            this.separator = separator;
            this.nextCut = start + partBytes;
        }

        /** False when the file cannot be followed exactly. */
        boolean scan(byte[] b, int n) {
            if (header == null) {
                if (head.size() + n > MAX_RECORD_BYTES) return false;
                head.write(b, 0, n);
            }
            for (int i = 0; i < n; i++) {
                byte c = b[i];
                if (cr) {
                    if (c != '\n') return false; // a bare \r: Jackson ends a line there, the scan would not
                    cr = false;
                }
                if (inQuotes) {
                    if (!quoteInQuotes) {
                        if (c == '"') quoteInQuotes = true;
                        else if (c == '\n') lines++;
                        else if (c == '\r') cr = true;
                        else if (!text && !whiteSpace(c)) text = true;
                        if (c < 0) nonAscii = true;
                        continue;
                    }
                    quoteInQuotes = false;
                    if (c == '"') continue; // a doubled quote: one quote of the value
                    inQuotes = false;
                    afterClose = true; // and this byte ends the value: read on below
                }
                if (afterClose) {
                    afterClose = false;
                    if (c != separator && c != '\n' && c != '\r') return false; // text after a closing quote
                }
                if (c == separator) {
                    separators = true;
                    fieldStart = true;
                } else if (c == '\n') {
                    lines++;
                    if (!endRecord(offset + i + 1)) return false;
                } else if (c == '"') {
                    if (!fieldStart) return false; // a quote inside an unquoted value
                    inQuotes = true;
                    fieldStart = false;
                } else if (c == '\r') {
                    cr = true;
                } else {
                    fieldStart = false;
                    if (!text && !whiteSpace(c)) text = true;
                    if (c < 0) nonAscii = true;
                }
            }
            offset += n;
            return offset - recordStart <= MAX_RECORD_BYTES;
        }

        /** A record ended just before {@code next}; cut there when a part is long enough. */
        boolean endRecord(long next) {
            if (next - recordStart > MAX_RECORD_BYTES) return false;
            // A row of one value is blank when all white space; beyond ASCII the scan cannot tell as Java would.
            if (!separators && nonAscii) return false;
            if (separators || text) {
                if (header == null) {
                    byte[] bytes = head.toByteArray();
                    int from = (int) (recordStart - start);
                    int to = (int) (next - start) - 1;
                    if (to > from && bytes[to - 1] == '\r') to--;
                    header = new String(bytes, from, to - from, StandardCharsets.UTF_8);
                    head = null;
                } else {
                    records++;
                }
            }
            recordStart = next;
            separators = false;
            text = false;
            nonAscii = false;
            fieldStart = true;
            if (header != null && next >= nextCut && size - next > partBytes / 2) {
                cuts.add(new Cut(next, lines, records));
                nextCut = next + partBytes;
            }
            return true;
        }

        /** The end of the bytes: the last record may lack its line end, but not its closing quote. */
        boolean finish() {
            if (inQuotes && !quoteInQuotes) return false;
            return !cr;
        }

        private static boolean whiteSpace(byte c) {
            return c == ' ' || c == '\t' || c == 0x0b || c == '\f' || (c >= 0x1c && c <= 0x1f);
        }
    }
}
