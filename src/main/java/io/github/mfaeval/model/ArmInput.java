package io.github.mfaeval.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Whether the tenant folder held an activity log, the period its events cover, and how many users signed in to a
 * Phase 2 application: without a log, or with one that ends long before the evaluation date, Phase 2 (enforced on
 * writes) cannot be judged from sign-ins alone. The age limit is the sign-ins' (--max-sign-in-age).
 */
public final class ArmInput {
    public static final String FILE = "activityLog.json";

    private final boolean present;
    private final long phase2SignInUsers;
    private final Instant first;
    private final Instant last;
    private final LocalDate asOf;
    private final int maxAgeDays;

    public ArmInput(boolean present, long phase2SignInUsers, Instant first, Instant last, LocalDate asOf, int maxAgeDays) {
        this.present = present;
        this.phase2SignInUsers = phase2SignInUsers;
        this.first = first;
        this.last = last;
        this.asOf = asOf;
        this.maxAgeDays = maxAgeDays;
    }

    public boolean isPresent() { return present; }
    /** Users with at least one in-scope sign-in to a Phase 2 application. */
    public long getPhase2SignInUsers() { return phase2SignInUsers; }
    public String getFile() { return FILE; }
    /** The earliest and latest event time of the log's evaluated events; null when it holds none. */
    public Instant getFirst() { return first; }
    public Instant getLast() { return last; }
    /** The UTC day of the newest event, or null when the log holds none. */
    public LocalDate getLastDay() { return last == null ? null : last.atZone(ZoneOffset.UTC).toLocalDate(); }
    public LocalDate getAsOf() { return asOf; }
    public int getMaxAgeDays() { return maxAgeDays; }
    /** The oldest day a newest event may have without being stale: as-of minus the maximum age. */
    public LocalDate getOldestAcceptedDay() { return asOf.minusDays(maxAgeDays); }
    /** "holds no event" or "ends on 2025-01-31", for messages. */
    public String getPeriodWords() { return last == null ? "holds no event" : "ends on " + getLastDay(); }
}
