package io.github.mfaeval.pipeline;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The one place the evaluation date is decided: the date given (--as-of) when there is one, else the manifest's
 * {@code asOf} (a frozen snapshot such as the bundled examples), else today (UTC). {@code evaluate}, {@code batch},
 * {@code scenarios} and Spark all ask here, so a tenant is evaluated as of the same day whichever runs it.
 */
public final class EvaluationDate {
    private EvaluationDate() {
    }

    /** Today in UTC: the date of a run given none. */
    public static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** The tenant's evaluation date: {@code given}, else {@code manifestAsOf}, else {@code today}. */
    public static LocalDate of(LocalDate given, LocalDate manifestAsOf, LocalDate today) {
        return given != null ? given : manifestAsOf != null ? manifestAsOf : today;
    }

    /** {@link #of(LocalDate, LocalDate, LocalDate)} with today (UTC). */
    public static LocalDate of(LocalDate given, LocalDate manifestAsOf) {
        return of(given, manifestAsOf, today());
    }

    /**
     * The date of a run over several tenants (batch, Spark): {@code given}, else today (UTC). Each tenant is then
     * evaluated as of {@link #of} with its own manifest, so a frozen snapshot keeps its date.
     */
    public static LocalDate ofRun(LocalDate given) {
        return of(given, null, today());
    }
}
