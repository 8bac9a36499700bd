package io.github.mfaeval.load.text;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What a file holds, judged from its first characters and never from its name alone: gzip or not, which
 * encoding, and whether it is a JSON document, one JSON record per line, CSV, or something that is no export.
 */
public record Sniff(Kind kind, boolean gzip, String encoding, String firstLine, char separator) {
    /** How much of the file is looked at. */
    static final int PEEK = 1 << 20;
    /** The head judged is at least this long (when the file is): {@link #utf16WithoutBom} looks at 64 characters. */
    private static final int HEAD_MIN = 64;
    private static final ObjectReader LINE = new ObjectMapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public enum Kind {
        /** No characters, or only white space. */
        EMPTY,
        /** NUL bytes or other control characters before the first line ends. */
        BINARY,
        /** A ZIP archive: an Excel workbook or a zipped download. */
        ZIP,
        /** UTF-16 text without a byte-order mark (every other byte NUL); {@code firstLine} holds "UTF-16LE" or "UTF-16BE". */
        UTF16_NO_BOM,
        /** One JSON document (page object, array, {"records": …}), or several concatenated. */
        JSON,
        /** One JSON record per line. */
        NDJSON,
        CSV,
        UNKNOWN
    }

    public static Sniff of(Path file) throws IOException {
        return of(file.getFileName().toString(), TextInput.open(file));
    }

    /** What the file named {@code fileName} is, from its bytes (a stream at its start, closed here). */
    public static Sniff of(String fileName, java.io.InputStream bytes) throws IOException {
        return of(fileName, TextInput.open(bytes, TextInput.DEFAULT_MAX_RECORD_CHARS));
    }

    private static Sniff of(String fileName, TextInput opened) throws IOException {
        try (TextInput in = opened) {
            // Only as much as the judgement looks at: the first line (after leading white space) and at least
            // HEAD_MIN characters. Reading a whole PEEK of every file cost a small tenant more than its records.
            char[] buf = new char[Math.min(PEEK, 1 << 14)];
            int n = 0;
            int r;
            int start = -1;
            boolean lineDone = false;
            try {
                while (n < PEEK && (r = in.read(buf, n, buf.length - n)) > 0) {
                    int from = n;
                    n += r;
                    for (int i = from; start < 0 && i < n; i++) {
                        if (!Character.isWhitespace(buf[i])) start = i;
                    }
                    if (start >= 0 && !lineDone) lineDone = hasNewline(buf, Math.max(from, start), n);
                    if (lineDone && n >= HEAD_MIN) break;
                    if (n == buf.length && buf.length < PEEK) buf = java.util.Arrays.copyOf(buf, Math.min(PEEK, buf.length * 2));
                }
            } catch (TextInput.BrokenBytes e) {
                // a truncated gzip file: judge by what came before the break; reading reports the break where it is
                if (n == 0) throw e;
            }
            String name = fileName.toLowerCase(java.util.Locale.ROOT).replaceAll("\\.gz$", "");
            return judge(new String(buf, 0, n), in.isGzip(), in.encoding(), name.endsWith(".jsonl") || name.endsWith(".ndjson"));
        }
    }

    private static boolean hasNewline(char[] buf, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] == '\n') return true;
        }
        return false;
    }

    /**
     * {@code linesByName}: the name says one record per line (.jsonl, .ndjson). The content decides, except when a
     * broken first line leaves it undecided: then the name keeps the file in line mode, where a bad line costs only itself.
     */
    static Sniff judge(String head, boolean gzip, String encoding, boolean linesByName) {
        int start = 0;
        while (start < head.length() && Character.isWhitespace(head.charAt(start))) start++;
        if (start == head.length()) return new Sniff(Kind.EMPTY, gzip, encoding, "", ',');
        int eol = head.indexOf('\n', start);
        String first = (eol < 0 ? head.substring(start) : head.substring(start, eol)).stripTrailing();
        if (head.startsWith("PK\u0003\u0004")) return new Sniff(Kind.ZIP, gzip, encoding, "", ',');
        String utf16 = utf16WithoutBom(head);
        if (utf16 != null) return new Sniff(Kind.UTF16_NO_BOM, gzip, encoding, utf16, ',');
        for (int i = start; i < Math.min(head.length(), start + Math.max(first.length(), 1)); i++) {
            char c = head.charAt(i);
            if (c == 0 || (c < 0x20 && c != '\t' && c != '\r' && c != '\n' && c != '\f')) {
                return new Sniff(Kind.BINARY, gzip, encoding, String.format("0x%02X", (int) c), ',');
            }
        }
        char c = head.charAt(start);
        if (c == '[') return new Sniff(Kind.JSON, gzip, encoding, first, ',');
        if (c == '{') {
            boolean lines = eol > 0 && isOneRecord(first) || linesByName;
            return new Sniff(lines ? Kind.NDJSON : Kind.JSON, gzip, encoding, first, ',');
        }
        char sep = separator(first);
        if (sep != 0) return new Sniff(Kind.CSV, gzip, encoding, first, sep);
        return new Sniff(Kind.UNKNOWN, gzip, encoding, first, ',');
    }

    /**
     * "UTF-16LE" or "UTF-16BE" when the text, read as UTF-8, has a NUL at every odd (or every even) place of its
     * first characters and none at the others: ASCII written as UTF-16 without a byte-order mark. Null otherwise.
     */
    static String utf16WithoutBom(String head) {
        int n = Math.min(head.length(), 64) & ~1;
        if (n < 4) return null;
        boolean le = true;
        boolean be = true;
        for (int i = 0; i < n; i += 2) {
            char even = head.charAt(i);
            char odd = head.charAt(i + 1);
            le &= even != 0 && odd == 0;
            be &= even == 0 && odd != 0;
        }
        return le ? "UTF-16LE" : be ? "UTF-16BE" : null;
    }

    /**
     * True when the line alone is a complete JSON object that is a record rather than a container: then the
     * file is one record per line and a broken line costs only that line.
     */
    private static boolean isOneRecord(String line) {
        try {
            JsonNode n = LINE.readTree(line);
            return n != null && n.isObject() && !JsonStream.isContainer(n);
        } catch (IOException e) {
            return false;
        }
    }

    /** The most frequent of , ; and tab outside quotes in the header line, or 0 when none occurs. */
    private static char separator(String header) {
        int comma = 0;
        int semicolon = 0;
        int tab = 0;
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '"') quoted = !quoted;
            else if (!quoted && c == ',') comma++;
            else if (!quoted && c == ';') semicolon++;
            else if (!quoted && c == '\t') tab++;
        }
        if (comma == 0 && semicolon == 0 && tab == 0) return 0;
        if (comma >= semicolon && comma >= tab) return ',';
        return semicolon >= tab ? ';' : '\t';
    }

    /** The first line, shortened for a message. */
    public String shownFirstLine() {
        return firstLine.length() > 80 ? firstLine.substring(0, 77) + "..." : firstLine;
    }

    /** How the file is described to the user, e.g. "gzip, UTF-16LE". */
    public String container() {
        StringBuilder b = new StringBuilder();
        if (gzip) b.append("gzip");
        if (!encoding.equals("UTF-8")) b.append(b.length() > 0 ? ", " : "").append(encoding);
        return b.toString();
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT) + (container().isEmpty() ? "" : " (" + container() + ")");
    }
}
