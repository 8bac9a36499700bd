package io.github.mfaeval.load.signin;

import io.github.mfaeval.load.text.BoundedInput;
import io.github.mfaeval.load.text.ByteLines;
import io.github.mfaeval.load.text.TextInput;
import io.github.mfaeval.load.text.Utf8;
import io.github.mfaeval.load.text.Position;
import io.github.mfaeval.model.SignIn;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Which records of a tenant's sign-in files may carry the same sign-in id, found much more cheaply than by
 * reading them, so that the read that follows is the only one that maps records.
 * <p>
 * Each line of a plain UTF-8 NDJSON file gives a key: the value of its one top-level {@code id} field, found by a
 * scan of its bytes that only follows strings and nesting (no token is built). The promise: when the reader
 * delivers a sign-in from a line, its id is that key (so two records with the same id have the same key; a key
 * may also come from a line the reader rejects). A line the reader could read otherwise (an envelope, a page, a
 * wrapper, an id spelled twice, escaped or not as text, a name outside ASCII, anything that is not one JSON
 * object) makes its whole part read as the reader reads it, and so does every file that is not plain NDJSON
 * (CSV, JSON documents, gzip, UTF-16): their keys are the ids of the sign-ins read. Keys are compared as
 * {@code HashedIdSet} compares ids (GUIDs in any case), through 64-bit digests: two keys that collide only make a
 * record look like a candidate.
 * <p>
 * The records whose key comes more than once are then read exactly, one line each ({@link #idsAt}).
 */
public final class SignInIds {
    /** A line whose id only the reader can tell. */
    private static final long UNSURE = Long.MIN_VALUE;
    private static final long NO_KEY = 0;

    /**
     * What the scan found: {@code exact} when a repeated key came from a record that has no line of its own to read
     * again (then every file must be read to know); else the lines holding a repeated key, in file order (none: no
     * id can be carried twice). {@code partsLooked}/{@code partsRead}: parts scanned / read by the reader.
     */
    public record Candidates(boolean exact, List<Line> lines, long keys, int partsLooked, int partsRead) {
        public boolean none() {
            return !exact && lines.isEmpty();
        }
    }

    /** A line of a sign-in file, at a byte offset. */
    public record Line(Path file, long offset) {
    }

    private SignInIds() {
    }

    /** Looks at the keys of {@code files}, parts of about {@code partBytes} on {@code threads} threads. */
    public static Candidates scan(List<Path> files, PortalAuthDetails details, int threads, long partBytes) {
        List<SignInReader.Part> parts = new ArrayList<>();
        List<Integer> fileOf = new ArrayList<>();
        for (int f = 0; f < files.size(); f++) {
            for (SignInReader.Part part : SignInReader.split(files.get(f), partBytes)) {
                parts.add(part);
                fileOf.add(f);
            }
        }
        Tally tally = new Tally();
        if (threads <= 1) {
            for (int i = 0; i < parts.size(); i++) {
                if (Thread.currentThread().isInterrupted()) throw new CancellationException("evaluation interrupted");
                if (!tally.add(keysOf(parts.get(i), details), fileOf.get(i))) break;
            }
            return tally.result(files);
        }
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "mfa-eval id scan " + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            // at most threads + 1 parts' keys held at once
            ArrayDeque<Future<PartKeys>> ahead = new ArrayDeque<>();
            int next = 0;
            int done = 0;
            while (done < parts.size()) {
                while (next < parts.size() && ahead.size() <= threads) {
                    SignInReader.Part part = parts.get(next++);
                    ahead.add(pool.submit(() -> keysOf(part, details)));
                }
                PartKeys k;
                try {
                    k = ahead.poll().get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancellationException("evaluation interrupted");
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) throw r;
                    if (e.getCause() instanceof Error err) throw err;
                    throw new IllegalStateException(e.getCause());
                }
                if (!tally.add(k, fileOf.get(done++))) break;
            }
            return tally.result(files);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The ids of the sign-ins the reader delivers from these lines, in the order given: what reading the whole
     * files would deliver from them.
     */
    public static List<String> idsAt(List<Line> lines, PortalAuthDetails details) {
        List<String> ids = new ArrayList<>();
        for (Line line : lines) {
            SignInReader.Part part;
            try {
                part = SignInReader.lineAt(line.file(), line.offset());
            } catch (IOException e) {
                continue; // a file that cannot be read again delivers nothing
            }
            ids.addAll(idsRead(part, details));
        }
        return ids;
    }

    /** The keys of one part: digests, and the offset of each one's line (none when the part was read). */
    record PartKeys(long[] keys, long[] offsets, int count, boolean read, long start) {
    }

    private static PartKeys keysOf(SignInReader.Part part, PortalAuthDetails details) {
        if (part.lines()) {
            try (FileChannel ch = FileChannel.open(part.file(), StandardOpenOption.READ)) {
                ch.position(part.start());
                InputStream in = new BoundedInput(Channels.newInputStream(ch), part.end() - part.start());
                PartKeys k = lineKeys(new ByteLines(in, TextInput.DEFAULT_MAX_RECORD_CHARS,
                        (int) Math.min(ByteLines.BUFFER, part.end() - part.start() + 1)), part.start());
                if (k != null) return k;
            } catch (IOException e) {
                // read below: the reader says what is wrong
            }
        }
        List<String> ids = idsRead(part, details);
        long[] keys = new long[ids.size()];
        for (int i = 0; i < keys.length; i++) keys[i] = digest(ids.get(i));
        return new PartKeys(keys, null, keys.length, true, part.start());
    }

    /** The ids of the sign-ins the reader delivers from this part. */
    private static List<String> idsRead(SignInReader.Part part, PortalAuthDetails details) {
        List<String> ids = new ArrayList<>();
        SignInReader.read(part, details, new SignInReader.PartSink() {
            @Override
            public void signIn(SignIn signIn, SignInKind kind) {
                ids.add(signIn.getId());
            }

            @Override
            public void rejected(Position at, String where, String reason, long count) {
            }

            @Override
            public void notice(String where, String message) {
            }
        });
        return ids;
    }

    /**
     * The key of every line; null at the first line only the reader can tell. The whole lines buffered are scanned in
     * one pass that finds each line's key and its end together; a line longer than the buffer is taken alone.
     */
    static PartKeys lineKeys(ByteLines lines, long start) throws IOException {
        long[] keys = new long[256];
        long[] offsets = new long[256];
        int n = 0;
        BlockScan scan = new BlockScan();
        while (true) {
            long key;
            long offset;
            if (lines.block()) {
                byte[] b = lines.buffer();
                int end = lines.blockEnd();
                int at = lines.position();
                long count = 0;
                while (at < end) {
                    key = scan.key(b, at, end);
                    if (key == UNSURE) return null;
                    offset = lines.offsetOf(at);
                    at = scan.next;
                    count++;
                    if (key == NO_KEY) continue;
                    if (n == keys.length) {
                        keys = Arrays.copyOf(keys, n * 2);
                        offsets = Arrays.copyOf(offsets, n * 2);
                    }
                    keys[n] = key;
                    offsets[n++] = start + offset;
                }
                lines.skipTo(end, count);
                continue;
            }
            if (!lines.next()) break;
            if (lines.tooLong()) continue; // refused by the reader: no sign-in
            key = key(lines.buffer(), lines.start(), lines.end());
            if (key == UNSURE) return null;
            if (key == NO_KEY) continue;
            if (n == keys.length) {
                keys = Arrays.copyOf(keys, n * 2);
                offsets = Arrays.copyOf(offsets, n * 2);
            }
            keys[n] = key;
            offsets[n++] = start + lines.offset();
        }
        return new PartKeys(keys, offsets, n, false, start);
    }

    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long QUOTES = '"' * ONES;
    private static final long BACKSLASHES = '\\' * ONES;
    private static final long NEWLINES = '\n' * ONES;

    /**
     * {@link #key} over a block of whole lines, finding the line's end as it goes: the same answer for each line as
     * {@link #key} gives for it alone, in one pass over its bytes instead of two (the line end, then the key).
     */
    static final class BlockScan {
        /** After {@link #key} (unless UNSURE): where the next line starts. */
        int next;

        /** The key of the line at {@code from}; {@code b[end - 1]} is a '\n', so every loop stops at one. */
        long key(byte[] b, int from, int end) {
            int i = from;
            while (b[i] == ' ' || b[i] == '\t' || b[i] == '\r') i++;
            if (b[i] == '\n') {
                next = i + 1;
                return NO_KEY; // a blank line
            }
            if (b[i] != '{') return UNSURE; // not an object: the reader says what it is
            i++;
            int depth = 1;
            boolean nameNext = true;
            long key = NO_KEY;
            boolean hasId = false;
            while (true) {
                byte c = b[i];
                if (c == '"') {
                    int s = i + 1;
                    int j = stringEnd(b, s, end);
                    if (j < 0) return UNSURE; // the line ends inside a string
                    i = j + 1;
                    if (depth == 1 && nameNext) {
                        nameNext = false;
                        int len = j - s;
                        // the mapper matches names in any case, any alphabet: only plain ASCII names are judged here
                        for (int k = s; k < j; k++) {
                            if (b[k] < 0 || b[k] == '\\') return UNSURE;
                        }
                        if (len == 2 && (b[s] | 0x20) == 'i' && (b[s + 1] | 0x20) == 'd') {
                            if (hasId) return UNSURE; // the tree keeps one of them
                            hasId = true;
                            // the value: a string without escapes, else the reader decides
                            while (b[i] == ' ' || b[i] == '\t' || b[i] == '\r') i++;
                            if (b[i] != ':') return UNSURE;
                            i++;
                            while (b[i] == ' ' || b[i] == '\t' || b[i] == '\r') i++;
                            if (b[i] != '"') return UNSURE;
                            int vs = i + 1;
                            int ve = vs;
                            while (b[ve] != '"' && b[ve] != '\\' && b[ve] != '\n') ve++;
                            if (b[ve] != '"') return UNSURE;
                            key = digest(b, vs, ve);
                            i = ve + 1;
                        } else if (elsewhere(b, s, len)) {
                            return UNSURE;
                        }
                    }
                    continue;
                }
                if (c == '{' || c == '[') {
                    depth++;
                } else if (c == '}' || c == ']') {
                    if (--depth == 0) {
                        i++;
                        while (b[i] == ' ' || b[i] == '\t' || b[i] == '\r') i++;
                        if (b[i] != '\n') return UNSURE;
                        next = i + 1;
                        return key;
                    }
                } else if (c == ',' && depth == 1) {
                    nameNext = true;
                } else if (c == '\n') {
                    return UNSURE; // the object does not end on the line
                }
                i++;
            }
        }

        /**
         * The index of the quote that ends the string starting at {@code j}, or -1 when the line ends first. Most bytes
         * of a record are inside strings: this loop is the scan, eight bytes at a time.
         */
        private static int stringEnd(byte[] b, int j, int end) {
            while (true) {
                while (j + 8 <= end) {
                    long x = (long) Utf8.LONGS.get(b, j);
                    long m = zeroBytes(x ^ QUOTES) | zeroBytes(x ^ BACKSLASHES) | zeroBytes(x ^ NEWLINES);
                    if (m != 0) {
                        j += firstByte(m);
                        break;
                    }
                    j += 8;
                }
                byte d = b[j];
                if (d == '"') return j;
                if (d == '\n') return -1;
                if (d == '\\') {
                    if (b[j + 1] == '\n') return -1;
                    j += 2;
                } else {
                    j++;
                }
            }
        }

        /**
         * Which byte (0-7) the lowest of the high bits of {@code m} marks: its lowest bit moved to the bottom of its byte,
         * times a constant whose byte 7 - k is k, read from the top byte. (Long.numberOfTrailingZeros is a call, not an
         * instruction, under the launcher's C1 compiler.)
         */
        private static int firstByte(long m) {
            return (int) ((((m & -m) >>> 7) * 0x0001020304050607L) >>> 56);
        }

        /** The high bit of each zero byte of {@code t}; exact for the lowest one (the first in the bytes). */
        private static long zeroBytes(long t) {
            return (t - ONES) & ~t & HIGH_BITS;
        }
    }

    /**
     * The digest of a line's key: of its only top-level field named "id" in any case (the mapper takes that one,
     * trimmed), {@link #NO_KEY} when it has none or nothing can be delivered from it (a blank line, bytes that are
     * not one JSON object: the reader rejects them), {@link #UNSURE} when the reader could take an id from elsewhere.
     * Only strings and nesting are followed: a line that is not valid JSON may get any answer but UNSURE's absence
     * matters only for lines the reader accepts, which are valid JSON.
     */
    static long key(byte[] b, int from, int to) {
        int i = from;
        while (i < to && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r')) i++;
        if (i == to) return NO_KEY; // a blank line
        if (b[i] != '{') return UNSURE; // not an object: the reader says what it is
        i++;
        int depth = 1;
        boolean nameNext = true;
        long key = NO_KEY;
        boolean hasId = false;
        while (i < to) {
            byte c = b[i];
            if (c == '"') {
                int s = i + 1;
                int j = s;
                // most bytes of a record are inside strings: this loop is the scan
                while (true) {
                    if (j >= to) return UNSURE;
                    byte d = b[j];
                    if (d == '"') break;
                    j += d == '\\' ? 2 : 1;
                }
                i = j + 1;
                if (depth == 1 && nameNext) {
                    nameNext = false;
                    int len = j - s;
                    // the mapper matches names in any case, any alphabet: only plain ASCII names are judged here
                    for (int k = s; k < j; k++) {
                        if (b[k] < 0 || b[k] == '\\') return UNSURE;
                    }
                    if (len == 2 && (b[s] | 0x20) == 'i' && (b[s + 1] | 0x20) == 'd') {
                        if (hasId) return UNSURE; // the tree keeps one of them
                        hasId = true;
                        // the value: a string without escapes, else the reader decides
                        while (i < to && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r')) i++;
                        if (i < to && b[i] == ':') i++;
                        else return UNSURE;
                        while (i < to && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r')) i++;
                        if (i >= to || b[i] != '"') return UNSURE;
                        int vs = i + 1;
                        int ve = vs;
                        while (ve < to && b[ve] != '"' && b[ve] != '\\') ve++;
                        if (ve >= to || b[ve] == '\\') return UNSURE;
                        key = digest(b, vs, ve);
                        i = ve + 1;
                    } else if (elsewhere(b, s, len)) {
                        return UNSURE;
                    }
                }
                continue;
            }
            if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (--depth == 0) {
                    i++;
                    while (i < to && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r')) i++;
                    return i == to ? key : UNSURE;
                }
            } else if (c == ',' && depth == 1) {
                nameNext = true;
            }
            i++;
        }
        return UNSURE; // the object does not end on the line
    }

    private static final byte[][] ELSEWHERE = {
            ascii("properties"), ascii("additionalproperties"), ascii("value"), ascii("records"), ascii("tables")};

    /**
     * Names under which the reader finds records or ids other than the top-level id: a page or blob of records,
     * a Log Analytics query result, an Azure Monitor envelope, the PowerShell SDK's AdditionalProperties.
     */
    private static boolean elsewhere(byte[] b, int s, int len) {
        for (byte[] name : ELSEWHERE) {
            if (name.length != len) continue;
            int k = 0;
            while (k < len && (b[s + k] | 0x20) == name[k]) k++;
            if (k == len) return true;
        }
        return false;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** The digest of the trimmed text of b[from, to) (UTF-8), as {@link #digest(String)}. */
    private static long digest(byte[] b, int from, int to) {
        while (from < to && (b[from] & 0xff) <= ' ') from++;
        while (to > from && (b[to - 1] & 0xff) <= ' ') to--;
        if (to == from) return NO_KEY;
        if (to - from == 36) {
            long g = guid(b, from);
            if (g != NO_KEY) return g;
        }
        return digest(new String(b, from, to - from, StandardCharsets.UTF_8));
    }

    /**
     * A 64-bit digest of an id, never {@link #NO_KEY} or {@link #UNSURE}: a GUID's from its value (so that it is
     * the same in upper and lower case, as HashedIdSet compares them), any other id's from its characters.
     */
    static long digest(String id) {
        if (id.length() == 36) {
            byte[] b = new byte[36];
            boolean ascii = true;
            for (int i = 0; i < 36; i++) {
                char c = id.charAt(i);
                if (c > 0x7f) ascii = false;
                b[i] = (byte) c;
            }
            if (ascii) {
                long g = guid(b, 0);
                if (g != NO_KEY) return g;
            }
        }
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            h ^= id.charAt(i);
            h *= 0x100000001b3L;
        }
        return fix(mix(h ^ 0x5bd1e995L));
    }

    /** The digest of a GUID written at b[from, from + 36), or NO_KEY when it is not one. */
    private static long guid(byte[] b, int from) {
        if (b[from + 8] != '-' || b[from + 13] != '-' || b[from + 18] != '-' || b[from + 23] != '-') return NO_KEY;
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 36; i++) {
            if (i == 8 || i == 13 || i == 18 || i == 23) continue;
            int d = hex(b[from + i]);
            if (d < 0) return NO_KEY;
            if (i < 19) hi = hi << 4 | d;
            else lo = lo << 4 | d;
        }
        return fix(mix(hi * 0x9E3779B97F4A7C15L ^ mix(lo)));
    }

    private static int hex(byte c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    private static long fix(long h) {
        return h == NO_KEY || h == UNSURE ? 1 : h;
    }

    /**
     * The keys seen so far, in file order, on the calling thread: an open-addressing table of digests and where
     * each was first seen (its file and line offset), so that a key seen again names both lines.
     */
    private static final class Tally {
        /** Where a key seen again came from a part that was read, not scanned: it has no line to read again. */
        private static final long READ = -1;
        private static final long LISTED = 1L << 62;
        /** Set in every position kept, so that none is 0 (the answer for a new key). */
        private static final long KEPT = 1L << 61;
        private static final long OFFSET = (1L << 44) - 1;
        private long[] table = new long[2 * 1024];
        private int size;
        private final List<long[]> lines = new ArrayList<>();
        private boolean exact;
        private long keys;
        private int looked;
        private int read;

        /** False when the scan can stop (every file must be read). */
        boolean add(PartKeys k, int file) {
            if (k.read()) read++;
            else looked++;
            for (int r = 0; r < k.count(); r++) {
                keys++;
                long where = k.read() ? READ : KEPT | (long) file << 44 | k.offsets()[r];
                long before = putIfAbsent(k.keys()[r], where);
                if (before == 0) continue;
                if (before == READ || where == READ) {
                    exact = true;
                    return false;
                }
                if ((before & LISTED) == 0) lines.add(new long[] {before});
                lines.add(new long[] {where});
            }
            return true;
        }

        Candidates result(List<Path> files) {
            if (exact) return new Candidates(true, List.of(), keys, looked, read);
            long[] at = new long[lines.size()];
            for (int i = 0; i < at.length; i++) at[i] = lines.get(i)[0] & ~(LISTED | KEPT);
            Arrays.sort(at);
            List<Line> out = new ArrayList<>();
            for (int i = 0; i < at.length; i++) {
                if (i > 0 && at[i] == at[i - 1]) continue;
                out.add(new Line(files.get((int) (at[i] >>> 44)), at[i] & OFFSET));
            }
            return new Candidates(false, out, keys, looked, read);
        }

        /** 0 when the key is new (and is now kept with {@code where}), else where it was first seen (marked listed). */
        private long putIfAbsent(long key, long where) {
            int slots = table.length / 2;
            int i = (int) mix(key) & (slots - 1);
            while (true) {
                long k = table[2 * i];
                if (k == 0) break;
                if (k == key) {
                    long before = table[2 * i + 1];
                    if (before != READ) table[2 * i + 1] = before | LISTED;
                    return before;
                }
                i = (i + 1) & (slots - 1);
            }
            table[2 * i] = key;
            table[2 * i + 1] = where;
            if (++size * 2 > slots) grow();
            return 0;
        }

        private void grow() {
            long[] old = table;
            table = new long[old.length * 2];
            int mask = table.length / 2 - 1;
            for (int j = 0; j < old.length; j += 2) {
                if (old[j] == 0) continue;
                int i = (int) mix(old[j]) & mask;
                while (table[2 * i] != 0) i = (i + 1) & mask;
                table[2 * i] = old[j];
                table[2 * i + 1] = old[j + 1];
            }
        }
    }
}
