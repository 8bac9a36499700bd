package io.github.mfaeval.load.signin;

import io.github.mfaeval.model.SignIn;
import io.github.mfaeval.result.Rejection;
import io.github.mfaeval.result.SignInFeed;
import io.github.mfaeval.result.SignInReading;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * The sign-in intake of one tenant: reads its sign-in files once, in whatever export format, with the admin center's
 * authentication-detail rows joined to them ({@link SignInFilesReader}), and says what each record is (decision): another
 * tenant's ({@link OtherTenantRecords}), the first sight of a sign-in, or a later record of one already read.
 *
 * <p>One sign-in in several exports (decision): when a tenant has several sign-in files (a Graph export and a portal
 * CSV of overlapping days) and the same id is in more than one record, the sign-in is judged on its richest copy,
 * counted once, and every other copy is a duplicate. "Richest" is the ranking the rules give
 * (rules/reference/copy-ranking.drl.csv, {@code RuleBase.copyRanking()}): a total order on the records' evidence,
 * never on the order the files were read in, so the report is the same whatever that order. The first record of an
 * id is judged at once (whether it wins is known only after the last file); of its later records the richest is
 * held here, and the evaluation compares the two after the read. An id also counts as read twice when another
 * tenant's record carries it (the same request is in both tenants' logs): its sign-in is then judged with the
 * copies, as it always was. What is held grows with the copied sign-ins only; the ids seen are kept as 128-bit
 * values ({@link HashedIdSet}).
 *
 * <p>With one file nothing is held: the first record of an id wins and later ones are duplicates.
 */
public final class SignInIntake implements SignInReading {
    /** About this many bytes per part of a large NDJSON file read on several threads. */
    public static final long PART_BYTES = SignInFilesReader.PART_BYTES;

    private final List<Path> files;
    /** The admin center's authentication-detail rows, joined to the sign-ins of its download (or null). */
    private final PortalAuthDetails details;
    /** The tenant evaluated: records of other tenants' logs are left out. */
    private final String tenantId;
    private final HashedIdSet seen = new HashedIdSet();
    /** Several files: ids read more than once, exactly as written. */
    private final Set<String> repeated = new HashSet<>();
    /** Several files: ids whose only records so far are other tenants'. */
    private final Set<String> onlyOtherTenants = new HashSet<>();
    private final Map<String, SignIn> held = new HashMap<>();

    public SignInIntake(List<Path> files, PortalAuthDetails details, String tenantId) {
        this.files = files;
        this.details = details;
        this.tenantId = tenantId;
    }

    @Override
    public boolean severalFiles() {
        return files.size() > 1;
    }

    @Override
    public void read(int readers, long partBytes, Comparator<SignIn> richerFirst, SignInFeed feed) {
        boolean several = severalFiles();
        SignInFilesReader.read(files, details, readers, partBytes > 0 ? partBytes : PART_BYTES, new SignInFilesReader.FileSink() {
            @Override
            public void signIn(SignIn s) {
                stopIfInterrupted();
                String id = s.getId();
                if (OtherTenantRecords.foreign(s, tenantId)) {
                    if (several) {
                        if (seen.add(id)) onlyOtherTenants.add(id);
                        else repeated.add(id);
                    }
                    feed.otherTenant(s);
                    return;
                }
                if (seen.add(id)) {
                    feed.firstSight(s);
                    return;
                }
                if (!several) {
                    feed.repeated(true);
                    return;
                }
                repeated.add(id);
                SignIn before = held.get(id);
                if (before == null) {
                    held.put(id, s);
                    // the first own record of an id only other tenants' records carried before: nothing was judged yet
                    feed.repeated(!onlyOtherTenants.remove(id));
                    return;
                }
                if (richerFirst.compare(s, before) < 0) held.put(id, s);
                feed.repeated(true);
            }

            @Override
            public void rejected(Rejection r) {
                feed.rejected(r);
            }

            @Override
            public void fileRead(Path file, String description) {
                feed.fileRead(file.getFileName().toString());
            }
        });
    }

    @Override
    public Set<String> repeatedIds() {
        return repeated;
    }

    @Override
    public Collection<SignIn> heldCopies() {
        return held.values();
    }

    /**
     * Authentication-detail rows whose Request ID no sign-in claimed (is the main download missing, or cut?), as a
     * rejection that counts no record; null when every row was claimed or there are none. Asked after the read.
     */
    @Override
    public Rejection unclaimedDetails() {
        if (details == null) return null;
        long rows = details.unmatchedRows();
        if (rows == 0) return null;
        return new Rejection(details.fileNames(), "", rows + " authentication-detail row(s) of "
                + details.unmatched() + " Request ID(s) belong to no sign-in in the files read: ignored", 0);
    }

    /**
     * An interrupted thread (a batch whose per-tenant time limit ran out) stops at the next record instead of
     * reading on; the caller gets a CancellationException, never a partial report.
     */
    private static void stopIfInterrupted() {
        if (Thread.currentThread().isInterrupted()) throw new CancellationException("evaluation interrupted");
    }
}
