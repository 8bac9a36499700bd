package io.github.mfaeval.model;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

/** The enforcement start of one phase for this tenant, as the schedule rules decided it. */
public final class PhaseSchedule implements Explained, java.io.Serializable {
    private final int phase;
    private LocalDate start;
    private final LocalDate scheduledStart;
    private boolean postponed;
    private boolean notEnforced;
    private final Set<String> rules = new LinkedHashSet<>();

    public PhaseSchedule(int phase, LocalDate start) {
        this.phase = phase;
        this.start = start;
        this.scheduledStart = start;
    }

    public int getPhase() { return phase; }
    public LocalDate getStart() { return start; }
    /** The start before any postponement: the date "before enforcement began" is judged against. */
    public LocalDate getScheduledStart() { return scheduledStart; }
    public boolean isPostponed() { return postponed; }
    @Override
    public Set<String> getRules() { return rules; }

    public void postponeTo(LocalDate newStart) {
        this.start = newStart;
        this.postponed = true;
    }

    /** Microsoft does not enforce this phase for the tenant at all (a sovereign cloud). */
    public boolean isNotEnforced() { return notEnforced; }
    public void setNotEnforced(boolean notEnforced) { this.notEnforced = notEnforced; }

    public boolean isEnforcedOn(LocalDate day) {
        return !notEnforced && !day.isBefore(start);
    }
}
