package io.github.mfaeval.model;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

/** The enforcement start of one phase for this tenant, as the schedule rules decided it. */
public final class PhaseSchedule implements Explained, java.io.Serializable {
    private final int phase;
    private LocalDate start;
    private boolean postponed;
    private final Set<String> rules = new LinkedHashSet<>();

    public PhaseSchedule(int phase, LocalDate start) {
        this.phase = phase;
        this.start = start;
    }

    public int getPhase() { return phase; }
    public LocalDate getStart() { return start; }
    public boolean isPostponed() { return postponed; }
    @Override
    public Set<String> getRules() { return rules; }

    public void postponeTo(LocalDate newStart) {
        this.start = newStart;
        this.postponed = true;
    }

    public boolean isEnforcedOn(LocalDate day) {
        return !day.isBefore(start);
    }
}
