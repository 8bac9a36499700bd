package io.github.mfaeval.model;

import java.time.LocalDate;

/** The earliest start of a phase when the tenant was not notified of its own date (schedule table). */
public final class PhaseDefault extends ReferenceFact {
    private final int phase;
    private final LocalDate notBefore;

    public PhaseDefault(int phase, LocalDate notBefore) {
        this.phase = phase;
        this.notBefore = notBefore;
    }

    public int getPhase() { return phase; }
    public LocalDate getNotBefore() { return notBefore; }
}
