package io.github.mfaeval.load.signin;

import java.util.HashSet;
import java.util.Set;

/**
 * The sign-in ids seen so far, compared exactly: two ids count as the same sign-in only when they are the same id.
 *
 * <p>Sign-in ids are GUIDs (Graph, the admin center, Log Analytics, diagnostic records and the PowerShell SDK all
 * write the request id as one). A GUID is kept as its 128-bit value in two primitive longs of an open-addressing
 * table: 16 bytes per id (a million ids: 32 MB at worst, half-full table) instead of the ~150 a
 * {@code HashSet<String>} costs, and no collision is possible, by chance or crafted: GUIDs written in upper and
 * lower case are the same GUID, as Entra treats them. (An earlier version kept 64-bit hashes; two different ids
 * with the same hash counted the second as a duplicate, and such pairs can be computed.)
 *
 * <p>An id that is not a GUID is kept whole, as its string, in a hash set: exact, with no digest to argue
 * about, and cheap since real exports hardly ever have one.
 */
public final class HashedIdSet {
    private static final int MIN_CAPACITY = 1 << 10;

    /** Pairs (high, low); (0, 0) marks an empty slot, so the nil GUID is remembered apart. */
    private long[] table = new long[2 * MIN_CAPACITY];
    private int size;
    private boolean hasNil;
    private final Set<String> others = new HashSet<>();
    /** Per set, so that no one can craft ids that all land in one run of slots (a quadratic slowdown). */
    private final long seed = java.util.concurrent.ThreadLocalRandom.current().nextLong() | 1;

    /** Adds the id; false when it was already there. */
    public boolean add(String id) {
        if (id.length() == 36) {
            long hi = hexRun(id, 0, 8);
            long mid = hexRun(id, 9, 13);
            long mid2 = hexRun(id, 14, 18);
            long lo1 = hexRun(id, 19, 23);
            long lo2 = hexRun(id, 24, 36);
            if (hi >= 0 && mid >= 0 && mid2 >= 0 && lo1 >= 0 && lo2 >= 0
                    && id.charAt(8) == '-' && id.charAt(13) == '-' && id.charAt(18) == '-' && id.charAt(23) == '-') {
                return add(hi << 32 | mid << 16 | mid2, lo1 << 48 | lo2);
            }
        }
        return others.add(id);
    }

    public int size() {
        return size + (hasNil ? 1 : 0) + others.size();
    }

    private boolean add(long hi, long lo) {
        if (hi == 0 && lo == 0) {
            if (hasNil) return false;
            hasNil = true;
            return true;
        }
        int slots = table.length / 2;
        int i = slot(hi, lo, slots - 1);
        while (true) {
            long h = table[2 * i];
            long l = table[2 * i + 1];
            if (h == 0 && l == 0) break;
            if (h == hi && l == lo) return false;
            i = (i + 1) & (slots - 1);
        }
        table[2 * i] = hi;
        table[2 * i + 1] = lo;
        if (++size * 2 > slots) grow();
        return true;
    }

    /** The slot of a GUID: a mix of all its bits (random GUIDs are already spread; crafted ones must not cluster). */
    private int slot(long hi, long lo, int mask) {
        long h = (hi ^ seed) * 0x9E3779B97F4A7C15L ^ lo * seed;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return (int) h & mask;
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        int mask = table.length / 2 - 1;
        for (int j = 0; j < old.length; j += 2) {
            long hi = old[j];
            long lo = old[j + 1];
            if (hi == 0 && lo == 0) continue;
            int i = slot(hi, lo, mask);
            while (table[2 * i] != 0 || table[2 * i + 1] != 0) i = (i + 1) & mask;
            table[2 * i] = hi;
            table[2 * i + 1] = lo;
        }
    }

    /** The value of the hex digits id[from, to) (at most 16), or -1 when one is not a hex digit. */
    private static long hexRun(String id, int from, int to) {
        long v = 0;
        for (int i = from; i < to; i++) {
            int d = Character.digit(id.charAt(i), 16);
            if (d < 0 || id.charAt(i) > 'f') return -1; // Character.digit accepts full-width digits too
            v = v << 4 | d;
        }
        return v;
    }
}
