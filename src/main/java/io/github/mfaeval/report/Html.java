package io.github.mfaeval.report;

import io.github.mfaeval.text.SafeText;

/** HTML escaping for every value that reaches the page: text and attribute values alike. */
public final class Html {
    private Html() {
    }

    /**
     * The value as inert text, safe in element content and in double- or single-quoted attributes. Control
     * characters other than tab and line breaks (never valid in HTML) and the characters that reorder or hide
     * text (bidi overrides and isolates, LRM/RLM, the line separators: {@link SafeText#unsafe}) are made visible
     * as their code point, {@code [U+202E]}: a hostile name can neither break the document nor read backwards.
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
                default -> {
                    if (SafeText.unsafe(c)) out.append(SafeText.codePoint(c));
                    else out.append(c);
                }
            }
        }
        return out.toString();
    }
}
