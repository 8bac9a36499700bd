package io.github.mfaeval.model;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The compact binary form of evaluated sign-ins, written one after the other to a stream and read back in the same
 * order ({@link SignIn#write}, {@link SignIn#read}): the spool of a tenant with several sign-in files. Numbers are
 * variable-length (zig-zag), and a string seen before in the same stream is written as its number in a table both
 * sides build alike (user and tenant ids, application names, rule ids repeat from one sign-in to the next), so a
 * sign-in takes about a third of its JSON and reading it back allocates few strings. Strings are kept exactly: an
 * ASCII string as its bytes, any other as its UTF-16 chars (lone surrogates included).
 */
public final class SignInCodec {
    /** Strings longer than this are never put in the table (ids, free text: they do not repeat). */
    static final int SHORT = 64;
    /** The table stops growing here (the strings after that are written whole): a few MB at most. */
    static final int TABLE = 1 << 16;
    private static final int NULL = 0, ASCII = 1, CHARS = 2, KNOWN = 3;

    private SignInCodec() {
    }

    /** Writes sign-ins to an output stream, buffered; {@link #flush} before the stream is closed. */
    public static final class Encoder {
        private final OutputStream out;
        private byte[] buf = new byte[1 << 16];
        private int pos;
        private final Map<String, Integer> known = new HashMap<>();

        public Encoder(OutputStream out) {
            this.out = out;
        }

        public void flush() throws IOException {
            out.write(buf, 0, pos);
            pos = 0;
            out.flush();
        }

        private void room(int n) throws IOException {
            if (pos + n <= buf.length) return;
            out.write(buf, 0, pos);
            pos = 0;
            if (n > buf.length) buf = new byte[Math.max(n, buf.length * 2)];
        }

        void bool(boolean b) throws IOException {
            room(1);
            buf[pos++] = (byte) (b ? 1 : 0);
        }

        void number(long v) throws IOException {
            room(10);
            long z = (v << 1) ^ (v >> 63);
            while ((z & ~0x7FL) != 0) {
                buf[pos++] = (byte) ((z & 0x7F) | 0x80);
                z >>>= 7;
            }
            buf[pos++] = (byte) z;
        }

        /** A string that may repeat (kept in the table when short). */
        void string(String s) throws IOException {
            if (s == null) {
                number(NULL);
                return;
            }
            if (s.length() <= SHORT) {
                Integer i = known.get(s);
                if (i != null) {
                    number(KNOWN + i);
                    return;
                }
                if (known.size() < TABLE) known.put(s, known.size());
            }
            literal(s);
        }

        /** A string that does not repeat (an id): never in the table. */
        void once(String s) throws IOException {
            if (s == null) number(NULL);
            else literal(s);
        }

        private void literal(String s) throws IOException {
            int n = s.length();
            boolean ascii = true;
            for (int i = 0; i < n && ascii; i++) ascii = s.charAt(i) < 0x80;
            number(ascii ? ASCII : CHARS);
            number(n);
            if (ascii) {
                room(n);
                for (int i = 0; i < n; i++) buf[pos++] = (byte) s.charAt(i);
            } else {
                room(2 * n);
                for (int i = 0; i < n; i++) {
                    char c = s.charAt(i);
                    buf[pos++] = (byte) (c >>> 8);
                    buf[pos++] = (byte) c;
                }
            }
        }
    }

    /** Reads back what an {@link Encoder} wrote, in the same order. */
    public static final class Decoder {
        private final InputStream in;
        private byte[] buf = new byte[1 << 16];
        private int pos, end;
        private final List<String> known = new ArrayList<>();

        public Decoder(InputStream in) {
            this.in = in;
        }

        private void need(int n) throws IOException {
            if (end - pos >= n) return;
            if (n > buf.length) {
                byte[] bigger = new byte[Math.max(n, buf.length * 2)];
                System.arraycopy(buf, pos, bigger, 0, end - pos);
                buf = bigger;
            } else {
                System.arraycopy(buf, pos, buf, 0, end - pos);
            }
            end -= pos;
            pos = 0;
            while (end < n) {
                int r = in.read(buf, end, buf.length - end);
                if (r < 0) throw new EOFException("the sign-in spool ends inside a sign-in");
                end += r;
            }
        }

        boolean bool() throws IOException {
            need(1);
            return buf[pos++] != 0;
        }

        long number() throws IOException {
            long z = 0;
            for (int shift = 0; shift < 70; shift += 7) {
                need(1);
                byte b = buf[pos++];
                z |= (long) (b & 0x7F) << shift;
                if (b >= 0) return (z >>> 1) ^ -(z & 1);
            }
            throw new IOException("not a sign-in spool: a number too long");
        }

        int smallNumber() throws IOException {
            long v = number();
            if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) throw new IOException("not a sign-in spool: " + v);
            return (int) v;
        }

        String string() throws IOException {
            int tag = smallNumber();
            if (tag >= KNOWN) {
                if (tag - KNOWN >= known.size()) throw new IOException("not a sign-in spool: string " + (tag - KNOWN));
                return known.get(tag - KNOWN);
            }
            String s = literal(tag);
            if (s != null && s.length() <= SHORT && known.size() < TABLE) known.add(s);
            return s;
        }

        String once() throws IOException {
            return literal(smallNumber());
        }

        private String literal(int tag) throws IOException {
            if (tag == NULL) return null;
            int n = smallNumber();
            if (n < 0) throw new IOException("not a sign-in spool: length " + n);
            if (tag == ASCII) {
                need(n);
                String s = new String(buf, pos, n, StandardCharsets.ISO_8859_1);
                pos += n;
                return s;
            }
            if (tag != CHARS) throw new IOException("not a sign-in spool: string tag " + tag);
            need(2 * n);
            char[] chars = new char[n];
            for (int i = 0; i < n; i++) {
                chars[i] = (char) ((buf[pos] & 0xFF) << 8 | (buf[pos + 1] & 0xFF));
                pos += 2;
            }
            return new String(chars);
        }
    }
}
