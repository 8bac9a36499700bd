package io.github.mfaeval.load.signin;

import io.github.mfaeval.result.Rejection;
import io.github.mfaeval.model.SignIn;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One sign-in in several exports (decision): when the same id appears in more than one record of a tenant with
 * several sign-in files (a Graph export and a portal CSV of overlapping days), the sign-in is judged on its
 * richest copy, counted once, and every other copy is a duplicate. "Richest" is the ranking the rules give
 * (rules/reference/copy-ranking.drl.csv, {@code RuleBase.copyRanking()}): a total order on
 * the records' evidence, never on the order the files were read in, so the report is the same whatever that order.
 * Ids seen more than once are found before the sign-ins are read (only when there are several files; see
 * {@link #scan}); their copies
 * are held until every file is read and then evaluated in (createdDateTime, id) order. What is held grows with
 * the copied sign-ins only.
 */
public final class SignInCopies {
    /** A copy kept for evaluation, and the kind of sign-in its export said it was. */
    public record Copy(SignIn signIn, SignInKind kind) {
    }

    private static final Comparator<Copy> EVALUATION_ORDER = Comparator
            .comparing((Copy c) -> c.signIn().getCreatedDateTime(), Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
            .thenComparing(c -> c.signIn().getId());

    private final Set<String> copied;
    private final Comparator<SignIn> richerFirst;
    private final Map<String, Copy> held = new HashMap<>();

    private SignInCopies(Set<String> copied, Comparator<SignIn> richerFirst) {
        this.copied = copied;
        this.richerFirst = richerFirst;
    }

    /** Nothing is copied: a single file keeps the first of any repeated record, as it always did. */
    public static SignInCopies none(Comparator<SignIn> richerFirst) {
        return new SignInCopies(Set.of(), richerFirst);
    }

    /**
     * The ids that more than one record of these files carry (only worth asking with several files). A cheap look
     * at the ids first ({@link SignInSource#idsOfRepeatedKeys}): when no id can be carried twice, which is the
     * common case, nothing is copied and the files are read once; otherwise only the lines whose id repeats are
     * read, and every file only when those lines cannot be told apart (on {@code threads} threads, parts of
     * about {@code partBytes}).
     */
    public static SignInCopies scan(SignInSource source, int threads, long partBytes, Comparator<SignIn> richerFirst) {
        if (source.files().size() < 2) return none(richerFirst);
        List<String> ids = source.idsOfRepeatedKeys(threads, partBytes);
        if (ids == null) return read(source, threads, partBytes, richerFirst);
        // Every record of a copied id is among those lines: the sign-ins read from them, in file order, are judged
        // as a read of every file would judge them.
        HashedIdSet seen = new HashedIdSet();
        Set<String> copied = new HashSet<>();
        for (String id : ids) {
            if (Thread.currentThread().isInterrupted()) throw new java.util.concurrent.CancellationException("evaluation interrupted");
            if (!seen.add(id)) copied.add(id);
        }
        return new SignInCopies(copied, richerFirst);
    }

    /** The ids that more than one sign-in read from these files carries, exactly. */
    public static SignInCopies read(SignInSource source, int threads, long partBytes, Comparator<SignIn> richerFirst) {
        HashedIdSet seen = new HashedIdSet();
        Set<String> copied = new HashSet<>();
        source.read(threads, partBytes, new SignInSource.Sink() {
            @Override
            public void signIn(SignIn s, SignInKind kind) {
                if (Thread.currentThread().isInterrupted()) throw new java.util.concurrent.CancellationException("evaluation interrupted");
                if (!seen.add(s.getId())) copied.add(s.getId());
            }

            @Override
            public void rejected(Rejection r) {
            }
        });
        return new SignInCopies(copied, richerFirst);
    }

    /** The ids judged on their richest copy. */
    public Set<String> copied() {
        return copied;
    }

    public boolean isCopied(String id) {
        return copied.contains(id);
    }

    /** Keeps the richer of this copy and the one held; false when a copy was already held (this one is a duplicate). */
    public boolean hold(SignIn s, SignInKind kind) {
        Copy before = held.get(s.getId());
        if (before == null) {
            held.put(s.getId(), new Copy(s, kind));
            return true;
        }
        if (richerFirst.compare(s, before.signIn()) < 0) held.put(s.getId(), new Copy(s, kind));
        return false;
    }

    /** The copies kept, one per id, in (createdDateTime, id) order; the holder is emptied. */
    public List<Copy> drain() {
        List<Copy> out = new ArrayList<>(held.values());
        out.sort(EVALUATION_ORDER);
        held.clear();
        return out;
    }

}
