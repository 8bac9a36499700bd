package io.github.mfaeval.spark;

import io.github.mfaeval.model.SignIn;

import java.io.Serializable;

/**
 * What reading a part of a file gives, before duplicates are removed: a sign-in with its place in the reading
 * order, a rejection with its place, or the end of a part (how many records it held for its tenant, and the records
 * and lines the parts after it add to their positions).
 *
 * <p>Positions are those the reader gives for the part: relative to its start. A rejection is moved on the driver,
 * where a file's parts are put back together; a sign-in is moved on the executor that evaluates it, which receives
 * the ends of every part first ({@link SortedGroups}).
 */
final class Piece implements Serializable {
    private static final long serialVersionUID = 2L;

    enum Kind { SIGN_IN, REJECTION, PART_END }

    /** Bits of {@link #seq} for the place within a part; the part's index is above them. */
    static final int PLACE_BITS = 40;
    static final long LAST_PLACE = (1L << PLACE_BITS) - 1;

    final Kind kind;
    /** Key of the tenant: of a sign-in, the one it is evaluated for; else the one its file's path names ("" if none). */
    final String tenant;
    /** {@link InputFile#order()} of the file. */
    final int file;
    /** Index of the part within its file. */
    final int part;
    /** Place within the file, in reading order: the part's index, then the place within the part. */
    final long seq;
    final SignIn signIn;
    // a rejection: at a record and line of the part (atIndex >= 0), or somewhere said in words
    long atIndex = -1;
    long atLine = -1;
    String where;
    String reason;
    /** Records: of a rejection, or, at the end of a part, every record it held (sign-ins of every tenant, rejected). */
    long records;
    /** At the end of a part: what the reader counted for moving later parts' positions. */
    long partRecords;
    long partLines;
    /** At the end of a part: parts follow it in the same file (its counts must reach the executors). */
    boolean followed;
    /**
     * At the end of a part: its sign-in records by the tenant of their log ("" when the record does not say), routed
     * or not; with {@link #records}, what the driver needs to give each tenant its share of the file.
     */
    java.util.HashMap<String, Long> byLog;

    private Piece(Kind kind, String tenant, int file, int part, long place, SignIn signIn) {
        this(kind, tenant, file, part, signIn, ((long) part << PLACE_BITS) | place);
    }

    private Piece(Kind kind, String tenant, int file, int part, SignIn signIn, long seq) {
        this.kind = kind;
        this.tenant = tenant;
        this.file = file;
        this.part = part;
        this.seq = seq;
        this.signIn = signIn;
    }

    /** A sign-in placed after every file, at {@code order} (how copies judged on their richest are listed). */
    static Piece afterEveryFile(String tenant, long order, SignIn s) {
        return new Piece(Kind.SIGN_IN, tenant, Integer.MAX_VALUE, 0, s, order);
    }

    static Piece signIn(String tenant, int file, int part, long place, SignIn s) {
        return new Piece(Kind.SIGN_IN, tenant, file, part, place, s);
    }

    static Piece rejection(String tenant, int file, int part, long place, long atIndex, long atLine, String where, String reason, long count) {
        Piece p = new Piece(Kind.REJECTION, tenant, file, part, place, null);
        p.atIndex = atIndex;
        p.atLine = atLine;
        p.where = where;
        p.reason = reason;
        p.records = count;
        return p;
    }

    static Piece partEnd(String tenant, int file, int part, long records, java.util.HashMap<String, Long> byLog,
                         long partRecords, long partLines, boolean followed) {
        Piece p = new Piece(Kind.PART_END, tenant, file, part, LAST_PLACE, null);
        p.byLog = byLog;
        p.records = records;
        p.partRecords = partRecords;
        p.partLines = partLines;
        p.followed = followed;
        return p;
    }

    /** The shuffle key: copies of a sign-in meet under it; other pieces just pass through, spread by file and place. */
    String key() {
        return kind == Kind.SIGN_IN ? tenant + '\u0000' + signIn.getId() : tenant + '\u0001' + file + '\u0001' + seq;
    }

    /** Reading order: file, then place in file. */
    boolean before(Piece o) {
        return file != o.file ? file < o.file : seq < o.seq;
    }
}
