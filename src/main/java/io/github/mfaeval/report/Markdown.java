package io.github.mfaeval.report;

/** Text from the input made inert in Markdown: no markup, link, HTML or table cell break can come from data. */
final class Markdown {
    private Markdown() {
    }

    /**
     * Every ASCII punctuation character is backslash-escaped (CommonMark renders an escaped one literally), so
     * {@code *}, {@code |}, {@code <script>} or {@code [x](y)} in a display name stay text; line breaks and other
     * control characters become spaces, so a value never leaves its line or table cell.
     */
    static String esc(Object value) {
        if (value == null) return "";
        String s = value.toString();
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') out.append(' ');
            else if (c < 128 && isPunctuation(c)) out.append('\\').append(c);
            else out.append(c);
        }
        return out.toString();
    }

    private static boolean isPunctuation(char c) {
        return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
    }
}
