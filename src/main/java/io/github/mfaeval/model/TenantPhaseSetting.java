package io.github.mfaeval.model;

import java.time.LocalDate;

/**
 * What the tenant's own enforcement settings (ARM {@code Microsoft.PortalServices/settings/default}, collected into
 * enforcementSettings.json) say about one phase: Phase 1 from {@code portalEnforcement} and
 * {@code portalEnforcementDate}, Phase 2 from {@code armEnforcementDate}. A tenant that never changed the setting
 * (404, or no {@code multiFactorAuthentication} object) has a fact with mode DEFAULT and no date.
 */
public final class TenantPhaseSetting {
    /** {@code portalEnforcement}: Microsoft's schedule, postponed ("OptOut" in the API), or MFA required now. */
    public enum Mode { DEFAULT, OPT_OUT, ENFORCE }

    private final int phase;
    private final Mode mode;
    private final LocalDate date;
    private final String collectedAt;
    /** The settings' own words for the value, as shown in findings ("OptOut 2025-09-30"). */
    private final String shown;

    public TenantPhaseSetting(int phase, Mode mode, LocalDate date, String collectedAt) {
        this.phase = phase;
        this.mode = mode;
        this.date = date;
        this.collectedAt = collectedAt;
        String word = phase == 1 ? "portalEnforcement " + switch (mode) {
            case DEFAULT -> "Default";
            case OPT_OUT -> "OptOut";
            case ENFORCE -> "Enforce";
        } : "armEnforcementDate";
        this.shown = date == null ? word + (phase == 1 ? ", no date" : " not set") : word + " " + date;
    }

    public int getPhase() { return phase; }
    public Mode getMode() { return mode; }
    /** The date the setting names (UTC day), or null. */
    public LocalDate getDate() { return date; }
    /** When the settings were collected (collection.json), or null when not recorded. */
    public String getCollectedAt() { return collectedAt; }
    public String getShown() { return shown; }

    /**
     * Held to the phase's latest allowed start (PostponementLimit): a Phase 1 OptOut date, any Phase 2 date (the
     * settings' Phase 2 date is the postponement a Global Administrator chose).
     */
    public boolean isLimited() {
        return date != null && (phase != 1 || mode == Mode.OPT_OUT);
    }

    /**
     * Where an Enforce setting puts the phase's start: the earliest of the start otherwise scheduled, the setting's
     * own date when it is not after the evaluation date, and the evaluation date (enforced now, whatever the dates).
     */
    public LocalDate enforcedStart(LocalDate scheduled, LocalDate asOf) {
        LocalDate start = asOf;
        if (date != null && !date.isAfter(asOf) && date.isBefore(start)) start = date;
        if (scheduled != null && scheduled.isBefore(start)) start = scheduled;
        return start;
    }
}
