package io.github.mfaeval.spark;

import io.github.mfaeval.model.SignIn;
import scala.Tuple2;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;

/**
 * A reducer's pieces, sorted by key ({@link PieceShuffle}), as groups of one key each, streamed: first the copies
 * of the part ends are taken in, then each sign-in gets the position reading its file whole would give it (the
 * records and lines of the parts before its own added) and its file's label (its path in the storage account) in
 * place of the bare file name, as {@code evaluate} would name a copy of the file.
 */
final class SortedGroups implements Iterator<Tuple2<String, Iterable<Piece>>> {
    private final Iterator<Tuple2<String, Piece>> sorted;
    private final Map<Integer, String> labels;
    /** file -> part -> {records, lines} before the part. */
    private final Map<Integer, Map<Integer, long[]>> before = new HashMap<>();
    /** Files whose path names no tenant: their sign-in records by the tenant of their log, every part summed. */
    private final Map<Integer, Map<String, Long>> unpathed = new HashMap<>();
    private Tuple2<String, Piece> pending;

    SortedGroups(Iterator<Tuple2<String, Piece>> sorted, Map<Integer, String> labels) {
        this.sorted = sorted;
        this.labels = labels;
        Map<Integer, TreeMap<Integer, Piece>> ends = new HashMap<>();
        while (sorted.hasNext()) {
            Tuple2<String, Piece> t = sorted.next();
            if (!PieceShuffle.isPartEndCopy(t._1())) {
                pending = t;
                break;
            }
            Piece end = t._2();
            ends.computeIfAbsent(end.file, f -> new TreeMap<>()).put(end.part, end);
            if (end.tenant.isEmpty()) {
                Map<String, Long> byLog = unpathed.computeIfAbsent(end.file, f -> new HashMap<>());
                end.byLog.forEach((log, n) -> byLog.merge(log, n, Long::sum));
            }
        }
        ends.forEach((file, parts) -> {
            Map<Integer, long[]> moves = new HashMap<>();
            long records = 0;
            long lines = 0;
            int expected = 0;
            for (Piece end : parts.values()) {
                if (end.part != expected++) throw new IllegalStateException("file " + file + ": the end of part " + (expected - 1) + " is missing");
                records += end.partRecords;
                lines += end.partLines;
                moves.put(end.part + 1, new long[]{records, lines});
            }
            before.put(file, moves);
        });
    }

    /**
     * The tenants with more than one sign-in file, as {@code evaluate} would count the files of their folder: the
     * files their path gives them ({@code pathFiles}), and the files without a tenant in their path that hold
     * their records (known from the part ends every reducer receives first).
     */
    java.util.Set<String> severalFiles(Map<String, Integer> pathFiles, TenantRouting routing) {
        Map<String, Integer> files = new HashMap<>(pathFiles);
        for (Map<String, Long> byLog : unpathed.values()) {
            for (String tenant : routing.viewers(byLog)) files.merge(tenant, 1, Integer::sum);
        }
        java.util.Set<String> several = new java.util.HashSet<>();
        files.forEach((tenant, n) -> { if (n > 1) several.add(tenant); });
        return several;
    }

    @Override
    public boolean hasNext() {
        return pending != null;
    }

    @Override
    public Tuple2<String, Iterable<Piece>> next() {
        if (pending == null) throw new NoSuchElementException();
        String key = pending._1();
        List<Piece> group = new ArrayList<>(2);
        while (pending != null && pending._1().equals(key)) {
            group.add(placed(pending._2()));
            pending = sorted.hasNext() ? sorted.next() : null;
        }
        return new Tuple2<>(key, group);
    }

    private Piece placed(Piece p) {
        if (p.kind != Piece.Kind.SIGN_IN) return p;
        SignIn s = p.signIn;
        if (p.part > 0) {
            Map<Integer, long[]> moves = before.get(p.file);
            long[] move = moves == null ? null : moves.get(p.part);
            if (move == null) throw new IllegalStateException("file " + p.file + ": no end of the parts before part " + p.part);
            s.moveSource(move[0], move[1]);
        }
        String label = labels.get(p.file);
        String source = s.getSource();
        if (label != null && source != null) {
            String name = label.substring(label.lastIndexOf('/') + 1);
            if (!name.equals(label) && source.startsWith(name + " ")) {
                return Piece.signIn(p.tenant, p.file, p.part, p.seq & Piece.LAST_PLACE, s.withSource(label + source.substring(name.length())));
            }
        }
        return p;
    }
}
