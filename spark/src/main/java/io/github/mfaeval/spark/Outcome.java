package io.github.mfaeval.spark;

import io.github.mfaeval.model.DirectoryUser;
import io.github.mfaeval.model.Finding;
import io.github.mfaeval.model.SignInTally;
import io.github.mfaeval.result.SignInVerdict;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the sign-in stage gives on the executors, as one kind of row so that a single pass over the data makes
 * all of it: verdicts (the Parquet table, the report's list), per-user and per-tenant partial results (merged
 * with Spark into what the user and tenant stages need), and the rejections and file counts read on the way.
 */
final class Outcome implements Serializable {
    private static final long serialVersionUID = 1L;

    enum Kind { VERDICT, USER, TENANT, REJECTION, PART_END }

    final Kind kind;
    final String tenant;
    /** Reading order: of the verdict or rejection; for a user, of their first evaluated sign-in. */
    int file;
    long seq;
    SignInVerdict verdict;
    String user;
    SignInTally tally;
    DirectoryUser seenAs;
    // a rejection and the end of a part, as read (Piece): put back together per file on the driver
    int part;
    long atIndex = -1, atLine = -1;
    String where, reason;
    long records, partRecords, partLines;
    /** The end of a part: its sign-in records by the tenant of their log (Piece#byLog). */
    java.util.HashMap<String, Long> byLog;
    long duplicates, inScope, satisfied, notSatisfied;
    final io.github.mfaeval.result.SignInPeriod.Builder period = new io.github.mfaeval.result.SignInPeriod.Builder();
    List<Finding> findings;
    Set<String> fired;

    Outcome(Kind kind, String tenant) {
        this.kind = kind;
        this.tenant = tenant;
    }

    static Outcome verdict(String tenant, int file, long seq, SignInVerdict v) {
        Outcome o = new Outcome(Kind.VERDICT, tenant);
        o.file = file;
        o.seq = seq;
        o.verdict = v;
        return o;
    }

    static Outcome tenantPart(String tenant) {
        Outcome o = new Outcome(Kind.TENANT, tenant);
        o.findings = new ArrayList<>();
        o.fired = new TreeSet<>();
        return o;
    }

    static Outcome of(Piece p) {
        Outcome o = new Outcome(p.kind == Piece.Kind.PART_END ? Kind.PART_END : Kind.REJECTION, p.tenant);
        o.file = p.file;
        o.seq = p.seq;
        o.part = p.part;
        o.atIndex = p.atIndex;
        o.atLine = p.atLine;
        o.where = p.where;
        o.reason = p.reason;
        o.records = p.records;
        o.partRecords = p.partRecords;
        o.partLines = p.partLines;
        o.byLog = p.byLog;
        return o;
    }

    boolean before(Outcome o) {
        return file != o.file ? file < o.file : seq < o.seq;
    }

    /** Merges two partial results of the same tenant (TENANT) or the same user (USER); associative and commutative. */
    static Outcome merge(Outcome a, Outcome b) {
        if (a.kind == Kind.USER) {
            Outcome first = a.before(b) ? a : b;
            Outcome o = new Outcome(Kind.USER, a.tenant);
            o.user = a.user;
            o.file = first.file;
            o.seq = first.seq;
            o.seenAs = first.seenAs;
            o.tally = new SignInTally();
            o.tally.merge(a.tally);
            o.tally.merge(b.tally);
            return o;
        }
        Outcome o = tenantPart(a.tenant);
        for (Outcome x : List.of(a, b)) {
            o.duplicates += x.duplicates;
            o.inScope += x.inScope;
            o.satisfied += x.satisfied;
            o.notSatisfied += x.notSatisfied;
            o.period.merge(x.period);
            o.findings.addAll(x.findings);
            o.fired.addAll(x.fired);
        }
        return o;
    }
}
