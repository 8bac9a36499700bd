package io.github.mfaeval.report;

import io.github.mfaeval.text.SafeText;

/** Text from the input made inert in Markdown: no markup, link, HTML or table cell break can come from data. */
final class Markdown {
    private Markdown() {
    }

    /**
     * Every ASCII punctuation character is backslash-escaped (CommonMark renders an escaped one literally), so
     * {@code *}, {@code |}, {@code <script>} or {@code [x](y)} in a display name stay text; line breaks and tabs
     * become spaces, so a value never leaves its line or table cell; other controls and the bidi characters
     * become '?', as in the text report.
     */
    static String esc(Object value) {
        if (value == null) return "";
        String s = value.toString();
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t') out.append(' ');
            else if (SafeText.unsafe(c)) out.append('?'); // as the text report shows them
            else if (c < 128 && isPunctuation(c)) out.append('\\').append(c);
            else out.append(c);
        }
        return out.toString();
    }

    private static boolean isPunctuation(char c) {
        return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
    }
}
