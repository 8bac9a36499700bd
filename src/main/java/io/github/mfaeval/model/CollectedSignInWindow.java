package io.github.mfaeval.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Derived by the rules (rules/user/collection.drl): the sign-in window of a finished collection whose every
 * sign-in file was collected. Within it, the absence of a sign-in is evidence (nobody signed in to what was
 * fetched), so the age rules judge the window's end instead of the newest sign-in.
 */
public final class CollectedSignInWindow {
    private final Instant from;
    private final Instant to;

    public CollectedSignInWindow(Instant from, Instant to) {
        this.from = from;
        this.to = to;
    }

    public Instant getFrom() { return from; }
    public Instant getTo() { return to; }
    public LocalDate getToDay() { return to.atZone(ZoneOffset.UTC).toLocalDate(); }
    public LocalDate getFromDay() { return from == null ? null : from.atZone(ZoneOffset.UTC).toLocalDate(); }
}
