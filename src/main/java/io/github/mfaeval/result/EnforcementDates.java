package io.github.mfaeval.result;

import io.github.mfaeval.model.Finding;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * When a finding starts to hurt: the first day mandatory MFA is enforced on what it is about. A finding about a
 * phase (the findings catalogue's Phase column: ARM writes are Phase 2) takes that phase's start for this tenant,
 * postponement included, whatever else the user signs in to. Otherwise, for a user, that is the earliest phase
 * among the applications the user signed in to (someone seen only in Azure CLI is hit at phase 2); for the tenant,
 * its policies and domains, and for users without in-scope sign-ins, the first phase.
 */
public final class EnforcementDates {
    private final LocalDate asOf;
    private final LocalDate firstPhase;
    private final Map<Integer, LocalDate> startOfPhase = new HashMap<>();
    private final Map<String, LocalDate> userStart = new HashMap<>();
    private final ActionCatalogue catalogue;

    public EnforcementDates(Report report) {
        this.catalogue = Actions.catalogueOf(report);
        this.asOf = report.asOf();
        LocalDate first = null;
        for (ScheduleEntry s : report.schedule()) {
            startOfPhase.put(s.phase(), s.start());
            if (s.start() != null && (first == null || s.start().isBefore(first))) first = s.start();
        }
        this.firstPhase = first;
        // From each user's earliest in-scope phase, counted over every sign-in whether or not the report lists them.
        for (UserVerdict u : report.users()) {
            Integer phase = u.signIns() == null ? null : u.signIns().firstPhase();
            LocalDate start = phase == null ? null : startOfPhase.get(phase);
            if (start != null) userStart.put(u.id(), start);
        }
    }

    /** The enforcement date for the finding, or null when the report has no schedule. */
    public LocalDate of(Finding f) {
        Integer phase = catalogue.phaseOf(f.code());
        if (phase != null && startOfPhase.get(phase) != null) return startOfPhase.get(phase);
        return userStart.getOrDefault(f.subject(), firstPhase);
    }

    /** True when enforcement already applies on the evaluation date. */
    public boolean enforced(LocalDate date) {
        return date != null && !date.isAfter(asOf);
    }

}
