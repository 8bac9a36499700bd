package io.github.mfaeval.model;

import java.time.LocalDate;

/** A phase start date taken from the tenant's own notification (manifest {@code enforcement}). */
public final class NotifiedStart {
    private final int phase;
    private final LocalDate start;

    public NotifiedStart(int phase, LocalDate start) {
        this.phase = phase;
        this.start = start;
    }

    public int getPhase() { return phase; }
    public LocalDate getStart() { return start; }
}
