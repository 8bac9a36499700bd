package io.github.mfaeval.engine;

/**
 * The sign-in ids seen so far, kept as 64-bit hashes in an open-addressing table of primitive longs:
 * 16 bytes or less per id instead of the ~120 a {@code HashSet<String>} costs, so de-duplicating a
 * month of a large tenant stays small (a million ids: 16 MB).
 *
 * <p>Two different ids with the same 64-bit hash would make the second count as a duplicate. Among
 * n ids that happens with probability about n²/2⁶⁵: 3·10⁻⁸ for a million ids, 3·10⁻⁶ for ten million.
 */
final class HashedIdSet {
    private static final int MIN_CAPACITY = 1 << 10;

    private long[] table = new long[MIN_CAPACITY];
    private int size;
    /** 0 marks an empty slot, so the one id hashing to 0 is remembered apart. */
    private boolean hasZero;

    /** Adds the id; false when it (or an id with the same hash) was already there. */
    boolean add(String id) {
        long h = hash(id);
        if (h == 0) {
            if (hasZero) return false;
            hasZero = true;
            return true;
        }
        int mask = table.length - 1;
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (true) {
            long slot = table[i];
            if (slot == 0) break;
            if (slot == h) return false;
            i = (i + 1) & mask;
        }
        table[i] = h;
        if (++size * 2 > table.length) grow();
        return true;
    }

    int size() {
        return size + (hasZero ? 1 : 0);
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        int mask = table.length - 1;
        for (long h : old) {
            if (h == 0) continue;
            int i = (int) (h ^ (h >>> 32)) & mask;
            while (table[i] != 0) i = (i + 1) & mask;
            table[i] = h;
        }
    }

    /** FNV-1a over the UTF-16 units, then the MurmurHash3 finaliser so every bit depends on every input bit. */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
