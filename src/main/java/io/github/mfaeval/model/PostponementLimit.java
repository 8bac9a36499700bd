package io.github.mfaeval.model;

import java.time.LocalDate;

/** The latest start date a tenant may choose when postponing a phase (schedule table of later editions). */
public final class PostponementLimit extends ReferenceFact {
    private final int phase;
    private final LocalDate latestStart;

    public PostponementLimit(int phase, LocalDate latestStart) {
        this.phase = phase;
        this.latestStart = latestStart;
    }

    public int getPhase() { return phase; }
    public LocalDate getLatestStart() { return latestStart; }

    public boolean allows(LocalDate chosen) {
        return chosen != null && !chosen.isAfter(latestStart);
    }
}
