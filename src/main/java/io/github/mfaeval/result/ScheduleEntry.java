package io.github.mfaeval.result;

import java.time.LocalDate;
import java.util.List;

/** When one phase is enforced for the tenant, and whether it already is on the evaluation date. */
public record ScheduleEntry(int phase, LocalDate start, boolean postponed, State state, long daysUntilStart, List<String> rules) {
    /** NOT_ENFORCED: Microsoft does not enforce the phase for this tenant at all (a sovereign cloud, in editions that say so). */
    public enum State { ENFORCED, UPCOMING, NOT_ENFORCED }
}
