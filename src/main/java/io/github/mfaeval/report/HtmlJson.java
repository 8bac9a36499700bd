package io.github.mfaeval.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * JSON to be placed inside a page's {@code <script type="application/json">} block. Jackson writes it; every
 * {@code /} is written {@code \/} and every {@code !} as its {@code \}{@code u0021} escape, so neither a closing
 * tag nor a comment opener can appear inside the block, whatever the input held, while the markup it carries
 * (full of {@code <}) stays nearly its own size. The line and paragraph separators are escaped too.
 */
final class HtmlJson {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final CharacterEscapes ESCAPES = new InsideScript();

    private HtmlJson() {
    }

    static void writeStrings(List<String> values, StringBuilder out) {
        StringWriter text = new StringWriter(values.size() * 512);
        try (JsonGenerator json = FACTORY.createGenerator(text)) {
            json.setCharacterEscapes(ESCAPES);
            json.writeStartArray();
            for (String v : values) json.writeString(v);
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.append(text.getBuffer());
    }

    private static final class InsideScript extends CharacterEscapes {
        private static final SerializableString SLASH = new SerializedString("\\/");
        private final int[] escapes;

        InsideScript() {
            escapes = standardAsciiEscapesForJSON();
            escapes['/'] = ESCAPE_CUSTOM;
            escapes['!'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            // Non-ASCII passes as is (the page is UTF-8) except the two separators old parsers took as line ends.
            if (ch == '/') return SLASH;
            if (ch == 0x2028) return new SerializedString("\\u2028");
            if (ch == 0x2029) return new SerializedString("\\u2029");
            return null;
        }
    }
}
