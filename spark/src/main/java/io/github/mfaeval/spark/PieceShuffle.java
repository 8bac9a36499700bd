package io.github.mfaeval.spark;

import org.apache.spark.Partitioner;

import java.io.Serializable;
import java.util.Comparator;

/**
 * Where pieces go in the shuffle, and in what order a reducer sees them. Copies of a sign-in meet under one key
 * (tenant and id) and are adjacent, since each reducer's pieces are sorted by key. The end of a part that other parts
 * of its file follow is also sent to every reducer, under a key that sorts before every other: a reducer knows the
 * records and lines before each part before it sees any sign-in, and moves their positions (sources) as reading the
 * file whole would give them.
 */
final class PieceShuffle extends Partitioner {
    private static final long serialVersionUID = 1L;
    /** Keys of the copies of part ends; tenant keys (folder names) never start with it. */
    private static final char PART_END = '\u0000';

    private final int partitions;

    PieceShuffle(int partitions) {
        this.partitions = partitions;
    }

    static String partEndKey(int reducer, Piece end) {
        return PART_END + Integer.toString(reducer) + PART_END + end.file + PART_END + end.part;
    }

    static boolean isPartEndCopy(String key) {
        return !key.isEmpty() && key.charAt(0) == PART_END;
    }

    @Override
    public int numPartitions() {
        return partitions;
    }

    @Override
    public int getPartition(Object key) {
        String k = (String) key;
        if (isPartEndCopy(k)) return Integer.parseInt(k.substring(1, k.indexOf(PART_END, 1)));
        int h = k.hashCode() % partitions;
        return h < 0 ? h + partitions : h;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PieceShuffle p && p.partitions == partitions;
    }

    @Override
    public int hashCode() {
        return partitions;
    }

    /** Plain string order: the part-end copies first, then each key's pieces together. */
    static final class KeyOrder implements Comparator<String>, Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public int compare(String a, String b) {
            return a.compareTo(b);
        }
    }
}
