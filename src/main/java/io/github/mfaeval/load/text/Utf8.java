package io.github.mfaeval.load.text;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Whether bytes are well-formed UTF-8 exactly as Java's strict decoder judges them (no overlong forms, no
 * surrogates, nothing above U+10FFFF): a line that passes can go to Jackson's byte parser, which is not as
 * strict; a line that fails is decoded by {@link TextInput}, which says where the bad bytes are.
 */
public final class Utf8 {
    /** Eight bytes at a time (little-endian: the first byte is the lowest). */
    public static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    private Utf8() {
    }

    public static boolean valid(byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            // runs of ASCII, eight bytes at a time: most of a sign-in export
            while (i + 8 <= to && ((long) LONGS.get(b, i) & HIGH_BITS) == 0) i += 8;
            if (i >= to) break;
            int c = b[i] & 0xff;
            if (c < 0x80) {
                i++;
                continue;
            }
            int n = continuations(c);
            if (n < 0 || i + n >= to) return false;
            int cp = c & (0x3f >> n);
            for (int k = 1; k <= n; k++) {
                int d = b[i + k] & 0xff;
                if ((d & 0xc0) != 0x80) return false;
                cp = (cp << 6) | (d & 0x3f);
            }
            if (!allowed(cp, n)) return false;
            i += n + 1;
        }
        return true;
    }

    /** How many continuation bytes follow a lead byte of 0x80 or more (1 to 3), or -1 when it cannot lead. */
    public static int continuations(int lead) {
        if (lead >= 0xc2 && lead <= 0xdf) return 1;
        if (lead >= 0xe0 && lead <= 0xef) return 2;
        if (lead >= 0xf0 && lead <= 0xf4) return 3;
        return -1;
    }

    /** A code point of {@code continuations} continuation bytes that is well formed: not overlong, no surrogate. */
    public static boolean allowed(int codePoint, int continuations) {
        int minimum = continuations == 1 ? 0x80 : continuations == 2 ? 0x800 : 0x10000;
        return codePoint >= minimum && codePoint <= 0x10ffff && (codePoint < 0xd800 || codePoint > 0xdfff);
    }
}
