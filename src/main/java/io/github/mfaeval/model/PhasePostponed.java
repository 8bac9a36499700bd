package io.github.mfaeval.model;

import java.time.LocalDate;

/** Derived: a valid postponement moves this phase's start to at least this date. */
public final class PhasePostponed {
    private final int phase;
    private final LocalDate start;

    public PhasePostponed(int phase, LocalDate start) {
        this.phase = phase;
        this.start = start;
    }

    public int getPhase() { return phase; }
    public LocalDate getStart() { return start; }
}
