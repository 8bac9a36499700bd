package io.github.mfaeval.result;

import io.github.mfaeval.model.SignIn;

/**
 * What a tenant's sign-in intake tells the evaluation, record by record in reading order, on the reading thread: the
 * one sink between reading the files (the intake, {@code load.signin}) and judging the sign-ins (the engine), so that
 * neither imports the other. The intake has decided what each record is; the evaluation counts and judges.
 */
public interface SignInFeed {
    /** A sign-in whose id is read for the first time: judged at once. */
    void firstSight(SignIn signIn);

    /**
     * A later record of an id already read: counted as read, and as a duplicate unless {@code duplicate} is false (the
     * first copy held of an id whose earlier records were all other tenants'). With several files the intake holds
     * the richest copy ({@link SignInReading#heldCopies}); with one file it is only counted.
     */
    void repeated(boolean duplicate);

    /** A record of another tenant's log: not read as this tenant's, counted per file for the report's warnings. */
    void otherTenant(SignIn signIn);

    /** {@code rejection.records()} records that are not evaluated. */
    void rejected(Rejection rejection);

    /** Every record of the file called {@code fileName} has been handed over. */
    void fileRead(String fileName);
}
