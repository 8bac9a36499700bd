package io.github.mfaeval.result;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.util.List;

/**
 * When one phase is enforced for the tenant, and whether it already is on the evaluation date.
 *
 * @param source            where the start comes from: {@code tenant-settings} (the tenant's collected enforcement
 *                          settings), {@code manifest} (tenant.json) or {@code default} (the edition's schedule)
 * @param sourceCollectedAt when the tenant settings were collected (source tenant-settings; null when not recorded)
 * @param selfEnforcedSince state SELF_ENFORCED: the day the Azure Policy assignment that refuses the phase's
 *                          operations without MFA was created, when known
 * @param policy            the Azure Policy assignments the rules found for the phase (evidence), possibly none
 */
public record ScheduleEntry(int phase, LocalDate start, boolean postponed, State state, long daysUntilStart, List<String> rules,
                            String source,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String sourceCollectedAt,
                            @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate selfEnforcedSince,
                            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> policy) {
    /**
     * NOT_ENFORCED: Microsoft does not enforce the phase for this tenant at all (a sovereign cloud, in editions that say
     * so). SELF_ENFORCED: before Microsoft's start, the tenant already refuses the phase's operations without MFA
     * (Azure Policy, Deny, enforced everywhere).
     */
    public enum State { ENFORCED, UPCOMING, NOT_ENFORCED, SELF_ENFORCED }

    /** The source as a reader sees it: "tenant settings (collected 2026-12-01T10:00:00Z)", "manifest", "default". */
    public String sourceShown() {
        if (source == null) return "default";
        if (!source.equals("tenant-settings")) return source;
        return "tenant settings" + (sourceCollectedAt == null ? "" : " (collected " + sourceCollectedAt + ")");
    }

    /** The state in words: "enforced", "upcoming, in 30 days", "self-enforced since 2025-06-01", "not enforced". */
    public String stateShown() {
        if (state == null) return "";
        return switch (state) {
            case ENFORCED -> "enforced";
            case UPCOMING -> "upcoming, in " + daysUntilStart + " days";
            case NOT_ENFORCED -> "not enforced";
            case SELF_ENFORCED -> "self-enforced" + (selfEnforcedSince == null ? "" : " since " + selfEnforcedSince)
                    + ", Microsoft's start in " + daysUntilStart + " days";
        };
    }
}
