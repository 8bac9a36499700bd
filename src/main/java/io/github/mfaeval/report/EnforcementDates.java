package io.github.mfaeval.report;

import io.github.mfaeval.model.Finding;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * When a finding starts to hurt: the first day mandatory MFA is enforced on what it is about. For a user, that is
 * the earliest phase among the applications the user signed in to (someone seen only in Azure CLI is hit at
 * phase 2); for the tenant, its policies and domains, and for users without in-scope sign-ins, the first phase.
 */
public final class EnforcementDates {
    private final LocalDate asOf;
    private final LocalDate firstPhase;
    private final Map<Integer, LocalDate> startOfPhase = new HashMap<>();
    private final Map<String, LocalDate> userStart = new HashMap<>();

    public EnforcementDates(Report report) {
        this.asOf = report.asOf();
        LocalDate first = null;
        for (ScheduleEntry s : report.schedule()) {
            startOfPhase.put(s.phase(), s.start());
            if (s.start() != null && (first == null || s.start().isBefore(first))) first = s.start();
        }
        this.firstPhase = first;
        // Without listed sign-ins (a streamed report) every user counts from the first phase: the earlier date.
        for (SignInVerdict s : report.signIns() == null ? java.util.List.<SignInVerdict>of() : report.signIns()) {
            LocalDate start = s.inScope() && s.phase() != null ? startOfPhase.get(s.phase()) : null;
            String user = userKey(s);
            if (start != null && user != null) userStart.merge(user, start, (a, b) -> a.isBefore(b) ? a : b);
        }
    }

    /** The enforcement date for the finding, or null when the report has no schedule. */
    public LocalDate of(Finding f) {
        return userStart.getOrDefault(f.subject(), firstPhase);
    }

    /** True when enforcement already applies on the evaluation date. */
    public boolean enforced(LocalDate date) {
        return date != null && !date.isAfter(asOf);
    }

    // The same key the evaluator gives users: the user id, else the lower-cased user principal name.
    private static String userKey(SignInVerdict s) {
        if (s.userId() != null && !s.userId().isEmpty()) return s.userId();
        return s.userPrincipalName() == null ? null : s.userPrincipalName().toLowerCase(Locale.ROOT);
    }
}
