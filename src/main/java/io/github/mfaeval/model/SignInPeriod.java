package io.github.mfaeval.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The period the tenant's sign-ins cover (first and last createdDateTime of every evaluated sign-in, null
 * when none was read), with the evaluation date and the age beyond which the newest sign-in is stale
 * (--max-sign-in-age). A fact of the user stage, inserted once per tenant.
 */
public final class SignInPeriod {
    private final Instant first;
    private final Instant last;
    private final LocalDate asOf;
    private final int maxAgeDays;

    public SignInPeriod(Instant first, Instant last, LocalDate asOf, int maxAgeDays) {
        this.first = first;
        this.last = last;
        this.asOf = asOf;
        this.maxAgeDays = maxAgeDays;
    }

    public Instant getFirst() { return first; }
    public Instant getLast() { return last; }
    /** The UTC day of the newest sign-in, or null. */
    public LocalDate getLastDay() { return last == null ? null : last.atZone(ZoneOffset.UTC).toLocalDate(); }
    public LocalDate getAsOf() { return asOf; }
    public int getMaxAgeDays() { return maxAgeDays; }
    /** The oldest day a newest sign-in may have without being stale: as-of minus the maximum age. */
    public LocalDate getOldestAcceptedDay() { return asOf.minusDays(maxAgeDays); }
}
