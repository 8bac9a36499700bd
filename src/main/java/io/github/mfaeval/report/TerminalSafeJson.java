package io.github.mfaeval.report;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import io.github.mfaeval.text.SafeText;

/**
 * JSON that is safe on a terminal and still exact: Jackson escapes only the C0 controls, so an 8-bit CSI
 * (U+009B), DEL or a right-to-left override (U+202E) in a value would reach the screen raw. These escapes write
 * every character {@link SafeText#unsafe} names as {@code \}{@code uNNNN}; a JSON reader gets the value back
 * unchanged.
 */
public final class TerminalSafeJson extends CharacterEscapes {
    public static final TerminalSafeJson ESCAPES = new TerminalSafeJson();
    private final int[] ascii;

    private TerminalSafeJson() {
        ascii = standardAsciiEscapesForJSON();
        ascii[0x7f] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        return ch <= 0xffff && SafeText.unsafe((char) ch) ? new SerializedString(String.format("\\u%04X", ch)) : null;
    }
}
