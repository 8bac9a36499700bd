package io.github.mfaeval.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The enforcement start of one phase for this tenant, as the schedule rules decided it. */
public final class PhaseSchedule implements Explained, java.io.Serializable {
    private final int phase;
    private LocalDate start;
    private final LocalDate scheduledStart;
    private boolean postponed;
    private boolean notEnforced;
    private final Set<String> rules = new LinkedHashSet<>();
    /** Where the start comes from: {@link #DEFAULT}, {@link #MANIFEST} or {@link #TENANT_SETTINGS}. */
    private String source;
    private String sourceCollectedAt;
    private boolean selfEnforced;
    private LocalDate selfEnforcedSince;
    private final List<String> policyEvidence = new ArrayList<>();

    public static final String DEFAULT = "default";
    public static final String MANIFEST = "manifest";
    public static final String TENANT_SETTINGS = "tenant-settings";

    public PhaseSchedule(int phase, LocalDate start) {
        this(phase, start, DEFAULT);
    }

    public PhaseSchedule(int phase, LocalDate start, String source) {
        this.phase = phase;
        this.start = start;
        this.scheduledStart = start;
        this.source = source;
    }

    public int getPhase() { return phase; }
    public LocalDate getStart() { return start; }
    /** The start before any postponement: the date "before enforcement began" is judged against. */
    public LocalDate getScheduledStart() { return scheduledStart; }
    public boolean isPostponed() { return postponed; }
    @Override
    public Set<String> getRules() { return rules; }

    /** default (the edition's table), manifest (tenant.json) or tenant-settings (the collected enforcement settings). */
    public String getSource() { return source; }
    /** When the tenant settings the start comes from were collected, or null. */
    public String getSourceCollectedAt() { return sourceCollectedAt; }
    public boolean isFromTenantSettings() { return TENANT_SETTINGS.equals(source); }

    /**
     * The tenant's collected settings decide the start (they win over the manifest and the defaults); a postponement
     * the manifest claims no longer moves it. {@code postponed}: the settings postpone the phase.
     */
    public void takeFromTenantSettings(LocalDate newStart, boolean postponed, String collectedAt) {
        this.start = newStart;
        this.postponed = postponed;
        this.source = TENANT_SETTINGS;
        this.sourceCollectedAt = collectedAt;
    }

    /** The tenant already refuses this phase's operations without MFA itself (Azure Policy, Deny). */
    public boolean isSelfEnforced() { return selfEnforced; }
    /** Since when, when known (the assignment's creation date). */
    public LocalDate getSelfEnforcedSince() { return selfEnforcedSince; }
    public void selfEnforce(LocalDate since) {
        this.selfEnforced = true;
        this.selfEnforcedSince = since;
    }

    /** The Azure Policy assignments the rules found for this phase, as the report shows them. */
    public List<String> getPolicyEvidence() { return policyEvidence; }
    public void addPolicyEvidence(String evidence) {
        if (!policyEvidence.contains(evidence)) policyEvidence.add(evidence);
    }

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
