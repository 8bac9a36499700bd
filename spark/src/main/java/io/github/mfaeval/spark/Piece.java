package io.github.mfaeval.spark;

import io.github.mfaeval.result.Rejection;
import io.github.mfaeval.model.SignIn;

import java.io.Serializable;

/**
 * What reading a file gives, before duplicates are removed: a sign-in with its place in the reading order, a
 * rejection with its place, or the count of records a file held for its tenant.
 */
final class Piece implements Serializable {
    private static final long serialVersionUID = 1L;

    enum Kind { SIGN_IN, REJECTION, FILE }

    final Kind kind;
    final String tenant;
    /** {@link InputFile#order()} of the file. */
    final int file;
    /** Place within the file, in reading order (every sign-in and every rejection takes one). */
    final long seq;
    final SignIn signIn;
    final Rejection rejection;
    final String label;
    final long records;

    private Piece(Kind kind, String tenant, int file, long seq, SignIn signIn, Rejection rejection, String label, long records) {
        this.kind = kind;
        this.tenant = tenant;
        this.file = file;
        this.seq = seq;
        this.signIn = signIn;
        this.rejection = rejection;
        this.label = label;
        this.records = records;
    }

    static Piece signIn(String tenant, int file, long seq, SignIn s) {
        return new Piece(Kind.SIGN_IN, tenant, file, seq, s, null, null, 0);
    }

    static Piece rejection(String tenant, int file, long seq, Rejection r) {
        return new Piece(Kind.REJECTION, tenant, file, seq, null, r, null, r.records());
    }

    static Piece file(String tenant, int file, String label, long records) {
        return new Piece(Kind.FILE, tenant, file, 0, null, null, label, records);
    }

    /** The shuffle key: copies of a sign-in meet under it; other pieces just pass through, spread by file. */
    String key() {
        return kind == Kind.SIGN_IN ? tenant + '\u0000' + signIn.getId() : tenant + '\u0001' + file + '\u0001' + seq;
    }

    /** Reading order: file, then place in file. */
    boolean before(Piece o) {
        return file != o.file ? file < o.file : seq < o.seq;
    }
}
