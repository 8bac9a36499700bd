package io.github.mfaeval.text;

/**
 * The one place that makes text from the input safe for where it goes to people: a terminal or a log (every
 * line of {@code inspect}, the batch log, error messages quoting a file or folder name, the text report), a
 * spreadsheet cell (every CSV the tool writes), and a short quote of a file's content in a message.
 *
 * <p>Input is hostile: a folder named {@code $'x\nmfa-eval: [9/9] fake: READY'} would forge a log line, an escape
 * sequence in a display name would recolour or rewrite the terminal, a right-to-left override (U+202E) makes
 * {@code evil\u202Efdp.exe} read as {@code evilexe.pdf}, and a cell starting with {@code =} runs as a formula.
 */
public final class SafeText {
    /** How many characters of a file's own content a message may quote. */
    public static final int EXCERPT = 40;

    private SafeText() {
    }

    /**
     * Text for a terminal or a log line: every C0 and C1 control (including CR, LF, TAB, ESC and the 8-bit CSI
     * U+009B), DEL, and the invisible characters that reorder or hide text (bidi embeddings, overrides and
     * isolates, LRM/RLM/ALM, the line and paragraph separators) is shown as '?', never obeyed.
     */
    public static String terminal(Object value) {
        if (value == null) return "";
        String s = value.toString();
        int i = 0;
        while (i < s.length() && !unsafe(s.charAt(i))) i++;
        if (i == s.length()) return s;
        StringBuilder out = new StringBuilder(s.length());
        out.append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(unsafe(c) ? '?' : c);
        }
        return out.toString();
    }

    /** A character a terminal would obey or that changes how the text around it reads. */
    public static boolean unsafe(char c) {
        return Character.isISOControl(c) // C0, DEL, C1 (CSI U+009B, NEL U+0085, …)
                || (c >= '\u202A' && c <= '\u202E') // LRE RLE PDF LRO RLO
                || (c >= '\u2066' && c <= '\u2069') // LRI RLI FSI PDI
                || c == '\u200E' || c == '\u200F' || c == '\u061C' // LRM RLM ALM
                || c == '\u2028' || c == '\u2029'; // line and paragraph separators
    }

    /**
     * A short quote of a file's content for a message: at most {@link #EXCERPT} characters, controls and
     * invisible characters written as {@code \xNN} or {@code \\uNNNN}, so that a message never carries more of a
     * file than it takes to recognise it, nor anything a terminal would obey.
     */
    public static String excerpt(String content) {
        if (content == null) return "";
        StringBuilder out = new StringBuilder();
        int n = Math.min(content.length(), EXCERPT);
        for (int i = 0; i < n; i++) {
            char c = content.charAt(i);
            if (c < 0x100 && unsafe(c)) out.append(String.format("\\x%02X", (int) c));
            else if (unsafe(c) || Character.isSurrogate(c)) out.append(String.format("\\u%04X", (int) c));
            else out.append(c);
        }
        if (content.length() > n) out.append('…');
        return out.toString();
    }

    /**
     * A CSV cell as every CSV the tool writes holds it: controls and bidi characters shown as '?' (as
     * {@link #terminal} does; line breaks and tabs, which a quoted cell holds as data, stay), and formulas defused. Spreadsheets run a cell that starts with = + - @ (or a tab
     * or carriage return, after which they look again) as a formula, so a display name like {@code =HYPERLINK(...)}
     * would be executed on opening: such values get a leading apostrophe, the usual way to make a spreadsheet
     * show them as text (OWASP, "CSV injection").
     */
    public static String csvCell(String value) {
        if (value == null || value.isEmpty()) return value;
        // controls and bidi characters as the text report shows them (a CSV is read in terminals and viewers too),
        // except the line breaks and tabs a quoted RFC 4180 cell carries as data
        value = keepingLineBreaks(value);
        char c = value.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + value : value;
    }

    private static String keepingLineBreaks(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean replace = unsafe(c) && c != '\n' && c != '\r' && c != '\t';
            if (replace && out == null) out = new StringBuilder(s.length()).append(s, 0, i);
            if (out != null) out.append(replace ? '?' : c);
        }
        return out == null ? s : out.toString();
    }

    /**
     * The character made visible for a page: {@code [U+202E]}. A browser would obey a bidi override (so
     * {@code evil\u202Efdp.exe} reads as {@code evilexe.pdf}) and shows nothing for a control character; the
     * code point in brackets shows that something is there and what, and is inert in element content and
     * attribute values alike.
     */
    public static String codePoint(char c) {
        return String.format("[U+%04X]", (int) c);
    }
}
