package io.github.mfaeval.result;

import io.github.mfaeval.model.SignIn;

import java.util.Collection;
import java.util.Comparator;
import java.util.Set;

/**
 * A tenant's sign-in files, read once into a {@link SignInFeed} (the intake, {@code load.signin.SignInIntake}); what
 * the read found about copies is asked after it. The evaluation (the engine) knows the reading only through this type.
 */
public interface SignInReading {
    /**
     * Several sign-in files: a sign-in may have copies in several of them (a Graph export and a portal CSV of
     * overlapping days), judged on the richest; with one file the first record of an id wins.
     */
    boolean severalFiles();

    /**
     * Reads every file once, in order, into {@code feed} (parsing on {@code readers} threads, large NDJSON files in
     * parts of about {@code partBytes}, the intake's own size when 0 or less); of the later records of an id the richest is held, as {@code richerFirst}
     * ranks them (a later one replaces the held one only when strictly richer).
     */
    void read(int readers, long partBytes, Comparator<SignIn> richerFirst, SignInFeed feed);

    /** After the read, several files: the ids read more than once (their sign-in is judged on its richest copy). */
    Set<String> repeatedIds();

    /** After the read, several files: the richest later copy of each id read more than once that has one. */
    Collection<SignIn> heldCopies();

    /**
     * After the read: authentication-detail rows whose Request ID no sign-in claimed, as a rejection that counts no
     * record; null when every row was claimed or there are none.
     */
    Rejection unclaimedDetails();
}
