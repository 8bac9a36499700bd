package io.github.mfaeval.report;

/** HTML escaping for every value that reaches the page: text and attribute values alike. */
public final class Html {
    private Html() {
    }

    /**
     * The value as inert text, safe in element content and in double- or single-quoted attributes. Control
     * characters other than tab and line breaks (never valid in HTML) become U+FFFD, so a hostile name cannot
     * break the document either.
     */
    public static String esc(Object value) {
        if (value == null) return "";
        String s = value.toString();
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\t', '\n', '\r' -> out.append(c);
                default -> out.append(c < 0x20 || (c >= 0x7f && c < 0xa0) ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }
}
